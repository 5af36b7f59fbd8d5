import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import type { PlatformRole } from "../../db/schema";
import { NO_TENANT, withScope } from "../../db/scope";
import { queryAuditEvents } from "../../app/core/audit/query.server";
import { recordAudit } from "../../app/core/audit/record.server";
import {
  AccountAdminError,
  createStaffAccount,
  listAccounts,
  removeAccountMembership,
  resetAccountPassword,
  resetAccountSecondFactor,
  setAccountDisabled,
  setAccountMembership,
  unlockAccount,
  updateAccount,
} from "../../app/core/auth/account-admin.server";
import { PasswordPolicyError } from "../../app/core/auth/accounts.server";
import { loadConfig } from "../../app/core/config.server";
import { PermissionRegistry } from "../../app/core/permissions/catalog";
import { membershipsOf, overridesOf } from "../../app/core/permissions/memberships.server";
import { saveRoleGrants, tenantPermissions, UnknownGrantError, type Grant } from "../../app/core/permissions/overrides.server";
import type { PlatformContext } from "../../app/core/permissions/platform.server";
import { resolvePermissions } from "../../app/core/permissions/resolve";
import { createPlatformAdmin } from "../../app/core/operators/platform-admins.server";
import { enrolSecondFactor } from "../../app/core/auth/second-factor.server";
import { newTotpSecret } from "../../app/core/auth/totp.server";
import { FieldCipher } from "../../app/core/crypto/field-cipher";
import { createTenantTree, openTestDatabase, uniq } from "../helpers/db";

const PASSWORD = "Strong-pass-2026";

let handle: DatabaseHandle;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let secadmin: PlatformContext;
const registry = new PermissionRegistry();

/** The context a route hands to the services after requirePlatform, without the HTTP around it. */
function platformContext(user: { id: string; username: string }, role: PlatformRole, env: Record<string, string> = {}): PlatformContext {
  return {
    user: { id: user.id, username: user.username, displayName: user.username, platformRole: role },
    session: { token: "t", idHash: "h", createdAt: new Date(), expiresAt: new Date() },
    context: {
      services: { db: handle.db, permissions: registry, config: loadConfig({ NODE_ENV: "test", ...env }) },
      clientIp: "192.0.2.10",
      requestId: `req-${uniq()}`,
    } as unknown as PlatformContext["context"],
    permissions: new Set(),
  };
}

async function userByName(username: string) {
  return handle.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

async function eventsFor(tenantId: string, action: string, targetId?: string) {
  let q = handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId).where("action", "=", action);
  if (targetId) q = q.where("target_id", "=", targetId);
  return q.orderBy("seq").execute();
}

async function newAccount(role?: PlatformRole): Promise<{ id: string; username: string }> {
  const username = `u-${uniq()}`;
  const displayName = `测试${username}`;
  const id = role
    ? await createPlatformAdmin(handle.db, "operator:test", { username, displayName, role, password: PASSWORD })
    : await createStaffAccount(secadmin, { username, displayName, password: PASSWORD });
  return { id, username };
}

beforeAll(async () => {
  handle = await openTestDatabase();
  tree = await createTenantTree(handle, 2);
  const username = `sec-${uniq()}`;
  const id = await createPlatformAdmin(handle.db, "operator:test", { username, displayName: "安全管理员", password: PASSWORD, role: "secadmin" });
  secadmin = platformContext({ id, username }, "secadmin");
});

afterAll(async () => {
  await handle?.close();
});

