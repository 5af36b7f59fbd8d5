import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../db/scope";
import { setPassword } from "../../app/core/auth/accounts.server";
import { readChallenge } from "../../app/core/auth/login-challenge.server";
import { signInState } from "../../app/core/auth/login-steps.server";
import { verifyPendingSignIn } from "../../app/core/auth/login-verify.server";
import { attemptLogin } from "../../app/core/auth/login.server";
import { enrolSecondFactor } from "../../app/core/auth/second-factor.server";
import { newTotpSecret } from "../../app/core/auth/totp.server";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { action as adminAccountAction, loader as adminAccountLoader } from "../../app/routes/admin.accounts.$userId";
import { action as enrolAction, loader as enrolLoader } from "../../app/routes/login_.enrol";
import { action as passwordAction } from "../../app/routes/login_.password";
import { action as codesAction, loader as codesLoader } from "../../app/routes/login_.recovery-codes";
import { action as verifyAction } from "../../app/routes/login_.verify";
import { createUser, TEST_PASSWORD, testContext } from "../helpers/context";
import { createTenantTree, openTestDatabase } from "../helpers/db";
import { totpCode } from "../helpers/totp";

let handle: DatabaseHandle;
let context: AppLoadContext;
let tree: Awaited<ReturnType<typeof createTenantTree>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  context = await testContext(handle, { LOGIN_RATE_LIMIT: "1000" });
  tree = await createTenantTree(handle, 2);
  // The first office requires a second factor of its staff, as demo-nanling does.
  const office = tree.offices[0]!.id;
  const { settings } = await handle.db.selectFrom("tenants").select("settings").where("id", "=", office).executeTakeFirstOrThrow();
  await handle.db
    .updateTable("tenants")
    .set({ settings: JSON.stringify({ ...settings, security: { mfa: "required" } }) })
    .where("id", "=", office)
    .execute();
  await context.services.tenants.refresh();
});
afterAll(() => handle.close());

const meta = { ip: "10.1.0.1", userAgent: "vitest", requestId: "r" };
const login = (username: string, password = TEST_PASSWORD) => attemptLogin(context.services, { username, password, ...meta });

/** A request as the browser sends it, with its cookies; a form body makes it a POST. */
function request(path: string, cookie: string, form?: Record<string, string>): Request {
  return new Request(`http://localhost${path}`, {
    method: form ? "POST" : "GET",
    body: form ? new URLSearchParams(form) : undefined,
    headers: { Cookie: cookie, ...(form && { "Content-Type": "application/x-www-form-urlencoded" }) },
  });
}

/** Runs a loader or action; a thrown Response (a redirect) is returned like a returned one. */
async function run<T>(fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<T>, req: Request): Promise<T | Response> {
  try {
    return await fn({ request: req, params: {}, context });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const asResponse = (r: unknown): Response => {
  if (!(r instanceof Response)) throw new Error(`expected a Response, got ${JSON.stringify(r)}`);
  return r;
};
const cookiePair = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0];

const sessionsOf = (userId: string) =>
  withScope(handle.db, NO_TENANT, (trx) => trx.selectFrom("sessions").select("id_hash").where("user_id", "=", userId).execute());
const eventsOf = (userId: string) =>
  withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("audit_events").select(["action", "outcome", "data"]).where("tenant_id", "=", PLATFORM_CHAIN).where("actor_id", "=", userId).orderBy("seq").execute(),
  );

/** Enrols `userId` with a secret known to the test; its last accepted step is the previous one, so the current code works. */
async function enrolled(userId: string): Promise<{ secret: string; codes: string[] }> {
  const secret = newTotpSecret();
  const codes = await withScope(handle.db, NO_TENANT, (trx) =>
    enrolSecondFactor(trx, context.services.cipher, userId, secret, Math.floor(Date.now() / 30_000) - 2),
  );
  return { secret, codes };
}

async function pending(username: string, password = TEST_PASSWORD) {
  const r = await login(username, password);
  if (r.ok !== "pending") throw new Error(`expected a pending sign-in, got ${JSON.stringify(r)}`);
  return { ...r, cookie: `gk_login=${r.challenge}`, challengeRow: (await readChallenge(handle.db, r.challenge))! };
}

