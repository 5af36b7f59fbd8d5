import { randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import { createAccount, setPassword } from "../../app/core/auth/accounts.server";
import { recordAudit } from "../../app/core/audit/record.server";
import { createPlatformAdmin } from "../../app/core/operators/platform-admins.server";
import { CORE_ROLES, type BusinessRole, type CoreRole } from "../../app/core/permissions/roles";
import type { PluginRegistry } from "../../app/plugin-host/registry";
import { PLATFORM_CHAIN } from "../roles";
import type { CoreDatabase } from "../schema";
import { PLATFORM_SCOPE, withScope } from "../scope";

/** Demo tenants and the prefix of their accounts (`donghu.drafter`). */
export const DEMO_OFFICES = {
  "demo-city": { prefix: "city", zh: "市局" },
  "demo-donghu": { prefix: "donghu", zh: "东湖分局" },
  "demo-xishan": { prefix: "xishan", zh: "西山分局" },
  "demo-nanling": { prefix: "nanling", zh: "南岭分局" },
} as const;

const ROLE_ZH: Record<CoreRole, string> = {
  drafter: "经办人",
  dept_reviewer: "科室负责人",
  classifier: "保密审查员",
  leader: "分管领导",
  principal: "主要领导",
  supervisor: "督查员",
  viewer: "查阅员",
};

/** A role the demo gives one account in each office, with the Chinese name its accounts are called by. */
export interface DemoRole {
  key: BusinessRole;
  zh: string;
}

/** Core's roles, then every role the plugins declare, named by their zh-CN label. */
export function demoRoles(plugins?: PluginRegistry): DemoRole[] {
  const zhLabel = (pluginId: string, label: string): string => {
    const table = plugins?.get(pluginId)?.manifest.locales["zh-CN"];
    const found = label
      .slice(label.indexOf(":") + 1)
      .split(".")
      .reduce<unknown>((at, part) => (at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined), table);
    return typeof found === "string" ? found : label;
  };
  return [
    ...CORE_ROLES.map((key) => ({ key, zh: ROLE_ZH[key] })),
    ...(plugins?.roles() ?? []).map((r) => ({ key: r.key, zh: zhLabel(r.pluginId, r.label) })),
  ];
}

const PLATFORM_ACCOUNTS = [
  { username: "platform.sysadmin", displayName: "系统管理员", role: "sysadmin" },
  { username: "platform.secadmin", displayName: "安全管理员", role: "secadmin" },
  { username: "platform.auditor", displayName: "审计管理员", role: "auditor" },
] as const;

/** A city staff member seconded to a branch office: shows a user switching between tenants. */
const EXTRA_MEMBERSHIPS = [{ username: "city.drafter", tenant: "demo-donghu", roles: ["drafter"] as BusinessRole[] }];

export interface DemoSeedResult {
  /** Set when this run created the accounts or reset their password: print it once. */
  password: string | null;
  accounts: string[];
  /** The roles each office has one account for (`donghu.<role>`). */
  roles: string[];
}

export function generateDemoPassword(): string {
  const pick = (set: string, n: number) => Array.from({ length: n }, () => set[randomInt(set.length)]).join("");
  return `Gk-${pick("ABCDEFGHJKLMNPQRSTUVWXYZ", 3)}${pick("abcdefghijkmnpqrstuvwxyz", 4)}-${pick("23456789", 4)}`;
}

export function demoAccountNames(roles: readonly DemoRole[]): string[] {
  return [
    ...PLATFORM_ACCOUNTS.map((a) => a.username),
    ...Object.values(DEMO_OFFICES).flatMap((o) => roles.map((r) => `${o.prefix}.${r.key}`)),
  ];
}

/**
 * Creates the demo accounts on first run (through the real account service, audited). With
 * `password` given on a later run, resets them to it, so a lost generated password is recoverable.
 * Each office gets one account per core role and per role the plugins declare.
 */
export async function seedDemo(db: Kysely<CoreDatabase>, opts: { password?: string; plugins?: PluginRegistry }): Promise<DemoSeedResult> {
  const roles = demoRoles(opts.plugins);
  const accounts = demoAccountNames(roles);
  const done = (password: string | null): DemoSeedResult => ({ password, accounts, roles: roles.map((r) => r.key) });
  const existing = await withScope(db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("users").select(["id", "username"]).where("username", "in", accounts).execute(),
  );
  if (existing.length === accounts.length) {
    if (!opts.password) return done(null);
    await withScope(db, PLATFORM_SCOPE, async (trx) => {
      // The operator chose this password for the demo: not a reset its users must change, and it may repeat the last one.
      for (const u of existing) await setPassword(trx, u.id, u.username, opts.password!, { mustChange: false, history: 0 });
      await recordAudit(trx, { tenantId: PLATFORM_CHAIN, actor: { id: null, name: "demo-seed" }, action: "demo.password_reset", data: { accounts: existing.length } });
    });
    return done(opts.password);
  }

  const password = opts.password ?? generateDemoPassword();
  const have = new Set(existing.map((u) => u.username));
  const tenants = new Map(
    (await withScope(db, PLATFORM_SCOPE, (trx) => trx.selectFrom("tenants").select(["id", "code"]).execute())).map((t) => [t.code, t.id]),
  );
  const ids = new Map(existing.map((u) => [u.username, u.id]));

  // Platform roles are written by the owner only, as the operator's command line does.
  for (const a of PLATFORM_ACCOUNTS.filter((a) => !have.has(a.username))) {
    ids.set(a.username, await createPlatformAdmin(db, "demo-seed", { username: a.username, displayName: a.displayName, role: a.role, password }));
  }
  await withScope(db, PLATFORM_SCOPE, async (trx) => {
    for (const office of Object.values(DEMO_OFFICES)) {
      for (const role of roles) {
        const username = `${office.prefix}.${role.key}`;
        if (have.has(username)) continue;
        ids.set(username, await createAccount(trx, { username, displayName: `${office.zh}${role.zh}`, password }));
      }
    }
    await recordAudit(trx, { tenantId: PLATFORM_CHAIN, actor: { id: null, name: "demo-seed" }, action: "demo.accounts_created", data: { accounts: accounts.length - have.size } });
  });

  for (const [code, office] of Object.entries(DEMO_OFFICES)) {
    const tenantId = tenants.get(code);
    if (!tenantId) throw new Error(`Demo tenant ${code} is missing: run tenants:sync first`);
    const rows: { tenant_id: string; user_id: string; roles: string[] }[] = roles.map((role) => ({
      tenant_id: tenantId,
      user_id: ids.get(`${office.prefix}.${role.key}`)!,
      roles: [role.key],
    }));
    rows.push(
      ...EXTRA_MEMBERSHIPS.filter((m) => m.tenant === code).map((m) => ({ tenant_id: tenantId, user_id: ids.get(m.username)!, roles: m.roles })),
    );
    await withScope(db, { tenantId, readTenantIds: [tenantId], userId: null }, async (trx) => {
      await trx.insertInto("memberships").values(rows).onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doNothing()).execute();
      await recordAudit(trx, { tenantId, actor: { id: null, name: "demo-seed" }, action: "membership.seed", data: { memberships: rows.length } });
    });
  }
  return done(password);
}
