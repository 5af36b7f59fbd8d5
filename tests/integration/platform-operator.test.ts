import { sql } from "kysely";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { PLATFORM_CHAIN } from "../../db/roles";
import { NO_TENANT, withScope } from "../../db/scope";
import { KeyedChainHasher } from "../../app/core/audit/chain";
import { attemptLogin } from "../../app/core/auth/login.server";
import { recordFailure } from "../../app/core/auth/login-locks.server";
import { enrolSecondFactor } from "../../app/core/auth/second-factor.server";
import { newTotpSecret } from "../../app/core/auth/totp.server";
import { verifyPassword } from "../../app/core/auth/password.server";
import { runPlatformCommand, type CommandSettings } from "../../app/core/operators/commands.server";
import { readyForOperators } from "../../app/core/operators/migrated.server";
import { cleanEnv } from "../e2e/processes";
import { createTenantTree, openTestDatabase, uniq } from "../helpers/db";
import { createUser, TEST_PASSWORD, testContext } from "../helpers/context";
import { TEST_AUDIT_KEY } from "../helpers/audit-key";

/** Platform roles are granted, revoked and reset only here, by the operator, each audited (issue 13, failure 2). */

const OPERATOR = "operator:alice";
let handle: DatabaseHandle;
let office: { id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  office = (await createTenantTree(handle, 1)).offices[0]!;
});
afterAll(() => handle?.close());

async function run(argv: string[], stdin = "", settings?: CommandSettings) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlatformCommand(handle.db, OPERATOR, argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin }, settings);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const account = (username: string) => handle.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
const events = (action: string, targetId: string) =>
  handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", action).where("target_id", "=", targetId).orderBy("seq").execute();
const oneTimePassword = (out: string) => /One-time password for \S+: (\S+)/.exec(out)?.[1];

