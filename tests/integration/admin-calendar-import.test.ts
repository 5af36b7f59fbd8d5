import { readFileSync } from "node:fs";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { NO_TENANT, PLATFORM_SCOPE, withScope } from "../../db/scope";
import { action, loader } from "../../app/routes/admin.calendar";
import { createTenantTree, openTestDatabase } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

// calendar_overrides is one table for the whole platform: this file writes only 2096, a year no
// holiday package and no other test uses, so a shared PostgreSQL run is not disturbed.
const YEAR = 2096;
// A notice for 2096 in the State Council's wording (2096-01-01 is a Sunday; 04-28, 05-12, 09-29 and 10-13 are Saturdays).
const NOTICE = [
  `国务院办公厅关于${YEAR}年部分节假日安排的通知`,
  `经国务院批准，现将${YEAR}年元旦、劳动节和国庆节放假调休日期的具体安排通知如下。`,
  "一、元旦：1月1日（周日）至2日（周一）放假，共2天。",
  "二、劳动节：5月1日（周二）至5日（周六）放假调休，共5天。4月28日（周六）、5月12日（周六）上班。",
  "三、国庆节：10月1日（周一）至7日（周日）放假调休，共7天。9月29日（周六）、10月13日（周六）上班。",
].join("\n");
const REST = [
  ...["01-01", "01-02"],
  ...["05-01", "05-02", "05-03", "05-04", "05-05"],
  ...["10-01", "10-02", "10-03", "10-04", "10-05", "10-06", "10-07"],
].map((d) => `${YEAR}-${d}`);
const WORK = ["04-28", "05-12", "09-29", "10-13"].map((d) => `${YEAR}-${d}`);

let handle: DatabaseHandle;
let context: AppLoadContext;
let sysadmin: { id: string; username: string };

const clean = () => withScope(handle.db, NO_TENANT, (trx) => trx.deleteFrom("calendar_overrides").where("date", ">=", `${YEAR - 1}-12-01`).where("date", "<", `${YEAR + 1}-01-01`).execute());

beforeAll(async () => {
  handle = await openTestDatabase();
  context = await testContext(handle);
  sysadmin = await createUser(handle, {}, ["sysadmin"]);
  await clean();
  await context.services.calendar.refresh();
});
afterAll(async () => {
  if (!handle) return;
  await clean();
  await handle.close();
});

type Answer = { data: Record<string, unknown>; status: number };

async function post(userId: string, body: URLSearchParams | FormData): Promise<Answer> {
  const get = await signedInRequest(context, userId, "/admin/calendar");
  const request = new Request(get.url, { method: "POST", headers: { Cookie: get.headers.get("Cookie")! }, body });
  const res = (await action({ request, context, params: {} })) as unknown as { data: Record<string, unknown>; init: { status?: number } | null };
  return { data: res.data, status: res.init?.status ?? 200 };
}

const form = (fields: Record<string, string>) => post(sysadmin.id, new URLSearchParams(fields));

function upload(fields: Record<string, string>, file: File | null) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file) body.set("file", file);
  return post(sysadmin.id, body);
}

const rows = () =>
  withScope(handle.db, NO_TENANT, (trx) =>
    trx
      .selectFrom("calendar_overrides")
      .select(["date", "workday", "note", "notice_year"])
      .where("date", ">=", `${YEAR - 1}-12-01`)
      .where("date", "<", `${YEAR + 1}-01-01`)
      .orderBy("date")
      .execute(),
  );

const events = () =>
  withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx
      .selectFrom("audit_events")
      .select(["action", "target_type", "target_id", "data"])
      .where("tenant_id", "=", PLATFORM_CHAIN)
      .where("action", "like", "calendar.%")
      .where("actor_id", "=", sysadmin.id)
      .orderBy("seq")
      .execute(),
  );

const calendar = () => context.services.calendar.calendar;

