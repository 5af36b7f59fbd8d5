import { readFileSync } from "node:fs";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../db/scope";
import { chinaYear } from "../../app/core/calendar/china-time";
import { packageYears } from "../../app/core/calendar/holiday-data";
import { action, loader } from "../../app/routes/admin.calendar";
import { createTenantTree, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

// calendar_overrides is one table for the whole platform: this file writes only 2099, a year no
// holiday package and no other test uses, so a shared PostgreSQL run is not disturbed.
const YEAR = 2099;
const SATURDAY = `${YEAR}-01-03`;
const MONDAY = `${YEAR}-01-05`;

let handle: DatabaseHandle;
let context: AppLoadContext;
let sysadmin: { id: string; username: string };

async function clean() {
  await withScope(handle.db, NO_TENANT, (trx) => trx.deleteFrom("calendar_overrides").where("date", ">=", `${YEAR}-01-01`).execute());
}

beforeAll(async () => {
  handle = await openTestDatabase();
  context = await testContext(handle);
  sysadmin = await createUser(handle, {}, ["sysadmin"]);
  await clean();
});
afterAll(async () => {
  if (!handle) return;
  await clean();
  await handle.close();
});

async function page(userId: string) {
  const request = await signedInRequest(context, userId, "/admin/calendar");
  return loader({ request, context, params: {} });
}

async function call(userId: string, fields: Record<string, string>) {
  const get = await signedInRequest(context, userId, "/admin/calendar");
  const request = new Request(get.url, {
    method: "POST",
    headers: { Cookie: get.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const res = (await action({ request, context, params: {} })) as unknown as {
    data: Record<string, unknown>;
    init: { status?: number } | null;
  };
  return { data: res.data, status: res.init?.status ?? 200 };
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  return p.then(
    () => 200,
    (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e)),
  );
}

const rows = () =>
  withScope(handle.db, NO_TENANT, (trx) =>
    trx.selectFrom("calendar_overrides").select(["date", "workday", "note", "updated_by"]).where("date", ">=", `${YEAR}-01-01`).orderBy("date").execute(),
  );

/** This file's override events on the platform chain (other files share it on PostgreSQL). */
const events = () =>
  withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx
      .selectFrom("audit_events")
      .select(["action", "target_type", "target_id", "actor_id", "outcome", "data"])
      .where("tenant_id", "=", PLATFORM_CHAIN)
      .where("action", "like", "calendar.override.%")
      .where("actor_id", "=", sysadmin.id)
      .orderBy("seq")
      .execute(),
  );

/** Whether an error key names a string in every locale (core keys bare, platform's `platform:`-prefixed). */
function translated(key: string): boolean {
  const [ns, path] = key.includes(":") ? (key.split(":") as [string, string]) : ["core", key];
  return ["zh-CN", "zh-TW", "en"].every((l) => {
    const json = JSON.parse(readFileSync(new URL(`../../app/locales/${l}/${ns}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
    const value = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json);
    return typeof value === "string" && value.length > 0;
  });
}

const calendar = () => context.services.calendar.calendar;

describe(`the working-day calendar page (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows the sysadmin which years the State Council holiday data covers, this year and next flagged", async () => {
    const data = await page(sysadmin.id);
    expect(data.title).toBeTruthy();
    expect(data.packageYears).toEqual([...packageYears]);
    expect(data.packageYears).toContain(chinaYear());
    const [thisYear, nextYear] = data.years;
    expect(thisYear).toMatchObject({ year: chinaYear(), package: true });
    expect(nextYear).toMatchObject({ year: chinaYear() + 1, package: packageYears.includes(chinaYear() + 1) });
    expect(data.overrides.filter((o) => o.date.startsWith(`${YEAR}-`))).toEqual([]);
    // The holidays and 调休 make-up days of a covered year come from the package.
    const covered = packageYears.at(-1)!;
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(covered, 0, 1 + i)).toISOString().slice(0, 10)).filter((d) =>
      d.startsWith(`${covered}-`),
    );
    const sources = days.map((d) => calendar().dayInfo(d)).filter((d) => d.source === "state-council-notice");
    expect(sources.some((d) => d.workday)).toBe(true);
    expect(sources.some((d) => !d.workday)).toBe(true);
  });

  it("refuses a bad override with localised error keys and writes nothing", async () => {
    const refused = async (fields: Record<string, string>) => {
      const r = await call(sysadmin.id, { intent: "set", workday: "yes", note: "", ...fields });
      expect(r.status).toBe(400);
      expect(r.data.ok).toBe(false);
      return r.data as { errors: Record<string, string[]>; values: Record<string, string> };
    };
    const badDay = await refused({ date: `${YEAR}-02-30` });
    expect(badDay.errors).toEqual({ date: ["platform:calendar.errors.date"] });
    expect(badDay.values).toEqual({ date: `${YEAR}-02-30`, workday: "yes", note: "" });
    expect((await refused({ date: "3.1.2099" })).errors).toEqual({ date: ["platform:calendar.errors.date"] });
    expect((await refused({ date: "2100-01-01" })).errors).toEqual({ date: ["platform:calendar.errors.dateRange"] });
    expect((await refused({ date: "  " })).errors).toEqual({ date: ["errors.required"] });
    expect((await refused({ date: SATURDAY, workday: "maybe" })).errors).toEqual({ workday: ["platform:calendar.errors.workday"] });
    expect((await refused({ date: SATURDAY, note: "注".repeat(201) })).errors).toEqual({ note: ["platform:calendar.errors.note"] });
    for (const key of ["platform:calendar.errors.date", "platform:calendar.errors.dateRange", "errors.required", "platform:calendar.errors.workday", "platform:calendar.errors.note"])
      expect(translated(key), key).toBe(true);
    // No intent: not a form this page renders.
    const bad = await call(sysadmin.id, { date: SATURDAY, workday: "yes" });
    expect(bad).toMatchObject({ status: 400, data: { ok: false, intent: null } });
    expect(bad.data.message).toEqual(expect.any(String));

    expect(await rows()).toEqual([]);
    expect(await events()).toEqual([]);
    expect(calendar().isWorkday(SATURDAY)).toBe(false);
  });

  it("refuses control characters, bidi overrides and impossible dates field by field, and writes nothing", async () => {
    const refused = async (fields: Record<string, string>) => {
      const r = await call(sysadmin.id, { intent: "set", date: SATURDAY, workday: "no", note: "", ...fields });
      expect(r.status).toBe(400);
      return (r.data as { errors: Record<string, string[]> }).errors;
    };
    expect(await refused({ note: "调休\u0000" })).toEqual({ note: ["errors.text.control"] });
    expect(await refused({ note: "\u202E休调" })).toEqual({ note: ["errors.text.bidi"] });
    expect(await refused({ date: `${YEAR}-01-03\u0000` })).toEqual({ date: ["errors.text.control"] });
    expect(await refused({ date: `${YEAR}-13-01` })).toEqual({ date: ["platform:calendar.errors.date"] });
    expect(await refused({ date: `${YEAR}-01-32` })).toEqual({ date: ["platform:calendar.errors.date"] });
    expect((await call(sysadmin.id, { intent: "remove", date: "\u0000" })).status).toBe(400);
    for (const key of ["errors.text.control", "errors.text.bidi"]) expect(translated(key), key).toBe(true);
    expect(await rows()).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it("saves an override, audited, and the services' calendar follows it at once", async () => {
    expect(calendar().isWorkday(SATURDAY)).toBe(false);
    expect(calendar().isKnownYear(YEAR)).toBe(false);
    const saved = await call(sysadmin.id, { intent: "set", date: ` ${SATURDAY} `, workday: "yes", note: "  调休上班 (test)  " });
    expect(saved).toMatchObject({ status: 200, data: { ok: true } });
    expect(saved.data.message).toContain(SATURDAY);
    expect(await rows()).toEqual([{ date: SATURDAY, workday: true, note: "调休上班 (test)", updated_by: sysadmin.id }]);

    expect(calendar().isWorkday(SATURDAY)).toBe(true);
    // A day set by hand does not make the year's notice known: 2099 stays flagged.
    expect(calendar().dayInfo(SATURDAY)).toMatchObject({ source: "override", note: "调休上班 (test)", unknownYear: true });
    // Friday 2099-01-02 + 1 working day is now that Saturday, not Monday.
    expect(calendar().addWorkdays(`${YEAR}-01-02`, 1)).toEqual({ value: SATURDAY, unknownYears: [YEAR] });

    const listed = (await page(sysadmin.id)).overrides.filter((o) => o.date.startsWith(`${YEAR}-`));
    expect(listed).toEqual([{ date: SATURDAY, weekday: expect.any(String), weekend: true, workday: true, note: "调休上班 (test)", noticeYear: null, builtIn: false }]);
    expect((await page(sysadmin.id)).overrideYears).toContain(YEAR);

    // Setting the day again replaces the override; the audit keeps what it was.
    expect((await call(sysadmin.id, { intent: "set", date: SATURDAY, workday: "no" })).status).toBe(200);
    expect(calendar().isWorkday(SATURDAY)).toBe(false);
    expect(await rows()).toEqual([{ date: SATURDAY, workday: false, note: null, updated_by: sysadmin.id }]);
    expect((await call(sysadmin.id, { intent: "set", date: MONDAY, workday: "no", note: "停电 (test)" })).status).toBe(200);
    expect(calendar().isWorkday(MONDAY)).toBe(false);

    const target = { action: "calendar.override.set", target_type: "calendar_override", actor_id: sysadmin.id, outcome: "success" };
    expect(await events()).toEqual([
      { ...target, target_id: SATURDAY, data: { date: SATURDAY, workday: true, note: "调休上班 (test)", previous: null } },
      { ...target, target_id: SATURDAY, data: { date: SATURDAY, workday: false, note: null, previous: { workday: true, note: "调休上班 (test)" } } },
      { ...target, target_id: MONDAY, data: { date: MONDAY, workday: false, note: "停电 (test)", previous: null } },
    ]);
  });

  it("removes an override, audited, back to the built-in rule; a second removal finds nothing", async () => {
    const removed = await call(sysadmin.id, { intent: "remove", date: MONDAY });
    expect(removed).toMatchObject({ status: 200, data: { ok: true } });
    expect(calendar().isWorkday(MONDAY)).toBe(true);
    expect(calendar().dayInfo(MONDAY).source).toBe("weekday-rule");
    expect(await rows()).toEqual([{ date: SATURDAY, workday: false, note: null, updated_by: sysadmin.id }]);
    expect((await page(sysadmin.id)).overrides.map((o) => o.date)).not.toContain(MONDAY);
    expect((await events()).at(-1)).toMatchObject({
      action: "calendar.override.remove",
      target_id: MONDAY,
      data: { date: MONDAY, previous: { workday: false, note: "停电 (test)" } },
    });

    const again = await call(sysadmin.id, { intent: "remove", date: MONDAY });
    expect(again).toMatchObject({ status: 404, data: { ok: false, intent: "remove" } });
    expect(again.data.message).toContain(MONDAY);
    expect(await events()).toHaveLength(4);
    expect((await call(sysadmin.id, { intent: "remove", date: `${YEAR}-13-01` })).data).toMatchObject({
      ok: false,
      intent: "remove",
      errors: { date: ["platform:calendar.errors.date"] },
    });

    expect((await call(sysadmin.id, { intent: "remove", date: SATURDAY })).status).toBe(200);
    expect(await rows()).toEqual([]);
    expect(calendar().isKnownYear(YEAR)).toBe(false);
  });

  it("is refused (403) to everyone but the sysadmin", async () => {
    const tree = await createTenantTree(handle, 1);
    const others = [
      await createUser(handle, {}, ["secadmin"]),
      await createUser(handle, {}, ["auditor"]),
      await createUser(handle, { [tree.offices[0]!.id]: ["principal", "supervisor"] }),
    ];
    for (const user of others) {
      expect(await statusOf(page(user.id))).toBe(403);
      expect(await statusOf(call(user.id, { intent: "set", date: SATURDAY, workday: "yes" }))).toBe(403);
    }
    expect(await rows()).toEqual([]);
    expect(calendar().isWorkday(SATURDAY)).toBe(false);
  });
});
