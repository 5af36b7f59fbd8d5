import { beforeAll, describe, expect, it } from "vitest";
import { chinaDate, type ClockEvent, type WidgetContext } from "../../../app/plugin-api";
import { widgetContext as hostWidgetContext, lastTwelveMonths, widgetValues } from "../../../app/plugin-api/testing";
import { clockId, type ApplicationStatus } from "../db/schema";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { medianDaysThisYear, onTimeThisYear, overdueNow, receivedThisYear } from "../server/figures/widgets.server";
import { AGE_BUCKETS, ageBucket, onTimeByMonth, openByAge, openNow } from "../server/figures/series.server";
import { applicationForm, openRequests, type RequestsEnv } from "./setup";

const TODAY = "2026-11-23";
let env: RequestsEnv;
let busy: string;
let quiet: string;

/** A widget context as the host gives one, reading both offices as the city's supervisor. */
function widgetContext(): WidgetContext {
  return hostWidgetContext(env, "requests", env.users.supervisor.id);
}

beforeAll(async () => {
  env = await openRequests();
  [busy, quiet] = env.tree.offices.map((o) => o.id) as [string, string];
  const ctx = env.systemContext(busy);
  const day = (from: string, n: number) => ctx.calendar.addWorkdays(from, n).value;
  await ctx.withTenant(async (trx) => {
    /** An application received on `receivedOn` (null: not yet confirmed) whose clock then has `events`. */
    async function application(receivedOn: string | null, status: ApplicationStatus, events: ClockEvent[] = [], replyType = "disclosed") {
      const created = await createApplication(ctx, trx, {
        input: ApplicationInput.parse(applicationForm()),
        channel: receivedOn ? "in_person" : "internet",
        ...(receivedOn ? { receipt: { submittedOn: receivedOn } } : {}),
      });
      if (!created.ok) throw new Error(created.error);
      for (const e of events) await ctx.clocks.append(trx, clockId(created.id), e);
      const stop = events.find((e) => e.kind === "stop");
      if (status !== "processing" && status !== "unconfirmed")
        await trx
          .updateTable("requests_applications")
          .set({ status, ...(stop ? { reply_type: replyType, closed_on: stop.date } : {}) })
          .where("id", "=", created.id)
          .execute();
    }
    // Replied this year: in 5 working days; 2 days late; within a 10-day extension (25 days); deemed withdrawn while paused for 补正 (2 days used).
    await application("2026-09-01", "closed", [{ kind: "stop", date: day("2026-09-01", 5), reason: "replied" }]);
    await application("2026-06-01", "closed", [{ kind: "stop", date: day("2026-06-01", 22), reason: "replied" }]);
    await application("2026-03-02", "closed", [
      { kind: "extend", date: day("2026-03-02", 18), days: 10, approver: "负责人" },
      { kind: "stop", date: day("2026-03-02", 25), reason: "replied" },
    ]);
    await application(
      "2026-04-01",
      "closed",
      [
        { kind: "pause", date: day("2026-04-01", 2), reason: "supplement" },
        { kind: "stop", date: day("2026-04-01", 22), reason: "deemed-withdrawn" },
      ],
      "other.no_supplement",
    );
    // Open: overdue now; received last week; paused for a third party's answer, due in November.
    // A consultation left unanswered since August would count again after its 15 days and be overdue too (Art 32).
    await application("2026-09-15", "processing");
    await application("2026-11-18", "processing");
    await application("2026-11-09", "consulting", [{ kind: "pause", date: day("2026-11-09", 3), reason: "third-party" }]);
    await application("2026-08-03", "consulting", [{ kind: "pause", date: day("2026-08-03", 3), reason: "third-party" }]);
    // Not this year's: replied in 2025; online, not yet confirmed.
    await application("2025-11-03", "closed", [{ kind: "stop", date: day("2025-11-03", 4), reason: "replied" }]);
    await application(null, "unconfirmed");
  });
}, 60_000);

