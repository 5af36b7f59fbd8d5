import { DomUtils, parseDocument } from "htmlparser2";
import i18next from "i18next";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { FORMAT_2021 } from "../law/format-2021";
import { T2_KEYS } from "../law/table-two-2021";
import { locales } from "../locales";
import { ReportTableView, type ReportTableProps } from "../routes/_parts/report-table";
import { fillTable } from "../server/report/fill";
import { consistentFigures } from "./fixtures";

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

async function i18n(lng: "zh-CN" | "en") {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({ lng, ns: ["annual-report"], resources: { [lng]: { "annual-report": locales[lng] } }, interpolation: { escapeValue: false } });
  return instance;
}

/** The component rendered on the server, parsed back for its structure. */
async function render(props: ReportTableProps, lng: "zh-CN" | "en" = "zh-CN") {
  const markup = renderToStaticMarkup(h(I18nextProvider, { i18n: await i18n(lng) }, h(ReportTableView, props)));
  const root = parseDocument(markup).children;
  const all = (test: (e: Element) => boolean) => DomUtils.findAll(test, root);
  const tag = (name: string) => all((e) => e.name === name);
  const cls = (name: string) => all((e) => (e.attribs.class ?? "").split(" ").includes(name));
  const byId = (id: string) => DomUtils.getElementById(id, root)!;
  /** A th or td whose own first text is `text` (its gloss, if any, comes after). */
  const cell = (text: string) => all((e) => (e.name === "th" || e.name === "td") && DomUtils.textContent(e.children[0]!) === text)[0]!;
  const attr = (e: Element, name: string) => e.attribs[name] ?? null;
  const text = (e: Element) => DomUtils.textContent(e);
  return { markup, tag, cls, byId, cell, attr, text };
}

describe("the report table", () => {
  it("renders table 三's merged header and row labels with the format's spans", async () => {
    const { tag, cell, attr, text } = await render({ table: fillTable(FORMAT_2021.tables.t3, consistentFigures()) });
    expect(text(tag("caption")[0]!)).toBe("三、收到和处理政府信息公开申请情况");
    expect(DomUtils.getElementsByTagName("tr", tag("thead"))).toHaveLength(3);
    expect(DomUtils.getElementsByTagName("tr", tag("tbody"))).toHaveLength(25);
    const corner = cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect([corner.name, attr(corner, "colspan"), attr(corner, "rowspan")]).toEqual(["td", "3", "3"]);
    expect([attr(cell("申请人情况"), "colspan"), attr(cell("申请人情况"), "scope")]).toEqual(["7", "colgroup"]);
    expect(attr(cell("法人或其他组织"), "colspan")).toBe("5");
    expect(attr(cell("自然人"), "rowspan")).toBe("2");
    expect(attr(cell("三、本年度办理结果"), "rowspan")).toBe("22");
    expect(attr(cell("（三）不予公开"), "rowspan")).toBe("8");
    expect(attr(cell("（六）其他处理"), "rowspan")).toBe("3");
    expect(attr(cell("（七）总计"), "colspan")).toBe("2");
    expect(attr(cell("四、结转下年度继续办理"), "colspan")).toBe("3");
    expect(attr(cell("1.属于国家秘密"), "scope")).toBe("row");
    expect(tag("col")).toHaveLength(10);
  });

  it("ties each figure to its row labels and column headers, and right-aligns it", async () => {
    const figures = consistentFigures();
    const { cell, byId, attr, text } = await render({ table: fillTable(FORMAT_2021.tables.t3, figures), id: "t3" });
    const row = cell("4.保护第三方合法权益").parent as Element;
    const business = DomUtils.getElementsByTagName("td", row)[1]!;
    expect(attr(business, "class")).toContain("num");
    expect(text(business)).toBe(String(figures["requests.t3.withheld.third_party.business"]));
    const names = attr(business, "headers")!.split(" ").map((id) => DomUtils.textContent(byId(id).children[0]!));
    expect(names).toEqual(["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益", "申请人情况", "法人或其他组织", "商业企业"]);
  });

  it("renders table 四 with 行政复议 over 5 columns and 行政诉讼 over 10", async () => {
    const { cell, attr, cls } = await render({ table: fillTable(FORMAT_2021.tables.t4, consistentFigures()) });
    expect(attr(cell("行政复议"), "colspan")).toBe("5");
    expect(attr(cell("行政诉讼"), "colspan")).toBe("10");
    expect(attr(cell("未经复议直接起诉"), "colspan")).toBe("5");
    expect(attr(cell("复议后起诉"), "colspan")).toBe("5");
    expect(cls("num")).toHaveLength(15);
  });

  it("marks manual figures 手填 with their note under the table, 万元 with two decimals", async () => {
    const table = fillTable(FORMAT_2021.tables.t2, consistentFigures(), { [T2_KEYS.charges]: { value: 1.5, note: "财务科收费台账" } });
    const { cell, attr, text, byId, cls } = await render({ table, id: "t2" });
    const charges = DomUtils.nextElementSibling(cell("行政事业性收费"))!;
    expect(attr(charges, "colspan")).toBe("3");
    expect(text(charges)).toContain("1.50");
    expect(text(DomUtils.findOne((e) => e.attribs.class === "badge report-manual-badge", charges.children)!)).toBe("手填");
    expect(text(byId(attr(charges, "aria-describedby")!))).toBe("第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）：财务科收费台账");
    // The three other manual cells are empty and say so, with no source yet.
    expect(cls("report-manual")).toHaveLength(4);
    expect(cls("report-empty").map(text)).toEqual(["未填", "未填", "未填"]);
    expect(DomUtils.getElementsByTagName("li", cls("report-notes"))).toHaveLength(4);
    // A provided figure carries no mark.
    expect(attr(DomUtils.nextElementSibling(cell("规章"))!, "class")).toBe("num");
  });

  it("adds English glosses under the official labels on English pages, and localises the mark", async () => {
    const table = fillTable(FORMAT_2021.tables.t4, {});
    const en = await render({ table, glosses: true, lang: "zh-CN" }, "en");
    expect(en.attr(en.tag("table")[0]!, "lang")).toBe("zh-CN");
    const gloss = DomUtils.findOne((e) => e.attribs.class === "report-gloss", en.cell("行政复议").children)!;
    expect([en.text(gloss), en.attr(gloss, "lang")]).toEqual(["Administrative review", "en"]);
    expect(en.text(en.cls("badge")[0]!)).toBe("Entered by hand");
    const zh = await render({ table });
    expect(zh.cls("report-gloss")).toHaveLength(0);
  });

  it("scrolls in its own region named by the caption", async () => {
    const { cls, attr, byId } = await render({ table: fillTable(FORMAT_2021.tables.t3, {}), id: "x" });
    const region = cls("table-scroll")[0]!;
    expect([attr(region, "role"), attr(region, "aria-labelledby"), attr(region, "tabindex")]).toEqual(["region", "x-caption", "0"]);
    expect(byId("x-caption").name).toBe("caption");
  });
});
