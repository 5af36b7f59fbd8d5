import { sql, type Kysely } from "kysely";

/** The language the applicant used, so letters to them default to it (a zh-TW applicant gets a traditional-script 告知书). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE requests_applications ADD COLUMN locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'zh-TW', 'en'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE requests_applications DROP COLUMN locale`.execute(db);
}