function translated(key: string): boolean {
  const [ns, path] = key.includes(":") ? (key.split(":") as [string, string]) : ["core", key];
  return ["zh-CN", "zh-TW", "en"].every((l) => {
    const json = JSON.parse(readFileSync(new URL(`../../app/locales/${l}/${ns}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
    const value = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json);
    return typeof value === "string" && value.length > 0;
  });
}

type Preview = { year: number; source: string; content: string; days: { date: string; workday: boolean; name: string; now: { workday: boolean; source: string } }[]; replacing: number };

describe(`importing a year's holiday notice in one step (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("before any notice, the year counts the 放假办法's statutory holidays, and the page lists them", async () => {
    expect(calendar().isKnownYear(YEAR)).toBe(false);
    expect(calendar().dayInfo(`${YEAR}-10-02`)).toMatchObject({ workday: false, source: "statutory-rule" });
    const request = await signedInRequest(context, sysadmin.id, "/admin/calendar");
    const page = await loader({ request, context, params: {} });
    expect(page.noticeYears).not.toContain(YEAR);
  });

  it("a pasted notice is previewed, every day beside what it is now, and nothing is stored", async () => {
    const r = await form({ intent: "preview", source: "text", year: String(YEAR), text: NOTICE });
    expect(r.status).toBe(200);
    const preview = r.data.preview as Preview;
    expect(preview).toMatchObject({ year: YEAR, source: "text", content: NOTICE, replacing: 0 });
    expect(preview.days.filter((d) => !d.workday).map((d) => d.date)).toEqual(REST);
    expect(preview.days.filter((d) => d.workday).map((d) => d.date)).toEqual(WORK);
    expect(preview.days.find((d) => d.date === `${YEAR}-10-02`)).toMatchObject({ name: "国庆节", now: { workday: false, source: "statutory-rule" } });
    expect(preview.days.find((d) => d.date === `${YEAR}-04-28`)).toMatchObject({ workday: true, now: { workday: false, source: "weekday-rule" } });
    expect(await rows()).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it("refuses a bad notice with localised reasons and stores nothing", async () => {
    const refused = async (fields: Record<string, string>) => {
      const r = await form({ intent: "preview", source: "text", year: String(YEAR), text: NOTICE, ...fields });
      expect(r.status, JSON.stringify(fields)).toBe(400);
      return r.data as { errors: Record<string, string[]>; noticeErrors: { key: string; values?: Record<string, unknown> }[]; values: Record<string, string> };
    };
    const wrongTotal = await refused({ text: NOTICE.replace("共7天", "共8天") });
    expect(wrongTotal.noticeErrors).toEqual([{ key: "platform:calendar.import.errors.total", values: { line: 5, total: 8, listed: 7 } }]);
    expect(wrongTotal.values.text).toContain("共8天");
    expect((await refused({ text: NOTICE.replace("10月13日", "10月15日") })).noticeErrors.map((e) => e.key)).toEqual(["platform:calendar.import.errors.workdayOnWeekday"]);
    expect((await refused({ text: "   " })).errors).toEqual({ text: ["errors.required"] });
    expect((await refused({ year: "96" })).errors).toEqual({ year: ["platform:calendar.errors.year"] });
    expect((await refused({ year: "2100" })).errors).toEqual({ year: ["platform:calendar.errors.year"] });
    expect((await refused({ text: "注".repeat(20_001) })).errors).toEqual({ text: ["platform:calendar.errors.textLong"] });
    expect((await refused({ text: `${NOTICE}\u0000` })).errors).toEqual({ text: ["errors.text.control"] });
    const badSource = await refused({ source: "pdf" });
    expect(badSource.errors).toEqual({ source: ["platform:calendar.errors.badRequest"] });
    expect((badSource as unknown as { message: string }).message).toEqual(expect.any(String));
    // The confirmation reads the notice again: a tampered one is refused like a pasted one.
    const tampered = await form({ intent: "import", source: "text", year: String(YEAR), content: NOTICE.replace("至7日", "至9日") });
    expect(tampered.status).toBe(400);
    expect(await rows()).toEqual([]);
    expect(await events()).toEqual([]);
  });

  it("on confirmation writes the year's days in one audited transaction; deadlines use them at once", async () => {
    await form({ intent: "set", date: `${YEAR}-03-07`, workday: "no", note: "停电 (test)" });
    await form({ intent: "set", date: `${YEAR}-05-01`, workday: "yes", note: "手工 (test)" });
    const r = await form({ intent: "import", source: "text", year: String(YEAR), content: NOTICE });
    expect(r).toMatchObject({ status: 200, data: { ok: true } });
    expect(r.data.message).toContain(String(YEAR));

    const stored = await rows();
    expect(stored.filter((x) => x.notice_year === YEAR).map((x) => [x.date, x.workday])).toEqual(
      [...REST.map((d) => [d, false]), ...WORK.map((d) => [d, true])].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    // The day set by hand on another date stays; the one on a notice day is the notice's now.
    expect(stored.find((x) => x.date === `${YEAR}-03-07`)).toEqual({ date: `${YEAR}-03-07`, workday: false, note: "停电 (test)", notice_year: null });
    expect(stored.find((x) => x.date === `${YEAR}-05-01`)).toEqual({ date: `${YEAR}-05-01`, workday: false, note: "劳动节", notice_year: YEAR });

    expect(calendar().isKnownYear(YEAR)).toBe(true);
    expect(calendar().coverage().noticeYears).toContain(YEAR);
    expect(calendar().isWorkday(`${YEAR}-09-29`)).toBe(true);
    expect(calendar().addWorkdays(`${YEAR}-09-27`, 3)).toEqual({ value: `${YEAR}-10-08`, unknownYears: [] });

    const imported = (await events()).filter((e) => e.action === "calendar.notice.import");
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ target_type: "calendar_notice", target_id: String(YEAR), data: { year: YEAR, source: "text" } });
    const data = imported[0]!.data as { days: unknown[]; replaced: { date: string; notice_year: number | null }[] };
    expect(data.days).toHaveLength(18);
    expect(data.replaced).toEqual([{ date: `${YEAR}-05-01`, workday: true, note: "手工 (test)", notice_year: null }]);
  });

  it("importing the year again replaces its earlier imported rows, and the preview says how many", async () => {
    const shorter = "一、元旦：1月1日（周日）至2日（周一）放假，共2天。";
    const preview = (await form({ intent: "preview", source: "text", year: String(YEAR), text: shorter })).data.preview as Preview;
    expect(preview.replacing).toBe(18);
    expect(preview.days[0]!.now).toMatchObject({ workday: false, source: "override", noticeYear: YEAR });
    expect((await form({ intent: "import", source: "text", year: String(YEAR), content: shorter })).status).toBe(200);
    expect((await rows()).map((x) => [x.date, x.notice_year])).toEqual([
      [`${YEAR}-01-01`, YEAR],
      [`${YEAR}-01-02`, YEAR],
      [`${YEAR}-03-07`, null],
    ]);
    expect(calendar().isWorkday(`${YEAR}-10-02`)).toBe(true);
  });

  it("an .ics upload is read the same way; a wrong file is refused at the file field", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "BEGIN:VEVENT",
      "UID:a",
      `DTSTART;VALUE=DATE:${YEAR}1001`,
      `DTEND;VALUE=DATE:${YEAR}1008`,
      "SUMMARY:国庆节(休)",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:b",
      `DTSTART;VALUE=DATE:${YEAR}0929`,
      "SUMMARY:国庆节(班)",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const r = await upload({ intent: "preview", source: "ics", year: String(YEAR) }, new File([ics], "2096.ics", { type: "text/calendar" }));
    expect(r.status).toBe(200);
    const preview = r.data.preview as Preview;
    expect(preview.days.map((d) => [d.date, d.workday])).toEqual([[`${YEAR}-09-29`, true], ...REST.slice(7).map((d) => [d, false])]);

    const fileError = async (file: File | null) => {
      const bad = await upload({ intent: "preview", source: "ics", year: String(YEAR) }, file);
      expect(bad.status).toBe(400);
      return bad.data as { errors: Record<string, string[]>; noticeErrors: { key: string }[] };
    };
    expect((await fileError(null)).errors).toEqual({ file: ["errors.required"] });
    expect((await fileError(new File(["x"], "notice.pdf", { type: "application/pdf" }))).errors).toEqual({ file: ["platform:calendar.import.errors.icsType"] });
    expect((await fileError(new File([new Uint8Array([0xff, 0xfe, 0x00])], "bad.ics"))).errors).toEqual({ file: ["platform:calendar.import.errors.icsInvalid"] });
    expect((await fileError(new File(["BEGIN:VCALENDAR\r\nEND:VCALENDAR"], "empty.ics"))).noticeErrors.map((e) => e.key)).toEqual(["platform:calendar.import.errors.icsEmpty"]);
    expect((await fileError(new File(["x".repeat(200_001)], "big.ics"))).errors).toEqual({ file: ["platform:calendar.import.errors.icsTooLarge"] });
    expect((await rows()).map((x) => x.date)).toEqual([`${YEAR}-01-01`, `${YEAR}-01-02`, `${YEAR}-03-07`]);
  });

  it("every message of the import exists in the three locales", () => {
    const keys = ["errors.year", "errors.textLong", "errors.badRequest", ...["intro", "badDate", "badRange", "total", "unclear", "otherYear", "conflict", "workdayOnWeekday", "tooMany", "noRestDays", "icsInvalid", "icsEmpty", "icsNotAllDay", "icsUnclear", "icsBadRange", "icsTooLarge", "icsType"].map((k) => `import.errors.${k}`)];
    for (const key of keys) expect(translated(`platform:calendar.${key}`), key).toBe(true);
  });

  it("is refused (403) to everyone but the sysadmin", async () => {
    const tree = await createTenantTree(handle, 1);
    const others = [await createUser(handle, {}, ["secadmin"]), await createUser(handle, {}, ["auditor"]), await createUser(handle, { [tree.offices[0]!.id]: ["principal"] })];
    for (const user of others) {
      const status = await post(user.id, new URLSearchParams({ intent: "import", source: "text", year: String(YEAR), content: NOTICE })).then(
        () => 200,
        (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e)),
      );
      expect(status).toBe(403);
    }
    expect((await rows()).map((x) => x.date)).toEqual([`${YEAR}-01-01`, `${YEAR}-01-02`, `${YEAR}-03-07`]);
  });
});
