/**
 * Word files in 公文 layout (GB/T 9704-2012) for plugin loaders: `gongwenDocx({ title, creator, children })`
 * writes A4 with the standard margins, the 22 × 28 grid and the 「— N —」 page numbers around paragraphs
 * made with `gongwenTitle`, `gongwenHeading`, `gongwenParagraph`, `gongwenSignature`, `gongwenBlankLine`
 * and tables made with `gongwenTable` (HTML-style spans, fitted to the 156 mm type area). `GBT9704`
 * holds the standard's measures and fonts, `ZIHAO` the 字号 in points.
 */
export { GBT9704, ZIHAO } from "../core/documents/gongwen-layout";
export {
  CHAR,
  gongwenBlankLine,
  gongwenDocx,
  gongwenHeading,
  gongwenParagraph,
  gongwenSignature,
  gongwenTitle,
  GONGWEN_FONT,
  gridRun,
  halfPoints,
  LINE,
  mmToTwips,
  TYPE_AREA,
} from "../core/documents/gongwen-docx.server";
export { fitColumns, gongwenTable, placeCells, type GongwenCell, type GongwenTableSpec, type PlacedCell } from "../core/documents/gongwen-table.server";
