import { sql, type Transaction } from "kysely";
import type { AppLoadContext } from "@remix-run/node";
import type { CoreDatabase } from "../../../db/schema";
import type { DisclosureDatabase } from "../../../plugins/disclosure/db/schema";
import { withScope } from "../../../db/scope";
import { chinaDate } from "../../../app/core/calendar/china-time";
import { reviewState } from "../../../app/core/classification/review.server";
import type { BusinessRole } from "../../../app/core/permissions/roles";
import type { StaffContext } from "../../../app/core/tenancy/staff.server";
import { recordClassification, resolveFindingsOfKind } from "../../../app/core/workflow/classification-step.server";
import { act, documentById } from "../../../app/core/workflow/service.server";
import { pluginWorkflow } from "../../../app/plugin-host/workflow.server";
import { catalogueTree, flatten } from "../../../plugins/disclosure/server/catalogue.server";
import { submitBatch } from "../../../plugins/disclosure/server/import/run.server";
import { checkImport } from "../../../plugins/disclosure/server/staff/import.server";
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
  /** The batch document created and submitted into the chain. */
  submitMs: number;
  /** 科室负责人's approval and 保密审查 (record, findings decided by kind, approval), each decision scanning every row. */
  reviewMs: number;
  /** 分管领导's approval, which publishes: 索引号, the rows from the redacted rendition, search index, audit. */
  publishMs: number;
  totalMs: number;
  runsMs: number[];
  imported: number;
  findings: number;
  rowErrors: number;
  firstErrors: { row: number; column: string; message: string }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

const ROLES = { drafter: ["drafter"], dept: ["dept_reviewer"], classifier: ["classifier"], leader: ["leader"] } satisfies Record<string, BusinessRole[]>;
type Staff = Record<keyof typeof ROLES, StaffContext>;

/**
 * The four people of the default chain, as staff of the office, created inside the run's own
 * transaction (rolled back with it): the workflow only needs their ids, roles and the services.
 */
async function chainStaff(trx: Transaction<CoreDatabase>, ip: InProcess, tenantId: string, run: number): Promise<Staff> {
  const tenant = ip.context.services.tenants.byId(tenantId)!;
  const context = { ...ip.context, requestId: "bench-import", clientIp: "127.0.0.1" } as unknown as AppLoadContext;
  const out = {} as Staff;
  for (const [name, roles] of Object.entries(ROLES) as [keyof typeof ROLES, BusinessRole[]][]) {
    const username = `bench-import-${name}-${run}`;
    const { id } = await trx.insertInto("users").values({ username, display_name: username, password_hash: "-" }).returning("id").executeTakeFirstOrThrow();
    await trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: id, roles }).execute();
    out[name] = {
      user: { id, username, displayName: username },
      context,
      tenant,
      access: { mode: "member", roles, writeTenantId: tenantId, readTenantIds: [tenantId], supervisedTenantIds: [] },
      permissions: new Set(),
      reachable: [],
    } as unknown as StaffContext;
  }
  return out;
}

async function decide(trx: Transaction<CoreDatabase>, staff: StaffContext, id: string, action: "approve") {
  const { version } = await trx.selectFrom("workflow_documents").select("version").where("tenant_id", "=", staff.tenant.id).where("id", "=", id).executeTakeFirstOrThrow();
  const r = await act(trx, staff, { documentId: id, action, expectedVersion: version });
  if (!r.ok) throw new Error(`bench import: ${staff.user.username} could not ${action}: ${r.refusal.code}`);
  return r.document;
}

/**
 * A 10,000-row register through the import of plugins/disclosure as an office runs it: read the
 * file, check every row, submit it as one batch document, 科室负责人 approves, 保密审查 records
 * 主动公开 and decides every finding (by kind) and approves, 分管领导 approves, which publishes
 * the rows (索引号, items from the redacted rendition, search index, audit). All in one transaction
 * of the tenant that is then rolled back, so the bench data stays as generated and every run
 * imports the same file; the dead rows left behind are vacuumed away before returning.
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

  const phases = { read: [] as number[], check: [] as number[], submit: [] as number[], review: [] as number[], publish: [] as number[], total: [] as number[] };
  let imported = 0;
  let findings = 0;
  let errors: { row: number; column: string; message: string }[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const sheet = await readSheet("register.xlsx", bytes);
    if (!sheet.ok) throw new Error(`the generated register does not read: ${sheet.error}`);
    const t1 = performance.now();
    const marks: number[] = [];
    await withScope(ip.handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, async (trx) => {
      const staff = await chainStaff(trx, ip, tenantId, i);
      const mark = performance.now();
      const plugin = { ...ctx, workflow: pluginWorkflow(staff.drafter, "disclosure") };
      const checked = await checkImport(plugin, trx.withTables<DisclosureDatabase>(), sheet.sheet);
      errors = checked.errors;
      if (checked.missing.length) throw new Error(`the generated register lacks columns ${checked.missing.join(", ")}`);
      marks.push(performance.now() - mark);
      const submitted = await submitBatch(plugin, trx.withTables<DisclosureDatabase>(), checked.rows, "register.xlsx", `导入：register.xlsx（${checked.rows.length} 条）`);
      if (!submitted.ok) throw new Error(`bench import: the batch was refused: ${submitted.error}`);
      marks.push(performance.now() - mark);

      await decide(trx, staff.dept, submitted.id, "approve");
      const state = await reviewState(trx, (await documentById(trx, tenantId, submitted.id))!);
      findings = state.findings.length;
      for (const kind of new Set(state.findings.map((f) => f.finding.kind))) {
        const r = await resolveFindingsOfKind(trx, staff.classifier, submitted.id, { kind, action: "redact" });
        if (!r.ok) throw new Error(`bench import: findings of kind ${kind} could not be decided`);
      }
      const recorded = await recordClassification(trx, staff.classifier, submitted.id, { attribute: "proactive", noStateSecret: true });
      if (!recorded.ok) throw new Error("bench import: 保密审查 could not be recorded");
      await decide(trx, staff.classifier, submitted.id, "approve");
      marks.push(performance.now() - mark);

      const published = await decide(trx, staff.leader, submitted.id, "approve");
      if (published.status !== "published") throw new Error(`bench import: the batch ended ${published.status}, not published`);
      imported = checked.rows.length;
      marks.push(performance.now() - mark);
      throw new RolledBack();
    }).catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
    const [check = 0, submit = 0, review = 0, publish = 0] = marks;
    phases.read.push(t1 - t0);
    phases.check.push(check);
    phases.submit.push(submit - check);
    phases.review.push(review - submit);
    phases.publish.push(publish - review);
    phases.total.push(t1 - t0 + publish);
  }
  await sql`VACUUM (ANALYZE)`.execute(ip.handle.db);
  return {
    tenantCode: ctx.tenant.code,
    rows: rowCount,
    fileBytes: bytes.length,
    readMs: round(median(phases.read)),
    checkMs: round(median(phases.check)),
    submitMs: round(median(phases.submit)),
    reviewMs: round(median(phases.review)),
    publishMs: round(median(phases.publish)),
    totalMs: round(median(phases.total)),
    runsMs: phases.total.map(round),
    imported,
    findings,
    rowErrors: errors.length,
    firstErrors: errors.slice(0, 5),
  };
}
