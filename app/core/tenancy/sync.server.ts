import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { canonicalJson } from "../audit/chain";
import { recordPlatformEvent } from "../audit/record.server";
import type { TenantDefinition } from "./definition";

export interface SyncReport {
  created: string[];
  updated: { code: string; fields: string[] }[];
  unchanged: string[];
  /** In the database but no longer defined in code: left in place, with their data. */
  undeclared: string[];
}

const PARENT_LEVEL = { province: null, city: "province", county: "city" } as const;

/** Orders definitions parents-first and checks the hierarchy (a county under a city, a city under a province or alone). */
export function orderByHierarchy(defs: TenantDefinition[]): TenantDefinition[] {
  const byCode = new Map(defs.map((d) => [d.code, d]));
  if (byCode.size !== defs.length) throw new Error("Invalid tenant hierarchy: duplicate tenant codes");
  const problems: string[] = [];
  for (const d of defs) {
    if (!d.parent) {
      if (d.level === "county") problems.push(`${d.code}: a county office needs a parent`);
      continue;
    }
    const parent = byCode.get(d.parent);
    if (!parent) problems.push(`${d.code}: parent "${d.parent}" is not defined`);
    else if (PARENT_LEVEL[d.level] !== parent.level) problems.push(`${d.code}: a ${d.level} cannot sit under a ${parent.level}`);
  }
  if (problems.length) throw new Error(`Invalid tenant hierarchy:\n  ${problems.join("\n  ")}`);
  const ordered: TenantDefinition[] = [];
  const visit = (d: TenantDefinition) => {
    if (ordered.includes(d)) return;
    if (d.parent) visit(byCode.get(d.parent)!);
    ordered.push(d);
  };
  defs.forEach(visit);
  return ordered;
}

/** Applies the definitions idempotently (runs as the owner: tenants are platform data) and audits each change. */
export async function syncTenants(db: Kysely<CoreDatabase>, defs: TenantDefinition[]): Promise<SyncReport> {
  const ordered = orderByHierarchy(defs);
  const report: SyncReport = { created: [], updated: [], unchanged: [], undeclared: [] };
  await db.transaction().execute(async (trx) => {
    const existing = new Map((await trx.selectFrom("tenants").selectAll().execute()).map((t) => [t.code, t]));
    const ids = new Map([...existing.values()].map((t) => [t.code, t.id]));
    for (const d of ordered) {
      const row = {
        code: d.code,
        parent_id: d.parent ? ids.get(d.parent)! : null,
        level: d.level,
        region_code: d.regionCode,
        credit_code: d.creditCode,
        name: JSON.stringify(d.name),
        hosts: d.hosts,
        plugins: d.plugins,
        settings: JSON.stringify(d.settings),
        is_public: d.public,
      };
      const current = existing.get(d.code);
      if (!current) {
        const { id } = await trx.insertInto("tenants").values(row).returning("id").executeTakeFirstOrThrow();
        ids.set(d.code, id);
        report.created.push(d.code);
        continue;
      }
      const changed = Object.entries(row).filter(([k, v]) => {
        const now = current[k as keyof typeof current];
        const a = typeof v === "string" && (k === "name" || k === "settings") ? JSON.parse(v) : v;
        return canonicalJson(a) !== canonicalJson(now);
      });
      if (changed.length === 0) {
        report.unchanged.push(d.code);
        continue;
      }
      await trx.updateTable("tenants").set({ ...row, updated_at: new Date() }).where("id", "=", current.id).execute();
      report.updated.push({ code: d.code, fields: changed.map(([k]) => k) });
    }
    const declared = new Set(defs.map((d) => d.code));
    report.undeclared = [...existing.keys()].filter((c) => !declared.has(c));
  });
  if (report.created.length || report.updated.length) {
    await recordPlatformEvent(db, {
      actor: { id: null, name: "tenants:sync" },
      action: "tenant.sync",
      data: { created: report.created, updated: report.updated },
    });
  }
  return report;
}
