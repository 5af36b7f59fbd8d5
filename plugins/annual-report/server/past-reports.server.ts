import { createHash, randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { addError, chinaYear, isCalendarDate, type FieldErrors } from "../../../app/plugin-api";
import { extractFileText, FILE_KINDS, fileKind } from "../../../app/plugin-api/files.server";
import { parseForm } from "../../../app/plugin-api/forms.server";
import type { ReportsContext, ReportsTransaction } from "./context";
import { reportUrl } from "./publish/publish.server";
import { reportTitle } from "./workflow/document";
import { PAST_REPORT_TYPE, type PastReportPayload } from "./workflow/past-report-document";

/**
 * Reports published before the platform (offices publish every year's since 2008), kept as the
 * file itself (PDF or Word) or a link to where it is published, so the public list has every year
 * once the office's chain and 保密审查 have approved it.
 */

const E = "annual-report:errors";
const MAX_BYTES = 20 * 1024 * 1024;

const PastReportForm = z.object({
  year: z
    .string({ error: `${E}.pastYear` })
    .trim()
    .regex(/^\d{4}$/, `${E}.pastYear`)
    .transform(Number)
    .refine((y) => y >= 2008 && y < chinaYear(), `${E}.pastYear`),
  title: z.string({ error: `${E}.titleRequired` }).trim().min(1, `${E}.titleRequired`).max(300, `${E}.titleTooLong`),
  url: z
    .string()
    .trim()
    .max(2000, `${E}.url`)
    .refine((v) => v === "" || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), `${E}.url`)
    .optional()
    .transform((v) => v || null),
  publishedOn: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), `${E}.date`)
    .optional()
    .transform((v) => v || null),
  file: z.unknown().optional(),
});

/** A past report's file as uploaded: kind checked by its bytes, text extracted for 保密审查. */
type Upload = { name: string; mime: string; bytes: Buffer; text: string };

/**
 * Adds a past year's report (a file, a link or both; one per year, none for a year the platform
 * published) and sends it through the office's chain: the public reads it only once approved
 * (server/publish/past-report.server.ts). A year whose report was returned or withdrawn is replaced
 * by what is sent now: a returned document goes again, a withdrawn one is followed by a new one.
 */
