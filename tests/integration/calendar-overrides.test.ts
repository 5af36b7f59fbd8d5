import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { NO_TENANT, withScope } from "../../db/scope";
import { openWorkCalendar, type WorkCalendarStore } from "../../app/core/calendar/overrides.server";
import { openTestDatabase } from "../helpers/db";

// A year no holiday package knows, so this global table's rows disturb no other test.
const YEAR = 2097;

let handle: DatabaseHandle;
let store: WorkCalendarStore;

beforeAll(async () => {
  handle = await openTestDatabase();
  store = await openWorkCalendar(handle.db);
});
afterAll(async () => {
  await withScope(handle.db, NO_TENANT, (trx) => trx.deleteFrom("calendar_overrides").where("date", ">=", `${YEAR}-01-01`).where("date", "<", `${YEAR + 2}-01-01`).execute());
  await handle.close();
});

describe(`calendar overrides (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("rows take effect when loaded; a year with only hand-set rows stays flagged, one with an imported notice does not", async () => {
    // 2097-01-01 is a Tuesday; 2097-01-05 a Saturday.
    expect(store.calendar.addWorkdays(`${YEAR}-01-01`, 3)).toEqual({ value: `${YEAR}-01-04`, unknownYears: [YEAR] });

    await withScope(handle.db, NO_TENANT, (trx) =>
      trx
        .insertInto("calendar_overrides")
        .values([
          { date: `${YEAR}-01-02`, workday: false, note: "元旦补假 (test)" },
          { date: `${YEAR}-01-05`, workday: true, note: "调休上班 (test)" },
        ])
        .execute(),
    );
    expect(store.calendar.addWorkdays(`${YEAR}-01-01`, 3).value).toBe(`${YEAR}-01-04`);

    const refreshed = await store.refresh();
    expect(store.calendar).toBe(refreshed);
    expect(refreshed.coverage().overrideYears).toEqual([YEAR]);
    expect(refreshed.dayInfo(`${YEAR}-01-05`)).toMatchObject({ workday: true, source: "override", note: "调休上班 (test)", unknownYear: true });
    expect(refreshed.addWorkdays(`${YEAR}-01-01`, 3)).toEqual({ value: `${YEAR}-01-05`, unknownYears: [YEAR] });

    await withScope(handle.db, NO_TENANT, (trx) =>
      trx.insertInto("calendar_overrides").values({ date: `${YEAR}-01-01`, workday: false, note: "元旦 (test)", notice_year: YEAR }).execute(),
    );
    const withNotice = await store.refresh();
    expect(withNotice.coverage()).toMatchObject({ overrideYears: [YEAR], noticeYears: [YEAR] });
    expect(withNotice.addWorkdays(`${YEAR}-01-01`, 3)).toEqual({ value: `${YEAR}-01-05`, unknownYears: [] });
    expect(withNotice.workdaysBetween(`${YEAR}-12-20`, `${YEAR + 1}-01-10`).unknownYears).toEqual([YEAR + 1]);
    await withScope(handle.db, NO_TENANT, (trx) => trx.deleteFrom("calendar_overrides").where("date", "=", `${YEAR}-01-01`).execute());
  });

  it("the serving role can update and delete overrides, and a refresh picks that up", async () => {
    await withScope(handle.db, NO_TENANT, async (trx) => {
      await trx.updateTable("calendar_overrides").set({ workday: true, note: "office open (test)" }).where("date", "=", `${YEAR}-01-02`).execute();
      await trx.deleteFrom("calendar_overrides").where("date", "=", `${YEAR}-01-05`).execute();
    });
    await store.refresh();
    expect(store.calendar.isWorkday(`${YEAR}-01-02`)).toBe(true);
    expect(store.calendar.isWorkday(`${YEAR}-01-05`)).toBe(false);
    expect(store.calendar.addWorkdays(`${YEAR}-01-01`, 3).value).toBe(`${YEAR}-01-04`);
  });

  it("dates come back as YYYY-MM-DD strings on this engine", async () => {
    const rows = await withScope(handle.db, NO_TENANT, (trx) => trx.selectFrom("calendar_overrides").select("date").where("date", ">=", `${YEAR}-01-01`).execute());
    expect(rows.map((r) => r.date)).toEqual([`${YEAR}-01-02`]);
  });
});
