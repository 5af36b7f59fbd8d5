import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { createAccount, PasswordPolicyError, setPassword } from "../../app/core/auth/accounts.server";
import { passwordMatches } from "../../app/core/auth/credentials.server";
import { clearLoginLocks } from "../../app/core/auth/login-locks.server";
import { attemptLogin } from "../../app/core/auth/login.server";
import { action as accountAction } from "../../app/routes/account";
import { action as loginAction } from "../../app/routes/login";
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { openTestDatabase, uniq } from "../helpers/db";
import { createUser, TEST_PASSWORD, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let context: AppLoadContext;

beforeAll(async () => {
  handle = await openTestDatabase();
  context = await testContext(handle, { LOGIN_RATE_LIMIT: "1000" });
});
afterAll(() => handle.close());

const login = (username: string, password: string, ip = "10.0.0.1") =>
  attemptLogin(context.services, { username, password, ip, userAgent: "vitest", requestId: "r" });

/** POSTs a form to a route action as the browser would (the server checked CSRF before); a thrown Response is returned. */
async function post(action: (args: ActionFunctionArgs) => Promise<unknown>, path: string, fields: Record<string, string>, cookie?: string) {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie && { Cookie: cookie }) },
  });
  try {
    return await action({ request, params: {}, context });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const platformEvents = (actorId: string) =>
  withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("audit_events").select(["action", "outcome", "data"]).where("tenant_id", "=", PLATFORM_CHAIN).where("actor_id", "=", actorId).orderBy("seq").execute(),
  );

