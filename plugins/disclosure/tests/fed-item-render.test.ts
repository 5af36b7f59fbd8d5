import i18next from "i18next";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { locales } from "../locales";
import ItemPage from "../routes/public/item";

/**
 * The public page of an item another plugin fed to the catalogue, as the server sends it: the 索引号
 * table, the body, the note naming where it came from with a link to the feeder's own page, and the
 * feeder's files as links (not as the catalogue's downloads).
 */
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ lng: "zh-CN", defaultNS: "disclosure", ns: ["disclosure"], resources: { "zh-CN": { disclosure: locales["zh-CN"] } } });
});

const item = (over: Record<string, unknown> = {}) => ({
  id: "0190a1b2-0000-7000-8000-000000000001",
  title: "测试分局2025年政府信息公开工作年度报告",
  summary: "本机关2025年政府信息公开工作情况。",
  indexNumber: "11360100MB0000000X/2026-00007",
  issuer: "测试分局",
  writtenOn: "2026-01-15",
  publishedOn: "2026-01-20",
  docNumber: null,
  topic: "综合政务",
  categoryLabel: { "zh-CN": "年度报告", "zh-TW": "年度報告", en: "Annual reports" },
  validity: null,
  validFrom: null,
  endedOn: null,
  attribute: "proactive",
  bodyHtml: "",
  attachments: [],
  version: 1,
  source: { name: "年度报告", url: "/t/demo-donghu/annual-report/2025", attachments: [{ name: "年度报告.docx", url: "/t/demo-donghu/annual-report/2025/report.docx" }] },
  ...over,
});

async function page(data: Record<string, unknown>): Promise<string> {
  const handler = createStaticHandler([{ id: "item", path: "/", loader: () => data, Component: ItemPage }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

const data = (over: Record<string, unknown> = {}) => ({ portal: { code: "demo-donghu" }, crumbs: [], withdrawn: null, item: item(over), correction: null, interpretations: [], policy: null });

describe("a fed item's public page", () => {
  it("shows its 索引号, where it came from with a link to the feeder's page, and the feeder's files as links", async () => {
    const markup = await page(data());
    expect(markup).toContain("11360100MB0000000X/2026-00007");
    expect(markup).toContain("本条目由年度报告发布。");
    expect(markup).toContain('<a href="/t/demo-donghu/annual-report/2025">查看原文页面</a>');
    expect(markup).toContain('<a href="/t/demo-donghu/annual-report/2025/report.docx">年度报告.docx</a>');
    expect(markup).not.toContain("/disclosure/attachments/");
    // Without a body of its own the page does not claim there is no text: the link is the text.
    expect(markup).not.toContain(i18n.t("portal.item.noBody"));
  });

  it("shows the body the feeder sent above the link", async () => {
    const markup = await page(data({ bodyHtml: "<p>一、总体情况</p>" }));
    expect(markup.indexOf("一、总体情况")).toBeGreaterThan(-1);
    expect(markup.indexOf("一、总体情况")).toBeLessThan(markup.indexOf("查看原文页面"));
  });
});
