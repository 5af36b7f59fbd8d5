import { chinaDate } from "../../../../../app/plugin-api";
import type { StoredManualCell } from "../../../db/schema";
import { FORMAT_2021 } from "../../../law/format-2021";
import type { ReportsContext, ReportsTransaction } from "../../../server/context";
import { cellNames } from "../../../server/report/checks";
import { consolidate } from "../../../server/report/consolidate";
import { fillTables, manualKeys, tableValues, type Figures } from "../../../server/report/fill";
import type { ReportTable } from "../../../server/report/model";
import { traditionalTable } from "../../../server/report/traditional.server";
import { reportStatuses, type ReportYearStatus } from "../../../server/status.server";
import { cellDecimals } from "../../../server/workflow/manual-cells";
import { staffBase } from "./routes.server";

/** What an office's figures in the sums are: its published version as frozen, or today's figures with the manual cells entered so far. */
export type Contributes = { kind: "published"; version: number } | { kind: "live"; manualCells: number };

export interface ConsolidatedOffice {
  code: string;
  name: string;
  /** The reader's own office (the city bureau): listed first. */
  own: boolean;
  status: ReportYearStatus;
  contributes: Contributes;
  /** The office's report page, read-only for a supervisor of another office. */
  href: string;
}

export interface CellDrill {
  key: string;
  /** The cell's official name, e.g. "三、收到和处理政府信息公开申请情况 / 一、本年新收政府信息公开申请数量 / 自然人". */
  name: string;
  total: number | null;
  decimals: number;
  /** Every office in the order listed, null where it has no figure (a manual cell not entered). */
  offices: {
    code: string;
    name: string;
    value: number | null;
    contributes: Contributes;
  }[];
}

export interface ConsolidationView {
  year: number;
  offices: ConsolidatedOffice[];
  /** Tables 二, 三 and 四, each figure the sum over the offices. */
  tables: ReportTable[];
  drill: CellDrill | null;
}

interface VersionRow {
  tenant_id: string;
  version: number;
  status: "drafting" | "in_approval" | "published" | "superseded";
  manual_cells: Record<string, StoredManualCell>;
  figures_snapshot: Record<string, number> | null;
}

/** Every version of `year`'s report in the offices, the latest first. */
async function versionsOf(trx: ReportsTransaction, tenantIds: readonly string[], year: number): Promise<Map<string, VersionRow[]>> {
  const rows = await trx
    .selectFrom("annual_report_reports")
    .select(["tenant_id", "version", "status", "manual_cells", "figures_snapshot"])
    .where("tenant_id", "in", [...tenantIds])
    .where("year", "=", year)
    .orderBy("version", "desc")
    .execute();
  const out = new Map<string, VersionRow[]>();
  for (const row of rows) out.set(row.tenant_id, [...(out.get(row.tenant_id) ?? []), row]);
  return out;
}

/**
 * One office's figures in the sums: as approved where it has published (a correction in work does
 * not count until it is), else today's figures with the manual cells its version in work has.
 */
export function officeContribution(versions: readonly VersionRow[], live: Figures): { contributes: Contributes; values: Record<string, number | null> } {
  const published = versions.find((v) => v.status === "published") ?? versions.find((v) => v.status === "superseded");
  if (published) {
    return {
      contributes: { kind: "published", version: published.version },
      values: tableValues(fillTables(FORMAT_2021, published.figures_snapshot ?? {}, published.manual_cells)),
    };
  }
  const manual = (versions.find((v) => v.status === "drafting" || v.status === "in_approval") ?? versions[0])?.manual_cells ?? {};
  const entered = manualKeys(FORMAT_2021, live).filter((key) => manual[key]).length;
  return {
    contributes: { kind: "live", manualCells: entered },
    values: tableValues(fillTables(FORMAT_2021, live, manual)),
  };
}

/**
 * The city's consolidation of `year`: each office the reader may read (its own first) with its
 * status, and tables 二, 三 and 四 summed over them, from one figures call and one read of the
 * reports; `cell` (a figure key) asks for each office's part of that total.
 */
export async function consolidationView(ctx: ReportsContext, year: number, cell: string | null): Promise<ConsolidationView> {
  const offices = ctx.reports.offices;
  const ids = offices.map((o) => o.id);
  const { byTenant } = await ctx.reports.figures(year, { tenantIds: ids });
  const { statuses, versions } = await ctx.reports.read(ids, async (trx) => ({
    statuses: await reportStatuses(trx, ids, year, {
      asOf: chinaDate(),
      calendar: ctx.calendar,
    }),
    versions: await versionsOf(trx, ids, year),
  }));
  const parts = new Map(ids.map((id) => [id, officeContribution(versions.get(id) ?? [], byTenant[id] ?? {})]));
  const { totals, contributions } = consolidate(Object.fromEntries([...parts].map(([id, p]) => [id, p.values])));
  const filled = fillTables(FORMAT_2021, totals);
  const tables = ctx.locale === "zh-TW" ? filled.map(traditionalTable) : filled;

  const listed = offices.map((o) => ({
    code: o.code,
    name: o.name[ctx.locale],
    contributes: parts.get(o.id)!.contributes,
  }));
  const decimals = cellDecimals(FORMAT_2021);
  const drill =
    cell !== null && decimals.has(cell)
      ? {
          key: cell,
          name: cellNames(tables).get(cell) ?? cell,
          total: totals[cell] ?? null,
          decimals: decimals.get(cell)!,
          offices: offices.map((o, i) => ({
            ...listed[i]!,
            value: contributions[cell]?.find((c) => c.officeId === o.id)?.value ?? null,
          })),
        }
      : null;
  return {
    year,
    offices: offices.map((o, i) => ({
      ...listed[i]!,
      own: o.id === ctx.tenant.id,
      status: statuses.get(o.id)!,
      href: `${staffBase(o.code)}/${year}`,
    })),
    tables,
    drill,
  };
}
