import { sql, type Kysely } from "kysely";

/**
 * Bodies typed into the old textarea were stored as plain text, and the public page ran their
 * paragraphs together. They get the editor's rule for typed text: a blank line ends a paragraph, a
 * single line break stays one (<br />). Their text was already HTML-escaped by the sanitiser, so it is
 * not escaped again. Written out here rather than imported: a migration must not change with the code.
 */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.split("\n").map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => `<p>${lines.join("<br />")}</p>`)
    .join("");
}

const BLOCK = "<(p|h[1-6]|ul|ol|li|table|div|blockquote|br)[\\s>/]";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every office's items: the owner runs migrations, and forced row-level security would hide them.
  await sql`ALTER TABLE disclosure_items NO FORCE ROW LEVEL SECURITY`.execute(db);
  const { rows } = await sql<{ id: string; body_html: string }>`
    SELECT id, body_html FROM disclosure_items WHERE body_html <> '' AND body_html !~* ${BLOCK}`.execute(db);
  for (const r of rows) await sql`UPDATE disclosure_items SET body_html = ${paragraphs(r.body_html)} WHERE id = ${r.id}`.execute(db);
  await sql`ALTER TABLE disclosure_items FORCE ROW LEVEL SECURITY`.execute(db);
}

/** Nothing to undo: the paragraphs are what the text always meant. */
export async function down(): Promise<void> {}
