import type { GongwenCell } from "../../../../app/plugin-api/gongwen.server";
import type { GridCell, ReportTable } from "../report/model";

/**
 * A figure as the printed report shows it: just the number. A manual cell not yet filled prints
 * nothing (a report with one cannot be approved, so only a draft shows it blank).
 */
export function figureText(cell: Extract<GridCell, { kind: "value" }>): string {
  return cell.value === null ? "" : cell.value.toFixed(cell.decimals ?? 0);
}

function toCell(cell: GridCell): GongwenCell {
  switch (cell.kind) {
    case "header":
      return { text: cell.text, colSpan: cell.colSpan, rowSpan: cell.rowSpan, align: "center" };
    case "label":
      return { text: cell.text, colSpan: cell.colSpan, rowSpan: cell.rowSpan, align: "left" };
    case "value":
      return { text: figureText(cell), colSpan: cell.colSpan, align: "center" };
    case "blank":
      return { text: "", colSpan: cell.colSpan, rowSpan: cell.rowSpan };
  }
}

/** The model's table as the 公文 table takes it: the same rows and spans, figures as text. */
export const tableSpec = (table: ReportTable) => ({
  columnWidths: table.columnWidths,
  head: table.head.map((row) => row.map(toCell)),
  body: table.body.map((row) => row.map(toCell)),
});
