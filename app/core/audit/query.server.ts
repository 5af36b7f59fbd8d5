import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from "kysely";
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
  /** A person: their username (any case) or their display name, exactly. */
  actor?: string;
  /** A prefix: `account.` matches every account action. */
  action?: string;
  /** Exactly these actions (an event, or every event of a module). */
  actions?: readonly string[];
  outcome?: "success" | "failure";
  from?: string;
  to?: string;
}

export interface AuditRow {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  /** The actor's display name today, when the actor is an account. */
  actorDisplayName: string | null;
  /** The display name and username of the account an event is about (`target_type` user). */
  targetUser: { displayName: string; username: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: "success" | "failure";
  ip: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  hash: string;
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

type Db = Kysely<CoreDatabase>;
type EventsQuery = SelectQueryBuilder<CoreDatabase & { actor_user: CoreDatabase["users"]; target_user: CoreDatabase["users"] }, "audit_events" | "actor_user" | "target_user", object>;

/** The events the filter lets through, each with the display names of its actor and of the account it is about. */
function filtered(trx: Db, filter: AuditFilter): EventsQuery {
  let q = trx
    .selectFrom("audit_events")
    .leftJoin("users as actor_user", "actor_user.id", "audit_events.actor_id")
    .leftJoin("users as target_user", (j) =>
      j.on("audit_events.target_type", "=", "user").on(sql<boolean>`target_user.id::text = audit_events.target_id`),
    ) as unknown as EventsQuery;
  if (filter.tenantId) q = q.where("audit_events.tenant_id", "=", filter.tenantId);
  if (filter.actor) {
    const person = filter.actor.trim();
    q = q.where((eb: ExpressionBuilder<CoreDatabase & { actor_user: CoreDatabase["users"] }, "audit_events" | "actor_user">) =>
      eb.or([eb("audit_events.actor_name", "=", person.toLowerCase()), eb("actor_user.display_name", "=", person)]),
    );
  }
  if (filter.action) q = q.where("audit_events.action", "like", prefixPattern(filter.action.trim()));
  if (filter.actions) q = filter.actions.length ? q.where("audit_events.action", "in", [...filter.actions]) : q.where(sql<boolean>`false`);
  if (filter.outcome) q = q.where("audit_events.outcome", "=", filter.outcome);
  if (filter.from) q = q.where("audit_events.at", ">=", dayStart(filter.from));
  if (filter.to) q = q.where("audit_events.at", "<", dayStart(filter.to, 1));
  return q;
}

function selected(q: EventsQuery) {
  return q.select([
    "audit_events.tenant_id",
    "audit_events.seq",
    "audit_events.at",
    "audit_events.actor_id",
    "audit_events.actor_name",
    "audit_events.action",
    "audit_events.target_type",
    "audit_events.target_id",
    "audit_events.outcome",
    "audit_events.ip",
    "audit_events.request_id",
    "audit_events.data",
    "audit_events.hash",
    "actor_user.display_name as actor_display_name",
    "target_user.display_name as target_display_name",
    "target_user.username as target_username",
  ]);
}

type Selected = Awaited<ReturnType<ReturnType<typeof selected>["execute"]>>[number];

function toRow(r: Selected): AuditRow {
  return {
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorDisplayName: r.actor_display_name ?? null,
    targetUser: r.target_display_name && r.target_username ? { displayName: r.target_display_name, username: r.target_username } : null,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    outcome: r.outcome,
    ip: r.ip,
    requestId: r.request_id,
    data: r.data,
    hash: r.hash,
  };
}

type Reader = { userId: string | null; readTenantIds: readonly string[] };

/**
 * Newest events first, one page at a time. Row-level security decides which chains are visible:
 * the caller passes the chains the reader may see, and this transaction can write none of them.
 * One row more than a page is fetched to know whether there is a next page without counting a
 * table that only grows.
 */
export async function queryAuditEvents(db: Db, reader: Reader, filter: AuditFilter, page = 1, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const rows = await withScope(db, { tenantId: null, readTenantIds: reader.readTenantIds, userId: reader.userId }, (trx) =>
    selected(filtered(trx, filter))
      .orderBy("audit_events.at", "desc")
      .orderBy("audit_events.seq", "desc")
      .orderBy("audit_events.tenant_id")
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize)
      .execute(),
  );
  return { page, hasNext: rows.length > pageSize, rows: rows.slice(0, pageSize).map(toRow) };
}

/**
 * Every event the filter lets through, newest first, in batches of `batchSize`, each read in a
 * transaction of its own and continued from the last row read (not by offset): an export of a
 * large trail holds one batch in memory at a time and does not slow down as it goes.
 */
export async function* auditEventBatches(db: Db, reader: Reader, filter: AuditFilter, batchSize = 500): AsyncGenerator<AuditRow[]> {
  let after: { at: Date; seq: number; tenantId: string } | null = null;
  for (;;) {
    const last: typeof after = after;
    const rows = await withScope(db, { tenantId: null, readTenantIds: reader.readTenantIds, userId: reader.userId }, (trx) => {
      let q = filtered(trx, filter);
      if (last) q = q.where(sql<boolean>`(audit_events.at, audit_events.seq, audit_events.tenant_id) < (${last.at}, ${last.seq}, ${last.tenantId}::uuid)`);
      return selected(q).orderBy("audit_events.at", "desc").orderBy("audit_events.seq", "desc").orderBy("audit_events.tenant_id", "desc").limit(batchSize).execute();
    });
    if (rows.length === 0) return;
    const batch = rows.map(toRow);
    yield batch;
    if (rows.length < batchSize) return;
    const end = batch.at(-1)!;
    after = { at: end.at, seq: end.seq, tenantId: end.tenantId };
  }
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