export async function addPastReport(ctx: ReportsContext, form: FormData): Promise<{ ok: true; id: string; documentId: string } | { ok: false; errors: FieldErrors }> {
  ctx.require("annual-report.reports.draft");
  const parsed = parseForm(PastReportForm, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const file = form.get("file");
  let content: Upload | null = null;
  if (file instanceof Blob && file.size > 0) {
    const name = "name" in file && typeof file.name === "string" ? file.name : "report";
    const bytes = Buffer.from(await file.arrayBuffer());
    const kind = fileKind(name, bytes, ["pdf", "docx"]);
    if (file.size > MAX_BYTES) addError(errors, "file", `${E}.fileTooLarge`);
    else if (!kind) addError(errors, "file", `${E}.fileKind`);
    else {
      const text = await extractFileText(kind, bytes).catch(() => null);
      if (text === null) addError(errors, "file", `${E}.fileUnreadable`);
      else content = { name: name.slice(0, 200), mime: FILE_KINDS[kind].mime, bytes, text };
    }
  }
  if (parsed.ok && !content && !parsed.data.url && !errors.file) addError(errors, "file", `${E}.fileOrUrl`);
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const data = parsed.data;
  return ctx.withTenant(async (trx) => {
    const onPlatform = await trx.selectFrom("annual_report_reports").select("id").where("tenant_id", "=", ctx.tenant.id).where("year", "=", data.year).executeTakeFirst();
    if (onPlatform) return { ok: false as const, errors: { year: [`${E}.yearOnPlatform`] } };
    const kept = await trx
      .selectFrom("annual_report_past_files")
      .select(["id", "status", "document_id"])
      .where("tenant_id", "=", ctx.tenant.id)
      .where("year", "=", data.year)
      .forUpdate()
      .executeTakeFirst();
    const previous = kept?.document_id ? await ctx.workflow.get(trx, kept.document_id) : null;
    if (kept && kept.status !== "withdrawn" && !(previous && REPLACEABLE.has(previous.status)))
      return { ok: false as const, errors: { year: [kept.status === "published" ? `${E}.yearTaken` : `${E}.pastInApproval`] } };

    const id = kept?.id ?? randomUUID();
    const payload: PastReportPayload = { pastFileId: id, year: data.year, title: data.title, url: data.url, publishedOn: data.publishedOn, fileName: content?.name ?? null, fileText: content?.text ?? null };
    const again = previous && previous.status !== "withdrawn" ? previous : null;
    const saved = again
      ? await ctx.workflow.update(trx, { id: again.id, expectedVersion: again.version, title: data.title, payload })
      : await ctx.workflow.create(trx, { type: PAST_REPORT_TYPE, title: data.title, payload });
    const sent = saved.ok ? await ctx.workflow.act(trx, { id: saved.document.id, action: "submit", expectedVersion: saved.document.version }) : saved;
    // Thrown, so a draft created before a refused submission is rolled back with it.
    if (!sent.ok) throw new NotSent({ _form: [sent.error] });

    const values = {
      title: data.title,
      published_url: data.url,
      published_on: data.publishedOn,
      uploaded_by: ctx.user?.id ?? null,
      status: "in_approval" as const,
      document_id: sent.document.id,
      file_name: content?.name ?? null,
      mime: content?.mime ?? null,
      size: content?.bytes.length ?? null,
      sha256: content ? createHash("sha256").update(content.bytes).digest("hex") : null,
      content: content?.bytes ?? null,
    };
    if (kept) await trx.updateTable("annual_report_past_files").set(values).where("tenant_id", "=", ctx.tenant.id).where("id", "=", id).execute();
    else {
      // Another drafter's report of the year that committed first wins; this one's document goes back with the rollback.
      const added = await trx.insertInto("annual_report_past_files").values({ tenant_id: ctx.tenant.id, id, year: data.year, ...values }).onConflict((oc) => oc.doNothing()).returning("id").executeTakeFirst();
      if (!added) throw new NotSent({ year: [`${E}.pastInApproval`] });
    }
    await ctx.audit(trx, { action: "annual-report.past_file.add", target: { type: "pastReport", id }, data: { year: data.year, title: data.title } });
    return { ok: true as const, id, documentId: sent.document.id };
  }).catch((e: unknown) => {
    if (e instanceof NotSent) return { ok: false as const, errors: e.errors };
    throw e;
  });
}

/** Thrown out of the transaction to roll it back, answered as the form's errors. */
class NotSent extends Error {
  constructor(readonly errors: FieldErrors) {
    super("past report not sent");
  }
}

/** A document in these states no longer carries the year's report to the public: a new upload replaces it. */
const REPLACEABLE = new Set(["draft", "returned", "withdrawn"]);

/** One year of the public list: a report published here, or a past one kept as a file or link. */
export interface ListedReport {
  year: number;
  title: string;
  kind: "platform" | "past";
  indexNumber: string | null;
  publishedOn: string | null;
  /** The platform's page, or the past report's published address (null: only the file). */
  url: string | null;
  /** The kept file's id, when there is one. */
  fileId: string | null;
}

/** Every year's report of the office, the latest year first: what the public list shows. */
export async function listedReports(trx: ReportsTransaction, tenant: { id: string; code: string; name: Record<string, string> }): Promise<ListedReport[]> {
  const published = await trx
    .selectFrom("annual_report_reports")
    .select(["year", "index_number", "published_on"])
    .where("tenant_id", "=", tenant.id)
    .where("status", "=", "published")
    .execute();
  const past = await trx
    .selectFrom("annual_report_past_files")
    .select(["id", "year", "title", "published_url", "published_on", sql<boolean>`content IS NOT NULL`.as("has_file")])
    .where("tenant_id", "=", tenant.id)
    .where("status", "=", "published")
    .execute();
  const own = new Set(published.map((r) => r.year));
  return [
    ...published.map((r): ListedReport => ({
      year: r.year,
      title: reportTitle(tenant.name["zh-CN"] ?? "", r.year),
      kind: "platform",
      indexNumber: r.index_number,
      publishedOn: r.published_on,
      url: reportUrl(tenant.code, r.year),
      fileId: null,
    })),
    ...past
      .filter((r) => !own.has(r.year))
      .map((r): ListedReport => ({ year: r.year, title: r.title, kind: "past", indexNumber: null, publishedOn: r.published_on, url: r.published_url, fileId: r.has_file ? r.id : null })),
  ].sort((a, b) => b.year - a.year);
}
