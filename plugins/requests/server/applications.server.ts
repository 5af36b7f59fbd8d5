import { randomInt } from "node:crypto";
import type { Selectable } from "kysely";
import type { Locale, PluginCoreServices, PluginTenant } from "../../../app/plugin-api";
import { isUuid } from "../../../app/plugin-api";
import { receiptDate, type ReceiptChannel, type ReceiptFacts } from "../law/receipt";
import { clockId, type RequestsDatabase } from "../db/schema";

import { applicantDetails, applicantIdentity, maskedApplicant, type ApplicantDetails, type ApplicationInput } from "./applicant";
import type { RequestsTransaction } from "./context";

type Services = Pick<PluginCoreServices, "crypto" | "numbering" | "clocks"> & { tenant: PluginTenant };
export type ApplicationRow = Selectable<RequestsDatabase["requests_applications"]>;

/** 依申请 tracking numbers: YSQ + year + five digits, gapless per office and year. */
export const TRACKING_PATTERN = "YSQ{year}{seq:5}";
const QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Eight characters without 0/O or 1/I/L, easy to read out over the phone. */
export function newQueryCode(): string {
  return Array.from({ length: 8 }, () => QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)]).join("");
}

export const normaliseQueryCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, "");

export interface NewApplication {
  input: ApplicationInput;
  channel: ReceiptChannel;
  /** Staff registration: the dates of Art 31, from which the receipt date follows. Absent for online submissions. */
  receipt?: ReceiptFacts;
  registeredBy?: string | null;
  /** The language the applicant wrote in; letters default to it. */
  locale?: Locale;
}

export type CreateResult =
  | { ok: true; id: string; trackingNo: string; queryCode: string; receivedOn: string | null }
  | { ok: false; field: string; error: string };

/**
 * Records an application. Online, it waits for the office to confirm receipt (Art 31: 双方确认之日);
 * registered by staff, the receipt date follows from the channel's rule and the reply clock starts.
 * The applicant's identity is sealed; the query code is kept only as a blind index.
 */
export async function createApplication(ctx: Services, trx: RequestsTransaction, app: NewApplication): Promise<CreateResult> {
  let receivedOn: string | null = null;
  if (app.receipt) {
    const r = receiptDate(app.channel, app.receipt);
    if (!r.ok) return { ok: false, field: r.fact, error: r.error === "missing" ? "requests:errors.receiptMissing" : r.error === "invalid" ? "requests:errors.date" : "requests:errors.receiptBeforeArrival" };
    receivedOn = r.date;
  }
  const details = applicantDetails(app.input);
  const queryCode = newQueryCode();
  const tracking = await ctx.numbering.next(trx, "requests.tracking", { pattern: TRACKING_PATTERN, ...(receivedOn ? { year: Number(receivedOn.slice(0, 4)) } : {}) });
  const row = await trx
    .insertInto("requests_applications")
    .values({
      tenant_id: ctx.tenant.id,
      tracking_no: tracking.number,
      query_code_hash: ctx.crypto.blindIndex(`query:${tracking.number}:${queryCode}`),
      channel: app.channel,
      receipt_facts: JSON.stringify(app.receipt ?? {}),
      received_on: receivedOn,
      applicant_type: app.input.applicantType,
      applicant_sealed: ctx.crypto.seal(JSON.stringify(details)),
      applicant_masked: maskedApplicant(details),
      applicant_key: ctx.crypto.blindIndex(applicantIdentity(details)),
      subject: app.input.subject,
      doc_number: app.input.docNumber ?? null,
      description: app.input.description,
      form: app.input.form,
      delivery: app.input.delivery,
      status: receivedOn ? "processing" : "unconfirmed",
      registered_by: app.registeredBy ?? null,
      locale: app.locale ?? "zh-CN",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (receivedOn) await ctx.clocks.append(trx, clockId(row.id), { kind: "start", date: receivedOn, note: app.channel });
  return { ok: true, id: row.id, trackingNo: tracking.number, queryCode, receivedOn };
}

export async function applicationById(trx: RequestsTransaction, id: string): Promise<ApplicationRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("requests_applications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The application a tracking number and query code open, or null (both must match). */
export async function applicationByTracking(ctx: Pick<Services, "crypto">, trx: RequestsTransaction, trackingNo: string, queryCode: string): Promise<ApplicationRow | null> {
  const no = trackingNo.trim().toUpperCase();
  const hash = ctx.crypto.blindIndex(`query:${no}:${normaliseQueryCode(queryCode)}`);
  const row = await trx.selectFrom("requests_applications").selectAll().where("tracking_no", "=", no).executeTakeFirst();
  return row && row.query_code_hash === hash ? row : null;
}

/** The applicant's sealed details, opened; callers audit the read (`requests.applicant.read`). */
export function openApplicant(ctx: Pick<Services, "crypto">, sealed: string): ApplicantDetails {
  return JSON.parse(ctx.crypto.open(sealed)) as ApplicantDetails;
}
