import { sql, type Kysely } from "kysely";

/**
 * Ids of the right kind from an office's rows, for a route parameter no page linked to: the
 * tenant table named after the path segment before it (`attachments/:id` → `*_attachments`), its
 * column named like the parameter (or `id`/`key`), read as the owner. Empty when none fits.
 */
export async function idsFromTables(db: Kysely<unknown>, tenantId: string, segment: string, param: string): Promise<string[]> {
  const { rows } = await sql<{ table_name: string; columns: string[] }>`
    SELECT table_name, array_agg(column_name::text) AS columns
      FROM information_schema.columns
     WHERE table_schema = current_schema()
     GROUP BY table_name`.execute(db);
  const table = rows.find((r) => r.columns.includes("tenant_id") && (r.table_name === segment || r.table_name.endsWith(`_${segment}`)));
  if (!table) return [];
  const column = [param, "id", "key"].find((c) => table.columns.includes(c));
  if (!column) return [];
  const found = await sql<{ v: string }>`SELECT ${sql.ref(column)}::text AS v FROM ${sql.table(table.table_name)} WHERE tenant_id = ${tenantId} LIMIT 2`.execute(db);
  return found.rows.map((r) => r.v);
}
