import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import type { PlatformRole } from "../../db/schema";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../db/scope";
import { createAccount } from "../../app/core/auth/accounts.server";
import { hashPassword } from "../../app/core/auth/password.server";
import { enrolSecondFactor } from "../../app/core/auth/second-factor.server";
import { newTotpSecret } from "../../app/core/auth/totp.server";
import { createPlatformAdmin, grantPlatformRole } from "../../app/core/operators/platform-admins.server";
import { action as accountAction } from "../../app/routes/admin.accounts.$userId";
import { action as newAccountAction } from "../../app/routes/admin.accounts.new";
import { loader as auditLoader } from "../../app/routes/admin.audit";
import { createTenantTree, openTestDatabase, testCreditCode, uniq } from "../helpers/db";
import { createUser, signedInRequest, TEST_PASSWORD, testContext } from "../helpers/context";

/**
 * Issue 13, failure 2: the security administrator could (a) give itself office roles, (b) create
 * an auditor and read the audit trail through it, (c) reset the auditor's password. 三员分立 now
 * holds in the pages and, below them, in the database.
 */

let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
let secadmin: { id: string; username: string };
let auditor: { id: string; username: string };

/** A platform administrator written straight into the table as the owner, the way an operator's tool would. */
async function platformAdmin(role: PlatformRole) {
  const username = `${role}-${uniq()}`;
  const { id } = await handle.db
    .insertInto("users")
    .values({ username, display_name: username, password_hash: await hashPassword(TEST_PASSWORD), platform_role: role, password_changed_at: new Date(), updated_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, username };
}

const user = (id: string) => handle.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const membershipsOf = (id: string) => handle.db.selectFrom("memberships").select(["tenant_id", "roles"]).where("user_id", "=", id).execute();

type Answer = { status: number; location: string | null; body: { errors?: Record<string, string[]>; done?: string } };

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

async function post(actorId: string, path: string, fields: Record<string, string | string[]>, run: Action, params: Record<string, string>) {
  const get = await signedInRequest(context, actorId, path);
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const request = new Request(get.url, {
    method: "POST",
    headers: { Cookie: get.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  let res: unknown;
  try {
    res = await run({ request, context, params });
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("Location"), body: {} } as Answer;
    throw e;
  }
  if (res instanceof Response) return { status: res.status, location: res.headers.get("Location"), body: {} } as Answer;
  // An answer with a status, as data() gives it.
  if (res && typeof res === "object" && "init" in res && "data" in res) {
    return { status: (res.init as { status?: number } | null)?.status ?? 200, location: null, body: res.data } as Answer;
  }
  return { status: 200, location: null, body: res } as Answer;
}

const onAccount = (actorId: string, targetId: string, fields: Record<string, string | string[]>) =>
  post(actorId, `/admin/accounts/${targetId}`, fields, accountAction, { userId: targetId });

function refusedWith(answer: Answer, key: string) {
  expect(answer.status).toBe(400);
  expect(answer.body.done).toBeUndefined();
  expect(Object.values(answer.body.errors ?? {}).flat()).toContain(key);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  office = (await createTenantTree(handle, 1)).offices[0]!;
  // After the tenants: the context reads its tenant directory when it is created.
  context = await testContext(handle);
  secadmin = await platformAdmin("secadmin");
  auditor = await platformAdmin("auditor");
});
afterAll(() => handle?.close());

describe("(a) the security administrator gives itself office roles", () => {
  it("is refused, and no membership is stored", async () => {
    const answer = await onAccount(secadmin.id, secadmin.id, {
      intent: "membership",
      tenant: office.id,
      roles: ["dept_reviewer", "classifier", "leader", "drafter"],
    });
    refusedWith(answer, "platform:errors.self.any");
    expect(await membershipsOf(secadmin.id)).toEqual([]);
  });

  it("cannot give another platform administrator office roles either", async () => {
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "membership", tenant: office.id, roles: ["leader"] }), "platform:errors.platformAccount.operatorOnly");
    expect(await membershipsOf(auditor.id)).toEqual([]);
  });
});

