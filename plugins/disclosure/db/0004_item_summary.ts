import { sql, type Kysely } from "kysely";

/**
 * 内容概述: 条例第十二条 has the catalogue give each item's 索引、名称、内容概述、生成日期. Items
 * published before this column have none (NULL), not an empty summary.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE disclosure_items ADD COLUMN summary text CHECK (length(summary) BETWEEN 1 AND 500)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE disclosure_items DROP COLUMN summary`.execute(db);
}
