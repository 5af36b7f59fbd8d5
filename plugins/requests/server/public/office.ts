import type { RequestsContext } from "../context";

const CONTACT_FIELDS = ["address", "postcode", "hours", "phone", "email"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** What the public pages show of the office: its names for the frame and the contact details it filled in. */
export function publicOffice(ctx: RequestsContext) {
  const c = ctx.tenant.contact;
  const values: Record<ContactField, string | undefined> = {
    address: c.address?.[ctx.locale],
    postcode: c.postcode,
    hours: c.hours?.[ctx.locale],
    phone: c.phone,
    email: c.email,
  };
  const contact = CONTACT_FIELDS.flatMap((field) => {
    const value = values[field]?.trim();
    return value ? [{ field, value }] : [];
  });
  return { code: ctx.tenant.code, name: ctx.tenant.name, contact };
}
export type PublicOffice = ReturnType<typeof publicOffice>;
