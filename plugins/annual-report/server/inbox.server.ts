import { chinaDate, type PluginInboxEntry } from "../../../app/plugin-api";
import type { ReportsContext } from "./context";
import { reportTitle } from "./report/assemble";
import { reportStatuses } from "./status.server";

/** Offices begin a year's report in its December, to publish it by the next 31 January (条例第四十九条). */
const REMINDER_FROM = "12-01";

/**
 * The drafter's 收件箱 part: a report not yet published, from 1 December of its year until its
 * 31 January (due soon in January), and after that as late, with where each stands.
 */
export async function reportsDue(ctx: ReportsContext, today = chinaDate()): Promise<PluginInboxEntry[]> {
  const thisYear = Number(today.slice(0, 4));
  return ctx.withTenant(async (trx) => {
    const entries: PluginInboxEntry[] = [];
    for (const year of [thisYear - 1, thisYear]) {
      const status = (await reportStatuses(trx, [ctx.tenant.id], year, { asOf: today, calendar: ctx.calendar })).get(ctx.tenant.id)!;
      const reminded = today >= `${year}-${REMINDER_FROM}` && today <= status.dueDate;
      if (status.state === "published" || (status.state !== "late" && !reminded)) continue;
      entries.push({
        title: reportTitle(ctx.tenant.name["zh-CN"], year),
        to: String(year),
        dueDate: status.dueDate,
        urgency: status.state === "late" ? "overdue" : year < thisYear ? "due_soon" : null,
        note: ctx.t(`status.${status.state}`),
      });
    }
    return entries;
  });
}
