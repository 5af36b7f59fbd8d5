const BOM = "\uFEFF";

/** A spreadsheet would run a cell starting with these as a formula (CSV injection); a leading apostrophe keeps it text. */
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * RFC 4180 CSV that Excel opens as UTF-8: a byte-order mark, every field quoted (quotes doubled),
 * CRLF line ends.
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return BOM + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
