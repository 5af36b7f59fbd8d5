import { sql } from "kysely";
import type { Locale } from "../../app/core/i18n/config";
import { LOCALES } from "../../app/core/i18n/config";
import type { Canaries } from "./canaries";
import { Checker, describe as describeFindings } from "./checks";
import { get, post, send, type Fields, type Reply, type Visitor } from "./client";
import type { FoundForm, Harvest } from "./crawl";
import { changedTables, fingerprint, PLATFORM, tablesOf, type Fingerprint } from "./fingerprint";
import type { AttackServer } from "./harness";
import type { Form } from "./html";
import type { Finding, Report } from "./report";
import type { Role } from "./roles";
import type { Endpoint } from "./route-table";

/** Everything a case needs: the server, the crawl's harvest, the canaries, the report. */
export interface Attack {
  server: AttackServer;
  report: Report;
  checker: Checker;
  harvest: Harvest;
  canaries: Canaries;
  tables: Awaited<ReturnType<typeof tablesOf>>;
  endpoints: Endpoint[];
  /** Cycles through the three languages, so each is asked for in turn. */
  nextLocale(): Locale;
}

export function localeCycle(): () => Locale {
  let n = 0;
  return () => LOCALES[n++ % LOCALES.length]!;
}

/** A visitor for a role with a fresh session (or none), renewed when a reply ends it (a POST to /logout). */
export class Session {
  visitor: Visitor;
  constructor(
    private readonly attack: Attack,
    private readonly username: string | null,
  ) {
    this.visitor = { session: null, locale: "zh-CN" };
  }

  async start(): Promise<this> {
    if (this.username) this.visitor.session = await this.attack.server.sessionOf(this.username);
    return this;
  }

  async after(reply: Reply | Error) {
    if (reply instanceof Error || !this.username) return;
    const cookies = ([] as string[]).concat(reply.headers["set-cookie"] ?? []);
    if (cookies.some((c) => c.startsWith("gk_session="))) await this.start();
  }

  as(locale: Locale): Visitor {
    return { ...this.visitor, locale };
  }
}

/** The values of a form as the page filled them (what the browser would send), minus files and the token. */
export function filled(form: Form): Fields {
  return form.fields.filter((f) => f.sent && f.kind !== "file" && f.name !== "_csrf").map((f) => [f.name, f.value]);
}

/** A form's ways of being sent: with each of its named submit buttons, or as it is. */
export function submissions(form: Form): Fields[] {
  const base = filled(form);
  return form.submitters.length ? form.submitters.map((s) => [...base, [s.name, s.value]]) : [base];
}

/** Distinct forms (by field names and buttons), in the order given. */
export function distinctForms(forms: FoundForm[]): FoundForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const key = `${f.endpoint.pattern}|${f.form.fields.map((x) => x.name).sort().join(",")}|${f.form.submitters.map((s) => `${s.name}=${s.value}`).join(",")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function snapshot(attack: Attack): Promise<Fingerprint> {
  return fingerprint(attack.server.handle.db as never, attack.tables);
}

/**
 * Rows changed in the offices (tenant ids) or platform tables named, as "office: table, table",
 * with the actions of new audit events (an audited refusal reads differently from a stored value).
 */
export async function changes(attack: Attack, before: Fingerprint, after: Fingerprint, scopes: string[]): Promise<Change[]> {
  const out: Change[] = [];
  for (const scope of scopes) {
    const tables = changedTables(before, after, scope);
    if (!tables.length) continue;
    const code = scope === PLATFORM ? PLATFORM : (attack.server.services.tenants.byId(scope)?.code ?? scope);
    const added = Number(after.get(scope)?.get("audit_events")?.split(":")[0] ?? 0) - Number(before.get(scope)?.get("audit_events")?.split(":")[0] ?? 0);
    const audited = scope !== PLATFORM && added > 0 ? await newAuditEvents(attack, scope, added) : [];
    const failuresOnly = tables.length === 1 && tables[0] === "audit_events" && audited.length === added && audited.every((a) => a.endsWith("/failure"));
    out.push({ text: `${code}: ${tables.join(", ")}${audited.length ? ` (audited: ${audited.join(", ")})` : ""}`, auditedFailureOnly: failuresOnly });
  }
  return out;
}

/** One office's (or the platform tables') changed rows; an audited refusal alone is `auditedFailureOnly`. */
export interface Change {
  text: string;
  auditedFailureOnly: boolean;
}

async function newAuditEvents(attack: Attack, tenantId: string, n: number): Promise<string[]> {
  const { rows } = await sql<{ action: string; outcome: string }>`
    SELECT action, outcome FROM audit_events WHERE tenant_id = ${tenantId} ORDER BY seq DESC LIMIT ${Math.min(n, 5)}`.execute(attack.server.handle.db);
  return rows.map((r) => `${r.action}/${r.outcome}`);
}

/**
 * The offices (ids) and platform tables a role's requests to an endpoint may not change: platform
 * administrators administer on /admin; anyone may change their own account (/account, /login).
 */
export function protectedScopes(attack: Attack, role: Role, area: string): string[] {
  if (role.platform && area === "platform") return [];
  const offices = role.protectedOffices.map((code) => attack.server.tenantId(code));
  return role.platform || area === "other" ? offices : [...offices, PLATFORM];
}

/** /healthz answers 200 and no exception escaped since `crashesBefore`: the server would still be up. */
export async function stillUp(attack: Attack, crashesBefore: number): Promise<string | null> {
  const crashes = attack.server.crashes.slice(crashesBefore);
  if (crashes.length) return `an exception escaped every handler (the process would have exited): ${crashes[0]!.split("\n").slice(0, 3).join(" ⟵ ")}`;
  const health = await send(attack.server.baseUrl, { method: "GET", path: "/healthz" }).catch((e: Error) => e);
  if (health instanceof Error) return `/healthz does not answer: ${health.message}`;
  return health.status === 200 ? null : `/healthz answers ${health.status}`;
}

export { get, post, describeFindings, type Finding };
