import { chinaDate, isCalendarDate, issueErrors, type Locale } from "../../../../app/plugin-api";
import { FEE_NOTICE } from "../../law/reply-clock";
import { computeFee, ordinalInMonth } from "../../law/fees";
import { localGroundLabel } from "../ground-labels.server";
import type { ReplyTypeKey } from "../../law/reply-types";
import { type NoticeKind } from "../../db/schema";
import { renderNotice, type NoticeVars } from "../../templates";
import { DEFERRED, placeholder } from "../letters/fields";
import type { ApplicationRow } from "../applications.server";
import { NoticePayload, ReplyPayload } from "../notice-schema";
import type { ReplyFileRef } from "../reply-files/schema";
import type { RequestsSettings } from "../settings";
import type { ApplicationView } from "./view.server";
import { RELEASED_SLOTS, slots, WITHHELD_SLOTS, type NoticeValues } from "./notice-form";
import { replyRowErrors } from "./reply-checks";
import type { RequestsContext, RequestsTransaction } from "../context";
export { LETTER_LOCALES } from "./notice-form";

export type Composed =
  | { ok: true; payload: NoticePayload | ReplyPayload; title: string; body: string }
  | { ok: false; errors: Record<string, string[]>; title: string; body: string };

/** What the editor starts from: sensible defaults by kind (a 补正 deadline from the office's setting, 20 days of extension…). */
export function defaultValues(ctx: RequestsContext, kind: NoticeKind): NoticeValues {
  const today = chinaDate();
  const settings = ctx.settings as RequestsSettings;
  switch (kind) {
    case "supplement":
      return { items: "", dueOn: ctx.calendar.addWorkdays(today, settings.supplementWorkdays).value };
    case "extension":
      return { days: "20", reason: "" };
    case "fee":
      return { method: "per_application", pages: "" };
    default:
      return {};
  }
}

/** The fee this application owes by `method`: per application, its place among the applicant's applications this month. */
async function feeFor(trx: RequestsTransaction, app: ApplicationRow, method: string, pages: number) {
  if (method === "per_page") return computeFee({ method: "per_page", pages });
  const receivedOn = app.received_on ?? chinaDate();
  const month = receivedOn.slice(0, 7);
  const same = await trx
    .selectFrom("requests_applications")
    .select(["received_on"])
    .where("applicant_key", "=", app.applicant_key)
    .where("id", "!=", app.id)
    .where("received_on", ">=", `${month}-01`)
    .where("received_on", "<=", receivedOn)
    .execute();
  return computeFee({ method: "per_application", ordinalInMonth: ordinalInMonth(same.map((r) => r.received_on!), receivedOn) });
}

/**
 * Turns the editor's fields into the notice's payload and its letter. The letter is generated from
 * the office's template unless the officer edited it (`keepBody`); derived facts — the fee, the new
 * due date — are computed here, never taken from the form. The addressee and the dates counted from
 * the sending day stay placeholders (`{applicant}`, `{dueOn}`…): they are filled when the letter is
 * sent (dates, from the clock's ledger) and read (the name, masked or in full).
 */
