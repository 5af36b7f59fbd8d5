import { evaluateClock, type WorkCalendar } from "../../../app/plugin-api";
import type { ReportsTransaction } from "./context";
import { DEADLINE_CLOCK, deadlineStart } from "./workflow/deadline-clock";

/** 31 January after the report year, as the deadline clock of the year counts it. */
const dueDateOf = (year: number) => `${year + 1}-01-31`;

/** Where an office stands with a year's report, for the office's dashboard and the city's oversight. */
export type ReportYearState = "not_started" | "drafting" | "in_approval" | "published" | "late";

export interface ReportYearStatus {
  state: ReportYearState;
  /** The latest version (0: none). */
  version: number;
  indexNumber: string | null;
  publishedOn: string | null;
  /** 31 January of the next year (条例第四十九条). */
  dueDate: string;
  /** Published after the due date. */
  publishedLate: boolean;
}

/**
 * The status of `year`'s report in each office, in one read: a published version (a correction in
 * work included) is published; nothing published once the deadline clock's due date has passed is
 * late, whatever is in work. `trx` must read those offices (a widget's `withRead`, a supervisor's read).
 */
export async function reportStatuses(
  trx: ReportsTransaction,
  tenantIds: readonly string[],
  year: number,
  options: { asOf: string; calendar: WorkCalendar },
): Promise<Map<string, ReportYearStatus>> {
  const rows = tenantIds.length
    ? await trx
        .selectFrom("annual_report_reports")
        .select(["tenant_id", "version", "status", "index_number", "published_on"])
        .where("tenant_id", "in", [...tenantIds])
        .where("year", "=", year)
        .orderBy("version", "desc")
        .execute()
    : [];
  const byTenant = new Map<string, typeof rows>();
  for (const row of rows) byTenant.set(row.tenant_id, [...(byTenant.get(row.tenant_id) ?? []), row]);
  const out = new Map<string, ReportYearStatus>();
  for (const tenantId of tenantIds) {
    const versions = byTenant.get(tenantId) ?? [];
    const published = versions.find((r) => r.status === "published") ?? versions.find((r) => r.status === "superseded");
    const firstPublished = versions.filter((r) => r.published_on).map((r) => r.published_on!).sort()[0] ?? null;
    const inWork = versions.find((r) => r.status === "drafting" || r.status === "in_approval");
    // Only an office that has published nothing can be late; its clock has no stop yet.
    const clock = !firstPublished && options.asOf >= deadlineStart(year) ? evaluateClock(DEADLINE_CLOCK, [{ kind: "start", date: deadlineStart(year) }], options.asOf, options.calendar) : null;
    const dueDate = clock?.dueDate ?? dueDateOf(year);
    const state: ReportYearState = published
      ? "published"
      : clock?.state === "overdue"
        ? "late"
        : inWork
          ? (inWork.status as "drafting" | "in_approval")
          : "not_started";
    out.set(tenantId, {
      state,
      version: versions[0]?.version ?? 0,
      indexNumber: published?.index_number ?? null,
      publishedOn: published?.published_on ?? null,
      dueDate,
      publishedLate: firstPublished !== null && firstPublished > dueDate,
    });
  }
  return out;
}
