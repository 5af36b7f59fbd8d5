import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { createAccount, PasswordPolicyError } from "../../app/core/auth/accounts.server";
import { attemptLogin } from "../../app/core/auth/login.server";
import type { AppLoadContext } from "@remix-run/node";
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

const platformEvents = (actorId: string) =>
  withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("audit_events").select(["action", "outcome", "data"]).where("tenant_id", "=", PLATFORM_CHAIN).where("actor_id", "=", actorId).orderBy("seq").execute(),
  );

describe("sign-in", () => {
  it("five wrong passwords lock the account; the sixth attempt with the right one is refused as locked; all audited", async () => {
    const user = await createUser(handle);
    for (let i = 1; i <= 4; i++) expect(await login(user.username, "Wrong-pass-1")).toEqual({ ok: false, reason: "invalid" });
    const fifth = await login(user.username, "Wrong-pass-1");
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    const sixth = await login(user.username, TEST_PASSWORD);
    expect(sixth).toMatchObject({ ok: false, reason: "locked" });
    if (!sixth.ok) expect(sixth.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

    const events = await platformEvents(user.id);
    expect(events.filter((e) => e.action === "auth.login" && e.outcome === "failure" && e.data.reason === "bad_password")).toHaveLength(5);
    expect(events.filter((e) => e.action === "auth.lock")).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ action: "auth.login", outcome: "failure", data: { reason: "locked" } });
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

describe("sessions", () => {
  it("stores only a SHA-256 of the session id, and validates the cookie token", async () => {
    const user = await createUser(handle);
    const result = await login(user.username, TEST_PASSWORD);
    if (!result.ok) throw new Error("login failed");
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

  it("sign out everywhere ends every session of the user", async () => {
    const user = await createUser(handle);
    const a = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const b = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    await context.services.sessions.invalidateAll(user.id);
    expect(await context.services.sessions.validate(a)).toBeNull();
    expect(await context.services.sessions.validate(b)).toBeNull();
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
