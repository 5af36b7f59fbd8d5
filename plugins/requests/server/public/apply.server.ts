
import { checkedTexts, type FieldErrors, parseForm } from "../../../../app/plugin-api/loaders.server";
import { ApplicationInput } from "../applicant";
import { createApplication } from "../applications.server";
import { readAttachment, storeAttachment } from "../attachments.server";
import { firstErrors } from "../../../../app/plugin-api";
import { APPLY_FIELDS, applyValues, ATTACHMENT, HONEYPOT, relevantForm, type ApplyValues } from "./apply-form";
import { suggestPublished, type Suggestion } from "./suggest.server";
import type { RequestsContext } from "../context";

/** 5 applications an hour from one connection: enough for a family or a small office, not for a flood. */
export const APPLY_LIMIT = { max: 5, windowMinutes: 60 };

export type ApplyAnswer =
  | { outcome: "submitted"; trackingNo: string; queryCode: string }
  | { outcome: "refused"; values: ApplyValues; errors: FieldErrors; message: string; status: 400 | 429; chooseFileAgain: boolean }
  | { outcome: "suggested"; values: ApplyValues; errors: FieldErrors; suggestions: Suggestion[]; chooseFileAgain: boolean };

const hasFile = (v: FormDataEntryValue | null) => v !== null && typeof v !== "string" && v.size > 0;

const PAGE_ORDER: readonly string[] = [...APPLY_FIELDS, ATTACHMENT];

/** The errors ordered as the form shows its fields; errors of fields the page does not show (`_form`) come first. */
export function inPageOrder(errors: FieldErrors): FieldErrors {
  const rank = (k: string) => PAGE_ORDER.indexOf(k);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** A form this page does not send (an intent other than submit or suggest): refused, nothing stored. */
export function unknownIntent(form: FormData): ApplyAnswer {
  return { outcome: "refused", values: applyValues(form), errors: {}, message: "core:errors.invalid", status: 400, chooseFileAgain: hasFile(form.get(ATTACHMENT)) };
}

/** Published items that may already answer the application; nothing is stored and nothing counted. */
export async function suggestForApplication(ctx: RequestsContext, form: FormData): Promise<ApplyAnswer> {
  const values = applyValues(form);
  const chooseFileAgain = hasFile(form.get(ATTACHMENT));
  const refused = checkedTexts(form).errors;
  // The same limits as the application's, before any search runs on the text.
  if (values.subject.trim().length > 200) refused.subject ??= ["requests:errors.tooLong"];
  if (values.docNumber.trim().length > 100) refused.docNumber ??= ["requests:errors.tooLong"];
  if (Object.keys(refused).length) return { outcome: "suggested", values, errors: refused, suggestions: [], chooseFileAgain };
  if (!values.subject.trim() && !values.docNumber.trim()) {
    return { outcome: "suggested", values, errors: { subject: ["requests:public.errors.suggestNeedsSubject"] }, suggestions: [], chooseFileAgain };
  }
  const suggestions = await ctx.withTenant((trx) => suggestPublished(ctx.search, trx, values.subject, values.docNumber));
  return { outcome: "suggested", values, errors: {}, suggestions, chooseFileAgain };
}

/**
 * A citizen's application (条例第二十九条) submitted online: checked in full before anything is
 * written, then the application, its attachment and the audit event in one transaction. Received
 * only once the office confirms (第三十一条), so no clock starts here.
 */
export async function submitApplication(ctx: RequestsContext, form: FormData): Promise<ApplyAnswer> {
  const values = applyValues(form);
  const chooseFileAgain = hasFile(form.get(ATTACHMENT));
  const refuse = (message: string, errors: FieldErrors = {}, status: 400 | 429 = 400): ApplyAnswer => ({ outcome: "refused", values, errors, message, status, chooseFileAgain });

  // A bot filled the field no person sees: answer as to any failed submission, store nothing.
  if (String(form.get(HONEYPOT) ?? "").trim() !== "") return refuse("requests:public.errors.notAccepted");

  const parsed = parseForm(ApplicationInput, relevantForm(values));
  const file = await readAttachment(form.get(ATTACHMENT));
  // Every error at once (the schema's cross-field checks run even when a field failed), in the page's order, so the summary reads top to bottom.
  const found: FieldErrors = { ...(parsed.ok ? {} : firstErrors(parsed.errors)), ...checkedTexts(form).errors };
  if (!file.ok) found[ATTACHMENT] = [file.error];
  const errors = inPageOrder(found);
  if (!parsed.ok || !file.ok || Object.keys(errors).length) return refuse("requests:public.errors.fixFields", errors);

  // Counted only for complete applications, so that someone correcting mistakes is never locked out.
  if (!(await ctx.rateLimit("apply", APPLY_LIMIT))) return refuse("requests:public.errors.tooManyApplications", {}, 429);

  const created = await ctx.withPublicSubmission(async (trx) => {
    const result = await createApplication(ctx, trx, { input: parsed.data, channel: "internet", locale: ctx.locale });
    if (!result.ok) return result;
    if (file.upload) await storeAttachment(ctx, trx, result.id, file.upload);
    await ctx.audit(trx, {
      action: "requests.application.submit",
      target: { type: "requests_application", id: result.id },
      data: { trackingNo: result.trackingNo },
    });
    return result;
  });
  if (!created.ok) return refuse("requests:public.errors.fixFields", { [created.field]: [created.error] });
  return { outcome: "submitted", trackingNo: created.trackingNo, queryCode: created.queryCode };
}
