import { createHash } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { addError, chinaYear, isCalendarDate, type FieldErrors } from "../../../app/plugin-api";
import { FILE_KINDS, fileKind } from "../../../app/plugin-api/files.server";
import { parseForm } from "../../../app/plugin-api/loaders.server";
import type { ReportsContext, ReportsTransaction } from "./context";
import { reportUrl } from "./publish/publish.server";
import { reportTitle } from "./workflow/document";

/**
 * Reports published before the platform (offices publish every year's since 2008), kept as the
 * file itself (PDF or Word) or a link to where it is published, so the public list has every year.
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

/** Adds a past year's report: a file, a link or both; one per year, and none for a year the platform published. */
export async function addPastReport(ctx: ReportsContext, form: FormData): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  ctx.require("annual-report.reports.draft");
  const parsed = parseForm(PastReportForm, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const file = form.get("file");
  let content: { name: string; mime: string; bytes: Buffer } | null = null;
  if (file instanceof Blob && file.size > 0) {
    const name = "name" in file && typeof file.name === "string" ? file.name : "report";
    const bytes = Buffer.from(await file.arrayBuffer());
    const kind = fileKind(name, bytes, ["pdf", "docx"]);
    if (file.size > MAX_BYTES) addError(errors, "file", `${E}.fileTooLarge`);
    else if (!kind) addError(errors, "file", `${E}.fileKind`);
    else content = { name: name.slice(0, 200), mime: FILE_KINDS[kind].mime, bytes };
  }
  if (parsed.ok && !content && !parsed.data.url && !errors.file) addError(errors, "file", `${E}.fileOrUrl`);
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  const data = parsed.data;
  return ctx.withTenant(async (trx) => {
    const onPlatform = await trx.selectFrom("annual_report_reports").select("id").where("tenant_id", "=", ctx.tenant.id).where("year", "=", data.year).executeTakeFirst();
    const kept = await trx.selectFrom("annual_report_past_files").select("id").where("tenant_id", "=", ctx.tenant.id).where("year", "=", data.year).executeTakeFirst();
    if (onPlatform || kept) return { ok: false as const, errors: { year: [onPlatform ? `${E}.yearOnPlatform` : `${E}.yearTaken`] } };
    const row = await trx
      .insertInto("annual_report_past_files")
      .values({
        tenant_id: ctx.tenant.id,
        year: data.year,
        title: data.title,
        published_url: data.url,
        published_on: data.publishedOn,
        uploaded_by: ctx.user?.id ?? null,
        ...(content
          ? { file_name: content.name, mime: content.mime, size: content.bytes.length, sha256: createHash("sha256").update(content.bytes).digest("hex"), content: content.bytes }
          : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await ctx.audit(trx, { action: "annual-report.past_file.add", target: { type: "pastReport", id: row.id }, data: { year: data.year, title: data.title } });
    return { ok: true as const, id: row.id };
  });
}

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
