import type { Locale } from "../../../../app/plugin-api";
import { letterDate } from "../../templates/format";
import { type NoticeKind } from "../../db/schema";
import { applicationById, openApplicant } from "../applications.server";
import { fillLetter, placeholder, SENT_DATES, type SentDates } from "./fields";
import { provisionalDates } from "./provisional.server";
import type { RequestsContext, RequestsTransaction } from "../context";

/** Letters to a third party or another agency are addressed to them, not to the applicant. */
const TO_PARTY: readonly NoticeKind[] = ["third_party", "other_agency"];

export interface LetterView {
  noticeId: string;
  applicationId: string;
  trackingNo: string;
  kind: NoticeKind;
  title: string;
  locale: Locale;
  office: string;
  /** The first line, 「李明：」. */
  salutation: string | null;
  paragraphs: string[];
  /** As the letter writes it, e.g. 2025年3月20日. */
  date: string;
  /** Null: not yet sent; its dates are those of sending today. */
  sentOn: string | null;
  /** Where it goes by post; null for a letter to a party, or when the name is masked. */
  address: { name: string; address: string | null; postcode: string | null } | null;
  /** The reader may not see the applicant's identity: the name is masked. */
  masked: boolean;
}

/** Who may print a letter: those who handle applications or may read the applicants' identities. */
export function mayPrintLetters(ctx: RequestsContext): boolean {
  return ctx.mode === "member" && (ctx.can("requests.applications.handle") || ctx.can("requests.applicants.read"));
}

/**
 * One notice or reply as the addressee receives it, for printing: the sent text (or the draft with
 * the dates it would have if sent today), addressed to the applicant by full name and address for
 * a reader allowed to see them — audited like any read of the applicant — and masked otherwise.
 */
export async function letterView(ctx: RequestsContext, trx: RequestsTransaction, applicationId: string, noticeId: string): Promise<LetterView> {
  if (!mayPrintLetters(ctx)) throw new Response("Forbidden", { status: 403 });
  const app = await applicationById(trx, applicationId);
  const notice = app && (await trx.selectFrom("requests_notices").selectAll().where("id", "=", noticeId).where("application_id", "=", app.id).executeTakeFirst());
  if (!app || !notice) throw new Response("Not Found", { status: 404 });
  const details = (notice.details ?? {}) as Record<string, unknown>;
  const locale = (typeof details.letterLocale === "string" && ["zh-CN", "zh-TW", "en"].includes(details.letterLocale) ? details.letterLocale : app.locale) as Locale;
  const source = notice.sent_on ? (typeof details.letter === "string" ? details.letter : notice.body) : notice.body;
  const dates: SentDates = notice.sent_on
    ? { ...Object.fromEntries(SENT_DATES.filter((d) => typeof details[d] === "string").map((d) => [d, details[d] as string])), issuedOn: notice.sent_on }
    : await provisionalDates(ctx, trx, app.id, notice.kind, details);

  // A consultation letter goes to the party; one that names {applicant} (a demo's notice telling the applicant of it) to the applicant.
  const toApplicant = source.includes(placeholder("applicant")) || !TO_PARTY.includes(notice.kind);
  const full = toApplicant && ctx.can("requests.applicants.read");
  let address: LetterView["address"] = null;
  let name = app.applicant_masked;
  if (full) {
    const d = openApplicant(ctx, app.applicant_sealed);
    await ctx.audit(trx, { action: "requests.applicant.read", target: { type: "requests_application", id: app.id }, data: { trackingNo: app.tracking_no, letter: notice.id } });
    name = d.organisation ?? d.name;
    address = { name, address: d.address ?? null, postcode: d.postcode ?? null };
  }
  const office = ctx.tenant.name[locale];
  const date = letterDate(dates.issuedOn!, locale);
  const lines = fillLetter(source, { applicant: name, dates }, locale).split("\n");
  // The template ends with the office and the date; the printed letter sets them as its signature.
  while (lines.length && [office, date, ""].includes(lines.at(-1)!.trim())) lines.pop();
  const first = lines[0]?.trim() ?? "";
  const salutation = /[：:]$/.test(first) || /^To: /.test(first) ? first : null;
  const paragraphs = (salutation ? lines.slice(1) : lines).map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
  return {
    noticeId: notice.id,
    applicationId: app.id,
    trackingNo: app.tracking_no,
    kind: notice.kind,
    title: notice.title,
    locale,
    office,
    salutation,
    paragraphs,
    date,
    sentOn: notice.sent_on,
    address,
    masked: toApplicant && !full,
  };
}