describe("npm run platform", () => {
  it("creates a platform administrator with a printed one-time password, audited with the operator as actor", async () => {
    const username = `sec-${uniq()}`;
    const result = await run(["create", username, "secadmin", "--name", "安全管理员"]);
    expect(result).toMatchObject({ code: 0, err: "" });
    const user = (await account(username))!;
    // The operator knows the password: its holder replaces it at first sign-in.
    expect(user).toMatchObject({ platform_role: "secadmin", display_name: "安全管理员", password_must_change: true });
    const password = oneTimePassword(result.out)!;
    expect(password).toHaveLength(20);
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    const [event] = await events("account.create", user.id);
    expect(event).toMatchObject({ actor_id: null, actor_name: OPERATOR, outcome: "success" });
    expect(event!.data).toMatchObject({ username, platformRole: "secadmin" });
  });

  it("takes the password from standard input when asked, under the policy", async () => {
    const username = `aud-${uniq()}`;
    expect(await run(["create", username, "auditor", "--password-stdin"], "weak\n")).toMatchObject({ code: 1, err: expect.stringMatching(/^Refused: The password does not meet the policy/) });
    expect(await account(username)).toBeUndefined();
    const result = await run(["create", username, "auditor", "--password-stdin"], `${TEST_PASSWORD}\n`);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/One-time password/);
    expect(await verifyPassword((await account(username))!.password_hash, TEST_PASSWORD)).toBe(true);
  });

  it("refuses, changing nothing: a role that does not exist, a taken name, usage mistakes", async () => {
    const username = `x-${uniq()}`;
    expect(await run(["create", username, "superuser"])).toMatchObject({ code: 1, err: expect.stringMatching(/sysadmin, secadmin, auditor/) });
    expect(await account(username)).toBeUndefined();
    const taken = await createUser(handle);
    expect(await run(["create", taken.username, "sysadmin"])).toMatchObject({ code: 1, err: expect.stringMatching(/already taken; .* use grant/) });
    expect((await account(taken.username))!.platform_role).toBeNull();
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringMatching(/Usage: npm run platform/) });
    expect(await run(["grant", taken.username])).toMatchObject({ code: 2 });
    expect(await run(["list", "--force"])).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option --force/) });
  });

  it("grants a role to an account without memberships, ending its sessions; refuses a second role and an office member", async () => {
    const staff = await createUser(handle);
    await handle.db.insertInto("sessions").values({ id_hash: `h-${uniq()}`, user_id: staff.id, expires_at: new Date(Date.now() + 3_600_000), ip: null, user_agent: null }).execute();
    expect(await run(["grant", staff.username, "sysadmin"])).toMatchObject({ code: 0 });
    expect((await account(staff.username))!.platform_role).toBe("sysadmin");
    expect(await handle.db.selectFrom("sessions").select("id_hash").where("user_id", "=", staff.id).execute()).toEqual([]);
    expect((await events("platform_role.grant", staff.id))[0]).toMatchObject({ actor_name: OPERATOR, data: { username: staff.username, role: "sysadmin", sessionsEnded: 1 } });

    expect(await run(["grant", staff.username, "auditor"])).toMatchObject({ code: 1, err: expect.stringMatching(/at most one platform role \(三员分立\)/) });
    expect((await account(staff.username))!.platform_role).toBe("sysadmin");

    const member = await createUser(handle, { [office.id]: ["leader"] });
    expect(await run(["grant", member.username, "auditor"])).toMatchObject({ code: 1, err: expect.stringMatching(/member of one or more offices/) });
    expect((await account(member.username))!.platform_role).toBeNull();
    expect(await events("platform_role.grant", member.id)).toEqual([]);
  });

  it("revokes, resets, unlocks, disables and enables platform administrators only", async () => {
    const admin = await createUser(handle, {}, ["auditor"]);
    await handle.db.updateTable("users").set({ failed_attempts: 5, locked_until: new Date(Date.now() + 600_000) }).where("id", "=", admin.id).execute();
    expect(await run(["unlock", admin.username])).toMatchObject({ code: 0 });
    expect(await account(admin.username)).toMatchObject({ failed_attempts: 0, locked_until: null });

    const reset = await run(["reset-password", admin.username]);
    expect(reset.code).toBe(0);
    expect(await verifyPassword((await account(admin.username))!.password_hash, oneTimePassword(reset.out)!)).toBe(true);
    expect((await account(admin.username))!.password_must_change).toBe(true);

    expect(await run(["disable", admin.username])).toMatchObject({ code: 0 });
    expect((await account(admin.username))!.disabled).toBe(true);
    expect(await run(["disable", admin.username])).toMatchObject({ code: 1, err: expect.stringMatching(/already disabled/) });
    expect(await run(["enable", admin.username])).toMatchObject({ code: 0 });

    const listed = await run(["list"]);
    expect(listed.out).toMatch(new RegExp(`auditor\\s+${admin.username}\\s+active`));

    expect(await run(["revoke", admin.username])).toMatchObject({ code: 0, out: expect.stringMatching(/no longer holds auditor/) });
    expect((await account(admin.username))!.platform_role).toBeNull();
    const actions = ["account.unlock", "account.password_reset", "account.disable", "account.enable", "platform_role.revoke"];
    for (const action of actions) expect((await events(action, admin.id)).map((e) => e.actor_name)).toEqual([OPERATOR]);

    // Office staff are the security administrator's, in the console.
    expect(await run(["reset-password", admin.username])).toMatchObject({ code: 1, err: expect.stringMatching(/holds no platform role/) });
    expect(await run(["unlock", "nobody-here"])).toMatchObject({ code: 1, err: expect.stringMatching(/no account named/) });
  });

  it("runs as a command on the database the environment names, with the person at the keyboard as actor and the tests' audit key", async () => {
    const url = inject("databaseUrl");
    const dir = mkdtempSync(join(tmpdir(), "gongkai-operator-"));
    try {
      if (!url) {
        const disk = await openDatabase({ dataDir: dir });
        await migrateToLatest(disk.db);
        await disk.close();
      }
      // Never ./data/audit.key: an event keyed otherwise would break the shared test database's platform chain.
      const env = cleanEnv({ ...(url ? { DATABASE_URL: url } : {}), GONGKAI_DATA_DIR: dir, GONGKAI_AUDIT_KEY: TEST_AUDIT_KEY.toString("base64"), SUDO_USER: "bob" });
      const root = fileURLToPath(new URL("../../", import.meta.url));
      const username = `cli-${uniq()}`;
      const created = spawnSync(process.execPath, ["--import", "tsx", "app/core/operators/cli.ts", "create", username, "sysadmin"], {
        cwd: root,
        env,
        encoding: "utf8",
        timeout: 240_000,
      });
      expect(created.stderr).toBe("");
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(new RegExp(`Created ${username} as sysadmin`));
      const db = url ? handle : await openDatabase({ dataDir: dir });
      try {
        const event = await db.db
          .selectFrom("audit_events")
          .selectAll()
          .where("tenant_id", "=", PLATFORM_CHAIN)
          .where("action", "=", "account.create")
          .where("actor_name", "=", "operator:bob")
          .where(sql<boolean>`data->>'username' = ${username}`)
          .executeTakeFirstOrThrow();
        expect(event.hash).toBe(new KeyedChainHasher(TEST_AUDIT_KEY).hash(event, event.prev_hash));
      } finally {
        if (!url) await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("resets a password under the PASSWORD_HISTORY it is given", async () => {
    const admin = await createUser(handle, {}, ["secadmin"]);
    const reuse = ["reset-password", admin.username, "--password-stdin"];
    expect(await run(reuse, `${TEST_PASSWORD}\n`)).toMatchObject({ code: 1, err: expect.stringMatching(/errors\.password\.reused/) });
    expect(await run(reuse, `${TEST_PASSWORD}\n`, { passwordHistory: 0 })).toMatchObject({ code: 0 });
    expect((await account(admin.username))!.password_must_change).toBe(true);
  });

  it("unlock ends the locks and failure counts of every address, not only the account's lock", async () => {
    const admin = await createUser(handle, {}, ["secadmin"]);
    const policy = { maxFailures: 5, lockMinutes: 15 };
    const fail = (client: string) => withScope(handle.db, NO_TENANT, (trx) => recordFailure(trx, admin.id, client, policy));
    for (let i = 0; i < 5; i++) await fail("192.0.2.1");
    for (let i = 0; i < 4; i++) await fail("192.0.2.2");
    expect(await run(["unlock", admin.username])).toMatchObject({ code: 0 });
    expect(await handle.db.selectFrom("login_locks").select("client").where("user_id", "=", admin.id).execute()).toEqual([]);
    // The fifth wrong password from the second address starts a new count instead of locking again.
    expect(await fail("192.0.2.2")).toEqual({ failures: 1, lockedUntil: null });
    expect((await events("account.unlock", admin.id))[0]!.data).toMatchObject({ failedAttempts: 9 });
  });

  it("reset-second-factor clears a lost factor of any account, ends its sessions and pending sign-ins; the next sign-in enrols again", async () => {
    const context = await testContext(handle, { LOGIN_RATE_LIMIT: "1000" });
    const admin = await createUser(handle, {}, ["auditor"]);
    const staff = await createUser(handle, { [office.id]: ["drafter"] });
    const inFuture = new Date(Date.now() + 3_600_000);
    for (const user of [admin, staff]) {
      await withScope(handle.db, NO_TENANT, (trx) => enrolSecondFactor(trx, context.services.cipher, user.id, newTotpSecret(), 1));
      await handle.db.insertInto("sessions").values({ id_hash: `h-${uniq()}`, user_id: user.id, expires_at: inFuture, ip: null, user_agent: null }).execute();
    }
    const login = (username: string) => attemptLogin(context.services, { username, password: TEST_PASSWORD, ip: "10.9.0.1", userAgent: "vitest", requestId: "r" });
    expect(await login(admin.username)).toMatchObject({ ok: "pending", step: "verify" });
    const rows = (table: "sessions" | "login_challenges" | "user_totp" | "recovery_codes", userId: string) =>
      handle.db.selectFrom(table).select("user_id").where("user_id", "=", userId).execute();
    expect(await rows("login_challenges", admin.id)).toHaveLength(1);

    const reset = await run(["reset-second-factor", admin.username]);
    expect(reset).toMatchObject({ code: 0, err: "" });
    expect(reset.out).toMatch(/second factor of .* was cleared/);
    for (const table of ["sessions", "login_challenges", "user_totp", "recovery_codes"] as const) expect(await rows(table, admin.id)).toEqual([]);
    const [event] = await events("account.second_factor_reset", admin.id);
    expect(event).toMatchObject({ actor_id: null, actor_name: OPERATOR, data: { username: admin.username, sessionsEnded: 1 } });
    // Required for a platform administrator: the password leads to a new enrolment, not to a session.
    expect(await login(admin.username)).toMatchObject({ ok: "pending", step: "enrol" });

    // Office staff too (the operator can clear anyone's), and a second time there is nothing to clear.
    expect(await run(["reset-second-factor", staff.username])).toMatchObject({ code: 0 });
    expect(await rows("user_totp", staff.id)).toEqual([]);
    expect(await rows("sessions", staff.id)).toEqual([]);
    expect(await run(["reset-second-factor", staff.username])).toMatchObject({ code: 1, err: expect.stringMatching(/has no second factor; nothing changed/) });
    expect(await events("account.second_factor_reset", staff.id)).toHaveLength(1);
    expect(await run(["reset-second-factor", "nobody-here"])).toMatchObject({ code: 1, err: expect.stringMatching(/no account named/) });
    expect(await run(["reset-second-factor"])).toMatchObject({ code: 2, err: expect.stringMatching(/reset-second-factor <username>/) });
  });

  it("says a database is not migrated yet instead of failing", async () => {
    const empty = await openDatabase({ dataDir: "memory://" });
    try {
      expect(await readyForOperators(empty.db)).toBe(false);
      expect(await readyForOperators(handle.db)).toBe(true);
    } finally {
      await empty.close();
    }
  });
});
