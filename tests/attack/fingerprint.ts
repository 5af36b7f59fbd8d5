import { sql, type Kysely } from "kysely";

/** Tables a request may legitimately write whatever it carries: who is signed in, how often one knocked. */
const EXEMPT = new Set(["sessions", "rate_limits", "kysely_migration", "kysely_migration_lock"]);
export const PLATFORM = "platform";

/** table → digest of its rows, per office (tenant id) and for the global tables under PLATFORM. */
export type Fingerprint = Map<string, Map<string, string>>;

interface Table {
  name: string;
  tenanted: boolean;
}

/** Every table of the schema (core and plugins), found at run time so a new plugin's tables are covered. */
export async function tablesOf(db: Kysely<unknown>): Promise<Table[]> {
  const { rows } = await sql<{ table_name: string; tenanted: boolean }>`
    SELECT t.table_name, bool_or(c.column_name = 'tenant_id') AS tenanted
      FROM information_schema.tables t JOIN information_schema.columns c USING (table_schema, table_name)
     WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     GROUP BY t.table_name ORDER BY t.table_name`.execute(db);
  return rows.filter((r) => !EXEMPT.has(r.table_name)).map((r) => ({ name: r.table_name, tenanted: r.tenanted }));
}

/**
 * Per office and table: the number of rows and the newest row version (`xmin`, the transaction
 * that wrote it), read as the owner (past row-level security). Any insert, update or delete
 * changes one of the two, and reading them costs a scan without hashing every row.
 */
export async function fingerprint(db: Kysely<unknown>, tables: Table[]): Promise<Fingerprint> {
  const parts = tables.map((t) => {
    const scope = t.tenanted ? sql`x.tenant_id::text` : sql.lit(PLATFORM);
    return sql`SELECT ${sql.lit(t.name)} AS t, ${scope} AS scope, count(*) || ':' || max(x.xmin::text::bigint) AS digest
                 FROM ${sql.table(t.name)} x GROUP BY 2`;
  });
  const { rows } = await sql<{ t: string; scope: string; digest: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  const out: Fingerprint = new Map();
  for (const r of rows) {
    let m = out.get(r.scope);
    if (!m) out.set(r.scope, (m = new Map()));
    m.set(r.t, r.digest);
  }
  return out;
}

/** The tables of `scope` whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint, scope: string): string[] {
  const a = before.get(scope) ?? new Map<string, string>();
  const b = after.get(scope) ?? new Map<string, string>();
  return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t)).sort();
}
