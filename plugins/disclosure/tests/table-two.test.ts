import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginRequest, reportContext } from "../../../app/plugin-api/testing";
import manifest from "../manifest";
import { countedIn, TABLE_TWO_COLUMNS, TABLE_TWO_RULES, TABLE_TWO_TITLE, TABLE_TWO_WITHDRAWN, type TableTwoColumn } from "../law/table-two";
import { tableTwo } from "../server/figures.server";
import { seedDisclosure } from "../server/seed.server";
import { openDisclosure } from "./setup";

type Env = Awaited<ReturnType<typeof openDisclosure>>;
let env: Env;

interface Dated {
  title: string;
  categoryKey?: string;
  writtenOn: string;
  publishedOn: string;
  validFrom?: string;
  validity?: "valid" | "expired" | "repealed";
  endedOn?: string;
  withdrawnOn?: string;
  attribute?: "proactive" | "on_request";
}

/** A record as publication (or an import, or a correction of its validity) leaves it, in the given office. */
async function item(tenantId: string, d: Dated): Promise<void> {
  const ctx = env.systemContext(tenantId);
  await ctx.withTenant(async (trx) => {
    const { number } = await ctx.numbering.next(trx, "core.index", { year: Number(d.publishedOn.slice(0, 4)) });
    await trx
      .insertInto("disclosure_items")
      .values({
        tenant_id: tenantId,
        index_number: number,
        category_key: d.categoryKey ?? "policy.normative",
        title: d.title,
        issuer: "测试分局",
        written_on: d.writtenOn,
        formed_on: d.writtenOn,
        published_on: d.publishedOn,
        topic: "环境监测、保护与治理",
        attribute: d.attribute ?? "proactive",
        validity: d.validity ?? "valid",
        valid_from: d.validFrom ?? null,
        ended_on: d.endedOn ?? null,
        body_html: "<p>正文。</p>",
        attachments: "[]",
        ...(d.withdrawnOn ? { status: "withdrawn", withdrawn_on: d.withdrawnOn, withdrawal_reason: "发布有误" } : {}),
      })
      .execute();
  });
}

const figures = (tenantId: string, year: number) => env.systemContext(tenantId).withTenant((trx) => tableTwo(trx, tenantId, year));

beforeAll(async () => {
  env = await openDisclosure();
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
}, 60_000);
afterAll(() => env.handle.close());

