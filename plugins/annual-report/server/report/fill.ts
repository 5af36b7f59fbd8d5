import type { FormatCell, FormatTable, ReportFormat } from "../../law/format";
import type { GridCell, ReportTable } from "./model";

/**
 * A format's tables filled for one office: each figure cell takes the office's figure where an
 * enabled plugin provides it (the report reader returns only those), and is otherwise a manual cell
 * carrying what the drafter entered, with the note on its source.
 */

/** Figure key → number, as the report reader gives them for one office. */
export type Figures = Record<string, number>;

export interface ManualCell {
  value: number | null;
  note: string;
}
/** Figure key → what the drafter entered for a figure no enabled plugin provides. */
export type ManualCells = Record<string, ManualCell>;

export const isProvided = (figures: Figures, key: string) => Object.prototype.hasOwnProperty.call(figures, key);

function fillCell(cell: FormatCell, figures: Figures, manual: ManualCells): GridCell {
  if (cell.kind !== "value") return { ...cell };
  const shape = { ...(cell.decimals ? { decimals: cell.decimals } : {}), ...(cell.colSpan ? { colSpan: cell.colSpan } : {}) };
  if (isProvided(figures, cell.key)) return { kind: "value", key: cell.key, value: figures[cell.key]!, manual: false, ...shape };
  const entered = manual[cell.key];
  return { kind: "value", key: cell.key, value: entered?.value ?? null, manual: true, note: entered?.note ?? "", ...shape };
}

export function fillTable(table: FormatTable, figures: Figures, manual: ManualCells = {}): ReportTable {
  const fill = (rows: FormatCell[][]) => rows.map((row) => row.map((cell) => fillCell(cell, figures, manual)));
  return { key: table.key, title: table.title, gloss: table.gloss, head: fill(table.head), body: fill(table.body), columnWidths: [...table.columnWidths] };
}

/** The format's tables in the order their sections print them. */
export function fillTables(format: ReportFormat, figures: Figures, manual: ManualCells = {}): ReportTable[] {
  return format.sections.flatMap((s) => (s.table ? [fillTable(format.tables[s.table], figures, manual)] : []));
}

/** The keys the drafter has to enter: bound by the format, provided by no enabled plugin. */
export function manualKeys(format: ReportFormat, figures: Figures): string[] {
  return Object.values(format.tables).flatMap((t) =>
    [...t.head, ...t.body].flat().flatMap((c) => (c.kind === "value" && !isProvided(figures, c.key) ? [c.key] : [])),
  );
}

export function valueCells(table: ReportTable): Extract<GridCell, { kind: "value" }>[] {
  return [...table.head, ...table.body].flat().filter((c): c is Extract<GridCell, { kind: "value" }> => c.kind === "value");
}

/** Every figure of a filled report by key, manual ones included (null: not entered). */
export function tableValues(tables: readonly ReportTable[]): Record<string, number | null> {
  return Object.fromEntries(tables.flatMap(valueCells).map((c) => [c.key, c.value]));
}
