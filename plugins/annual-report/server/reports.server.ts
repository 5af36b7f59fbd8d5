import { CATALOGUE, type FieldErrors } from "../../../app/plugin-api";
import { parseForm } from "../../../app/plugin-api/forms.server";
import { z } from "zod";
import type { StoredManualCell, StoredNarrative } from "../db/schema";
import { FORMAT_2021 } from "../law/format-2021";
import type { ReportsContext, ReportsTransaction } from "./context";
import { blocksSubmission, checkReport, type Problem } from "./report/checks";
import { fillTables, manualKeys, tableValues, type Figures } from "./report/fill";
import { REPORT_TYPE, Narrative, reportTitle, type ReportPayload } from "./workflow/document";
import { cellDecimals, manualCellsForm } from "./workflow/manual-cells";

/**
 * The year's report as the drafter works on it: one version in work (drafting or in approval) per
 * office and year; manual cells and narrative saved on it; submitted as a workflow document whose
 * payload freezes what is approved and then published (server/publish). A published report is
 * corrected by a new version with its reason.
 */

const DRAFT = "annual-report.reports.draft";
const E = "annual-report:errors";

export interface Report {
  id: string;
  year: number;
  version: number;
  status: "drafting" | "in_approval" | "published" | "superseded";
  manual: Record<string, StoredManualCell>;
  narrative: StoredNarrative;
  figuresSnapshot: Record<string, number> | null;
  documentId: string | null;
  catalogueItemId: string | null;
  indexNumber: string | null;
  publishedOn: string | null;
  correctionReason: string | null;
}

/** A refusal: an error key of the plugin's namespace, or the form's field errors. */
export type Refused = { ok: false; error?: string; errors?: FieldErrors; problems?: Problem[]; /** Paragraphs still marked todo. */ unfinished?: number };

const COLUMNS = [
  "id",
  "year",
  "version",
  "status",
  "manual_cells",
  "narrative",
  "figures_snapshot",
  "document_id",
  "catalogue_item_id",
  "index_number",
  "published_on",
  "correction_reason",
] as const;

type Row = { [K in (typeof COLUMNS)[number]]: unknown };
function toReport(r: Row): Report {
  return {
    id: r.id as string,
    year: r.year as number,
    version: r.version as number,
    status: r.status as Report["status"],
    manual: (r.manual_cells ?? {}) as Record<string, StoredManualCell>,
    narrative: (r.narrative ?? {}) as StoredNarrative,
    figuresSnapshot: (r.figures_snapshot ?? null) as Record<string, number> | null,
    documentId: (r.document_id ?? null) as string | null,
    catalogueItemId: (r.catalogue_item_id ?? null) as string | null,
    indexNumber: (r.index_number ?? null) as string | null,
    publishedOn: (r.published_on ?? null) as string | null,
    correctionReason: (r.correction_reason ?? null) as string | null,
  };
}

/** The workflow's refusals are keys of core's namespace: named so for the plugin's translator. */
const coreKey = (key: string) => (key.includes(":") ? key : `core:${key}`);

export const isReportYear = (year: number) => Number.isInteger(year) && year >= 2008 && year <= 2200;

/** Every version of the office's report of `year`, the latest first. */
export async function reportVersions(trx: ReportsTransaction, tenantId: string, year: number): Promise<Report[]> {
  const rows = await trx.selectFrom("annual_report_reports").select(COLUMNS).where("tenant_id", "=", tenantId).where("year", "=", year).orderBy("version", "desc").execute();
  return rows.map(toReport);
}

/** The version in work (drafting or in approval), else the latest; null when the year has none. */
export async function currentReport(trx: ReportsTransaction, tenantId: string, year: number): Promise<Report | null> {
  const versions = await reportVersions(trx, tenantId, year);
  return versions.find((v) => v.status === "drafting" || v.status === "in_approval") ?? versions[0] ?? null;
}

/**
 * The version the drafter may change: a drafting one, or one sent whose document came back
 * (returned, withdrawn), which is drafting again.
 */
