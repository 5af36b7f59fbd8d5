import { Parser } from "htmlparser2";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import en from "../../app/locales/en/core.json";
import zhCN from "../../app/locales/zh-CN/core.json";
import type { ChartData } from "../../app/ui/charts/chart-data";
import { renderChart, sanitise } from "../../app/ui/charts/render.server";
import { monthLabels } from "../../app/ui/charts/widget-charts.server";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: "en", resources: { en: { core: en }, "zh-CN": { core: zhCN } }, defaultNS: "core", interpolation: { escapeValue: false } });
});
const tOf = (lng: "en" | "zh-CN") => i18n.getFixedT(lng, "core");

/** Well-formed XML with one `<svg>` root: every element closed explicitly, nothing after the root. */
function checkXml(svg: string): { elements: string[]; texts: string[]; attrs: Record<string, string>[] } {
  const elements: string[] = [];
  const texts: string[] = [];
  const attrs: Record<string, string>[] = [];
  const problems: string[] = [];
  let depth = 0;
  let roots = 0;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (depth === 0) roots += 1;
        depth += 1;
        elements.push(name);
        attrs.push(a);
      },
      onclosetag(name, implied) {
        depth -= 1;
        if (implied) problems.push(`<${name}> not closed`);
      },
      ontext(text) {
        if (depth === 0 && text.trim()) problems.push(`text outside the root: ${text}`);
        else texts.push(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(svg);
  parser.end();
  expect(problems).toEqual([]);
  expect(roots).toBe(1);
  expect(elements[0]).toBe("svg");
  return { elements, texts, attrs };
}

const offices: ChartData = {
  id: "x",
  title: "On time",
  kind: "rank",
  categoryLabel: "Office",
  categories: ["Donghu <script>alert(1)</script> & \"Co\"", "Xishan", "Nanling"],
  series: [{ name: "On time", values: [92.5, 60, null] }],
  format: "percent",
  better: "higher",
};

describe("charts drawn on the server", () => {
  it("give well-formed SVG with role img, a summary and no script, style or event handler", () => {
    const view = renderChart(offices, { locale: "en", t: tOf("en") });
    const { elements, texts, attrs } = checkXml(view.svg);
    expect(attrs[0]).toMatchObject({ role: "img", "aria-label": view.summary, viewBox: expect.stringMatching(/^0 0 540 \d+/) });
    expect(attrs[0]).not.toHaveProperty("width");
    expect(elements[1]).toBe("title");
    const esc = (x: string) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    expect(view.svg).toContain(`<title>${esc(view.summary)}</title>`);
    expect(elements).not.toContain("script");
    expect(elements).not.toContain("style");
    for (const a of attrs) {
      expect(Object.keys(a).filter((k) => k === "style" || k.startsWith("on") || k.includes("href"))).toEqual([]);
    }
    // The office name is escaped text, not markup, in the SVG and in the summary.
    expect(texts.join("")).toContain('Donghu <script>alert(1)</script> & "Co"');
    expect(view.svg).not.toMatch(/<script/i);
    expect(view.summary).toBe('On time (higher is better): On time: highest Donghu <script>alert(1)</script> & "Co" 92.5%, lowest Xishan 60%');
  });

  it("put the same numbers in the data table as in the series, a dash where there is none", () => {
    const view = renderChart(offices, { locale: "en", t: tOf("en") });
    expect(view.table.head).toEqual(["Office", "On time"]);
    expect(view.table.rows).toEqual([
      { label: offices.categories[0], cells: ["92.5%"] },
      { label: "Xishan", cells: ["60%"] },
      { label: "Nanling", cells: ["—"] },
    ]);
    // The bars' labels in the SVG are the same numbers.
    const { texts } = checkXml(view.svg);
    expect(texts).toEqual(expect.arrayContaining(["92.5%", "60%"]));

    const months = monthLabels(["2025-12", "2026-01", "2026-02"], "zh-CN");
    expect(months.categories).toEqual(["2025年12月", "2026年1月", "2026年2月"]);
    const multi = renderChart(
      { id: "m", title: "发布", kind: "bar", categoryLabel: "月份", ...months, series: [{ name: "发布条数", values: [3, 0, 12] }], format: "count" },
      { locale: "zh-CN", t: tOf("zh-CN") },
    );
    expect(multi.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ["2025年12月", "3"],
      ["2026年1月", "0"],
      ["2026年2月", "12"],
    ]);
    expect(checkXml(multi.svg).texts).toEqual(expect.arrayContaining(["3", "12", "2026"]));
    expect(multi.summary).toBe("发布：发布条数最高 2026年2月 12，最低 2026年1月 0");
  });

  it("draw larger type in 长者模式, and nothing but a sentence when there is no value", () => {
    const size = (svg: string) => Math.max(...[...svg.matchAll(/font-size="(\d+)px"/g)].map((m) => Number(m[1])));
    const normal = renderChart(offices, { locale: "en", t: tOf("en") });
    const elder = renderChart(offices, { locale: "en", t: tOf("en"), elder: true });
    expect(size(elder.svg)).toBeGreaterThan(size(normal.svg));
    const empty = renderChart({ ...offices, series: [{ name: "On time", values: [null, null, null] }] }, { locale: "en", t: tOf("en") });
    expect(empty.svg).toBe("");
    expect(empty.summary).toBe("On time: no data.");
    expect(empty.table.rows).toHaveLength(3);
  });

  it("refuse SVG that could run or load something", () => {
    const base = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">';
    expect(() => sanitise(`${base}<script>alert(1)</script></svg>`, "s")).toThrow(/refused/);
    expect(() => sanitise(`${base}<rect onclick="x()"/></svg>`, "s")).toThrow(/refused/);
    expect(() => sanitise(`${base}<image href="https://example.com/x.png"/></svg>`, "s")).toThrow(/refused/);
    expect(() => sanitise(`${base}<rect fill="url(https://x/y)"/></svg>`, "s")).toThrow(/refused/);
    const ok = sanitise(`${base}<g clip-path="url(#c)"><text style="font-size:12px;fill:red;font-family:sans-serif">a &amp; b</text></g><style>.x{}</style></svg>`, 'say "hi" <now>');
    expect(ok).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-label="say &quot;hi&quot; &lt;now&gt;" focusable="false" preserveAspectRatio="xMinYMin meet"><title>say &quot;hi&quot; &lt;now&gt;</title><g clip-path="url(#c)"><text font-size="12px" font-family="sans-serif">a &amp; b</text></g></svg>',
    );
  });
});
