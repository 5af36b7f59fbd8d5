import { chinaYear, type PluginRequestContext } from "../../../app/plugin-api";
import { demoManualCells, demoParagraphs } from "../data/demo-report";
import { FORMAT_2021 } from "../law/format-2021";
import type { ReportsContext, ReportsTenantContext } from "./context";
import { draftNarrative } from "./narrative/draft";
import { narrativeParts } from "./narrative/stored";
import { manualKeys } from "./report/fill";
import { officeFigures, reportVersions, saveManualCells, saveNarrative, startDraft, submitReport } from "./reports.server";
import { noteField, valueField } from "./workflow/manual-cells";

/**
 * Each demo office gets last year's report published through its own chain (drafted, sent,
 * approved step by step with 保密审查, numbered and put in the catalogue in January, before the
 * 31 January deadline) and this year's report in drafting. Offices that are not demo offices
 * start with none. Once per office and year: a year with a report is left as it is.
 */
export async function seedReports(ctx: ReportsTenantContext): Promise<void> {
  if (!ctx.tenant.code.startsWith("demo-") || !ctx.demo) return;
  const year = chinaYear();
  await seedPublished(ctx, year - 1);
  await seedDrafting(ctx, year);
}

const hasReport = (ctx: ReportsTenantContext, year: number) => ctx.withTenant(async (trx) => (await reportVersions(trx, ctx.tenant.id, year)).length > 0);

/** A day of January after the report year at a time of the working day in China, or now if that is still ahead. */
const inJanuary = (year: number, day: number, hourUtc: number) => new Date(Math.min(Date.UTC(year + 1, 0, day, hourUtc), Date.now()));

async function seedPublished(ctx: ReportsTenantContext, year: number) {
  if (await hasReport(ctx, year)) return;
  const drafter = (await ctx.demo!.as("drafter", { at: inJanuary(year, 19, 1) })) as ReportsContext;
  expectOk(await startDraft(drafter, year));
  await enterCells(ctx, drafter, year, () => true);
  await writeNarrative(drafter, year);
  const sent = expectOk(await submitReport(drafter, year));
  await ctx.demo!.approveChain(sent.documentId, { at: inJanuary(year, 22, 7) });
}

async function seedDrafting(ctx: ReportsTenantContext, year: number) {
  if (await hasReport(ctx, year)) return;
  const drafter = (await ctx.demo!.as("drafter")) as ReportsContext;
  expectOk(await startDraft(drafter, year));
  // Begun, not finished: two of the cells entered, the narrative as drafted from the figures.
  let entered = 0;
  await enterCells(ctx, drafter, year, () => entered++ < 2);
}

/** The manual cells the office has to enter this year, those `take` keeps, with the demo's values and sources. */
async function enterCells(ctx: ReportsTenantContext, drafter: PluginRequestContext, year: number, take: (key: string) => boolean) {
  const cells = demoManualCells(ctx.tenant.code);
  const form = new FormData();
  for (const key of manualKeys(FORMAT_2021, await officeFigures(drafter, year))) {
    const cell = cells[key];
    if (!cell || !take(key)) continue;
    form.set(valueField(key), cell.value);
    form.set(noteField(key), cell.note);
  }
  expectOk(await saveManualCells(drafter, year, form));
}

/** The narrative drafted from the figures, every paragraph left for the drafter written as the demo's drafter wrote it. */
async function writeNarrative(drafter: ReportsContext, year: number) {
  const written = demoParagraphs(year);
  const drafted = draftNarrative({ office: drafter.tenant.name["zh-CN"], year, figures: await officeFigures(drafter, year) });
  const parts = narrativeParts(drafted);
  for (const section of Object.values(parts)) {
    for (const part of section ?? []) {
      part.paragraphs = part.paragraphs.map((p) => (p.todo && written.has(p.text) ? { text: written.get(p.text)! } : p));
    }
  }
  expectOk(await saveNarrative(drafter, year, parts));
}

function expectOk<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`annual-report demo: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}