describe("the oversight widgets", () => {
  it("count this year's received applications; an unconfirmed online one is not yet received", async () => {
    expect(await receivedThisYear(widgetContext(), [busy, quiet], TODAY)).toEqual({ [busy]: 8, [quiet]: 0 });
  });

  it("give the share of this year's closed applications closed by their due date, and nothing for an office that closed none", async () => {
    expect(await onTimeThisYear(widgetContext(), [busy, quiet], TODAY)).toEqual({ [busy]: 75, [quiet]: null });
  });

  it("count open applications past their due date today, not those paused or still in time; a consultation unanswered past its 15 days counts", async () => {
    expect(await overdueNow(widgetContext(), [busy, quiet], TODAY)).toEqual({ [busy]: 2, [quiet]: 0 });
  });

  it("give the median working days this year's replies took, pauses not counted", async () => {
    expect(await medianDaysThisYear(widgetContext(), [busy, quiet], TODAY)).toEqual({ [busy]: 13.5, [quiet]: null });
  });

  it("reach the oversight page through the manifest, with their formats and which way is better", async () => {
    const results = await widgetValues(env, {
      viewerUserId: env.users.supervisor.id,
      readableTenantIds: [busy, quiet],
      tenantIds: [busy, quiet],
      permissions: new Set(),
    });
    const mine = Object.fromEntries(results.filter((r) => r.pluginId === "requests").map((r) => [r.key, r]));
    const today = chinaDate();
    const ctx = widgetContext();
    // A count of applications is neither good nor bad: no direction, but it says what it counts.
    expect(mine["requests.received"]).toMatchObject({ format: "count", description: "requests:widgets.receivedAbout", values: await receivedThisYear(ctx, [busy, quiet], today) });
    expect(mine["requests.received"]).not.toHaveProperty("better");
    expect(mine["requests.open"]).toMatchObject({ format: "count", values: await openNow(ctx, [busy, quiet], today) });
    expect(mine["requests.open"]).not.toHaveProperty("better");
    expect(mine["requests.onTime"]).toMatchObject({ format: "percent", better: "higher", values: await onTimeThisYear(ctx, [busy, quiet], today) });
    expect(mine["requests.overdue"]).toMatchObject({ format: "count", better: "lower", values: await overdueNow(ctx, [busy, quiet], today) });
    expect(mine["requests.medianDays"]).toMatchObject({ format: "days", better: "lower", values: await medianDaysThisYear(ctx, [busy, quiet], today) });
    expect(mine["requests.received"]!.values[busy]).not.toBeNull();
  });

  it("count the open applications today and sort them by working days used, pauses not counted", async () => {
    expect(await openNow(widgetContext(), [busy, quiet], TODAY)).toEqual({ [busy]: 4, [quiet]: 0 });
    expect([0, 5, 6, 10, 11, 15, 16, 20, 21, 60].map(ageBucket)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // Received 18 Nov (3 days) and paused on its 3rd day since 9 Nov: 0–5; received in September, and paused
    // for a third party since August and unanswered past its 15 days: over 20.
    expect(await openByAge(widgetContext(), [busy, quiet], [...AGE_BUCKETS], TODAY)).toEqual({ [busy]: [2, 0, 0, 0, 2], [quiet]: [0, 0, 0, 0, 0] });
  });

  it("give each month's share of replies on time, null in a month that closed none; last year's reply falls outside the 12 months", async () => {
    const months = lastTwelveMonths(TODAY);
    const byMonth = await onTimeByMonth(widgetContext(), [busy, quiet], months, TODAY);
    expect(byMonth[quiet]).toEqual(months.map(() => null));
    const busyMonths = byMonth[busy]!;
    expect(busyMonths).toHaveLength(12);
    // The four closed this year, each in its own month: three on time (100%), the one replied 2 days late (0%).
    expect(busyMonths.filter((v) => v !== null).sort((a, b) => a! - b!)).toEqual([0, 100, 100, 100]);
    expect(busyMonths[months.indexOf("2026-09")]).toBe(100);
  });
});
