import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { PLATFORM_CHAIN } from "../../db/roles";
import { verifyPassword } from "../../app/core/auth/password.server";
import { runPlatformCommand } from "../../app/core/operators/commands.server";
import { readyForOperators } from "../../app/core/operators/migrated.server";
import { cleanEnv } from "../e2e/processes";
import { createTenantTree, openTestDatabase, uniq } from "../helpers/db";
import { createUser, TEST_PASSWORD } from "../helpers/context";

/** Platform roles are granted, revoked and reset only here, by the operator, each audited (issue 13, failure 2). */

const OPERATOR = "operator:alice";
let handle: DatabaseHandle;
let office: { id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  office = (await createTenantTree(handle, 1)).offices[0]!;
});
afterAll(() => handle?.close());

async function run(argv: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlatformCommand(handle.db, OPERATOR, argv, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin });
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

  it("runs as a command on the database the environment names, with the person at the keyboard as actor", async () => {
    const url = inject("databaseUrl");
    const dir = url ? null : mkdtempSync(join(tmpdir(), "gongkai-operator-"));
    try {
      if (dir) {
        const disk = await openDatabase({ dataDir: dir });
        await migrateToLatest(disk.db);
        await disk.close();
      }
      const env = cleanEnv(url ? { DATABASE_URL: url, SUDO_USER: "bob" } : { GONGKAI_DATA_DIR: dir!, SUDO_USER: "bob" });
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
      if (url) expect((await events("account.create", (await account(username))!.id))[0]).toMatchObject({ actor_name: "operator:bob" });
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

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
