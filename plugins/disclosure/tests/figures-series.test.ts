import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { widgetValues } from "../../../app/plugin-api/testing";
import { lastTwelveMonths } from "../../../app/plugin-api/testing";
import { seedDisclosure } from "../server/seed.server";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;

const payload = (formedOn: string) => ({ categoryKey: "quality", issuer: "测试分局", writtenOn: formedOn, formedOn, topic: "环境监测、保护与治理", body: "<p>监测结果。</p>" });

beforeAll(async () => {
  env = await openDisclosure();
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
}, 60_000);
afterAll(() => env.handle.close());

describe(`the disclosure widgets' series (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("count this month's publications and the share on time, as widget values and by month; counts claim no direction", async () => {
    const calendar = env.context.services.calendar.calendar;
    const today = chinaDate();
    let formedLongAgo = today;
    while (calendar.workdaysBetween(formedLongAgo, today).value < 30) formedLongAgo = new Date(Date.parse(`${formedLongAgo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await env.publishThrough("关于东湖片区2026年环境质量状况的通报", payload(today));
    await env.publishThrough("关于补充公开2026年度建设项目环评审批情况的说明", payload(formedLongAgo));

    const results = await widgetValues(env, { tenantIds: [env.office.id], readableTenantIds: [env.office.id], permissions: new Set(), viewerUserId: env.users.viewer.id, series: true });
    const byKey = Object.fromEntries(results.filter((r) => r.pluginId === "disclosure").map((r) => [r.key, r]));
    const months = lastTwelveMonths(today);
    const zeros = months.map(() => 0);

    expect(byKey["disclosure.published"]).toMatchObject({ format: "count", values: { [env.office.id]: 2 } });
    expect(byKey["disclosure.published"]).not.toHaveProperty("better");
    expect(byKey["disclosure.published"]!.series).toEqual({
      label: "disclosure:widgets.publishedByMonth",
      over: "months",
      buckets: months,
      values: { [env.office.id]: [...zeros.slice(1), 2] },
    });
    expect(byKey["disclosure.onTime"]).toMatchObject({ format: "percent", better: "higher", values: { [env.office.id]: 50 } });
    expect(byKey["disclosure.onTime"]!.series!.values[env.office.id]).toEqual([...months.slice(1).map(() => null), 50]);
    expect(byKey["disclosure.late"]).toMatchObject({ better: "lower", values: { [env.office.id]: 1 } });
    expect(byKey["disclosure.completeness"]).toMatchObject({ better: "higher", format: "percent" });
    for (const w of Object.values(byKey)) expect(w.description, w.key).toMatch(/^disclosure:widgets\.\w+About$/);
  });
});