describe("accounts", () => {
  it("refuses a weak password, a bad username and a taken one without creating anything", async () => {
    const username = `weak-${uniq()}`;
    await expect(createStaffAccount(secadmin, { username, displayName: "x", password: "short" })).rejects.toBeInstanceOf(PasswordPolicyError);
    expect(await userByName(username)).toBeUndefined();
    await expect(createStaffAccount(secadmin, { username: "A b", displayName: "x", password: PASSWORD })).rejects.toMatchObject({
      field: "username",
      i18nKey: "platform:errors.username.format",
    });
    const { username: taken } = await newAccount();
    await expect(createStaffAccount(secadmin, { username: taken.toUpperCase(), displayName: "x", password: PASSWORD })).rejects.toMatchObject({
      i18nKey: "platform:errors.username.taken",
    });
  });

  it("creates an office staff account, never a platform administrator, and audits it on the platform chain", async () => {
    const { id, username } = await newAccount();
    expect((await userByName(username))?.platform_role).toBeNull();
    const [event] = await eventsFor(PLATFORM_CHAIN, "account.create", id);
    expect(event).toMatchObject({ actor_name: secadmin.user.username, ip: "192.0.2.10", outcome: "success" });
    expect(event!.data).toEqual({ username, displayName: `测试${username}` });
  });

  it("changes a staff account's name, and nothing of the secadmin's own account or of a platform administrator's", async () => {
    const { id, username } = await newAccount();
    expect(await updateAccount(secadmin, id, { displayName: "新名" })).toBe(true);
    expect(await userByName(username)).toMatchObject({ display_name: "新名", platform_role: null });
    expect(await updateAccount(secadmin, id, { displayName: "新名" })).toBe(false);
    expect(await eventsFor(PLATFORM_CHAIN, "account.update", id)).toHaveLength(1);

    await expect(updateAccount(secadmin, secadmin.user.id, { displayName: "别名" })).rejects.toMatchObject({ i18nKey: "platform:errors.self.any" });
    const auditor = await newAccount("auditor");
    await expect(updateAccount(secadmin, auditor.id, { displayName: "别名" })).rejects.toMatchObject({
      i18nKey: "platform:errors.platformAccount.operatorOnly",
    });
    expect((await userByName(auditor.username))?.display_name).toBe(`测试${auditor.username}`);
    expect(await eventsFor(PLATFORM_CHAIN, "account.update", auditor.id)).toHaveLength(0);
  });

  it("unlocks, resets passwords under the policy, and disables with the sessions", async () => {
    const { id, username } = await newAccount();
    await handle.db
      .updateTable("users")
      .set({ failed_attempts: 5, locked_until: new Date(Date.now() + 600_000) })
      .where("id", "=", id)
      .execute();
    const locked = await withScope(handle.db, { tenantId: null, readTenantIds: [], userId: null }, (trx) =>
      listAccounts(trx, { q: username, status: "locked", page: 1, pageSize: 10 }),
    );
    expect(locked.accounts.map((a) => a.id)).toEqual([id]);
    await unlockAccount(secadmin, id);
    expect(await userByName(username)).toMatchObject({ failed_attempts: 0, locked_until: null });
    expect(await eventsFor(PLATFORM_CHAIN, "account.unlock", id)).toHaveLength(1);

    await expect(resetAccountPassword(secadmin, id, "password")).rejects.toBeInstanceOf(PasswordPolicyError);
    expect(await eventsFor(PLATFORM_CHAIN, "account.password_reset", id)).toHaveLength(0);
    await expect(resetAccountPassword(secadmin, secadmin.user.id, PASSWORD)).rejects.toBeInstanceOf(AccountAdminError);

    const session = { user_id: id, expires_at: new Date(Date.now() + 3_600_000), created_at: new Date(), ip: null, user_agent: null };
    await handle.db
      .insertInto("sessions")
      .values({ ...session, id_hash: `h-${uniq()}` })
      .execute();
    await resetAccountPassword(secadmin, id, "Another-pass-2027");
    expect(await handle.db.selectFrom("sessions").select("id_hash").where("user_id", "=", id).execute()).toHaveLength(0);
    expect(await eventsFor(PLATFORM_CHAIN, "account.password_reset", id)).toHaveLength(1);

    await handle.db
      .insertInto("sessions")
      .values({ ...session, id_hash: `h-${uniq()}` })
      .execute();
    await setAccountDisabled(secadmin, id, true);
    expect((await userByName(username))?.disabled).toBe(true);
    expect(await handle.db.selectFrom("sessions").select("id_hash").where("user_id", "=", id).execute()).toHaveLength(0);
    const [disabled] = await eventsFor(PLATFORM_CHAIN, "account.disable", id);
    expect(disabled!.data).toMatchObject({ sessionsEnded: 1 });

    await expect(setAccountDisabled(secadmin, secadmin.user.id, true)).rejects.toMatchObject({ i18nKey: "platform:errors.self.disable" });
    expect((await userByName(secadmin.user.username))?.disabled).toBe(false);
  });

  it("resets a password under PASSWORD_HISTORY, to be replaced at next sign-in", async () => {
    const { id, username } = await newAccount();
    // The default (5) refuses the current password; the setting decides, not the default.
    await expect(resetAccountPassword(secadmin, id, PASSWORD)).rejects.toMatchObject({ i18nKeys: ["errors.password.reused"] });
    const noHistory = platformContext(secadmin.user, "secadmin", { PASSWORD_HISTORY: "0" });
    await resetAccountPassword(noHistory, id, PASSWORD);
    expect(await userByName(username)).toMatchObject({ password_must_change: true });
    const longHistory = platformContext(secadmin.user, "secadmin", { PASSWORD_HISTORY: "8" });
    for (let i = 1; i <= 6; i++) await resetAccountPassword(noHistory, id, `Rotated-pass-${i}`);
    // Six passwords ago is outside the default's five but inside eight.
    await expect(resetAccountPassword(longHistory, id, PASSWORD)).rejects.toMatchObject({ i18nKeys: ["errors.password.reused"] });
    await resetAccountPassword(secadmin, id, PASSWORD);
  });

  it("clears a staff member's lost second factor with their sessions and pending sign-ins, audited; nothing of its own or a platform administrator's", async () => {
    const { id, username } = await newAccount();
    const cipher = new FieldCipher(randomBytes(32));
    await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, cipher, id, newTotpSecret(), 1));
    const inFuture = new Date(Date.now() + 3_600_000);
    await handle.db.insertInto("sessions").values({ id_hash: `h-${uniq()}`, user_id: id, expires_at: inFuture, created_at: new Date(), ip: null, user_agent: null }).execute();
    await handle.db.insertInto("login_challenges").values({ token_hash: `c-${uniq()}`, user_id: id, redirect_to: null, ip: null, user_agent: null, expires_at: inFuture }).execute();
    const rows = (table: "sessions" | "login_challenges" | "user_totp" | "recovery_codes") =>
      handle.db.selectFrom(table).select("user_id").where("user_id", "=", id).execute();
    expect(await rows("recovery_codes")).toHaveLength(10);

    await resetAccountSecondFactor(secadmin, id);
    for (const table of ["sessions", "login_challenges", "user_totp", "recovery_codes"] as const) expect(await rows(table)).toEqual([]);
    const [event] = await eventsFor(PLATFORM_CHAIN, "account.second_factor_reset", id);
    expect(event).toMatchObject({ actor_name: secadmin.user.username, outcome: "success" });
    expect(event!.data).toEqual({ username, sessionsEnded: 1 });

    // Nothing to clear: refused, not audited again.
    await expect(resetAccountSecondFactor(secadmin, id)).rejects.toMatchObject({ i18nKey: "platform:errors.secondFactor.none" });
    expect(await eventsFor(PLATFORM_CHAIN, "account.second_factor_reset", id)).toHaveLength(1);

    const auditor = await newAccount("auditor");
    await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, cipher, auditor.id, newTotpSecret(), 1));
    await expect(resetAccountSecondFactor(secadmin, auditor.id)).rejects.toMatchObject({ i18nKey: "platform:errors.platformAccount.operatorOnly" });
    await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, cipher, secadmin.user.id, newTotpSecret(), 1));
    await expect(resetAccountSecondFactor(secadmin, secadmin.user.id)).rejects.toMatchObject({ i18nKey: "platform:errors.self.any" });
    for (const userId of [auditor.id, secadmin.user.id]) {
      expect(await handle.db.selectFrom("user_totp").select("user_id").where("user_id", "=", userId).execute()).toHaveLength(1);
    }
  });
});

