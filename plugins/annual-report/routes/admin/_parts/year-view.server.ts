import type { StoredManualCell } from "../../../db/schema";
import { FORMAT_2021 } from "../../../law/format-2021";
import type { ReportsContext, ReportsTransaction } from "../../../server/context";
import { draftNarrative, type Narrative } from "../../../server/narrative/draft";
import { staleInReport, unfinishedParagraphs } from "../../../server/narrative/stale";
import { narrativeFromParts } from "../../../server/narrative/stored";
import { reportUrl } from "../../../server/publish/publish.server";
import { assembleReport, assembleReportFor } from "../../../server/report/assemble";
import { cellNames, type Problem } from "../../../server/report/checks";
import { fillTables, manualKeys, tableValues, type Figures } from "../../../server/report/fill";
import type { AnnualReportModel } from "../../../server/report/model";
import { ReportPayload } from "../../../server/workflow/document";
import { currentReport, officeFigures, reportProblems, reportVersions, type Report } from "../../../server/reports.server";

/** What a drafter works from: the version, today's figures, the narrative as saved or freshly drafted. */
export interface Working {
  report: Report;
  figures: Figures;
  /** Only the manual cells the office must enter this year (a figure a plugin now provides wins). */
  manual: Record<string, StoredManualCell>;
  narrative: Narrative;
}

/**
 * The figures of the year: frozen in a published version; in approval, the figures, cells and
 * narrative the chain is deciding on (the document's payload), so the page shows what is approved;
 * today's while it is drafted (submission sends today's).
 */
async function workingOn(ctx: ReportsContext, trx: ReportsTransaction, report: Report, figuresNow: Figures): Promise<Working> {
  const sent = await sentPayload(ctx, trx, report);
  if (sent) report = { ...report, manual: sent.manual, narrative: sent.narrative };
  const figures = sent?.figures ?? (report.status === "published" || report.status === "superseded" ? (report.figuresSnapshot ?? figuresNow) : figuresNow);
  const manual = Object.fromEntries(Object.entries(report.manual).filter(([key]) => !Object.prototype.hasOwnProperty.call(figures, key)));
  const lastYear = (await reportVersions(trx, ctx.tenant.id, report.year - 1)).find((v) => v.status === "published");
  const drafted = draftNarrative({
    office: ctx.tenant.name["zh-CN"],
    year: report.year,
    figures,
    // Its parts, so that last year's own follow-up of the year before is not followed up again.
    ...(lastYear?.narrative.problems ? { lastYear: { problems: { parts: lastYear.narrative.problems } } } : {}),
  });
  return { report, figures, manual, narrative: narrativeFromParts(report.narrative, drafted) };
}

/** What a version in approval was sent with, while its document is with the chain; null otherwise. */
async function sentPayload(ctx: ReportsContext, trx: ReportsTransaction, report: Report): Promise<ReportPayload | null> {
  if (report.status !== "in_approval" || !report.documentId) return null;
  const doc = await ctx.workflow.get(trx, report.documentId);
  if (!doc || (doc.status !== "in_review" && doc.status !== "approved")) return null;
  const parsed = ReportPayload.safeParse(doc.payload);
  return parsed.success ? parsed.data : null;
}

/** The version of the year in work or last published, with what it is worked from; null when none. `figuresNow`: officeFigures, read before the transaction. */
export async function working(ctx: ReportsContext, trx: ReportsTransaction, year: number, figuresNow: Figures): Promise<Working | null> {
  const report = await currentReport(trx, ctx.tenant.id, year);
  if (!report) return null;
  return workingOn(ctx, trx, report, figuresNow);
}

/** Every figure the narrative may quote — the readers' facts and the filled tables, manual cells included: what paragraphs are compared with. */
export const valuesNow = (w: Working) => ({ ...w.figures, ...tableValues(fillTables(FORMAT_2021, w.figures, w.manual)) });

export interface StaleView {
  place: string;
  changes: { cell: string; then: number | null; now: number | null }[];
}

