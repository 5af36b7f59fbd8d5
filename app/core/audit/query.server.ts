import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { PLATFORM_CHAIN } from "../../../db/roles";
import { withScope } from "../../../db/scope";

/** The platform's own chain (sign-ins, account administration), beside one chain per tenant. */
export { PLATFORM_CHAIN };

/** A platform auditor reading every chain: the platform's and the given tenants'. */
export function everyChain(userId: string, tenantIds: readonly string[]): { userId: string; readTenantIds: string[] } {
  return { userId, readTenantIds: [PLATFORM_CHAIN, ...tenantIds] };
}

/** What the auditor filters by. Dates are calendar days in Asia/Shanghai, both ends included. */
export interface AuditFilter {
  /** One chain: a tenant id or PLATFORM_CHAIN; all readable chains when absent. */
  tenantId?: string;
  actor?: string;
  /** A prefix: `account.` matches every account action. */
  action?: string;
  outcome?: "success" | "failure";
  from?: string;
  to?: string;
}

export interface AuditRow {
  tenantId: string;
  seq: number;
  at: Date;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "failure";
  ip: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  hasNext: boolean;
}

export const AUDIT_PAGE_SIZE = 50;

function dayStart(day: string, offsetDays = 0): Date {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d;
}

function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Newest events first, one page at a time. Row-level security decides which chains are visible:
 * the caller passes the chains the reader may see, and this transaction can write none of them.
 * One row more than a page is fetched to know whether there is a next page without counting a
 * table that only grows.
 */
export async function queryAuditEvents(
  db: Kysely<CoreDatabase>,
  reader: { userId: string | null; readTenantIds: readonly string[] },
  filter: AuditFilter,
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const rows = await withScope(db, { tenantId: null, readTenantIds: reader.readTenantIds, userId: reader.userId }, (trx) => {
    let q = trx.selectFrom("audit_events");
    if (filter.tenantId) q = q.where("tenant_id", "=", filter.tenantId);
    if (filter.actor) q = q.where("actor_name", "=", filter.actor.trim().toLowerCase());
    if (filter.action) q = q.where("action", "like", prefixPattern(filter.action.trim()));
    if (filter.outcome) q = q.where("outcome", "=", filter.outcome);
    if (filter.from) q = q.where("at", ">=", dayStart(filter.from));
    if (filter.to) q = q.where("at", "<", dayStart(filter.to, 1));
    return q
      .select(["tenant_id", "seq", "at", "actor_name", "action", "target_type", "target_id", "outcome", "ip", "request_id", "data"])
      .orderBy("at", "desc")
      .orderBy("seq", "desc")
      .orderBy("tenant_id")
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize)
      .execute();
  });
  return {
    page,
    hasNext: rows.length > pageSize,
    rows: rows.slice(0, pageSize).map((r) => ({
      tenantId: r.tenant_id,
      seq: Number(r.seq),
      at: r.at,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      ip: r.ip,
      requestId: r.request_id,
      data: r.data,
    })),
  };
}

/** JSON on one line with a space after each comma and colon, so a long event still wraps in a table cell. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value ?? null);
}
