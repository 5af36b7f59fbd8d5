const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text between tags, escaped as the sanitiser writes it (quotes stay), so its output is its input. */
export const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => ESCAPES[c]!);
export const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Text typed without the editor (the textarea without JavaScript, a spreadsheet cell) as rich text:
 * a blank line ends a paragraph, a single line break stays a line break inside it. The editor, the
 * import and the old plain bodies all use this one rule, so a text reads the same wherever it came from.
 */
export function plainTextToHtml(text: string): string {
  return paragraphs(text, escapeText);
}

/** The same rule over text that is already HTML-escaped (bodies stored as plain text before the editor). */
export function paragraphs(text: string, escape: (s: string) => string = (s) => s): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.split("\n").map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => `<p>${lines.map(escape).join("<br />")}</p>`)
    .join("");
}