describe("(b) the security administrator makes an auditor", () => {
  it("creates office staff only: a platformRoles field is ignored, and the account cannot read the audit trail", async () => {
    const username = `made-${uniq()}`;
    const answer = await post(
      secadmin.id,
      "/admin/accounts/new",
      { username, displayName: "审计", password: TEST_PASSWORD, confirm: TEST_PASSWORD, platformRoles: "auditor" },
      newAccountAction,
      {},
    );
    expect(answer.status).toBe(302);
    const made = await handle.db.selectFrom("users").select(["id", "platform_role"]).where("username", "=", username).executeTakeFirstOrThrow();
    expect(made.platform_role).toBeNull();

    const promote = await onAccount(secadmin.id, made.id, { intent: "profile", displayName: "审计", platformRoles: "auditor" });
    expect(promote.body.errors ?? {}).toEqual({});
    expect((await user(made.id)).platform_role).toBeNull();

    const request = await signedInRequest(context, made.id, "/admin/audit");
    await expect(auditLoader({ request, context, params: {} })).rejects.toMatchObject({ status: 403 });
  });
});

describe("(c) the security administrator takes over the auditor's account", () => {
  it("cannot reset, unlock, disable, rename it or clear its second factor", async () => {
    await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, context.services.cipher, auditor.id, newTotpSecret(), 1));
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "secondFactor", confirmReset: "yes" }), "platform:errors.platformAccount.operatorOnly");
    expect(await handle.db.selectFrom("user_totp").select("user_id").where("user_id", "=", auditor.id).execute()).toHaveLength(1);
    const before = await user(auditor.id);
    const password = "Taken-over-2026";
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "password", password, confirm: password }), "platform:errors.platformAccount.operatorOnly");
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "disable" }), "platform:errors.platformAccount.operatorOnly");
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "unlock" }), "platform:errors.platformAccount.operatorOnly");
    refusedWith(await onAccount(secadmin.id, auditor.id, { intent: "profile", displayName: "改名" }), "platform:errors.platformAccount.operatorOnly");
    expect(await user(auditor.id)).toEqual(before);
  });

  it("changes nothing of its own account either", async () => {
    const before = await user(secadmin.id);
    refusedWith(await onAccount(secadmin.id, secadmin.id, { intent: "profile", displayName: "改名" }), "platform:errors.self.any");
    refusedWith(await onAccount(secadmin.id, secadmin.id, { intent: "unlock" }), "platform:errors.self.any");
    await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, context.services.cipher, secadmin.id, newTotpSecret(), 1));
    refusedWith(await onAccount(secadmin.id, secadmin.id, { intent: "secondFactor", confirmReset: "yes" }), "platform:errors.self.any");
    expect(await handle.db.selectFrom("user_totp").select("user_id").where("user_id", "=", secadmin.id).execute()).toHaveLength(1);
    expect(await user(secadmin.id)).toEqual(before);
  });

  it("still manages office staff: memberships, password reset, disable", async () => {
    const staff = await createUser(handle);
    const saved = await onAccount(secadmin.id, staff.id, { intent: "membership", tenant: office.id, roles: ["drafter"] });
    expect(saved.body).toMatchObject({ done: "accounts.done.membershipSaved" });
    expect(await membershipsOf(staff.id)).toEqual([{ tenant_id: office.id, roles: ["drafter"] }]);
    const password = "Reset-by-sec-2026";
    expect((await onAccount(secadmin.id, staff.id, { intent: "password", password, confirm: password })).body).toMatchObject({ done: "accounts.done.passwordReset" });
    expect((await onAccount(secadmin.id, staff.id, { intent: "disable" })).body).toMatchObject({ done: "accounts.done.disabled" });
    expect((await user(staff.id)).disabled).toBe(true);
  });
});

