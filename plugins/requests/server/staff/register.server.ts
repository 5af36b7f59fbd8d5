import { IsoDate } from "../iso-date";
import { chinaDate, firstErrors } from "../../../../app/plugin-api";
import { checkedTexts, type FieldErrors, parseForm } from "../../../../app/plugin-api/loaders.server";
import { RECEIPT_CHANNELS, RECEIPT_RULES, type ReceiptChannel, type ReceiptFacts } from "../../law/receipt";
import { ApplicationInput } from "../applicant";
import { createApplication } from "../applications.server";
import { RECEIPT_FIELDS } from "./register-form";
import { applyValues, relevantForm, type ApplyValues } from "../public/apply-form";
import type { RequestsContext } from "../context";

export type RegisterValues = ApplyValues & { channel: string } & Record<(typeof RECEIPT_FIELDS)[number], string>;
export type RegisterAnswer = { ok: true; id: string } | { ok: false; values: RegisterValues; errors: FieldErrors };

export function registerValues(form: FormData): RegisterValues {
  const text = (n: string) => (typeof form.get(n) === "string" ? (form.get(n) as string).trim() : "");
  return { ...applyValues(form), channel: text("channel"), ...Object.fromEntries(RECEIPT_FIELDS.map((f) => [f, text(f)])) } as RegisterValues;
}

/**
 * An application that came by letter, in person, fax or e-mail, registered by the officer: the
 * receipt date follows from the channel (Art 31), the clock starts on it, and nothing is written
 * unless every field is right.
 */
export async function registerApplication(ctx: RequestsContext, form: FormData): Promise<RegisterAnswer> {
  const values = registerValues(form);
  const errors: FieldErrors = checkedTexts(form).errors;
  const channel = RECEIPT_CHANNELS.includes(values.channel as ReceiptChannel) ? (values.channel as ReceiptChannel) : null;
  if (!channel) errors.channel ??= ["requests:errors.channel"];
  const parsed = parseForm(ApplicationInput, relevantForm(values));
  if (!parsed.ok) for (const [field, keys] of Object.entries(firstErrors(parsed.errors))) errors[field] ??= keys;
  const receipt: ReceiptFacts = {};
  const today = chinaDate();
  if (channel) {
    const rule = RECEIPT_RULES[channel];
    for (const fact of [rule.fact, ...(rule.confirmSameDayAs ? [rule.confirmSameDayAs] : [])]) {
      const value = values[fact];
      if (!value || errors[fact]) continue;
      if (!IsoDate.safeParse(value).success) errors[fact] = ["requests:errors.date"];
      else if (value > today) errors[fact] = ["requests:errors.dateInFuture"];
      else receipt[fact] = value;
    }
  }
  if (Object.keys(errors).length || !channel || !parsed.ok) return { ok: false, values, errors };
  const created = await ctx.withTenant(async (trx) => {
    const result = await createApplication(ctx, trx, { input: parsed.data, channel, receipt, registeredBy: ctx.user!.id });
    if (result.ok) {
      await ctx.audit(trx, { action: "requests.application.register", target: { type: "requests_application", id: result.id }, data: { trackingNo: result.trackingNo, channel, receivedOn: result.receivedOn } });
    }
    return result;
  });
  if (!created.ok) return { ok: false, values, errors: { [created.field]: [created.error] } };
  return { ok: true, id: created.id };
}
