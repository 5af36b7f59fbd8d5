import i18next from "i18next";
import { createElement as h, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaYear } from "../../../app/plugin-api";
import { approveChain, createUser, load, openTestbed, pluginRequest, post, statusOf, widgetValues, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import { FORMAT_2021 } from "../law/format-2021";
import { T2_KEYS } from "../law/table-two-2021";
import { t3Key } from "../law/table-three-2021";
import { locales } from "../locales";
import manifest from "../manifest";
import Consolidation, { loader as consolidationLoader } from "../routes/admin/consolidation";
import { loader as indexLoader } from "../routes/admin/index";
import ReportYear, { action as yearAction, loader as yearLoader } from "../routes/admin/year";
import type { ConsolidationView } from "../routes/admin/_parts/consolidation.server";
import type { YearView } from "../routes/admin/_parts/year-view.server";
import { fillTables, tableValues, valueCells } from "../server/report/fill";
import { widgets } from "../server/widgets.server";
import { noteField, valueField } from "../server/workflow/manual-cells";
import { consistentFigures, MANUAL } from "./fixtures";

/*
 * The city's consolidation page through its loader: a city bureau and its two offices, the first
 * published (its frozen figures count), the second drafting (today's figures and its manual cells),
 * the city not started. Tables 三 and 四 are manual cells here (no requests plugin).
 */

const STAFF_ROUTES = [
  {
    area: "admin" as const,
    path: "",
    file: "routes/admin/index.tsx",
    permission: "annual-report.reports.view",
  },
  {
    area: "admin" as const,
    path: ":year",
    file: "routes/admin/year.tsx",
    permission: "annual-report.reports.view",
  },
  {
    area: "admin" as const,
    path: "consolidation/:year",
    file: "routes/admin/consolidation.tsx",
    permission: "core.oversight.view",
  },
];
const OUR_WIDGETS = new Set(widgets.map((w) => w.key));
const withPages = {
  ...manifest,
  routes: [...(manifest.routes ?? []).filter((r) => r.area !== "admin"), ...STAFF_ROUTES],
  widgets: [...(manifest.widgets ?? []).filter((w) => !OUR_WIDGETS.has(w.key)), ...widgets],
};
// This year's report: its deadline (31 January next year) is still to come, so a draft reads as drafting, not late.
const YEAR = chinaYear();
const NATURAL = t3Key("received", "natural");
const FROZEN_RULES = 999;

let env: Testbed<AnnualReportDatabase>;
let otherDrafter: string;
const ids = () => ({
  city: env.tree.city.id,
  one: env.tree.offices[0]!.id,
  two: env.tree.offices[1]!.id,
});
const yearPath = (code: string, year = YEAR) => `/t/${code}/admin/annual-report/${year}`;
const consolidationPath = (code: string, year = YEAR, query = "") => `/t/${code}/admin/annual-report/consolidation/${year}${query}`;

type Loaded = { view: ConsolidationView };
const consolidationOf = (userId: string, code = env.tree.city.code, year = YEAR, query = "") =>
  load<Loaded>({ ...env, office: { code } }, consolidationLoader, userId, consolidationPath(code, year, query), { tenant: code, year: String(year) });
const supervisor = () => env.member("supervisor").id;

/** Every figure of the consolidated tables by key, as the page draws them. */
const drawn = (view: ConsolidationView) => Object.fromEntries(view.tables.flatMap(valueCells).map((c) => [c.key, c.value]));

/** A page as the server sends it, for the loader's data, in zh-CN. */
async function rendered(Component: ComponentType, loaded: object): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: "zh-CN",
    interpolation: { escapeValue: false },
    defaultNS: "annual-report",
    ns: ["annual-report"],
    resources: { "zh-CN": { "annual-report": locales["zh-CN"] } },
  });
  const handler = createStaticHandler([{ id: "page", path: "/", loader: () => loaded, Component }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

/** The first office's report filled in soundly (tables 三 and 四 entered by hand), submitted and approved. */
async function publishFirstOffice() {
  const code = env.office.code;
  const send = (fields: Record<string, string>) =>
    post(env, yearAction, env.member("drafter").id, yearPath(code), fields, {
      year: String(YEAR),
    });
  expect((await send({ intent: "start" })).status).toBe(200);
  const cells: Record<string, string> = { intent: "cells" };
  for (const [key, value] of Object.entries(consistentFigures())) {
    if (!key.startsWith("requests.")) continue;
    cells[valueField(key)] = String(value);
    cells[noteField(key)] = "依申请公开登记台账";
  }
  for (const [key, cell] of Object.entries(MANUAL)) {
    cells[valueField(key)] = String(cell.value);
    cells[noteField(key)] = cell.note;
  }
  expect((await send(cells)).status).toBe(200);
  const { view } = await load<{ view: YearView }>(env, yearLoader, env.member("drafter").id, yearPath(code), { year: String(YEAR) });
  const text: Record<string, string> = { intent: "narrative" };
  for (const s of view.narrative)
    for (const part of s.parts) for (const p of part.paragraphs) text[`text:${p.place}`] = p.todo || /【[^】]*】/.test(p.text) ? "本年度已按要求完成该项工作。" : p.text;
  expect((await send(text)).status).toBe(200);
  const sent = await send({ intent: "submit" });
  expect(sent.status).toBe(200);
  await approveChain(env, (sent.data as { documentId: string }).documentId);
}

const rowsOf = (tenantId: string) =>
  env
    .systemContext(tenantId)
    .withTenant((trx) => trx.selectFrom("annual_report_reports").selectAll().where("tenant_id", "=", tenantId).where("year", "=", YEAR).orderBy("version", "desc").execute());

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({
    plugins: ["disclosure", withPages],
  });
  for (const office of [env.tree.city, ...env.tree.offices]) await env.seed("disclosure", office.id);
  await publishFirstOffice();
  const { one, two } = ids();
  // What office one approved is frozen: a figure changed here shows whether the sums take it.
  await env.systemContext(one).withTenant(async (trx) => {
    const [published] = await trx.selectFrom("annual_report_reports").select(["id", "figures_snapshot"]).where("tenant_id", "=", one).where("year", "=", YEAR).execute();
    const snapshot = {
      ...published!.figures_snapshot,
      [T2_KEYS.rulesIssued]: FROZEN_RULES,
    };
    await trx
      .updateTable("annual_report_reports")
      .set({ figures_snapshot: JSON.stringify(snapshot) })
      .where("tenant_id", "=", one)
      .where("id", "=", published!.id)
      .execute();
  });
  // Office two drafts, one manual cell entered so far.
  otherDrafter = (await createUser(env.handle, { [two]: ["drafter"] })).id;
  const code = env.tree.offices[1]!.code;
  const send = (fields: Record<string, string>) => post({ ...env, office: { code } }, yearAction, otherDrafter, yearPath(code), fields, { tenant: code, year: String(YEAR) });
  expect((await send({ intent: "start" })).status).toBe(200);
  expect(
    (
      await send({
        intent: "cells",
        [valueField(NATURAL)]: "5",
        [noteField(NATURAL)]: "收文登记簿",
      })
    ).status
  ).toBe(200);
}, 300_000);
afterAll(() => env.close(), 60_000);

