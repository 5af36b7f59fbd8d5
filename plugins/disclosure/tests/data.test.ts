import { findWorkday } from "chinese-days";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { STATUTORY_CATALOGUE, flattenCatalogue } from "../data/catalogue";
import { DEMO_LATEST_DATE, demoAttachmentText, demoItems, type DemoItem, type DemoTenant } from "../data/demo-items";
import { TOPIC_LABELS, TOPICS, topicLabel } from "../data/topics";
import { DISCLOSURE_CHANNELS, STANDARD_LIST } from "../data/standard-list";

// The demo tenants as defined in tenants/*.tenant.ts.
const TENANTS: DemoTenant[] = [
  { code: "demo-city", nameZh: "示范市生态环境局", shortName: "示范", seed: 1 },
  { code: "demo-donghu", nameZh: "示范市生态环境局东湖分局", shortName: "东湖", seed: 2 },
  { code: "demo-xishan", nameZh: "示范市生态环境局西山分局", shortName: "西山", seed: 3 },
  { code: "demo-nanling", nameZh: "示范市生态环境局南岭分局", shortName: "南岭", seed: 4 },
];

const nodes = flattenCatalogue().map((e) => e.node);
const nodeKeys = new Set(nodes.map((n) => n.key));
const rowsByKey = new Map(STANDARD_LIST.map((r) => [r.key, r]));
const itemsByTenant = TENANTS.map((t) => ({ tenant: t, items: demoItems(t) }));
const allItems = itemsByTenant.flatMap((e) => e.items);

/** Everything of an item a reader or the scan sees. */
const textOf = (item: DemoItem) =>
  [item.title, item.docNumber ?? "", item.bodyHtml, ...(item.attachments ?? []).flatMap((a) => [a.name, demoAttachmentText(a)])].join("\n");

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_LIKE = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/** GB 11643: weighted sum of the first 17 digits mod 11 picks the check character. */
function validResidentId(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"];
  const sum = weights.reduce((s, w, i) => s + w * Number(id[i]), 0);
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birthValid = !Number.isNaN(Date.parse(birth)) && new Date(birth).toISOString().startsWith(birth);
  return birthValid && checks[sum % 11] === id[17]!.toUpperCase();
}

