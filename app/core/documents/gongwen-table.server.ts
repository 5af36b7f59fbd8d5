import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, VerticalMergeType, WidthType } from "docx";
import { ZIHAO } from "./gongwen-layout";
import { GONGWEN_FONT, halfPoints, OFF_GRID, TYPE_AREA } from "./gongwen-docx.server";

/** A cell as HTML writes it: the cells a span covers are left out of the rows below and to the right. */
export interface GongwenCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: "left" | "center" | "right";
}

export interface GongwenTableSpec {
  /** Relative widths, one per grid column; the table is scaled to the 156 mm type area. */
  columnWidths: number[];
  /** Header rows, repeated at the top of every page the table runs onto. */
  head: GongwenCell[][];
  body: GongwenCell[][];
  /** Defaults to 小四, or 五号 when the narrowest column would not hold two characters of 小四. */
  sizePt?: number;
}

/** One position of a docx row: a cell that starts there, or the continuation of a cell merged down from above. */
export type PlacedCell = { kind: "start"; cell: GongwenCell; column: number; colSpan: number; rowSpan: number } | { kind: "continue"; column: number; colSpan: number };

/**
 * HTML rows to docx rows. Word has no rowSpan: a cell merged down is a `vMerge restart` cell with a
 * `vMerge continue` cell of the same width at its place in every row below, where HTML writes nothing.
 * Places cells as browsers do (each in the first free column) and refuses a row that leaves a hole or overflows.
 */
export function placeCells(rows: GongwenCell[][], columns: number): PlacedCell[][] {
  const owner: (PlacedCell & { kind: "start"; row: number })[][] = rows.map(() => new Array(columns));
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < columns && owner[r]![c]) c++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = Math.min(cell.rowSpan ?? 1, rows.length - r);
      if (c + colSpan > columns) throw new Error(`table row ${r + 1}: "${cell.text}" runs past column ${columns}`);
      const placed = { kind: "start" as const, cell, column: c, colSpan, rowSpan, row: r };
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) {
        if (owner[r + dr]![c + dc]) throw new Error(`table row ${r + dr + 1}, column ${c + dc + 1}: two cells overlap`);
        owner[r + dr]![c + dc] = placed;
      }
      c += colSpan;
    }
  });
  return owner.map((positions, r) => {
    const out: PlacedCell[] = [];
    for (let c = 0; c < columns; ) {
      const o = positions[c];
      if (!o) throw new Error(`table row ${r + 1}: column ${c + 1} has no cell`);
      out.push(o.row === r ? { kind: "start", cell: o.cell, column: c, colSpan: o.colSpan, rowSpan: o.rowSpan } : { kind: "continue", column: c, colSpan: o.colSpan });
      c += o.colSpan;
    }
    return out;
  });
}

/** Relative widths to whole twips that add up to exactly the type area's width (the twips left by rounding down go to the largest remainders). */
export function fitColumns(relative: number[], total = TYPE_AREA.width): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  const exact = relative.map((w) => (w / sum) * total);
  const widths = exact.map(Math.floor);
  const left = total - widths.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((w, i) => ({ i, r: w - Math.floor(w) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder.slice(0, left)) widths[i]!++;
  return widths;
}

/** A table of at most this many rows is kept on one page; a longer one breaks between rows, its header repeated. */
const KEEP_TOGETHER_ROWS = 16;

/** Cell padding: 1 mm each side, so that a 10 mm column still holds two characters. */
const PADDING = { top: 28, bottom: 28, left: 57, right: 57 };

function tableSize(widths: number[]): number {
  const narrowest = Math.min(...widths) - PADDING.left - PADDING.right;
  return narrowest >= 2 * ZIHAO.小四 * 20 ? ZIHAO.小四 : ZIHAO.五号;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A table fitted to the type area: fixed column widths, the header rows repeated on every page, no
 * row split across pages, a short table kept whole, text in 宋体 a size or two under the body's, on its own line height (off the grid).
 */
export function gongwenTable(spec: GongwenTableSpec): Table {
  const widths = fitColumns(spec.columnWidths);
  const sizePt = spec.sizePt ?? tableSize(widths);
  const spanWidth = (column: number, colSpan: number) => widths.slice(column, column + colSpan).reduce((a, b) => a + b, 0);
  const paragraph = (text: string, align: keyof typeof ALIGN) =>
    new Paragraph({
      style: OFF_GRID,
      alignment: ALIGN[align],
      spacing: { line: Math.round(sizePt * 20 * 1.3), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: text ? [new TextRun({ text, font: GONGWEN_FONT.table, size: halfPoints(sizePt)})] : [],
    });
  const keepTogether = spec.head.length + spec.body.length <= KEEP_TOGETHER_ROWS;
  const row = (placed: PlacedCell[], header: boolean, last: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      // The header stays with the first row under it; a short table stays whole.
      keepNext: header || (keepTogether && !last) ? true : undefined,
      children: placed.map((p) => {
        const common = { columnSpan: p.colSpan > 1 ? p.colSpan : undefined, width: { size: spanWidth(p.column, p.colSpan), type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER };
        if (p.kind === "continue") return new TableCell({ ...common, verticalMerge: VerticalMergeType.CONTINUE, children: [paragraph("", "center")] });
        return new TableCell({
          ...common,
          verticalMerge: p.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
          children: [paragraph(p.cell.text, p.cell.align ?? "center")],
        });
      }),
    });
  const columns = widths.length;
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: PADDING,
    rows: [...placeCells(spec.head, columns).map((r) => row(r, true, false)), ...placeCells(spec.body, columns).map((r, i) => row(r, false, i === spec.body.length - 1))],
  });
}