describe("memberships", () => {
  it("sets and removes a membership in that tenant's scope, audited on its chain", async () => {
    const { id } = await newAccount();
    const office = tree.offices[0]!;
    await setAccountMembership(secadmin, id, office.id, ["drafter", "viewer"]);
    expect(await membershipsOf(handle.db, id)).toEqual([{ tenantId: office.id, roles: ["drafter", "viewer"] }]);
    expect(await setAccountMembership(secadmin, id, office.id, ["leader"])).toBe(true);
    expect(await setAccountMembership(secadmin, id, office.id, ["leader"])).toBe(false);
    expect(await membershipsOf(handle.db, id)).toEqual([{ tenantId: office.id, roles: ["leader"] }]);

    const set = await eventsFor(office.id, "membership.set", id);
    expect(set.map((e) => e.data.roles)).toEqual([["drafter", "viewer"], ["leader"]]);
    expect(set[1]!.data.previous).toEqual(["drafter", "viewer"]);
    expect(await eventsFor(PLATFORM_CHAIN, "membership.set", id)).toHaveLength(0);

    expect(await removeAccountMembership(secadmin, id, office.id)).toBe(true);
    expect(await membershipsOf(handle.db, id)).toEqual([]);
    expect(await eventsFor(office.id, "membership.remove", id)).toHaveLength(1);
    expect(await removeAccountMembership(secadmin, id, office.id)).toBe(false);
    expect(await eventsFor(office.id, "membership.remove", id)).toHaveLength(1);
  });

  it("refuses an empty or unknown role list, and row-level security refuses another tenant's rows", async () => {
    const { id } = await newAccount();
    const [a, b] = [tree.offices[0]!, tree.offices[1]!];
    await expect(setAccountMembership(secadmin, id, a.id, [])).rejects.toMatchObject({
      i18nKey: "platform:errors.membership.rolesRequired",
    });
    await expect(setAccountMembership(secadmin, id, a.id, ["sysadmin"])).rejects.toBeInstanceOf(AccountAdminError);
    await expect(
      withScope(handle.db, { tenantId: b.id, readTenantIds: [b.id], userId: null }, (trx) =>
        trx
          .insertInto("memberships")
          .values({ tenant_id: a.id, user_id: id, roles: ["drafter"] })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await membershipsOf(handle.db, id)).toEqual([]);
  });
});

describe("role overrides", () => {
  const defaults = (): Grant[] =>
    tenantPermissions(registry).flatMap((d) => d.defaultRoles.filter((r) => registry.roles.has(r)).map((role) => ({ role, permission: d.key })));

  it("stores only differences from the defaults and changes resolved permissions in that tenant only", async () => {
    const [office, other] = [tree.offices[0]!, tree.offices[1]!];
    expect(tenantPermissions(registry).map((d) => d.key)).not.toContain("core.accounts.manage");
    const wanted: Grant[] = [
      ...defaults().filter((g) => !(g.role === "viewer" && g.permission === "core.workspace.view")),
      { role: "drafter", permission: "core.oversight.view" },
    ];
    const changes = await saveRoleGrants(secadmin, office.id, wanted);
    expect(changes).toHaveLength(2);

    const read = (tenantId: string) =>
      withScope(handle.db, { tenantId: null, readTenantIds: [tenantId], userId: null }, (trx) => overridesOf(trx, tenantId));
    const overrides = await read(office.id);
    expect(overrides).toHaveLength(2);
    expect(resolvePermissions(registry, ["viewer"], overrides).has("core.workspace.view")).toBe(false);
    expect(resolvePermissions(registry, ["drafter"], overrides).has("core.oversight.view")).toBe(true);
    expect(resolvePermissions(registry, ["drafter"], await read(other.id)).has("core.oversight.view")).toBe(false);

    const [event] = await eventsFor(office.id, "role_permissions.update");
    expect(event!.data.changes).toEqual(
      expect.arrayContaining([
        { role: "viewer", permission: "core.workspace.view", granted: false },
        { role: "drafter", permission: "core.oversight.view", granted: true },
      ]),
    );

    expect(await saveRoleGrants(secadmin, office.id, wanted)).toEqual([]);
    expect(await eventsFor(office.id, "role_permissions.update")).toHaveLength(1);

    expect(await saveRoleGrants(secadmin, office.id, defaults())).toHaveLength(2);
    expect(await read(office.id)).toEqual([]);
  });

  it("refuses platform roles and permissions that are not the tenant's", async () => {
    const office = tree.offices[0]!;
    await expect(saveRoleGrants(secadmin, office.id, [{ role: "drafter", permission: "core.accounts.manage" }])).rejects.toBeInstanceOf(
      UnknownGrantError,
    );
    await expect(
      saveRoleGrants(secadmin, office.id, [{ role: "auditor" as Grant["role"], permission: "core.workspace.view" }]),
    ).rejects.toBeInstanceOf(UnknownGrantError);
  });
});

describe("audit query", () => {
  it("filters by chain, actor, action prefix, outcome and Shanghai calendar day", async () => {
    const { city, offices } = tree;
    const actor = `auditee-${uniq()}`;
    const record = (tenantId: string, action: string, outcome: "success" | "failure" = "success") =>
      withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
        recordAudit(trx, { tenantId, actor: { id: null, name: actor }, action, outcome }),
      );
    // Apart by a few milliseconds, so "newest first" across chains has one answer.
    const pause = () => new Promise((r) => setTimeout(r, 5));
    await record(city.id, "notice.publish");
    await pause();
    await record(offices[0]!.id, "notice.withdraw", "failure");
    await pause();
    await record(PLATFORM_CHAIN, "auth.login", "failure");

    const all = [PLATFORM_CHAIN, city.id, ...offices.map((o) => o.id)];
    const reader = { userId: null, readTenantIds: all };
    const actions = async (filter: Parameters<typeof queryAuditEvents>[2], r = reader) =>
      (await queryAuditEvents(handle.db, r, filter)).rows.map((e) => e.action);

    expect(await actions({ actor })).toEqual(["auth.login", "notice.withdraw", "notice.publish"]);
    expect(await actions({ actor: actor.toUpperCase(), tenantId: city.id })).toEqual(["notice.publish"]);
    expect(await actions({ actor, tenantId: PLATFORM_CHAIN })).toEqual(["auth.login"]);
    expect(await actions({ actor, action: "notice." })).toEqual(["notice.withdraw", "notice.publish"]);
    expect(await actions({ actor, action: "notice%" })).toEqual([]);
    expect(await actions({ actor, outcome: "failure" })).toEqual(["auth.login", "notice.withdraw"]);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
    expect(await actions({ actor, from: today, to: today })).toHaveLength(3);
    expect(await actions({ actor, from: tomorrow })).toEqual([]);
    expect(await actions({ actor, to: "2020-01-01" })).toEqual([]);

    // Row-level security, not the filter, decides: a reader without a chain sees none of its events.
    expect(await actions({ actor }, { userId: null, readTenantIds: [city.id] })).toEqual(["notice.publish"]);
  });

  it("pages newest first with a look-ahead row", async () => {
    const tenantId = tree.offices[1]!.id;
    const actor = `pager-${uniq()}`;
    await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, async (trx) => {
      for (let i = 1; i <= 5; i++) await recordAudit(trx, { tenantId, actor: { id: null, name: actor }, action: `step.${i}` });
    });
    const reader = { userId: null, readTenantIds: [tenantId] };
    const first = await queryAuditEvents(handle.db, reader, { actor }, 1, 2);
    const last = await queryAuditEvents(handle.db, reader, { actor }, 3, 2);
    expect(first.rows.map((e) => e.action)).toEqual(["step.5", "step.4"]);
    expect(first.hasNext).toBe(true);
    expect(last.rows.map((e) => e.action)).toEqual(["step.1"]);
    expect(last.hasNext).toBe(false);
  });
});