async function editable(ctx: ReportsContext, trx: ReportsTransaction, year: number): Promise<Report | null> {
  const found = await currentReport(trx, ctx.tenant.id, year);
  if (!found) return null;
  // Locked, and read again under the lock: two submissions of one version cannot both send it.
  const locked = await trx.selectFrom("annual_report_reports").select(COLUMNS).where("tenant_id", "=", ctx.tenant.id).where("id", "=", found.id).forUpdate().executeTakeFirstOrThrow();
  const report = toReport(locked);
  if (report.status === "drafting") return report;
  if (report.status !== "in_approval" || !report.documentId) return null;
  const doc = await ctx.workflow.get(trx, report.documentId);
  if (!doc || (doc.status !== "returned" && doc.status !== "withdrawn" && doc.status !== "draft")) return null;
  await trx.updateTable("annual_report_reports").set({ status: "drafting", updated_at: new Date() }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", report.id).execute();
  return { ...report, status: "drafting" };
}

/** The year's draft: the version in work, or a first version started now. A published year is corrected instead. */
export async function startDraft(ctx: ReportsContext, year: number): Promise<{ ok: true; report: Report } | Refused> {
  ctx.require(DRAFT);
  if (!isReportYear(year)) return { ok: false, error: `${E}.year` };
  return ctx.withTenant(async (trx) => {
    const current = await currentReport(trx, ctx.tenant.id, year);
    if (current && (current.status === "drafting" || current.status === "in_approval")) return { ok: true, report: current };
    if (current) return { ok: false, error: `${E}.alreadyPublished` };
    const row = await trx
      .insertInto("annual_report_reports")
      .values({ tenant_id: ctx.tenant.id, year, version: 1, status: "drafting", created_by: ctx.user?.id ?? null })
      // Another drafter's start that committed first wins: theirs is the year's draft.
      .onConflict((oc) => oc.doNothing())
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) {
      const theirs = await currentReport(trx, ctx.tenant.id, year);
      return theirs ? { ok: true, report: theirs } : { ok: false, error: `${E}.notDrafting` };
    }
    await ctx.audit(trx, { action: "annual-report.report.start", target: { type: "report", id: row.id }, data: { year, version: 1 } });
    return { ok: true, report: toReport(row) };
  });
}

const CorrectionForm = z.object({
  reason: z.string({ error: `${E}.reasonRequired` }).trim().min(1, `${E}.reasonRequired`).max(500, `${E}.reasonTooLong`),
});

