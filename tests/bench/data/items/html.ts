/**
 * Item bodies in the exact form the plugin's sanitizer leaves them (paragraphs, lists, tables, no
 * attributes), so publishing them through `sanitizeBody` would change nothing; the test checks it.
 */

const esc = (s: string | number) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const p = (...lines: string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join("");
export const lead = (head: string, rest: string) => `<p><strong>${esc(head)}</strong>${esc(rest)}</p>`;
export const h4 = (text: string) => `<h4>${esc(text)}</h4>`;
export const ol = (entries: string[]) => `<ol>${entries.map((e) => `<li>${esc(e)}</li>`).join("")}</ol>`;

export function table(head: string[], rows: (string | number)[][]): string {
  const tr = (cells: (string | number)[], tag: "th" | "td") => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${tr(head, "th")}</thead><tbody>${rows.map((r) => tr(r, "td")).join("")}</tbody></table>`;
}

/** The same rows as a CSV attachment (monitoring data is published as spreadsheets). */
export function csv(head: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c));
  return [head, ...rows].map((r) => r.map(cell).join(",")).join("\n") + "\n";
}