export interface YearView {
  year: number;
  report: Pick<Report, "id" | "version" | "status" | "documentId" | "indexNumber" | "publishedOn" | "correctionReason"> | null;
  /** Drafting, or sent and come back: the drafter may change it. */
  editable: boolean;
  model: AnnualReportModel | null;
  /** The manual cells to enter, in the format's order, with what is saved. */
  manualCells: { key: string; name: string; decimals: number; value: string; note: string }[];
  /** The narrative as the editor shows it (official Chinese, not converted). */
  narrative: { key: string; heading: string; parts: { heading?: string; paragraphs: { place: string; text: string; todo: boolean }[] }[] }[];
  stale: StaleView[];
  unfinished: string[];
  problems: Problem[];
  publicUrl: string | null;
}

export const placeOf = (p: { section: string; part: number; paragraph: number }) => `${p.section}.${p.part}.${p.paragraph}`;

/** The year's page: the report as the renderers draw it, and, while drafting, what the drafter works on. */
export async function yearView(ctx: ReportsContext, year: number): Promise<YearView> {
  const figuresNow = await officeFigures(ctx, year);
  return ctx.withTenant(async (trx) => {
    const w = await working(ctx, trx, year, figuresNow);
    const empty: YearView = { year, report: null, editable: false, model: null, manualCells: [], narrative: [], stale: [], unfinished: [], problems: [], publicUrl: null };
    if (!w) return empty;
    const { report } = w;
    // A sent version whose document came back (returned, withdrawn) is the drafter's again.
    const doc = report.status === "in_approval" && report.documentId ? await ctx.workflow.get(trx, report.documentId) : null;
    const drafting = report.status === "drafting" || (doc !== null && ["returned", "withdrawn", "draft"].includes(doc.status));
    const meta = report.indexNumber ? [{ label: "索引号", value: report.indexNumber }] : [];
    const input = { office: ctx.tenant.name["zh-CN"], year, format: FORMAT_2021, figures: w.figures, manual: w.manual, narrative: w.narrative, meta, ...(report.publishedOn ? { issuedOn: report.publishedOn } : {}) };
    const official = assembleReport(input);
    const tables = official.sections.flatMap((s) => (s.kind === "table" ? [s.table] : []));
    const names = cellNames(tables);
    const decimals = new Map(tables.flatMap((t) => [...t.head, ...t.body].flat()).flatMap((c) => (c.kind === "value" ? [[c.key, c.decimals ?? 0] as const] : [])));
    const stale = staleInReport(official.sections, undefined, valuesNow(w)).map((s) => ({
      place: placeOf(s.place),
      changes: s.changes.map((c) => ({ cell: names.get(c.key) ?? c.key, then: c.then ?? null, now: c.now ?? null })),
    }));
    return {
      year,
      report: { id: report.id, version: report.version, status: report.status, documentId: report.documentId, indexNumber: report.indexNumber, publishedOn: report.publishedOn, correctionReason: report.correctionReason },
      editable: drafting,
      model: assembleReportFor(ctx.locale, input),
      manualCells: drafting
        ? manualKeys(FORMAT_2021, w.figures).map((key) => ({ key, name: names.get(key) ?? key, decimals: decimals.get(key) ?? 0, value: w.manual[key] ? String(w.manual[key].value) : "", note: w.manual[key]?.note ?? "" }))
        : [],
      narrative: official.sections.flatMap((s) =>
        s.kind === "narrative"
          ? [{ key: s.key, heading: s.heading, parts: s.parts.map((part, i) => ({ ...(part.heading ? { heading: part.heading } : {}), paragraphs: part.paragraphs.map((p, j) => ({ place: placeOf({ section: s.key, part: i, paragraph: j }), text: p.text, todo: Boolean(p.todo) })) })) }]
          : [],
      ),
      stale: drafting ? stale : [],
      unfinished: drafting ? unfinishedParagraphs(official.sections).map(placeOf) : [],
      problems: drafting ? await reportProblems(ctx, trx, year, w.figures, w.manual) : [],
      publicUrl: report.status === "published" || report.indexNumber ? reportUrl(ctx.tenant.code, year) : null,
    };
  });
}
