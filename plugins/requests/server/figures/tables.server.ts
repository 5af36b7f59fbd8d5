import { sql } from "kysely";
import { TABLE_THREE_COLUMNS, type ApplicantType } from "../../law/applicants";
import { replyTypes, type TableThreeRowKey } from "../../law/reply-types";
import { TABLE_FOUR_GROUPS, TABLE_FOUR_OUTCOMES, type TableFourGroup, type TableFourOutcome } from "../../law/table-four";
import { dataRows } from "../../law/table-three";
import type { RequestsTransaction } from "../context";

/** Every data cell of table 三, zeros included: a blank in a published report means 0. */
export type TableThreeFigures = Record<TableThreeRowKey, Record<(typeof TABLE_THREE_COLUMNS)[number], number>>;
export type TableFourFigures = Record<TableFourGroup, Record<TableFourOutcome, number>>;

const OUTCOME_ROWS = new Set<string>(replyTypes("2021").map((r) => r.key));
const yearBounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

function emptyTableThree(): TableThreeFigures {
  const cells = {} as TableThreeFigures;
  for (const row of dataRows("2021")) cells[row] = Object.fromEntries(TABLE_THREE_COLUMNS.map((c) => [c, 0])) as TableThreeFigures[TableThreeRowKey];
  return cells;
}

interface TableThreeGroup {
  tenant_id: string;
  applicant_type: ApplicantType;
  received_this_year: boolean;
  /** The reply type when closed within the year, else null (still open at its end). */
  outcome: string | null;
  n: number;
}

/**
 * Annual report table 三 (国办公开办函〔2021〕30号) for `year`, per office among `tenantIds`, in one read.
 * The applications counted are those received by the year's end and not closed before it began;
 * each is 一 (received in the year) or 二 (carried over), and either closed in the year under its
 * reply type's row or 四 (carried forward) — so 一 + 二 = （七） + 四 in every column by
 * construction. Online applications not yet confirmed (no receipt date) are not received.
 */
export async function tableThreeByTenant(trx: RequestsTransaction, tenantIds: readonly string[], year: number): Promise<Map<string, TableThreeFigures>> {
  const tables = new Map(tenantIds.map((id) => [id, emptyTableThree()]));
  if (tenantIds.length === 0) return tables;
  const { start, end } = yearBounds(year);
  const { rows } = await sql<TableThreeGroup>`
    SELECT tenant_id,
           applicant_type,
           received_on >= ${start}::date AS received_this_year,
           CASE WHEN closed_on <= ${end}::date THEN reply_type END AS outcome,
           count(*)::int AS n
      FROM requests_applications
     WHERE tenant_id IN (${sql.join(tenantIds)})
       AND received_on <= ${end}::date
       AND (closed_on IS NULL OR closed_on >= ${start}::date)
     GROUP BY 1, 2, 3, 4`.execute(trx);
  for (const r of rows) addToTableThree(tables.get(r.tenant_id)!, r);
  return tables;
}

function addToTableThree(cells: TableThreeFigures, r: TableThreeGroup) {
  if (r.outcome !== null && !OUTCOME_ROWS.has(r.outcome)) throw new Error(`requests: reply type "${r.outcome}" is no row of table 三`);
  const add = (row: TableThreeRowKey) => {
    cells[row][r.applicant_type] += r.n;
    cells[row].total += r.n;
  };
  add(r.received_this_year ? "received" : "carried_over");
  if (r.outcome === null) add("carried_forward");
  else {
    add(r.outcome as TableThreeRowKey);
    add("handled_total");
  }
}

function emptyTableFour(): TableFourFigures {
  return Object.fromEntries(TABLE_FOUR_GROUPS.map((g) => [g, Object.fromEntries(TABLE_FOUR_OUTCOMES.map((o) => [o, 0]))])) as TableFourFigures;
}

/**
 * Annual report table 四 (国办公开办函〔2021〕30号) for `year`, per office among `tenantIds`, by the rule of
 * law/table-four.ts (TABLE_FOUR_COUNTING): the 行政复议 and 行政诉讼 filed in the year with their
 * outcome as it stood at its end (decided later: 尚未审结), and those filed in an earlier year and
 * decided in this one, with their outcome.
 */
export async function tableFourByTenant(trx: RequestsTransaction, tenantIds: readonly string[], year: number): Promise<Map<string, TableFourFigures>> {
  const tables = new Map(tenantIds.map((id) => [id, emptyTableFour()]));
  if (tenantIds.length === 0) return tables;
  const { start, end } = yearBounds(year);
  const { rows } = await sql<{ tenant_id: string; kind: TableFourGroup; outcome: Exclude<TableFourOutcome, "total">; n: number }>`
    SELECT tenant_id,
           kind,
           CASE WHEN decided_on IS NULL OR decided_on > ${end}::date THEN 'pending' ELSE outcome END AS outcome,
           count(*)::int AS n
      FROM requests_appeals
     WHERE tenant_id IN (${sql.join(tenantIds)})
       AND (filed_on BETWEEN ${start}::date AND ${end}::date
            OR (filed_on < ${start}::date AND decided_on BETWEEN ${start}::date AND ${end}::date))
     GROUP BY 1, 2, 3`.execute(trx);
  for (const r of rows) {
    const cells = tables.get(r.tenant_id)!;
    cells[r.kind][r.outcome] += r.n;
    cells[r.kind].total += r.n;
  }
  return tables;
}

/** Cell by cell sums: a city consolidating its offices. */
function summed<T extends Record<string, Record<string, number>>>(empty: T, tables: Iterable<T>): T {
  for (const table of tables) for (const [row, cells] of Object.entries(table)) for (const [column, n] of Object.entries(cells)) empty[row]![column]! += n;
  return empty;
}

/** Table 三 summed over `tenantIds` (an office, or a city with its offices). */
export async function tableThree(trx: RequestsTransaction, tenantIds: readonly string[], year: number): Promise<TableThreeFigures> {
  return summed(emptyTableThree(), (await tableThreeByTenant(trx, tenantIds, year)).values());
}

/** Table 四 summed over `tenantIds`. */
export async function tableFour(trx: RequestsTransaction, tenantIds: readonly string[], year: number): Promise<TableFourFigures> {
  return summed(emptyTableFour(), (await tableFourByTenant(trx, tenantIds, year)).values());
}

/** Both tables summed over `tenantIds`, read in one transaction. */
export async function reportTables(trx: RequestsTransaction, tenantIds: readonly string[], year: number) {
  return { three: await tableThree(trx, tenantIds, year), four: await tableFour(trx, tenantIds, year) };
}