describe("the city's consolidation page", { timeout: 180_000 }, () => {
  it("lists the city first, then each office, with its status, 索引号, version and what it contributes", async () => {
    const { view } = await consolidationOf(supervisor());
    const [city, one, two] = view.offices;
    expect(view.offices.map((o) => o.code)).toEqual([env.tree.city.code, ...env.tree.offices.map((o) => o.code)]);
    expect(city).toMatchObject({
      own: true,
      status: { state: "not_started", version: 0, indexNumber: null },
      contributes: { kind: "live", manualCells: 0 },
      href: yearPath(env.tree.city.code),
    });
    const [published] = await rowsOf(ids().one);
    expect(one).toMatchObject({
      own: false,
      status: {
        state: "published",
        version: 1,
        indexNumber: published!.index_number,
        publishedOn: published!.published_on,
      },
      contributes: { kind: "published", version: 1 },
    });
    expect(published!.index_number).toBeTruthy();
    expect(two).toMatchObject({
      status: { state: "drafting", version: 1, indexNumber: null },
      contributes: { kind: "live", manualCells: 1 },
      href: yearPath(env.tree.offices[1]!.code),
    });
  });

  it("shows an office late once the year's deadline has passed with nothing published", async () => {
    const { view } = await consolidationOf(supervisor(), env.tree.city.code, YEAR - 1);
    expect(view.offices.map((o) => o.status.state)).toEqual(["late", "late", "late"]);
  });

  it("sums each figure over the offices: the published one's frozen figures, the others' figures today with their manual cells", async () => {
    const { city, one, two } = ids();
    const { view } = await consolidationOf(supervisor());
    const reader = await pluginRequest({ ...env, office: env.tree.city }, supervisor(), consolidationPath(env.tree.city.code), { tenant: env.tree.city.code });
    const live = (await reader.reports.figures(YEAR, { tenantIds: [city, two] })).byTenant;
    const [published] = await rowsOf(one);
    const [drafting] = await rowsOf(two);
    const offices = [
      tableValues(fillTables(FORMAT_2021, live[city]!)),
      tableValues(fillTables(FORMAT_2021, published!.figures_snapshot!, published!.manual_cells)),
      tableValues(fillTables(FORMAT_2021, live[two]!, drafting!.manual_cells)),
    ];
    const expected: Record<string, number | null> = {};
    for (const key of Object.keys(offices[0]!)) {
      const known = offices.map((o) => o[key]).filter((v): v is number => v !== null && v !== undefined);
      expected[key] = known.length ? Math.round(known.reduce((s, v) => s + v, 0) * 1e6) / 1e6 : null;
    }
    expect(drawn(view)).toEqual(expected);
    expect(view.tables.map((t) => t.key)).toEqual(["t2", "t3", "t4"]);
    // The frozen figure counts, not the office's figure today.
    expect(drawn(view)[T2_KEYS.rulesIssued]).toBe(FROZEN_RULES + live[city]![T2_KEYS.rulesIssued]! + live[two]![T2_KEYS.rulesIssued]!);
    // Entered in the published report and in the draft; the city entered nothing.
    expect(drawn(view)[NATURAL]).toBe(consistentFigures()[NATURAL]! + 5);
    expect(drawn(view)[T2_KEYS.permits]).toBe(MANUAL[T2_KEYS.permits].value);
  });

  it("opens a total cell into each office's part of it; an unknown cell opens nothing", async () => {
    const { view } = await consolidationOf(supervisor(), env.tree.city.code, YEAR, `?cell=${encodeURIComponent(NATURAL)}`);
    expect(view.drill).toMatchObject({
      key: NATURAL,
      total: consistentFigures()[NATURAL]! + 5,
      decimals: 0,
    });
    expect(view.drill?.name).toContain("自然人");
    expect(view.drill?.offices.map((o) => [o.code, o.value, o.contributes.kind])).toEqual([
      [env.tree.city.code, null, "live"],
      [env.tree.offices[0]!.code, consistentFigures()[NATURAL], "published"],
      [env.tree.offices[1]!.code, 5, "live"],
    ]);
    expect((await consolidationOf(supervisor(), env.tree.city.code, YEAR, "?cell=drop.table")).view.drill).toBeNull();
  });

  it("draws the statuses, each figure as a link to its parts, and the drill-down", async () => {
    const loaded = await consolidationOf(supervisor(), env.tree.city.code, YEAR, `?cell=${encodeURIComponent(NATURAL)}`);
    const markup = await rendered(Consolidation, loaded);
    expect(markup).toContain("已公开");
    expect(markup).toContain("起草中");
    expect(markup).toContain(loaded.view.offices[1]!.status.indexNumber!);
    expect(markup).toContain(`href="?cell=${encodeURIComponent(NATURAL)}#drill"`);
    expect(markup).toContain('id="drill"');
    expect(markup).toContain("第1版公开的数据（已冻结）");
    expect(markup).toContain(`href="${yearPath(env.tree.offices[1]!.code)}"`);
    expect(markup).not.toContain("<form");
  });

  it("is in traditional characters for zh-TW readers and glossed for English ones, with the same sums", async () => {
    const zhCN = await consolidationOf(supervisor());
    const tw = await load<Loaded & { lang: string }>(
      { ...env, office: env.tree.city },
      consolidationLoader,
      supervisor(),
      consolidationPath(env.tree.city.code, YEAR, "?lng=zh-TW"),
      {
        tenant: env.tree.city.code,
        year: String(YEAR),
      }
    );
    expect(tw.lang).toBe("zh-TW");
    expect(tw.view.tables[1]!.title).toBe("三、收到和處理政府信息公開申請情況");
    expect(drawn(tw.view)).toEqual(drawn(zhCN.view));
    const en = await load<Loaded & { glosses: boolean }>(
      { ...env, office: env.tree.city },
      consolidationLoader,
      supervisor(),
      consolidationPath(env.tree.city.code, YEAR, "?lng=en"),
      {
        tenant: env.tree.city.code,
        year: String(YEAR),
      }
    );
    expect(en.glosses).toBe(true);
    expect(en.view.tables[1]!.title).toBe("三、收到和处理政府信息公开申请情况");
  });

  it("refuses staff without the oversight permission with 403, and a malformed year with 404", async () => {
    for (const role of ["drafter", "viewer", "leader"]) expect(await statusOf(consolidationOf(env.member(role).id, env.office.code)), role).toBe(403);
    expect(await statusOf(consolidationOf(supervisor(), env.tree.city.code, "20x5" as unknown as number))).toBe(404);
  });

  it("gives a supervisor of a branch office with nothing under it that office alone", async () => {
    const { one } = ids();
    const branch = await createUser(env.handle, { [one]: ["supervisor"] });
    const { view } = await consolidationOf(branch.id, env.office.code);
    expect(view.offices.map((o) => o.code)).toEqual([env.office.code]);
    expect(view.offices[0]).toMatchObject({
      own: true,
      contributes: { kind: "published" },
    });
    const [published] = await rowsOf(one);
    expect(drawn(view)).toEqual(tableValues(fillTables(FORMAT_2021, published!.figures_snapshot!, published!.manual_cells)));
  });

  it("links the years page to it for a supervisor only", async () => {
    const city = env.tree.city;
    const page = await load<{ consolidation: string | null }>({ ...env, office: city }, indexLoader, supervisor(), `/t/${city.code}/admin/annual-report`);
    expect(page.consolidation).toBe(consolidationPath(city.code, YEAR - 1));
    expect((await load<{ consolidation: string | null }>(env, indexLoader, env.member("drafter").id, `/t/${env.office.code}/admin/annual-report`)).consolidation).toBeNull();
  });

  it("opens an office's report read-only for the city's supervisor: no form, though the office is drafting", async () => {
    const code = env.tree.offices[1]!.code;
    const loaded = await load<{ view: YearView; canDraft: boolean }>({ ...env, office: { code } }, yearLoader, supervisor(), yearPath(code), { tenant: code, year: String(YEAR) });
    expect(loaded.canDraft).toBe(false);
    expect(loaded.view.report?.status).toBe("drafting");
    const markup = await rendered(ReportYear, loaded);
    expect(markup).toContain("<table");
    expect(markup).not.toContain("<form");
    const refused = await post(
      { ...env, office: { code } },
      yearAction,
      supervisor(),
      yearPath(code),
      {
        intent: "cells",
        [valueField(NATURAL)]: "6",
        [noteField(NATURAL)]: "改",
      },
      { tenant: code, year: String(YEAR) }
    );
    expect(refused.status).toBe(403);
  });
});

