import { DomUtils, parseDocument } from "htmlparser2";
import i18next from "i18next";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { FORMAT_2021 } from "../law/format-2021";
import { locales } from "../locales";
import { PublishedReport, type PublishedReportProps } from "../routes/public/_parts/published-report";
import { draftNarrative } from "../server/narrative/draft";
import { assembleReportFor } from "../server/report/assemble";
import { consistentFigures, MANUAL } from "./fixtures";

/* The published report page as the server renders it, in each locale. */

const OFFICE = "示范市生态环境局东湖分局";
type Lng = "zh-CN" | "zh-TW" | "en";

async function render(lng: Lng, extra: Partial<PublishedReportProps> = {}) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng, ns: ["annual-report"], resources: { [lng]: { "annual-report": locales[lng] } }, interpolation: { escapeValue: false } });
  const figures = consistentFigures();
  const model = assembleReportFor(lng, { office: OFFICE, year: 2025, format: FORMAT_2021, figures, manual: MANUAL, narrative: draftNarrative({ office: OFFICE, year: 2025, figures }), issuedOn: "2026-01-20" });
  const props: PublishedReportProps = {
    model,
    english: lng === "en",
    reportLang: lng === "zh-TW" ? "zh-TW" : "zh-CN",
    indexNumber: "11110000000000000X/2026-00001",
    publishedOn: "2026-01-20",
    signedOn: "2026年1月20日",
    version: 1,
    correctionReason: null,
    docxUrl: "/t/dh/annual-report/2025/report.docx",
    ...extra,
  };
  const markup = renderToStaticMarkup(h(I18nextProvider, { i18n }, h(PublishedReport, props)));
  const root = parseDocument(markup).children;
  const all = (name: string) => DomUtils.findAll((e) => e.name === name, root);
  return { markup, all, text: (e: (typeof root)[number]) => DomUtils.textContent(e) };
}

describe("the published report page", () => {
  it("shows the title, the 索引号 table, the six section headings, the three tables, the Word link and the signature", async () => {
    const { all, text, markup } = await render("zh-CN");
    expect(all("h1").map(text)).toEqual([`${OFFICE}2025年政府信息公开工作年度报告`]);
    expect(all("h2").map(text).slice(1)).toEqual(FORMAT_2021.sections.map((s) => s.heading));
    expect(all("dt").map(text)).toEqual(["索引号", "发布机构", "发布日期", "版本"]);
    expect(all("dd").map(text)[0]).toBe("11110000000000000X/2026-00001");
    expect(all("table")).toHaveLength(3);
    expect(all("a").find((a) => a.attribs.href === "/t/dh/annual-report/2025/report.docx")).toBeDefined();
    expect(markup).toContain("2026年1月20日");
    expect(markup).not.toContain("report-gloss");
  });

  it("is traditional on zh-TW pages, and says the Chinese is official beside the glosses on English pages", async () => {
    const tw = await render("zh-TW");
    expect(tw.all("h1").map(tw.text)[0]).toContain("公開工作年度報告");
    expect(tw.all("dt").map(tw.text)[0]).toBe("索引號");
    const en = await render("en", { version: 2, correctionReason: "更正表二数据" });
    expect(en.markup).toContain(locales.en.public.englishNote);
    expect(en.markup).toContain("report-gloss");
    expect(en.all("h1")[0]!.attribs.lang).toBe("zh-CN");
    expect(en.all("dt").map(en.text)).toEqual(["Index number", "Issued by", "Published on", "Version", "Reason for the correction"]);
  });
});
