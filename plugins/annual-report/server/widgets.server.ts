import { chinaDate, type PluginManifest } from "../../../app/plugin-api";
import type { AnnualReportDatabase } from "../db/schema";
import type { ReportsWidgetContext } from "./context";
import { reportStatuses, type ReportYearState } from "./status.server";

/**
 * The report year a dashboard watches on `today`: the one whose 31 January deadline is this year's,
 * still to come in January or the most recent one after it — always last year.
 */
export const watchedReportYear = (today: string) => Number(today.slice(0, 4)) - 1;

/** 1 for each office whose watched report is in `state`, else 0: summed on the oversight page, the offices in that state. */
async function officesIn(ctx: ReportsWidgetContext, tenantIds: string[], state: ReportYearState): Promise<Record<string, number>> {
  const today = chinaDate();
  const statuses = await ctx.withRead(tenantIds, (trx) =>
    reportStatuses(trx, tenantIds, watchedReportYear(today), {
      asOf: today,
      calendar: ctx.calendar,
    })
  );
  return Object.fromEntries(tenantIds.map((id) => [id, statuses.get(id)?.state === state ? 1 : 0]));
}

/**
 * Widgets are numbers, so last year's report is watched by the count that calls for action: an office
 * whose deadline passed with nothing published reads 1, any other 0; the oversight page's sum is how
 * many offices are late. The other states are on the consolidation page and in the drafter's 收件箱.
 */
export const widgets: NonNullable<PluginManifest<AnnualReportDatabase>["widgets"]> = [
  {
    key: "annual-report.lastYearLate",
    label: "annual-report:widgets.late",
    description: "annual-report:widgets.lateAbout",
    format: "count",
    better: "lower",
    permission: "annual-report.reports.view",
    compute: (ctx, ids) => officesIn(ctx, ids, "late"),
  },
];