describe("the report-status widgets", { timeout: 180_000 }, () => {
  it("count, per office, last year's report published and late, for the dashboard and the oversight page", async () => {
    const { city, one, two } = ids();
    // Office two published last year's report on time; the others published nothing and the deadline has passed.
    await env.systemContext(two).withTenant((trx) =>
      trx
        .insertInto("annual_report_reports")
        .values({
          tenant_id: two,
          year: YEAR - 1,
          version: 1,
          status: "published",
          index_number: "TEST-2",
          published_on: `${YEAR}-01-20`,
          figures_snapshot: "{}",
        })
        .execute()
    );
    const all = [city, one, two];
    const results = await widgetValues(env, {
      viewerUserId: supervisor(),
      readableTenantIds: all,
      tenantIds: all,
      permissions: new Set(["annual-report.reports.view"]),
    });
    const byKey = Object.fromEntries(results.filter((r) => r.pluginId === "annual-report").map((r) => [r.key, r.values]));
    expect(Object.keys(byKey)).toEqual(["annual-report.lastYearLate"]);
    expect(byKey["annual-report.lastYearLate"]).toEqual({
      [city]: 1,
      [one]: 1,
      [two]: 0,
    });
    const without = await widgetValues(env, {
      viewerUserId: supervisor(),
      readableTenantIds: all,
      tenantIds: all,
      permissions: new Set(),
    });
    expect(without.some((r) => r.pluginId === "annual-report")).toBe(false);
  });
});
