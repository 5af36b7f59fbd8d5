import type { PluginInboxEntry } from "../../../../app/plugin-api";
import { applicationList } from "./list.server";
import type { RequestsContext } from "../context";

/** The officer's 收件箱 part: open applications overdue or due within a few working days, most urgent first. */
export async function urgentApplications(ctx: RequestsContext): Promise<PluginInboxEntry[]> {
  const list = await ctx.withTenant((trx) => applicationList(ctx, trx, { urgency: "any", page: 1 }));
  return list.rows.map((r) => ({
    title: `${r.trackingNo} ${r.subject}`,
    to: `applications/${r.id}`,
    dueDate: r.dueDate,
    urgency: r.urgency,
    note: r.urgency === "overdue" ? ctx.t("urgency.overdueBy", { count: r.overdueDays }) : ctx.t("urgency.leftDays", { count: r.leftDays ?? 0 }),
  }));
}