/** A published report corrected: version n+1 in drafting, starting from the published text, with the reason required. */
export async function startCorrection(ctx: ReportsContext, year: number, form: FormData): Promise<{ ok: true; report: Report } | Refused> {
  ctx.require(DRAFT);
  const parsed = parseForm(CorrectionForm, form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return ctx.withTenant(async (trx) => {
    const current = await currentReport(trx, ctx.tenant.id, year);
    if (!current || current.status !== "published") return { ok: false, error: current ? `${E}.inWork` : `${E}.notPublished` };
    const row = await trx
      .insertInto("annual_report_reports")
      .values({
        tenant_id: ctx.tenant.id,
        year,
        version: current.version + 1,
        status: "drafting",
        manual_cells: JSON.stringify(current.manual),
        narrative: JSON.stringify(current.narrative),
        correction_reason: parsed.data.reason,
        created_by: ctx.user?.id ?? null,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await ctx.audit(trx, { action: "annual-report.report.correct", target: { type: "report", id: row.id }, data: { year, version: row.version, reason: parsed.data.reason } });
    return { ok: true, report: toReport(row) };
  });
}

/** The office's figures of the year, as the report readers give them now (the enabled plugins' only). */
export async function officeFigures(ctx: ReportsContext, year: number): Promise<Figures> {
  const read = await ctx.reports.figures(year);
  return read.byTenant[ctx.tenant.id] ?? {};
}

/** Saves the manual cells of the form: each entered with its source, or cleared; every error at once, nothing saved then. */
export async function saveManualCells(ctx: ReportsContext, year: number, form: FormData): Promise<{ ok: true; report: Report } | Refused> {
  ctx.require(DRAFT);
  const keys = manualKeys(FORMAT_2021, await officeFigures(ctx, year));
  const parsed = parseForm(manualCellsForm(keys, cellDecimals(FORMAT_2021)), form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return ctx.withTenant(async (trx) => {
    const report = await editable(ctx, trx, year);
    if (!report) return { ok: false, error: `${E}.notDrafting` };
    const manual = { ...report.manual, ...parsed.data.entered };
    for (const key of parsed.data.cleared) delete manual[key];
    await trx.updateTable("annual_report_reports").set({ manual_cells: JSON.stringify(manual), updated_at: new Date() }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", report.id).execute();
    await ctx.audit(trx, { action: "annual-report.report.save", target: { type: "report", id: report.id }, data: { year, cells: Object.keys(parsed.data.entered).length } });
    return { ok: true, report: { ...report, manual } };
  });
}

/** Saves the narrative of 一、五 and 六 as edited (H6's drafting fills it first). */
export async function saveNarrative(ctx: ReportsContext, year: number, narrative: StoredNarrative): Promise<{ ok: true; report: Report } | Refused> {
  ctx.require(DRAFT);
  const parsed = Narrative.safeParse(narrative);
  if (!parsed.success) return { ok: false, error: `${E}.narrative` };
  return ctx.withTenant(async (trx) => {
    const report = await editable(ctx, trx, year);
    if (!report) return { ok: false, error: `${E}.notDrafting` };
    await trx.updateTable("annual_report_reports").set({ narrative: JSON.stringify(parsed.data), updated_at: new Date() }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", report.id).execute();
    await ctx.audit(trx, { action: "annual-report.report.save", target: { type: "report", id: report.id }, data: { year } });
    return { ok: true, report: { ...report, narrative: parsed.data } };
  });
}

/** Every figure of a published version, manual cells included: last year's for the carry-over warning. */
export function publishedValues(report: Report): Record<string, number | null> {
  return tableValues(fillTables(FORMAT_2021, report.figuresSnapshot ?? {}, report.manual));
}

/** The report's problems now: the checks on today's figures with the manual cells entered. */
export async function reportProblems(ctx: ReportsContext, trx: ReportsTransaction, year: number, figures: Figures, manual: Record<string, StoredManualCell>): Promise<Problem[]> {
  const last = (await reportVersions(trx, ctx.tenant.id, year - 1)).find((v) => v.status === "published");
  return checkReport(FORMAT_2021, fillTables(FORMAT_2021, figures, manual), last ? { lastYear: publishedValues(last) } : {});
}

/**
 * Sends the version for approval: the checks run on the figures as they are now (an error blocks,
 * warnings come back), the catalogue must be there to publish into, and the workflow document's
 * payload freezes figures, manual cells and narrative.
 */
export async function submitReport(ctx: ReportsContext, year: number): Promise<{ ok: true; documentId: string; warnings: Problem[] } | Refused> {
  ctx.require(DRAFT);
  if (!(await ctx.extensions.available(CATALOGUE))) return { ok: false, error: `${E}.catalogueOff` };
  const figures = await officeFigures(ctx, year);
  return ctx.withTenant(async (trx) => {
    const report = await editable(ctx, trx, year);
    if (!report) return { ok: false, error: `${E}.notDrafting` };
    // Only the cells the office must enter this year count: a figure a plugin now provides wins.
    const manual = Object.fromEntries(Object.entries(report.manual).filter(([key]) => !Object.prototype.hasOwnProperty.call(figures, key)));
    const unfinished = Object.values(report.narrative).flatMap((parts) => parts ?? []).flatMap((part) => part.paragraphs).filter((p) => p.todo).length;
    if (unfinished > 0) return { ok: false, error: `${E}.narrativeTodo`, unfinished };
    const problems = await reportProblems(ctx, trx, year, figures, manual);
    if (blocksSubmission(problems)) return { ok: false, error: `${E}.checksFailed`, problems };

    const officeName = ctx.tenant.name["zh-CN"];
    const payload: ReportPayload = {
      reportId: report.id,
      year,
      version: report.version,
      officeName,
      figures,
      manual,
      narrative: report.narrative,
      ...(report.correctionReason ? { correctionReason: report.correctionReason } : {}),
    };
    const title = reportTitle(officeName, year);
    // A returned document is sent again; a withdrawn one is replaced by a new document.
    const previous = report.documentId ? await ctx.workflow.get(trx, report.documentId) : null;
    const existing = previous && (previous.status === "draft" || previous.status === "returned") ? previous : null;
    const saved = existing
      ? await ctx.workflow.update(trx, { id: existing.id, expectedVersion: existing.version, title, payload })
      : await ctx.workflow.create(trx, { type: REPORT_TYPE, title, payload });
    if (!saved.ok) return { ok: false, error: coreKey(saved.error) };
    const sent = await ctx.workflow.act(trx, { id: saved.document.id, action: "submit", expectedVersion: saved.document.version });
    if (!sent.ok) return { ok: false, error: coreKey(sent.error) };
    await trx
      .updateTable("annual_report_reports")
      .set({ status: "in_approval", document_id: sent.document.id, updated_at: new Date() })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", report.id)
      .execute();
    await ctx.audit(trx, { action: "annual-report.report.submit", target: { type: "report", id: report.id }, data: { year, version: report.version } });
    return { ok: true, documentId: sent.document.id, warnings: problems };
  });
}
