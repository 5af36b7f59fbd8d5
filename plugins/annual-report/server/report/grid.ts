/**
 * Where each cell of a table lies once its spans are laid out, and which header and label cells name
 * a figure: the renderer's `headers` attributes, the check's cell names and the tests all read the
 * grid from here. Generic over the format's cells and the filled model's cells.
 */

export interface SpannedCell {
  kind: "header" | "label" | "value" | "blank";
  colSpan?: number;
  rowSpan?: number;
}

export interface Placed<C extends SpannedCell> {
  cell: C;
  /** Grid row (head rows first, then body rows) and column of its top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  part: "head" | "body";
}

export interface Grid<C extends SpannedCell> {
  cells: Placed<C>[];
  rows: number;
  columns: number;
  headRows: number;
}

/** Lays the rows out as HTML does: each cell takes the next column not covered by a span from above. */
export function layOut<C extends SpannedCell>(head: C[][], body: C[][]): Grid<C> {
  const taken: boolean[][] = [];
  const cells: Placed<C>[] = [];
  const rows = [...head, ...body];
  let columns = 0;
  rows.forEach((cellsOfRow, row) => {
    let col = 0;
    for (const cell of cellsOfRow) {
      while (taken[row]?.[col]) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) (taken[r] ??= [])[c] = true;
      cells.push({ cell, row, col, rowSpan, colSpan, part: row < head.length ? "head" : "body" });
      col += colSpan;
    }
    columns = Math.max(columns, taken[row]?.length ?? 0);
  });
  return { cells, rows: rows.length, columns, headRows: head.length };
}

const covers = (p: Placed<SpannedCell>, row: number) => p.row <= row && row < p.row + p.rowSpan;
const overlaps = (p: Placed<SpannedCell>, col: number, colSpan: number) => p.col < col + colSpan && col < p.col + p.colSpan;

/**
 * The header cells above a cell: going up, past the rows that hold figures, through the run of
 * header rows just above them, to the first row with figures again. Table 三's thead names every
 * body row; table 二's 第二十条第（X）项 and 信息内容 rows name only their own block.
 */
export function columnHeaders<C extends SpannedCell>(grid: Grid<C>, target: Placed<C>): Placed<C>[] {
  const hasFigures = (row: number) => grid.cells.some((p) => covers(p, row) && p.cell.kind === "value");
  const found: Placed<C>[] = [];
  let inHeaders = false;
  for (let row = target.row - 1; row >= 0; row--) {
    if (hasFigures(row)) {
      if (inHeaders) break;
      continue;
    }
    inHeaders = true;
    for (const p of grid.cells) {
      if (p.cell.kind === "header" && covers(p, row) && overlaps(p, target.col, target.colSpan) && !found.includes(p)) found.push(p);
    }
  }
  return found.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The label cells left of a cell that span its row: "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密". */
export function rowLabels<C extends SpannedCell>(grid: Grid<C>, target: Placed<C>): Placed<C>[] {
  return grid.cells.filter((p) => p.cell.kind === "label" && covers(p, target.row) && p.col < target.col).sort((a, b) => a.col - b.col);
}

/** Columns that hold a figure in some row. */
export function figureColumns<C extends SpannedCell>(grid: Grid<C>): Set<number> {
  const columns = new Set<number>();
  for (const p of grid.cells) if (p.cell.kind === "value") for (let c = p.col; c < p.col + p.colSpan; c++) columns.add(c);
  return columns;
}

/**
 * How a figure is named: the headers over the label columns too (table 二's 第二十条第（X）项), the row's
 * labels run together as printed, then the column's headers — leaving out a header over every figure
 * column (申请人情况), which tells the columns apart from none, unless it is their only header (table
 * 二's 本年处理决定数量). Parts are joined with " · ".
 */
export function cellPath<C extends SpannedCell & { text?: string }>(grid: Grid<C>, target: Placed<C>): { row: string[]; column: string[]; block: string[] } {
  const figures = figureColumns(grid);
  const firstFigure = Math.min(...figures);
  const text = (p: Placed<C>) => p.cell.text ?? "";
  const headers = columnHeaders(grid, target);
  const overAll = (p: Placed<C>) => p.col >= firstFigure && [...figures].every((c) => c >= p.col && c < p.col + p.colSpan);
  const column = headers.filter((p) => p.col >= firstFigure);
  const telling = column.filter((p) => !overAll(p));
  return {
    block: headers.filter((p) => p.col < firstFigure && p.col + p.colSpan > firstFigure).map(text),
    row: rowLabels(grid, target).map(text),
    column: (telling.length > 0 ? telling : column).map(text),
  };
}

export function cellName(path: { row: string[]; column: string[]; block: string[] }): string {
  return [...path.block, path.row.join(""), ...path.column].filter((s) => s !== "").join(" · ");
}