describe(`table 二 第二十条（一） by the state on 31 December (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("carries last year's 现行有效 + 本年制发 − 本年废止 into this year's, across expiry, repeal, a later 施行日期 and 31 December", async () => {
    const office = env.office.id;
    const documents: Dated[] = [
      // In force since 2023, expires (有效期届满) mid-2025: it leaves 现行有效 and is counted in 本年废止.
      { title: "关于印发环境行政处罚自由裁量基准的通知", writtenOn: "2023-03-01", validFrom: "2023-04-01", publishedOn: "2023-03-06", validity: "expired", endedOn: "2025-06-30" },
      // 制发 2024, 废止 2025.
      { title: "关于建设项目环评文件分级审批的规定", writtenOn: "2024-02-01", publishedOn: "2024-02-05", validity: "repealed", endedOn: "2025-09-01" },
      // Written in December 2024, in force from 2025: 制发 and 现行有效 in 2025, nowhere in 2024.
      { title: "关于排污许可证后管理的实施办法", writtenOn: "2024-12-20", validFrom: "2025-01-01", publishedOn: "2024-12-24" },
      // Written on 31 December 2024 and published in January: 制发 and 现行有效 in 2024.
      { title: "关于规范生态环境信用评价的通知", writtenOn: "2024-12-31", publishedOn: "2025-01-06" },
      // 制发 2024, repealed on 31 December 2025: not in force on that day.
      { title: "关于加强噪声污染防治监管的意见", writtenOn: "2024-05-01", publishedOn: "2024-05-06", validity: "repealed", endedOn: "2025-12-31" },
      { title: "关于优化环评审批服务的若干措施", writtenOn: "2025-03-01", publishedOn: "2025-03-04" },
      // Withdrawn: counted nowhere, in any year.
      { title: "关于印发环境监测数据管理办法的通知", writtenOn: "2024-06-01", publishedOn: "2024-06-03", withdrawnOn: "2025-03-01" },
      // A 规章 is its own row.
      { title: "示范市扬尘污染防治办法", categoryKey: "policy.rule", writtenOn: "2024-07-01", validFrom: "2024-09-01", publishedOn: "2024-07-03" },
    ];
    for (const d of documents) await item(office, d);

    const years = [2023, 2024, 2025, 2026];
    const normative = Object.fromEntries(await Promise.all(years.map(async (y) => [y, (await figures(office, y)).normative] as const)));
    expect(normative[2023]).toEqual({ issued: 1, repealed: 0, valid: 1 });
    expect(normative[2024]).toEqual({ issued: 3, repealed: 0, valid: 4 });
    expect(normative[2025]).toEqual({ issued: 2, repealed: 3, valid: 3 });
    expect(normative[2026]).toEqual({ issued: 0, repealed: 0, valid: 3 });
    for (const y of years.slice(1)) expect(normative[y - 1]!.valid + normative[y]!.issued - normative[y]!.repealed, String(y)).toBe(normative[y]!.valid);
    expect((await figures(office, 2024)).rule).toEqual({ issued: 1, repealed: 0, valid: 1 });
    // Another office's items are not this one's.
    expect((await figures(env.tree.offices[1]!.id, 2025)).normative).toEqual({ issued: 0, repealed: 0, valid: 0 });
  });

  it("gives the manifest's report figures the same numbers, through ctx.reports, each office its own", async () => {
    const other = env.tree.offices[1]!.id;
    const staff = await pluginRequest(env, env.users.viewer.id, `/t/${env.office.code}/admin/disclosure`);
    const { sections, byTenant } = await staff.reports.figures(2025);
    expect(sections.map((s) => [s.pluginId, s.key, s.label])).toEqual([
      ["disclosure", "disclosure.t2", "disclosure:figures.section"],
      ["disclosure", "disclosure.facts", "disclosure:facts.section"],
    ]);
    const tableKeys = new Set(sections[0]!.figures.map((f) => f.key));
    const byKey = Object.fromEntries(Object.entries(byTenant[env.office.id]!).filter(([k]) => tableKeys.has(k)));
    // Both offices in one read, each its own table.
    const batch = await (manifest.reportFigures ?? [])[0]!.compute(
      reportContext(env, { pluginId: "disclosure", key: "disclosure.t2" }, env.users.viewer.id, [env.office.id, other]),
      [env.office.id, other],
      2025,
    );
    expect(batch.get(env.office.id)).toEqual(byKey);
    const theirs = await figures(other, 2025);
    expect(batch.get(other)).toEqual(Object.fromEntries(Object.keys(byKey).map((k) => [k, theirs[k.split(".")[1] === "rules" ? "rule" : "normative"][k.split(".")[2] as TableTwoColumn]])));
    expect(byKey).toEqual({
      "disclosure.rules.issued": 0,
      "disclosure.rules.repealed": 0,
      "disclosure.rules.valid": 1,
      "disclosure.normative.issued": 2,
      "disclosure.normative.repealed": 3,
      "disclosure.normative.valid": 3,
    });
  });

  it("counts as the law's rule says, item by item, and the identity holds every year, on many dated items", async () => {
    const office = env.tree.offices[1]!.id;
    // A deterministic spread of dates over 2019–2026: some in force later than written, some ending, some on 31 December.
    let seed = 20_260_101;
    // mulberry32: small, deterministic, and its low bits are as random as its high ones.
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const day = (y: number) => (next(9) === 0 ? `${y}-12-31` : `${y}-${String(1 + next(12)).padStart(2, "0")}-${String(1 + next(28)).padStart(2, "0")}`);
    const dated: Dated[] = [];
    for (let i = 0; i < 60; i++) {
      const writtenOn = day(2019 + next(7));
      const wy = Number(writtenOn.slice(0, 4));
      const validFrom = next(3) === 0 ? day(wy + next(2)) : undefined;
      const ending = next(3) === 0 ? (next(2) ? "expired" : "repealed") : undefined;
      const start = validFrom && validFrom > writtenOn ? validFrom : writtenOn;
      const endedOn = ending ? day(Number(start.slice(0, 4)) + next(3)) : undefined;
      dated.push({
        title: `规范性文件 ${i}`,
        writtenOn,
        // Some published in the new year, as a December document often is.
        publishedOn: next(4) === 0 ? `${wy + 1}-01-0${1 + next(9)}` : writtenOn,
        ...(validFrom ? { validFrom } : {}),
        ...(ending && endedOn && endedOn >= (validFrom ?? "") ? { validity: ending, endedOn } : {}),
      });
    }
    for (const d of dated) await item(office, d);
    let previous = 0;
    for (let year = 2018; year <= 2029; year++) {
      const got = (await figures(office, year)).normative;
      const expected = { issued: 0, repealed: 0, valid: 0 };
      for (const d of dated) for (const c of TABLE_TWO_COLUMNS) expected[c] += countedIn({ validFrom: null, endedOn: null, validity: null, ...d }, year)[c];
      expect(got, String(year)).toEqual(expected);
      expect(previous + got.issued - got.repealed, String(year)).toBe(got.valid);
      previous = got.valid;
    }
    expect(previous).toBeGreaterThan(0);
  });

  it("states each column's rule in three locales, in words the staff read beside the figures", () => {
    for (const c of TABLE_TWO_COLUMNS as readonly TableTwoColumn[]) {
      expect(TABLE_TWO_RULES[c]["zh-CN"]).toMatch(/^本年制发件数|^本年废止件数|^现行有效件数/);
      expect(TABLE_TWO_RULES[c]["zh-TW"]).toMatch(/^本年制發件數|^本年廢止件數|^現行有效件數/);
      expect(TABLE_TWO_RULES[c].en.length).toBeGreaterThan(20);
    }
    expect(TABLE_TWO_RULES.repealed["zh-CN"]).toContain("失效");
    expect(TABLE_TWO_RULES.valid["zh-CN"]).toContain("12月31日");
    // The section's heading is the format's, from the law.
    for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
      expect((manifest.locales[locale] as unknown as { figures: { section: string } }).figures.section).toBe(TABLE_TWO_TITLE[locale]);
    }
    // Each report figure is described by its column's rule, from the law, in every locale.
    for (const f of (manifest.reportFigures ?? []).find((s) => s.key === "disclosure.t2")!.figures) {
      const column = f.key.split(".").at(-1) as TableTwoColumn;
      expect(f.description).toBe(`disclosure:tableTwo.${column}`);
      for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
        const text = (manifest.locales[locale] as unknown as { tableTwo: Record<string, string> }).tableTwo[column]!;
        expect(text.startsWith(TABLE_TWO_RULES[column][locale])).toBe(true);
        expect(text.endsWith(TABLE_TWO_WITHDRAWN[locale])).toBe(true);
      }
    }
  });
});

describe("the facts the annual report's 总体情况 quotes", () => {
  it("counts the year's proactive items still public, the categories they went into, the interpretations and the withdrawals", async () => {
    const office = env.tree.offices[2]?.id ?? env.tree.city.id;
    await item(office, { title: "事实一", categoryKey: "policy.normative", writtenOn: "2024-03-01", publishedOn: "2024-03-02" });
    await item(office, { title: "事实二", categoryKey: "policy.normative", writtenOn: "2024-04-01", publishedOn: "2024-04-02" });
    await item(office, { title: "事实三", categoryKey: "interpretation", writtenOn: "2024-05-01", publishedOn: "2024-05-02" });
    await item(office, { title: "事实四", categoryKey: "policy.normative", writtenOn: "2024-06-01", publishedOn: "2024-06-02", withdrawnOn: "2024-07-01" });
    await item(office, { title: "事实五", categoryKey: "policy.normative", writtenOn: "2023-06-01", publishedOn: "2023-06-02", withdrawnOn: "2024-08-01" });
    const facts = manifest.reportFigures!.find((s) => s.key === "disclosure.facts")!;
    const read = await facts.compute(reportContext(env, { pluginId: "disclosure", key: facts.key }, env.users.viewer.id, [office]), [office], 2024);
    expect(read.get(office)).toEqual({
      "disclosure.facts.published": 3,
      "disclosure.facts.categories": 2,
      "disclosure.facts.interpretations": 1,
      "disclosure.facts.withdrawn": 2,
    });
  });

  it("counts each office of one read apart: one with withdrawals only, and none of another year's or 依申请公开 items", async () => {
    // 2018: a year no other test of this file dates anything in.
    const [city, office] = [env.tree.city.id, env.tree.offices[0]!.id];
    await item(city, { title: "一八年一", categoryKey: "policy.normative", writtenOn: "2018-02-01", publishedOn: "2018-02-02" });
    await item(city, { title: "一八年二", categoryKey: "policy.normative", writtenOn: "2018-03-01", publishedOn: "2018-03-02" });
    await item(city, { title: "一八年解读", categoryKey: "interpretation", writtenOn: "2018-04-01", publishedOn: "2018-04-02" });
    await item(city, { title: "依申请", categoryKey: "policy.rule", writtenOn: "2018-05-01", publishedOn: "2018-05-02", attribute: "on_request" });
    await item(city, { title: "一七年", categoryKey: "policy.rule", writtenOn: "2017-05-01", publishedOn: "2017-05-02" });
    await item(city, { title: "次年撤回", categoryKey: "policy.rule", writtenOn: "2018-06-01", publishedOn: "2018-06-02", withdrawnOn: "2019-01-03" });
    await item(office, { title: "一七年发布一八年撤回", categoryKey: "policy.normative", writtenOn: "2017-06-01", publishedOn: "2017-06-02", withdrawnOn: "2018-01-05" });
    await item(office, { title: "依申请撤回", categoryKey: "policy.normative", writtenOn: "2017-07-01", publishedOn: "2017-07-02", withdrawnOn: "2018-02-05", attribute: "on_request" });
    const facts = manifest.reportFigures!.find((s) => s.key === "disclosure.facts")!;
    const read = await facts.compute(reportContext(env, { pluginId: "disclosure", key: facts.key }, env.users.viewer.id, [city, office]), [city, office], 2018);
    expect(Object.fromEntries(read)).toEqual({
      [city]: { "disclosure.facts.published": 3, "disclosure.facts.categories": 2, "disclosure.facts.interpretations": 1, "disclosure.facts.withdrawn": 0 },
      [office]: { "disclosure.facts.published": 0, "disclosure.facts.categories": 0, "disclosure.facts.interpretations": 0, "disclosure.facts.withdrawn": 1 },
    });
  });
});
