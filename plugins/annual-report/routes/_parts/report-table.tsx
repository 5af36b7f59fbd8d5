import { useTranslation } from "react-i18next";
import { TableScroll } from "../../../../app/plugin-api/ui";
import { cellName, cellPath, columnHeaders, figureColumns, layOut, rowLabels, type Placed } from "../../server/report/grid";
import type { GridCell, ReportTable } from "../../server/report/model";

/**
 * One table of the annual report as HTML, the one renderer of the staff view, the review and the
 * public page: merges as the format prints them, every figure tied to its row and column headers
 * (`headers`), manual figures marked 手填 with their source in a note under the table. The labels
 * are official Chinese (converted for zh-TW pages before they get here); `glosses` adds the English
 * under each label for English pages.
 */
export interface ReportTableProps {
  table: ReportTable;
  /** Unique on the page: prefixes the ids the headers and notes are found by. */
  id?: string;
  glosses?: boolean;
  /** The language of the official text: zh-CN, or zh-TW once converted. */
  lang?: string;
  /** Hidden when a heading right above already says the title (still read by screen readers). */
  captionHidden?: boolean;
  /** Mark manual figures and list their sources (the staff view and the review; the public page too). */
  showManual?: boolean;
  /** Makes each known figure a link, e.g. to what it is made of (the city's consolidated tables). */
  cellHref?: (key: string) => string;
}

type Value = Extract<GridCell, { kind: "value" }>;

const formatValue = (cell: Value) => (cell.value === null ? null : cell.decimals ? cell.value.toFixed(cell.decimals) : String(cell.value));

function Text({ cell, glosses }: { cell: { text: string; gloss?: string }; glosses: boolean }) {
  return (
    <>
      {cell.text}
      {glosses && cell.gloss && (
        <span className="report-gloss" lang="en">
          {cell.gloss}
        </span>
      )}
    </>
  );
}

export function ReportTableView({ table, id = `report-${table.key}`, glosses = false, lang, captionHidden = false, showManual = true, cellHref }: ReportTableProps) {
  const { t } = useTranslation("annual-report");
  const grid = layOut<GridCell>(table.head, table.body);
  const figures = figureColumns(grid);
  const cellId = (p: Placed<GridCell>) => `${id}-r${p.row}c${p.col}`;
  const captionId = `${id}-caption`;
  const notes = grid.cells.filter((p): p is Placed<Value> => p.cell.kind === "value" && p.cell.manual);
  const noteNumber = new Map(notes.map((p, i) => [p, i + 1]));
  const noteId = (n: number) => `${id}-note-${n}`;
  const total = table.columnWidths.reduce((s, w) => s + w, 0);
  const spans = (p: Placed<GridCell>) => ({ ...(p.rowSpan > 1 ? { rowSpan: p.rowSpan } : {}), ...(p.colSpan > 1 ? { colSpan: p.colSpan } : {}) });

  function render(p: Placed<GridCell>) {
    const cell = p.cell;
    const key = cellId(p);
    if (cell.kind === "blank") return <td key={key} {...spans(p)} />;
    if (cell.kind === "header") {
      // A header over label columns only (table 三's corner, table 二's 信息内容) names no figure: printed as a header, not one to a screen reader.
      const overFigures = [...figures].some((c) => c >= p.col && c < p.col + p.colSpan);
      if (!overFigures) {
        return (
          <td key={key} className="report-head" {...spans(p)}>
            <Text cell={cell} glosses={glosses} />
          </td>
        );
      }
      return (
        <th key={key} id={key} scope={p.colSpan > 1 ? "colgroup" : "col"} {...spans(p)}>
          <Text cell={cell} glosses={glosses} />
        </th>
      );
    }
    if (cell.kind === "label") {
      return (
        <th key={key} id={key} className={`report-label report-level-${cell.level ?? 0}`} {...(p.rowSpan > 1 ? {} : { scope: "row" })} {...spans(p)}>
          <Text cell={cell} glosses={glosses} />
        </th>
      );
    }
    const headers = [...rowLabels(grid, p), ...columnHeaders(grid, p)].map(cellId).join(" ");
    const shown = formatValue(cell);
    const n = noteNumber.get(p as Placed<Value>);
    const marked = showManual && cell.manual && n !== undefined;
    return (
      <td key={key} headers={headers} className={`num${marked ? " report-manual" : ""}`} {...spans(p)} {...(marked ? { "aria-describedby": noteId(n) } : {})}>
        {shown !== null && cellHref ? <a href={cellHref(cell.key)}>{shown}</a> : shown ?? (marked ? <span className="report-empty">{t("table.empty")}</span> : "")}
        {marked && (
          <>
            {" "}
            <span className="badge report-manual-badge">{t("table.manual")}</span>
            <sup>
              <a href={`#${noteId(n)}`} aria-label={t("table.noteRef", { n })}>
                {n}
              </a>
            </sup>
          </>
        )}
      </td>
    );
  }

  const rowsOf = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => from + i).map((row) => <tr key={row}>{grid.cells.filter((p) => p.row === row).map(render)}</tr>);

  return (
    <div className={`report-table-block report-${table.key}`}>
      <TableScroll labelledBy={captionId}>
        <table className={`table report-table report-table-${table.key}`} lang={lang}>
          <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
            <Text cell={{ text: table.title, ...(table.gloss ? { gloss: table.gloss } : {}) }} glosses={glosses} />
          </caption>
          <colgroup>
            {table.columnWidths.map((w, i) => (
              // The width attribute, not style: the CSP refuses inline styles (style-src 'self').
              <col key={i} width={`${((w / total) * 100).toFixed(2)}%`} />
            ))}
          </colgroup>
          {grid.headRows > 0 && <thead>{rowsOf(0, grid.headRows)}</thead>}
          <tbody>{rowsOf(grid.headRows, grid.rows)}</tbody>
        </table>
      </TableScroll>
      {showManual && notes.length > 0 && (
        <div className="report-notes">
          <p className="report-notes-title">
            {t("table.notes")} <span className="muted">{t("table.manualAbout")}</span>
          </p>
          <ol>
            {notes.map((p, i) => (
              <li key={p.cell.key} id={noteId(i + 1)}>
                <span lang={lang}>{cellName(cellPath(grid, p))}</span>：{p.cell.note?.trim() ? p.cell.note : <em>{t("table.noNote")}</em>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
