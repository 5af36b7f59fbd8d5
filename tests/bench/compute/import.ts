import { sql } from "kysely";
import { chinaDate } from "../../../app/core/calendar/china-time";
import { catalogueTree, flatten } from "../../../plugins/disclosure/server/catalogue.server";
import { checkImport, commitImport } from "../../../plugins/disclosure/server/staff/import.server";
import { readSheet } from "../../../plugins/disclosure/server/staff/spreadsheet.server";
import { registerRows, registerXlsx } from "./register-sheet";
import { systemContext, type InProcess } from "./services";
import { median } from "./timing";

class RolledBack extends Error {}

export interface ImportTiming {
  tenantCode: string;
  rows: number;
  fileBytes: number;
  /** Median over the runs of each phase and of the whole, ms. */
  readMs: number;
  checkMs: number;
  commitMs: number;
  totalMs: number;
  runsMs: number[];
  imported: number;
  rowErrors: number;
  firstErrors: { row: number; column: string; message: string }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A 10,000-row register through the import of plugins/disclosure (readSheet, checkImport,
 * commitImport: 索引号, rows, search index, audit) in one transaction of the tenant that is then
 * rolled back, so the bench data stays as generated and every run imports the same file. The
 * rolled-back rows stay behind as dead tuples (30,000 in the largest office's items and search
 * rows after three runs), which slowed the next run's pages until autovacuum came by: they are
 * vacuumed away before returning.
 */
export async function timeImport(ip: InProcess, tenantId: string, rowCount: number, reps: number): Promise<ImportTiming> {
  const ctx = systemContext(ip, "disclosure", tenantId);
  const labels = await ctx.withTenant(async (trx) => {
    const all = flatten(await catalogueTree(trx, tenantId)).map((e) => e.category);
    const count = new Map<string, number>();
    for (const c of all) count.set(c.label["zh-CN"], (count.get(c.label["zh-CN"]) ?? 0) + 1);
    return new Map(all.map((c) => [c.key, count.get(c.label["zh-CN"]) === 1 ? c.label["zh-CN"] : c.key]));
  });
  const issuer = ctx.tenant.name["zh-CN"].replace(/生态环境局.*$/, "");
  const bytes = await registerXlsx(registerRows(rowCount, labels, issuer, chinaDate()));

  const phases = { read: [] as number[], check: [] as number[], commit: [] as number[], total: [] as number[] };
  let imported = 0;
  let errors: { row: number; column: string; message: string }[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const sheet = await readSheet("register.xlsx", bytes);
    if (!sheet.ok) throw new Error(`the generated register does not read: ${sheet.error}`);
    const t1 = performance.now();
    let t2 = t1;
    await ctx
      .withTenant(async (trx) => {
        const checked = await checkImport(ctx, trx, sheet.sheet);
        t2 = performance.now();
        errors = checked.errors;
        if (checked.missing.length) throw new Error(`the generated register lacks columns ${checked.missing.join(", ")}`);
        imported = (await commitImport(ctx, trx, checked.rows, "register.xlsx")).count;
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
    const t3 = performance.now();
    phases.read.push(t1 - t0);
    phases.check.push(t2 - t1);
    phases.commit.push(t3 - t2);
    phases.total.push(t3 - t0);
  }
  await sql`VACUUM (ANALYZE)`.execute(ip.handle.db);
  return {
    tenantCode: ctx.tenant.code,
    rows: rowCount,
    fileBytes: bytes.length,
    readMs: round(median(phases.read)),
    checkMs: round(median(phases.check)),
    commitMs: round(median(phases.commit)),
    totalMs: round(median(phases.total)),
    runsMs: phases.total.map(round),
    imported,
    rowErrors: errors.length,
    firstErrors: errors.slice(0, 5),
  };
}