describe("statutory catalogue", () => {
  it("has unique keys and no empty label", () => {
    expect(nodeKeys.size).toBe(nodes.length);
    for (const n of nodes) {
      expect(n.key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
      for (const label of Object.values(n.label)) expect(label.trim()).not.toBe("");
      expect(n.label.en).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it("has the statutory top level in order", () => {
    expect(STATUTORY_CATALOGUE.map((n) => n.label["zh-CN"])).toEqual([
      "公开指南",
      "公开制度",
      "法定主动公开内容",
      "依申请公开",
      "年度报告",
    ]);
    const policy = nodes.find((n) => n.key === "policy");
    expect(policy?.children?.map((n) => n.label["zh-CN"])).toEqual(["规章", "行政规范性文件", "其他文件"]);
  });

  it("marks exactly one node of each special kind", () => {
    for (const kind of ["normative", "rule", "interpretation", "annual-report", "guide"] as const) {
      expect(nodes.filter((n) => n.kind === kind), kind).toHaveLength(1);
    }
    expect(nodes.find((n) => n.kind === "normative")?.key).toBe("policy.normative");
  });

  it("writes zh-TW as the mainland wording in traditional characters", () => {
    const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    for (const n of nodes) expect(n.label["zh-TW"], n.key).toBe(toTraditional(n.label["zh-CN"]));
    const label = (key: string) => nodes.find((n) => n.key === key)!.label;
    expect(["規劃計畫", "規劃計劃"]).toContain(label("plans")["zh-TW"]);
    expect(label("policy.normative")["zh-TW"]).toBe("行政規範性文件");
    expect(label("request")["zh-TW"]).not.toBe(label("request")["zh-CN"]);
  });

  it("names every 主题分类 an item may take in the three languages, and shows a heading it does not know as stored", () => {
    const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    const used = new Set(allItems.map((i) => i.topic));
    for (const topic of [...used, ...Object.values(TOPICS)]) {
      const label = TOPIC_LABELS[topic];
      expect(label, topic).toBeDefined();
      expect(label!["zh-CN"]).toBe(topic);
      expect(label!["zh-TW"], topic).toBe(toTraditional(topic));
      expect(label!.en, topic).toMatch(/^[A-Z][A-Za-z ,]+$/);
      expect(topicLabel(topic, "en")).toBe(label!.en);
    }
    expect(topicLabel("城乡建设、环境保护", "en")).toBe("城乡建设、环境保护");
  });

  it("cites 条例 items in the annual report's wording", () => {
    const source = (key: string) => nodes.find((n) => n.key === key)?.legalSource;
    expect(source("policy.normative")).toBe("条例第二十条第（一）项");
    expect(source("permits")).toBe("条例第二十条第（五）项");
    expect(source("enforcement")).toBe("条例第二十条第（六）项");
    expect(source("fees")).toBe("条例第二十条第（八）项");
  });
});

describe("standard disclosure list", () => {
  it("has unique keys and files every row under an existing catalogue node", () => {
    expect(rowsByKey.size).toBe(STANDARD_LIST.length);
    for (const row of STANDARD_LIST) expect(nodeKeys, row.key).toContain(row.catalogueKey);
  });

  it("fills every cell, with channels from the MEE checklist", () => {
    for (const row of STANDARD_LIST) {
      for (const cell of [row.firstLevel, row.secondLevel, row.content, row.basis, row.timeLimit, row.responsible]) {
        expect(cell.trim(), row.key).not.toBe("");
      }
      expect(row.channels.length, row.key).toBeGreaterThan(0);
      for (const c of row.channels) expect(DISCLOSURE_CHANNELS as readonly string[]).toContain(c);
    }
  });

  it("keeps the 20-working-day rule for proactive rows and the request clock for on-request rows", () => {
    for (const row of STANDARD_LIST) {
      if (row.mode === "主动") {
        expect(row.timeLimitWorkdays, row.key).toBe(20);
        expect(row.audience, row.key).toBe("全社会");
      } else {
        expect(row.timeLimitWorkdays, row.key).toBeNull();
        expect(row.timeLimit, row.key).toContain("收到申请之日起");
      }
    }
  });

  it("carries the nine MEE rows the spec confirms", () => {
    const mee = STANDARD_LIST.filter((r) => r.key.startsWith("mee."));
    expect(mee.map((r) => r.secondLevel)).toEqual([
      "建设项目环境影响评价文件审批",
      "防治污染设施拆除或闲置审批",
      "危险废物经营许可证",
      "行政处罚流程",
      "行政处罚决定",
      "行政强制流程",
      "行政强制决定",
      "生态建设",
      "生态环境保护政策与业务咨询",
    ]);
    expect(mee.filter((r) => r.mode === "依申请").map((r) => r.secondLevel)).toEqual(["行政处罚流程", "行政强制流程"]);
  });
});

describe("demo items", () => {
  it("gives each tenant 30–50 items with unique keys", () => {
    for (const { items } of itemsByTenant) {
      expect(items.length).toBeGreaterThanOrEqual(30);
      expect(items.length).toBeLessThanOrEqual(50);
    }
    expect(new Set(allItems.map((i) => i.key)).size).toBe(allItems.length);
  });

  it("is deterministic for a seed and differs between tenants", () => {
    for (const t of TENANTS) expect(demoItems({ ...t })).toEqual(demoItems({ ...t }));
    const [a, b] = TENANTS;
    const titles = (t: DemoTenant) => demoItems(t).map((i) => i.title);
    expect(titles(a!)).not.toEqual(titles(b!));
    expect(demoItems({ ...b!, seed: 99 }).map((i) => i.publishedOn)).not.toEqual(demoItems(b!).map((i) => i.publishedOn));
  });

  it("files items under existing catalogue nodes and list rows of the same node", () => {
    for (const item of allItems) {
      expect(nodeKeys, item.key).toContain(item.catalogueKey);
      if (item.listRowKey !== undefined) {
        expect(rowsByKey.get(item.listRowKey)?.catalogueKey, item.key).toBe(item.catalogueKey);
      }
    }
  });

  it("covers every leaf of the catalogue except 规章 and 年度报告", () => {
    // A bureau makes no 规章; annual reports come from the annual-report plugin.
    const leaves = nodes.filter((n) => !n.children?.length && n.key !== "policy.rule" && n.key !== "annual-report");
    for (const { tenant, items } of itemsByTenant) {
      const used = new Set(items.map((i) => i.catalogueKey));
      for (const leaf of leaves) expect(used, `${tenant.code} ${leaf.key}`).toContain(leaf.key);
    }
  });

  it("pairs every 政策解读 with a policy item of the same tenant, published no earlier", () => {
    for (const { items } of itemsByTenant) {
      const interpretations = items.filter((i) => i.catalogueKey === "interpretation");
      expect(interpretations.length).toBeGreaterThanOrEqual(3);
      for (const i of interpretations) {
        const policy = items.find((p) => p.key === i.interpretationOf);
        expect(policy?.catalogueKey, i.key).toMatch(/^policy\./);
        expect(i.publishedOn >= policy!.publishedOn, i.key).toBe(true);
      }
      for (const i of items.filter((x) => x.catalogueKey !== "interpretation")) expect(i.interpretationOf).toBeUndefined();
    }
  });

  it("orders dates written ≤ formed ≤ published within 2023 – 2026-11-20, across all four years", () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const { items } of itemsByTenant) {
      for (const i of items) {
        for (const d of [i.writtenOn, i.formedOn, i.publishedOn]) {
          expect(d, i.key).toMatch(iso);
          expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), i.key).toBe(d);
        }
        expect(i.writtenOn >= "2023-01-01", i.key).toBe(true);
        expect(i.writtenOn <= i.formedOn && i.formedOn <= i.publishedOn, i.key).toBe(true);
        expect(i.publishedOn <= DEMO_LATEST_DATE, i.key).toBe(true);
      }
      expect(new Set(items.map((i) => i.publishedOn.slice(0, 4)))).toEqual(new Set(["2023", "2024", "2025", "2026"]));
    }
  });

  it("tracks validity of normative documents, with some repealed and some expired", () => {
    for (const { items } of itemsByTenant) {
      const normative = items.filter((i) => i.catalogueKey === "policy.normative");
      expect(normative.length).toBeGreaterThanOrEqual(4);
      for (const i of normative) {
        const v = i.validity!;
        expect(v.effectiveFrom! >= i.writtenOn, i.key).toBe(true);
        if (v.status === "有效") expect(v.endedOn, i.key).toBeUndefined();
        else expect(v.effectiveFrom! <= v.endedOn! && v.endedOn! <= DEMO_LATEST_DATE, i.key).toBe(true);
        expect(i.docNumber, i.key).toMatch(/^.环规〔\d{4}〕\d+号$/);
      }
      const statuses = normative.map((i) => i.validity!.status);
      expect(statuses).toContain("废止");
      expect(statuses).toContain("失效");
    }
  });

  it("has 2 or 3 late items per tenant, late by the real working-day calendar", () => {
    for (const { items } of itemsByTenant) {
      expect([2, 3]).toContain(items.filter((i) => i.expectLate).length);
      for (const i of items) {
        const due = findWorkday(20, i.formedOn);
        expect(i.publishedOn > due, `${i.key} formed ${i.formedOn} due ${due} published ${i.publishedOn}`).toBe(
          i.expectLate === true,
        );
      }
    }
  });

  it("numbers 文号 per series and year in order of writing", () => {
    for (const { items } of itemsByTenant) {
      const numbered = items
        .filter((i) => i.docNumber)
        .sort((a, b) => a.writtenOn.localeCompare(b.writtenOn) || a.key.localeCompare(b.key));
      const last = new Map<string, number>();
      for (const i of numbered) {
        const m = /^(.+〔(\d{4})〕)(\d+)号$/.exec(i.docNumber!);
        expect(m, i.docNumber).not.toBeNull();
        expect(m![2], i.key).toBe(i.writtenOn.slice(0, 4));
        const n = Number(m![3]);
        expect(n, i.key).toBeGreaterThan(last.get(m![1]!) ?? 0);
        last.set(m![1]!, n);
      }
      expect(new Set(numbered.map((i) => i.docNumber)).size).toBe(numbered.length);
      for (const i of items) expect(i.title, i.key).not.toContain("{no}");
    }
  });

  it("uses only the allowed HTML tags, without attributes", () => {
    const allowed = new Set(["p", "ol", "li", "strong", "table", "thead", "tbody", "tr", "th", "td"]);
    for (const i of allItems) {
      for (const [, name, attrs] of i.bodyHtml.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
        expect(allowed, i.key).toContain(name);
        expect(attrs, i.key).toBe("");
      }
      expect(i.bodyHtml.replace(/<[^>]*>/g, "").trim(), i.key).not.toBe("");
    }
  });

  it("puts personal data in exactly one item per tenant, a valid ID number and a mobile number", () => {
    for (const { tenant, items } of itemsByTenant) {
      const flagged = items.filter((i) => i.containsPersonalData);
      expect(flagged, tenant.code).toHaveLength(1);
      const text = textOf(flagged[0]!);
      const ids = [...text.matchAll(ID_LIKE)].map((m) => m[0]);
      expect(ids).toHaveLength(1);
      expect(validResidentId(ids[0]!), ids[0]).toBe(true);
      expect([...text.matchAll(MOBILE)]).toHaveLength(1);
    }
  });

  it("keeps phone numbers, ID numbers and e-mail addresses out of every other item", () => {
    for (const i of allItems.filter((x) => !x.containsPersonalData)) {
      const text = textOf(i);
      expect(text.match(MOBILE), i.key).toBeNull();
      expect(text.match(ID_LIKE), i.key).toBeNull();
      expect(text, i.key).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(text, i.key).not.toMatch(/\d{3,4}-\d{7,8}/);
    }
  });

  it("sanity-checks the ID validator on known values", () => {
    expect(validResidentId("11010519491231002X")).toBe(true);
    expect(validResidentId("110105194912310021")).toBe(false);
  });
});