describe("sign-in", () => {
  it("five wrong passwords from one address lock the account for that address only; the owner elsewhere still signs in; all audited", async () => {
    const user = await createUser(handle);
    const stranger = `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    for (let i = 1; i <= 5; i++) expect(await login(user.username, "Wrong-pass-1", stranger)).toEqual({ ok: false, reason: "invalid" });
    // The stranger is now refused even with the right password...
    expect(await login(user.username, TEST_PASSWORD, stranger)).toEqual({ ok: false, reason: "invalid" });
    // ...while the owner, at their own desk, is not shut out.
    expect((await login(user.username, TEST_PASSWORD, "10.0.0.1")).ok).toBe(true);

    const events = await platformEvents(user.id);
    expect(events.filter((e) => e.action === "auth.login" && e.outcome === "failure" && e.data.reason === "bad_password")).toHaveLength(5);
    const locks = events.filter((e) => e.action === "auth.lock");
    expect(locks).toHaveLength(1);
    expect(locks[0]!.data).toMatchObject({ failures: 5, client: stranger });
    expect(new Date(locks[0]!.data.until as string).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(events.filter((e) => e.action === "auth.login" && e.outcome === "failure").at(-1)!.data).toEqual({ reason: "locked" });
    // The console's account list still sees the lock.
    const row = await handle.db.selectFrom("users").select(["locked_until"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.locked_until!.getTime()).toBeGreaterThan(Date.now());
  });

  it("every failed sign-in answers the same, whatever the reason; the audit trail keeps the reason", async () => {
    const locked = await createUser(handle);
    const disabled = await createUser(handle);
    const wrong = await createUser(handle);
    await handle.db.updateTable("users").set({ disabled: true }).where("id", "=", disabled.id).execute();
    const ip = "10.77.0.1";
    for (let i = 0; i < 5; i++) await login(locked.username, "Wrong-pass-1", ip);
    const answers = [
      await login(`ghost-${uniq()}`, TEST_PASSWORD, ip),
      await login(wrong.username, "Wrong-pass-1", ip),
      await login(disabled.username, TEST_PASSWORD, ip),
      await login(locked.username, TEST_PASSWORD, ip),
    ];
    for (const a of answers) expect(a).toEqual({ ok: false, reason: "invalid" });
    expect((await platformEvents(disabled.id)).at(-1)!.data).toEqual({ reason: "disabled" });
    expect((await platformEvents(locked.id)).at(-1)!.data).toEqual({ reason: "locked" });
    expect((await platformEvents(wrong.id)).at(-1)!.data).toEqual({ reason: "bad_password", consecutiveFailures: 1 });
  });

  it("the security administrator's unlock ends the account's locks from every address", async () => {
    const user = await createUser(handle);
    for (const ip of ["10.88.0.1", "10.88.0.2"]) for (let i = 0; i < 5; i++) await login(user.username, "Wrong-pass-1", ip);
    expect(await login(user.username, TEST_PASSWORD, "10.88.0.1")).toEqual({ ok: false, reason: "invalid" });
    const cleared = await withScope(handle.db, PLATFORM_SCOPE, (trx) => clearLoginLocks(trx, user.id));
    expect(cleared).toBe(2);
    for (const ip of ["10.88.0.1", "10.88.0.2"]) expect((await login(user.username, TEST_PASSWORD, ip)).ok).toBe(true);
    const row = await handle.db.selectFrom("users").select(["locked_until", "failed_attempts"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_attempts: 0 });
  });

  it("an unlock that only clears the account's lock column (the operator's command line) ends every address's lock, for good", async () => {
    const user = await createUser(handle);
    for (let i = 0; i < 5; i++) await login(user.username, "Wrong-pass-1", "10.89.0.1");
    await handle.db.updateTable("users").set({ locked_until: null, failed_attempts: 0 }).where("id", "=", user.id).execute();
    // A later lock from another address does not bring the first one back.
    for (let i = 0; i < 5; i++) await login(user.username, "Wrong-pass-1", "10.89.0.2");
    expect((await login(user.username, TEST_PASSWORD, "10.89.0.1")).ok).toBe(true);
    expect(await login(user.username, TEST_PASSWORD, "10.89.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("a right password resets the failure count", async () => {
    const user = await createUser(handle);
    for (let i = 0; i < 4; i++) await login(user.username, "Wrong-pass-1");
    expect((await login(user.username, TEST_PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) expect((await login(user.username, "Wrong-pass-1")).ok).toBe(false);
    expect((await login(user.username, TEST_PASSWORD)).ok).toBe(true);
  });

  it("an unknown username fails like a wrong password and is audited", async () => {
    const name = `ghost-${uniq()}`;
    expect(await login(name, "Whatever-1")).toEqual({ ok: false, reason: "invalid" });
    const rows = await withScope(handle.db, PLATFORM_SCOPE, (trx) =>
      trx.selectFrom("audit_events").select(["data"]).where("tenant_id", "=", PLATFORM_CHAIN).where("actor_name", "=", name).execute(),
    );
    expect(rows).toEqual([{ data: { reason: "unknown_user" } }]);
  });

  it("attempts from one address beyond the limit are throttled", async () => {
    const strict = await testContext(handle, { LOGIN_RATE_LIMIT: "3" });
    const user = await createUser(handle);
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = () => attemptLogin(strict.services, { username: user.username, password: TEST_PASSWORD, ip, userAgent: null, requestId: null });
    for (let i = 0; i < 3; i++) expect((await attempt()).ok).toBe(true);
    expect(await attempt()).toEqual({ ok: false, reason: "throttled" });
  });
});

describe("redirect after sign-in", () => {
  const signIn = (username: string, redirectTo: string) =>
    post(loginAction, "/login", { username, password: TEST_PASSWORD, redirectTo }) as Promise<Response>;

  it("a tab after the first slash is not followed to another site (//evil.example)", async () => {
    const user = await createUser(handle);
    const res = await signIn(user.username, "/\t/evil.example");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
  });

  it("CR/LF in the target falls back to the landing page instead of a 500 after the session was made", async () => {
    const user = await createUser(handle);
    const res = await signIn(user.username, "/x\r\nSet-Cookie: gk_session=stolen");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
    expect(res.headers.getSetCookie()).toHaveLength(1);
  });

  it("a same-site target is followed", async () => {
    const user = await createUser(handle);
    const res = await signIn(user.username, "/account?lng=en");
    expect(res.headers.get("Location")).toBe("/account?lng=en");
  });
});

describe("sessions", () => {
  it("stores only a SHA-256 of the session id, and validates the cookie token", async () => {
    const user = await createUser(handle);
    const result = await login(user.username, TEST_PASSWORD);
    if (result.ok !== true) throw new Error("login failed");
    const rows = await withScope(handle.db, PLATFORM_SCOPE, (trx) => trx.selectFrom("sessions").select("id_hash").where("user_id", "=", user.id).execute());
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.id_hash).not.toContain(result.token);
    expect((await context.services.sessions.validate(result.token))?.user.username).toBe(user.username);
    expect(await context.services.sessions.validate(rows[0]!.id_hash)).toBeNull();
  });

  it("ends a session idle past the timeout, and any session older than the absolute limit", async () => {
    const user = await createUser(handle);
    const idle = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const old = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const { hashSessionId } = await import("../../app/core/auth/session-store.server");
    await withScope(handle.db, PLATFORM_SCOPE, async (trx) => {
      await trx.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("id_hash", "=", hashSessionId(idle)).execute();
      await trx.updateTable("sessions").set({ created_at: new Date(Date.now() - 13 * 3_600_000) }).where("id_hash", "=", hashSessionId(old)).execute();
    });
    expect(await context.services.sessions.validate(idle)).toBeNull();
    expect(await context.services.sessions.validate(old)).toBeNull();
  });

  it("the session cookie lives as long as the session (SESSION_ABSOLUTE_HOURS), not 400 days", async () => {
    const cookie = context.services.sessions.cookie("token", true);
    expect(cookie).toMatch(/; Max-Age=43200(;|$)/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const short = await testContext(handle, { SESSION_ABSOLUTE_HOURS: "2" });
    expect(short.services.sessions.cookie("token", false)).toMatch(/; Max-Age=7200(;|$)/);
  });

  it("each user ends one of their sessions, or all others, on the account page; an ended session is refused at once", async () => {
    const user = await createUser(handle);
    const other = await createUser(handle);
    const [mine, second, third] = [
      await context.services.sessions.create(user.id, { ip: null, userAgent: "a" }),
      await context.services.sessions.create(user.id, { ip: null, userAgent: "b" }),
      await context.services.sessions.create(user.id, { ip: null, userAgent: "c" }),
    ];
    const foreign = await context.services.sessions.create(other.id, { ip: null, userAgent: "d" });
    const cookie = `gk_session=${mine}`;
    const { hashSessionId } = await import("../../app/core/auth/session-store.server");

    // Another user's session cannot be ended from here.
    await post(accountAction, "/account", { intent: "revoke", session: hashSessionId(foreign) }, cookie);
    expect(await context.services.sessions.validate(foreign)).not.toBeNull();

    expect(await post(accountAction, "/account", { intent: "revoke", session: hashSessionId(second) }, cookie)).toMatchObject({ done: "account.sessions.revoked" });
    expect(await context.services.sessions.validate(second)).toBeNull();
    expect(await context.services.sessions.validate(third)).not.toBeNull();

    expect(await post(accountAction, "/account", { intent: "revokeOthers" }, cookie)).toMatchObject({ done: "account.sessions.othersRevoked" });
    expect(await context.services.sessions.validate(third)).toBeNull();
    expect(await context.services.sessions.validate(mine)).not.toBeNull();
    expect((await context.services.sessions.list(user.id)).map((s) => s.idHash)).toEqual([hashSessionId(mine)]);
    expect((await platformEvents(user.id)).map((e) => e.action)).toEqual(["auth.session.revoke", "auth.session.revoke_others"]);
  });

  it("sign out everywhere ends every session of the user", async () => {
    const user = await createUser(handle);
    const a = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const b = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    await context.services.sessions.invalidateAll(user.id);
    expect(await context.services.sessions.validate(a)).toBeNull();
    expect(await context.services.sessions.validate(b)).toBeNull();
  });
});

describe("password hashes (read only through definer functions)", () => {
  it("the serving role cannot read users.password_hash; sign-in and the definer functions still work", async () => {
    const user = await createUser(handle);
    await expect(
      withScope(handle.db, PLATFORM_SCOPE, (trx) => trx.selectFrom("users").select("password_hash").where("id", "=", user.id).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(withScope(handle.db, PLATFORM_SCOPE, (trx) => sql`SELECT * FROM users LIMIT 1`.execute(trx))).rejects.toThrow(/permission denied/);
    await expect(withScope(handle.db, PLATFORM_SCOPE, (trx) => sql`SELECT * FROM password_history LIMIT 1`.execute(trx))).rejects.toThrow(
      /permission denied/,
    );
    // What the functions hand out is the salt and cost, never the hash.
    const { rows } = await withScope(handle.db, PLATFORM_SCOPE, (trx) => sql<{ salt: string }>`SELECT auth_password_salt(${user.id}::uuid) AS salt`.execute(trx));
    expect(rows[0]!.salt).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+$/);
    const full = await handle.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(full.password_hash.startsWith(`${rows[0]!.salt}$`)).toBe(true);

    expect(await withScope(handle.db, PLATFORM_SCOPE, (trx) => passwordMatches(trx, user.id, TEST_PASSWORD))).toBe(true);
    expect(await withScope(handle.db, PLATFORM_SCOPE, (trx) => passwordMatches(trx, user.id, "Wrong-pass-1"))).toBe(false);
    expect((await login(user.username, TEST_PASSWORD)).ok).toBe(true);
    // Nor can it write a hash of its choosing, except through auth_set_password.
    await expect(
      withScope(handle.db, PLATFORM_SCOPE, (trx) => trx.updateTable("users").set({ password_hash: "x" }).where("id", "=", user.id).execute()),
    ).rejects.toThrow(/permission denied/);
  });

  it("a password change keeps the last PASSWORD_HISTORY passwords, the current one included, from being reused", async () => {
    const user = await createUser(handle);
    const change = (password: string) =>
      withScope(handle.db, PLATFORM_SCOPE, (trx) => setPassword(trx, user.id, user.username, password, { mustChange: false, history: 3 }));
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({ i18nKeys: ["errors.password.reused"] });
    await change("Second-pass-2");
    await change("Third-pass-3");
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({ i18nKeys: ["errors.password.reused"] });
    await change("Fourth-pass-4");
    // Now the first is the fourth most recent: allowed again with a history of 3.
    await change(TEST_PASSWORD);
    expect((await login(user.username, TEST_PASSWORD)).ok).toBe(true);
  });

  it("the account page refuses a reused password with a field error, in the reader's language", async () => {
    const user = await createUser(handle);
    const token = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const res = await post(accountAction, "/account", { intent: "password", current: TEST_PASSWORD, next: TEST_PASSWORD, confirm: TEST_PASSWORD }, `gk_session=${token}`);
    expect(res).toMatchObject({ errors: { next: ["errors.password.reused"] }, done: null });
  });
});

describe("accounts", () => {
  const create = (password: string) =>
    withScope(handle.db, PLATFORM_SCOPE, (trx) => createAccount(trx, { username: `acct-${uniq()}`, displayName: "x", password }));

  it("refuses passwords outside the policy, naming each problem", async () => {
    const err = await create("short").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PasswordPolicyError);
    expect((err as PasswordPolicyError).i18nKeys).toEqual(["errors.password.tooShort", "errors.password.classes"]);
  });
});