describe("the rule in the database, whatever the code does", () => {
  const asApp = <T>(tenantId: string | null, fn: Parameters<typeof withScope<T>>[2]) =>
    withScope(handle.db, { tenantId, readTenantIds: tenantId ? [tenantId] : [], userId: null }, fn);

  it("refuses an office membership for a platform administrator, even written directly as the serving role", async () => {
    const err = await asApp(office.id, (trx) => trx.insertInto("memberships").values({ tenant_id: office.id, user_id: auditor.id, roles: ["leader"] }).execute()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "23514", constraint: "platform_admin_no_membership" });
    expect(await membershipsOf(auditor.id)).toEqual([]);
  });

  it("refuses a platform role for an account with an office membership, even as the owner", async () => {
    const member = await createUser(handle, { [office.id]: ["leader"] });
    const err = await handle.db.updateTable("users").set({ platform_role: "auditor" }).where("id", "=", member.id).execute().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "23514", constraint: "platform_admin_no_membership" });
    expect((await user(member.id)).platform_role).toBeNull();
  });

  it("denies the serving role writing users.platform_role at all", async () => {
    const staff = await createUser(handle);
    const update = await asApp(null, (trx) => trx.updateTable("users").set({ platform_role: "auditor" }).where("id", "=", staff.id).execute()).catch((e: unknown) => e);
    expect(update).toMatchObject({ code: "42501" });
    const insert = await asApp(null, (trx) =>
      trx.insertInto("users").values({ username: `x-${uniq()}`, display_name: "x", password_hash: "x", platform_role: "secadmin", password_changed_at: new Date(), updated_at: new Date() }).execute(),
    ).catch((e: unknown) => e);
    expect(insert).toMatchObject({ code: "42501" });
    const renamed = await asApp(null, (trx) => trx.updateTable("users").set({ username: `y-${uniq()}` }).where("id", "=", staff.id).execute()).catch((e: unknown) => e);
    expect(renamed).toMatchObject({ code: "42501" });
    expect((await user(staff.id)).platform_role).toBeNull();
  });

  it("stores no per-office grant of the audit trail (or any platform permission) to a business role", async () => {
    const err = await asApp(office.id, (trx) =>
      trx.insertInto("role_permissions").values({ tenant_id: office.id, role: "viewer", permission: "core.audit.read", granted: true }).execute(),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "23514" });
  });

  it("lets the serving role run the web's own writes on users", async () => {
    const staff = await createUser(handle);
    await asApp(null, (trx) =>
      trx.updateTable("users").set({ display_name: "新名", failed_attempts: sql`failed_attempts + 1`, locked_until: null, disabled: false, updated_at: new Date() }).where("id", "=", staff.id).execute(),
    );
    expect(await user(staff.id)).toMatchObject({ display_name: "新名", failed_attempts: 1 });
  });

  it.skipIf(!inject("databaseUrl"))("holds for an owner that is no superuser, under forced row-level security (PostgreSQL)", async () => {
    const name = `gk_sod_${uniq()}`;
    const password = randomBytes(12).toString("hex");
    await sql`CREATE ROLE ${sql.id(name)} LOGIN PASSWORD ${sql.lit(password)} NOSUPERUSER NOBYPASSRLS`.execute(handle.db);
    await sql`GRANT gongkai_app TO ${sql.id(name)}`.execute(handle.db);
    await sql`CREATE DATABASE ${sql.id(name)} OWNER ${sql.id(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`.execute(handle.db);
    const url = new URL(inject("databaseUrl")!);
    url.pathname = `/${name}`;
    url.username = name;
    url.password = password;
    const owner = await openDatabase({ url: url.toString(), dataDir: "" });
    try {
      await migrateToLatest(owner.db);
      const { id: tenantId } = await owner.db
        .insertInto("tenants")
        .values({ code: `sod-${uniq()}`, level: "county", region_code: "361201", credit_code: testCreditCode("361201"), name: JSON.stringify({ "zh-CN": "分局" }), hosts: [], plugins: [], settings: "{}", is_public: true, updated_at: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow();
      const staffName = `staff-${uniq()}`;
      const staff = await withScope(owner.db, PLATFORM_SCOPE, (trx) => createAccount(trx, { username: staffName, displayName: "x", password: TEST_PASSWORD }));
      await withScope(owner.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
        trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: staff, roles: ["leader"] }).execute(),
      );
      // The owner's grant looks across every office, though none is in its transaction's scope.
      await expect(grantPlatformRole(owner.db, "operator:test", staffName, "auditor")).rejects.toThrow(/member of one or more offices/);
      const admin = await createPlatformAdmin(owner.db, "operator:test", { username: `aud-${uniq()}`, displayName: "x", role: "auditor", password: TEST_PASSWORD });
      const err = await withScope(owner.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
        trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: admin, roles: ["leader"] }).execute(),
      ).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "23514", constraint: "platform_admin_no_membership" });
    } finally {
      await owner.close();
      await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(handle.db);
      await sql`DROP ROLE ${sql.id(name)}`.execute(handle.db);
    }
  }, 120_000);
});