describe("second factor required", () => {
  it("a platform administrator enrols before any session exists: QR and secret, a code from it, recovery codes shown once, then the session", async () => {
    const admin = await createUser(handle, {}, ["secadmin"]);
    const p = await pending(admin.username);
    expect(p.step).toBe("enrol");
    expect(await sessionsOf(admin.id)).toEqual([]);

    // No way around the step: the code page sends the browser back to the enrolment.
    expect(asResponse(await run(verifyAction, request("/login/verify", p.cookie, { code: "123456" }))).headers.get("Location")).toBe("/login/enrol");

    const page = (await run(enrolLoader, request("/login/enrol", p.cookie))) as Awaited<ReturnType<typeof enrolLoader>>;
    expect(page.offer!.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = page.offer!.secret.replace(/ /g, "");
    expect(Buffer.from(page.offer!.qrCode.split(",")[1]!, "base64").toString()).toContain("<svg");
    // A reload shows the same secret.
    expect(((await run(enrolLoader, request("/login/enrol", p.cookie))) as typeof page).offer!.secret).toBe(page.offer!.secret);

    expect(await run(enrolAction, request("/login/enrol", p.cookie, { code: "000000" }))).toEqual({ errors: { code: ["errors.totp.wrongCode"] } });
    const enrolledRes = asResponse(await run(enrolAction, request("/login/enrol", p.cookie, { code: totpCode(secret) })));
    expect(enrolledRes.headers.get("Location")).toBe("/login/recovery-codes");
    expect(await sessionsOf(admin.id)).toEqual([]);

    const shown = (await run(codesLoader, request("/login/recovery-codes", p.cookie))) as Awaited<ReturnType<typeof codesLoader>>;
    expect(shown.codes).toHaveLength(10);
    const done = asResponse(await run(codesAction, request("/login/recovery-codes", p.cookie, {})));
    expect(done.headers.get("Location")).toBe("/admin");
    const session = cookiePair(done, "gk_session")!;
    expect(cookiePair(done, "gk_login")).toBe("gk_login=");
    expect((await context.services.sessions.validate(session.slice("gk_session=".length)))?.user.id).toBe(admin.id);
    // The pending sign-in is over: its pages send the browser back to the password form.
    expect(asResponse(await run(codesLoader, request("/login/recovery-codes", p.cookie))).headers.get("Location")).toBe("/login?expired=1");

    // Stored sealed and hashed: neither the secret nor a code is readable in the database.
    const row = await handle.db.selectFrom("user_totp").selectAll().where("user_id", "=", admin.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret);
    const stored = await handle.db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", admin.id).execute();
    expect(stored).toHaveLength(10);
    for (const c of shown.codes) expect(stored.map((s) => s.code_hash)).not.toContain(c.replace("-", ""));

    const actions = (await eventsOf(admin.id)).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(["auth.login.pending:success", "auth.mfa.enrol:failure", "auth.mfa.enrol:success", "auth.login:success"]);
    expect((await eventsOf(admin.id)).at(-1)!.data).toEqual({ secondFactor: "totp" });
  });

  it("an office whose definition requires it asks its staff to enrol; an office that does not, does not", async () => {
    const strict = await createUser(handle, { [tree.offices[0]!.id]: ["drafter"] });
    const relaxed = await createUser(handle, { [tree.offices[1]!.id]: ["drafter"] });
    expect(await login(strict.username)).toMatchObject({ ok: "pending", step: "enrol" });
    expect((await login(relaxed.username)).ok).toBe(true);
  });

  it("the account page will not turn it off where it is required", async () => {
    const admin = await createUser(handle, {}, ["auditor"]);
    await enrolled(admin.id);
    const token = await context.services.sessions.create(admin.id, { ip: null, userAgent: null });
    const res = await run(accountAction, request("/account", `gk_session=${token}`, { intent: "mfaRemove", removePassword: TEST_PASSWORD }));
    expect(res).toMatchObject({ errors: { removePassword: ["errors.totp.required"] } });
    expect(await handle.db.selectFrom("user_totp").select("user_id").where("user_id", "=", admin.id).executeTakeFirst()).toBeTruthy();
  });
});

describe("signing in with a second factor", () => {
  it("password, then a code: the session comes only after the code, and a code is never accepted twice", async () => {
    const user = await createUser(handle);
    const { secret } = await enrolled(user.id);
    const first = await pending(user.username);
    expect(first.step).toBe("verify");
    expect(await sessionsOf(user.id)).toEqual([]);

    const code = totpCode(secret);
    const ok = asResponse(await run(verifyAction, request("/login/verify", first.cookie, { code })));
    expect(ok.headers.get("Location")).toBe("/account");
    expect(cookiePair(ok, "gk_session")).toBeTruthy();
    expect(await sessionsOf(user.id)).toHaveLength(1);

    // The same code again, in a new sign-in: refused as replayed; the next one is accepted.
    const second = await pending(user.username);
    expect(await run(verifyAction, request("/login/verify", second.cookie, { code }))).toEqual({ errors: { code: ["errors.totp.wrongCode"] } });
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({ action: "auth.mfa.verify", outcome: "failure", data: { reason: "replayed", failures: 1 } });
    const next = totpCode(secret, Date.now() + 30_000);
    expect(asResponse(await run(verifyAction, request("/login/verify", second.cookie, { code: next }))).headers.get("Location")).toBe("/account");
  });

  it("a recovery code signs in once", async () => {
    const user = await createUser(handle);
    const { codes } = await enrolled(user.id);
    const p = await pending(user.username);
    const state = (await signInState(context.services, user.id))!;
    expect(await verifyPendingSignIn(context.services, p.challengeRow, state, codes[3]!.toUpperCase(), meta)).toBe("ok");
    const again = await pending(user.username);
    expect(await verifyPendingSignIn(context.services, again.challengeRow, state, codes[3]!, meta)).toBe("wrong");
    expect(await verifyPendingSignIn(context.services, again.challengeRow, state, codes[4]!, meta)).toBe("ok");
  });

  it("five wrong codes end the pending sign-in: the password is asked again", async () => {
    const user = await createUser(handle);
    await enrolled(user.id);
    const p = await pending(user.username);
    for (let i = 0; i < 4; i++) {
      expect(await run(verifyAction, request("/login/verify", p.cookie, { code: "000000" }))).toEqual({ errors: { code: ["errors.totp.wrongCode"] } });
    }
    const ended = asResponse(await run(verifyAction, request("/login/verify", p.cookie, { code: "000000" })));
    expect(ended.headers.get("Location")).toBe("/login?expired=1");
    expect(await readChallenge(handle.db, p.challenge)).toBeNull();
    expect(await sessionsOf(user.id)).toEqual([]);
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({ action: "auth.mfa.verify", outcome: "failure", data: { failures: 5, ended: true } });
  });

  it("a pending sign-in is bound to its browser's cookie and expires", async () => {
    const user = await createUser(handle);
    await enrolled(user.id);
    const p = await pending(user.username);
    expect(asResponse(await run(verifyAction, request("/login/verify", "gk_login=" + "x".repeat(43), { code: "000000" }))).headers.get("Location")).toBe(
      "/login?expired=1",
    );
    await withScope(handle.db, NO_TENANT, (trx) =>
      trx.updateTable("login_challenges").set({ expires_at: new Date(Date.now() - 1000) }).where("token_hash", "=", p.challengeRow.tokenHash).execute(),
    );
    expect(asResponse(await run(verifyAction, request("/login/verify", p.cookie, { code: "000000" }))).headers.get("Location")).toBe("/login?expired=1");
  });
});

describe("enrolment and removal on the account page", () => {
  it("asks for the current password and a code from the new secret; shows the recovery codes once; removal asks the password too", async () => {
    const user = await createUser(handle);
    const token = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    const cookie = `gk_session=${token}`;
    const before = (await run(accountLoader, request("/account", cookie))) as Awaited<ReturnType<typeof accountLoader>>;
    expect(before.secondFactor).toMatchObject({ enrolled: false, required: false, offer: null });
    const setup = (await run(accountLoader, request("/account?mfa=setup", cookie))) as typeof before;
    const offer = setup.secondFactor.offer!;
    const secret = offer.secret.replace(/ /g, "");

    const enrol = (fields: Record<string, string>) => run(accountAction, request("/account", cookie, { intent: "mfaEnrol", pending: offer.pending, ...fields }));
    expect(await enrol({ code: totpCode(secret), enrolPassword: "Wrong-pass-1" })).toMatchObject({ errors: { enrolPassword: ["errors.password.wrongCurrent"] } });
    // A refused code keeps the same secret on the page, where its error is shown.
    expect(await enrol({ code: "000000", enrolPassword: TEST_PASSWORD })).toMatchObject({ errors: { code: ["errors.totp.wrongCode"] }, offer: { secret: offer.secret } });
    // An offer sealed for another account does not open for this one.
    const other = await createUser(handle);
    const otherToken = await context.services.sessions.create(other.id, { ip: null, userAgent: null });
    expect(
      await run(accountAction, request("/account", `gk_session=${otherToken}`, { intent: "mfaEnrol", pending: offer.pending, code: totpCode(secret), enrolPassword: TEST_PASSWORD })),
    ).toMatchObject({ errors: { code: ["errors.totp.expired"] } });

    const done = (await enrol({ code: totpCode(secret), enrolPassword: TEST_PASSWORD })) as { recoveryCodes: string[] };
    expect(done).toMatchObject({ done: "mfa.enrol.done" });
    expect(done.recoveryCodes).toHaveLength(10);
    const after = (await run(accountLoader, request("/account", cookie))) as typeof before;
    expect(after.secondFactor).toMatchObject({ enrolled: true, remaining: 10 });
    expect((await login(user.username)).ok).toBe("pending");

    expect(await run(accountAction, request("/account", cookie, { intent: "mfaRemove", removePassword: "Wrong-pass-1" }))).toMatchObject({
      errors: { removePassword: ["errors.password.wrongCurrent"] },
    });
    expect(await run(accountAction, request("/account", cookie, { intent: "mfaRemove", removePassword: TEST_PASSWORD }))).toMatchObject({ done: "mfa.removed" });
    expect((await login(user.username)).ok).toBe(true);
    expect((await eventsOf(user.id)).filter((e) => e.action.startsWith("auth.mfa")).map((e) => e.action)).toEqual(["auth.mfa.enrol", "auth.mfa.remove"]);
  });
});

describe("a lost second factor", () => {
  it("the security administrator clears an office member's on the account page, with a confirmation; the next sign-in enrols again", async () => {
    const secadmin = await createUser(handle, {}, ["secadmin"]);
    // The first office requires a second factor.
    const staff = await createUser(handle, { [tree.offices[0]!.id]: ["drafter"] });
    await enrolled(staff.id);
    const staffSession = await context.services.sessions.create(staff.id, { ip: null, userAgent: null });
    const admin = `gk_session=${await context.services.sessions.create(secadmin.id, { ip: null, userAgent: null })}`;
    const page = (path: string, form?: Record<string, string>) =>
      (form ? adminAccountAction : adminAccountLoader)({ request: request(path, admin, form), params: { userId: staff.id }, context }) as Promise<unknown>;
    const path = `/admin/accounts/${staff.id}`;
    const shown = async () => ((await page(path)) as { account: { secondFactor: boolean } }).account.secondFactor;
    expect(await shown()).toBe(true);

    // Without the confirmation box: refused, nothing cleared.
    expect(await page(path, { intent: "secondFactor" })).toMatchObject({
      init: { status: 400 },
      data: { errors: { confirmReset: ["platform:errors.secondFactor.confirm"] } },
    });
    expect(await shown()).toBe(true);

    expect(await page(path, { intent: "secondFactor", confirmReset: "yes" })).toMatchObject({ data: { done: "accounts.done.secondFactorReset" } });
    expect(await shown()).toBe(false);
    expect(await context.services.sessions.validate(staffSession)).toBeNull();
    const [event] = await withScope(handle.db, PLATFORM_SCOPE, (trx) =>
      trx.selectFrom("audit_events").select(["actor_id", "data"]).where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", "account.second_factor_reset").where("target_id", "=", staff.id).execute(),
    );
    expect(event).toMatchObject({ actor_id: secadmin.id, data: { sessionsEnded: 1 } });
    expect(await login(staff.username)).toMatchObject({ ok: "pending", step: "enrol" });

    expect(await page(path, { intent: "secondFactor", confirmReset: "yes" })).toMatchObject({
      init: { status: 400 },
      data: { errors: { _form: ["platform:errors.secondFactor.none"] } },
    });
  });
});

describe("password lifecycle (等保 8.1.4.1 a)", () => {
  it("a password reset by the security administrator is replaced at next sign-in, before any session; not with a recent one", async () => {
    const user = await createUser(handle);
    const other = await context.services.sessions.create(user.id, { ip: null, userAgent: null });
    // The reset's defaults: the owner must change it, and may not reuse the recent ones.
    await withScope(handle.db, PLATFORM_SCOPE, (trx) => setPassword(trx, user.id, user.username, "Reset-pass-2026"));
    const p = await pending(user.username, "Reset-pass-2026");
    expect(p.step).toBe("password");
    // No session from this sign-in yet: only the one from before the reset.
    expect(await sessionsOf(user.id)).toHaveLength(1);

    const change = (next: string, confirm = next) => run(passwordAction, request("/login/password", p.cookie, { next, confirm }));
    expect(await change("New-pass-2026", "Other-pass-2026")).toEqual({ errors: { confirm: ["errors.password.mismatch"] } });
    expect(await change(TEST_PASSWORD)).toEqual({ errors: { next: ["errors.password.reused"] } });
    expect(await change("Reset-pass-2026")).toEqual({ errors: { next: ["errors.password.reused"] } });
    const done = asResponse(await change("New-pass-2026"));
    expect(done.headers.get("Location")).toBe("/account");
    expect(cookiePair(done, "gk_session")).toBeTruthy();
    expect(await context.services.sessions.validate(other)).toBeNull();
    expect((await login(user.username, "New-pass-2026")).ok).toBe(true);
    expect((await eventsOf(user.id)).find((e) => e.action === "auth.password.change")!.data).toEqual({ reason: "reset" });
  });

  it("a password older than PASSWORD_MAX_AGE_DAYS is replaced before any session; 0 turns expiry off", async () => {
    const user = await createUser(handle);
    await handle.db
      .updateTable("users")
      .set({ password_changed_at: new Date(Date.now() - 91 * 86_400_000) })
      .where("id", "=", user.id)
      .execute();
    expect(await login(user.username)).toMatchObject({ ok: "pending", step: "password" });
    const never = await testContext(handle, { PASSWORD_MAX_AGE_DAYS: "0", LOGIN_RATE_LIMIT: "1000" });
    expect((await attemptLogin(never.services, { username: user.username, password: TEST_PASSWORD, ...meta })).ok).toBe(true);
  });

  it("with a second factor and an old password: the code first, then the new password", async () => {
    const user = await createUser(handle);
    const { secret } = await enrolled(user.id);
    await handle.db
      .updateTable("users")
      .set({ password_must_change: true })
      .where("id", "=", user.id)
      .execute();
    const p = await pending(user.username);
    expect(p.step).toBe("verify");
    // The password page is not reachable before the code.
    expect(asResponse(await run(passwordAction, request("/login/password", p.cookie, { next: "New-pass-2026", confirm: "New-pass-2026" }))).headers.get("Location")).toBe(
      "/login/verify",
    );
    expect(asResponse(await run(verifyAction, request("/login/verify", p.cookie, { code: totpCode(secret) }))).headers.get("Location")).toBe("/login/password");
    const done = asResponse(await run(passwordAction, request("/login/password", p.cookie, { next: "New-pass-2026", confirm: "New-pass-2026" })));
    expect(done.headers.get("Location")).toBe("/account");
  });
});