export async function compose(
  ctx: RequestsContext,
  trx: RequestsTransaction,
  app: ApplicationRow,
  view: ApplicationView,
  kind: NoticeKind,
  values: NoticeValues,
  options: { keepBody: boolean; letterLocale: Locale; /** The reply's files, as stored (never as the form says). */ files?: ReplyFileRef[]; /** Lines the reply lists beside its documents (published items cited by 索引号). */ documents?: string[] },
): Promise<Composed> {
  const today = chinaDate();
  const f = (name: string) => values[name] ?? "";
  const letter = {
    office: ctx.tenant.name[options.letterLocale],
    applicant: placeholder("applicant"),
    trackingNo: app.tracking_no,
    receivedOn: app.received_on ?? today,
    subject: app.subject,
    issuedOn: DEFERRED.issuedOn,
  };
  const errors: Record<string, string[]> = {};
  let raw: Record<string, unknown>;
  let vars: NoticeVars[NoticeKind] | null = null;
  switch (kind) {
    case "supplement": {
      const items = f("items").split("\n").map((s) => s.trim()).filter(Boolean);
      const dueDays = isCalendarDate(f("dueOn")) && f("dueOn") > today ? ctx.calendar.workdaysBetween(today, f("dueOn")).value : undefined;
      raw = { kind, items: f("items"), dueOn: f("dueOn"), ...(dueDays ? { dueDays } : {}) };
      if (f("dueOn") && f("dueOn") <= today) errors.dueOn = ["requests:errors.dueOnPast"];
      if (items.length && isCalendarDate(f("dueOn"))) vars = { ...letter, items, dueOn: DEFERRED.dueOn };
      break;
    }
    case "extension": {
      const days = Number(f("days"));
      raw = { kind, days: f("days"), reason: f("reason") };
      const due = view.clock?.dueDate;
      if (due && Number.isInteger(days) && days >= 1 && days <= 20 && f("reason").trim()) vars = { ...letter, days, newDueDate: DEFERRED.newDueDate, reason: f("reason").trim() };
      break;
    }
    case "third_party":
    case "other_agency":
      raw = { kind, party: f("party") };
      if (f("party").trim()) vars = { ...letter, party: f("party").trim(), answerDue: DEFERRED.answerDue };
      break;
    case "fee": {
      const pages = Number(f("pages") || 0);
      if (f("method") === "per_page" && !(Number.isInteger(pages) && pages > 0)) errors.pages = ["requests:errors.pages"];
      const fee = f("method") === "per_application" || f("method") === "per_page" ? await feeFor(trx, app, f("method"), pages) : null;
      // As if sent today; the notice's own date is fixed on sending, from the clock's ledger.
      const dueOn = ctx.calendar.addWorkdays(today, FEE_NOTICE.days).value;
      raw = { kind, method: f("method"), pages: f("method") === "per_page" ? pages : undefined, fen: fee?.fen ?? 0, dueOn };
      if (fee && fee.fen > 0) vars = { ...letter, method: fee.method, fen: fee.fen, lines: fee.lines, dueOn: DEFERRED.dueOn, payment: ctx.t("staff.notice.payment") };
      break;
    }
    case "reply": {
      const withheld = slots(values, "withheld", WITHHELD_SLOTS, ["description", "groundKey"] as const);
      const released = slots(values, "released", RELEASED_SLOTS, ["title", "body"] as const);
      raw = { replyType: f("replyType"), withheld, released, files: options.files ?? [] };
      Object.assign(errors, replyRowErrors(view, values));
      const responsible = f("responsibleAgency").trim() ? { agency: f("responsibleAgency").trim(), contact: f("responsibleContact").trim() } : undefined;
      if (responsible && f("replyType") !== "unavailable.not_held") errors.responsibleAgency = ["requests:errors.responsibleOnlyNotHeld"];
      if (f("replyType")) {
        vars = {
          ...letter,
          replyType: f("replyType") as ReplyTypeKey,
          documents: [...released.map((d) => d.title), ...(options.files ?? []).map((file) => file.name), ...(options.documents ?? [])],
          obtain: f("obtain").trim() || ctx.t("staff.notice.obtainDefault"),
          withheld: withheld.map((w) => ({ description: w.description, groundLabel: localGroundLabel(w.groundKey, options.letterLocale) })),
          responsible,
          note: f("note").trim(),
        };
      }
      break;
    }
  }
  let generated = { title: f("title"), body: f("body") };
  if (vars) {
    try {
      generated = renderNotice(kind, vars, options.letterLocale, (ctx.settings as { templates?: Record<string, string> }).templates ?? {});
    } catch {
      // A letter the template cannot fill yet (a required part still empty) is left to the officer.
    }
  }
  const title = f("title").trim() || generated.title;
  const body = options.keepBody && f("body").trim() ? f("body") : generated.body;
  const schema = kind === "reply" ? ReplyPayload : NoticePayload;
  const parsed = schema.safeParse({ ...raw, applicationId: app.id, body, letterLocale: options.letterLocale });
  if (!parsed.success) {
    // Said on the slot the officer filled (replyRowErrors); the payload's index skips empty slots.
    const ofRow = new Set(["requests:errors.groundNotOfRow", "requests:errors.withheldNotOfRow"]);
    issueErrors(parsed.error.issues.filter((issue) => !ofRow.has(issue.message)), undefined, errors);
  }
  if (!title) (errors.title ??= []).push("requests:errors.titleRequired");
  else if (title.length > 200) (errors.title ??= []).push("requests:errors.tooLong");
  if (Object.keys(errors).length) return { ok: false, errors, title, body };
  return { ok: true, payload: parsed.data!, title, body };
}
