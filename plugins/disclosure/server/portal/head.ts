import type { PluginTenant } from "../../../../app/plugin-api";
import type { DisclosureContext } from "../context";

/** What a portal page puts in <head>: built by the loader (it knows the origin and the reader's language), rendered by `headTags`. */
export interface Head {
  title: string;
  canonical: string;
  description?: string;
  /** Atom feeds offered for this page. */
  feeds?: { href: string; title: string }[];
  /** schema.org JSON-LD. */
  jsonLd?: Record<string, unknown>;
  /** Search results: not worth a search engine's index. */
  noindex?: boolean;
}

/** Where the host says absolute URLs point (never the Host header a client sent). */
type Origin = Pick<DisclosureContext, "publicOrigin">;

/** The origin to put before a path in canonical links, feeds and the API's links; "" (relative URLs) when the host has none to give. */
export function originOf(ctx: Origin): string {
  return ctx.publicOrigin ?? "";
}

/** A URL of `path` on the public origin with only the given, non-empty parameters: language and 长者模式 switches stay out of canonical links. */
export function absolute(ctx: Origin, path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const url = new URL(path, ctx.publicOrigin ?? "http://relative.invalid");
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  return ctx.publicOrigin ? url.toString() : `${url.pathname}${url.search}`;
}

export const portalPath = (code: string, rest = "") => `/t/${code}/disclosure${rest ? `/${rest}` : ""}`;
export const apiPath = (code: string, rest = "") => `/api/v1/t/${code}/disclosure${rest ? `/${rest}` : ""}`;

/** The office as schema.org sees it: a government organisation, with the contact details it publishes. */
export function organization(tenant: PluginTenant, locale: keyof PluginTenant["name"], homeUrl: string) {
  const c = tenant.contact;
  const address = c.address?.[locale];
  return {
    "@type": "GovernmentOrganization",
    name: tenant.name[locale],
    url: homeUrl,
    identifier: tenant.creditCode,
    ...(address ? { address: { "@type": "PostalAddress", streetAddress: address, ...(c.postcode ? { postalCode: c.postcode } : {}) } } : {}),
    ...(c.phone ? { telephone: c.phone } : {}),
    ...(c.fax ? { faxNumber: c.fax } : {}),
    ...(c.email ? { email: c.email } : {}),
  };
}
