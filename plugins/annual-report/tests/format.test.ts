import { describe, expect, it } from "vitest";
import { loadPlugins } from "../../../app/plugin-api/testing";
import { boundKeys, FORMAT_2021 } from "../law/format-2021";
import type { FormatTable } from "../law/format";
import { cellName, cellPath, columnHeaders, layOut } from "../server/report/grid";

// legal-spec §2.1–§2.4, copied character for character a second time, so a slip in either copy fails.
const SECTIONS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];
const T3_ROW_LABELS = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "三、本年度办理结果",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  '3.危及"三安全一稳定"',
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];
const T3_HEADERS = [
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  "申请人情况",
  "自然人",
  "法人或其他组织",
  "总计",
  "商业企业",
  "科研机构",
  "社会公益组织",
  "法律服务机构",
  "其他",
];
const T4_HEADERS = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"];
const T2_TEXTS = [
  "第二十条第（一）项",
  "信息内容",
  "本年制发件数",
  "本年废止件数",
  "现行有效件数",
  "规章",
  "行政规范性文件",
  "第二十条第（五）项",
  "信息内容",
  "本年处理决定数量",
  "行政许可",
  "第二十条第（六）项",
  "信息内容",
  "本年处理决定数量",
  "行政处罚",
  "行政强制",
  "第二十条第（八）项",
  "信息内容",
  "本年收费金额（单位：万元）",
  "行政事业性收费",
];

const texts = (rows: FormatTable["body"], kind?: "header" | "label") =>
  rows.flat().flatMap((c) => (c.kind !== "value" && c.kind !== "blank" && (!kind || c.kind === kind) ? [c.text] : []));
const gridOf = (t: FormatTable) => layOut(t.head, t.body);
/** Every grid row is filled exactly once, to the table's width: no span overlaps or leaves a hole. */
function expectRectangular(t: FormatTable) {
  const grid = gridOf(t);
  const covered = Array.from({ length: grid.rows }, () => new Array<number>(grid.columns).fill(0));
  for (const p of grid.cells) for (let r = p.row; r < p.row + p.rowSpan; r++) for (let c = p.col; c < p.col + p.colSpan; c++) covered[r]![c]!++;
  expect(covered.flat().every((n) => n === 1), t.key).toBe(true);
  expect(grid.columns).toBe(t.columnWidths.length);
}

describe("the 2021 format (国办公开办函〔2021〕30号)", () => {
  it("has the six sections of legal-spec §2.1, tables under 二, 三 and 四", () => {
    expect(FORMAT_2021.sections.map((s) => s.heading)).toEqual(SECTIONS);
    expect(FORMAT_2021.sections.map((s) => s.table ?? null)).toEqual([null, "t2", "t3", "t4", null, null]);
    for (const s of FORMAT_2021.sections) if (s.table) expect(FORMAT_2021.tables[s.table].title).toBe(s.heading);
  });

  it("lays table 三 out as 3 header rows and 25 data rows of 7 figures, 三 spanning its 22 rows", () => {
    const t3 = FORMAT_2021.tables.t3;
    expectRectangular(t3);
    const grid = gridOf(t3);
    expect(grid.headRows).toBe(3);
    expect(grid.rows).toBe(28);
    const dataRows = t3.body.filter((r) => r.some((c) => c.kind === "value"));
    expect(dataRows).toHaveLength(25);
    for (const r of dataRows) expect(r.filter((c) => c.kind === "value")).toHaveLength(7);
    expect(texts(t3.body)).toEqual(T3_ROW_LABELS);
    expect(texts(t3.head)).toEqual(T3_HEADERS);
    const label = (text: string) => grid.cells.find((p) => p.cell.kind === "label" && p.cell.text === text)!;
    expect(label("三、本年度办理结果")).toMatchObject({ rowSpan: 22, col: 0 });
    expect(label("（三）不予公开")).toMatchObject({ rowSpan: 8, col: 1 });
    expect(label("（四）无法提供").rowSpan).toBe(3);
    expect(label("（五）不予处理").rowSpan).toBe(5);
    expect(label("（六）其他处理").rowSpan).toBe(3);
    expect(label("一、本年新收政府信息公开申请数量").colSpan).toBe(3);
    expect(label("（七）总计").colSpan).toBe(2);
    const header = (text: string) => grid.cells.find((p) => p.cell.kind === "header" && p.cell.text === text)!;
    expect(header(T3_HEADERS[0]!)).toMatchObject({ rowSpan: 3, colSpan: 3, row: 0, col: 0 });
    expect(header("申请人情况")).toMatchObject({ colSpan: 7, col: 3 });
    expect(header("法人或其他组织")).toMatchObject({ colSpan: 5, col: 4, row: 1 });
    expect(header("自然人").rowSpan).toBe(2);
  });

  it("lays table 四 out as 行政复议 over 5 columns and 行政诉讼 over 10, in 15 figures", () => {
    const t4 = FORMAT_2021.tables.t4;
    expectRectangular(t4);
    const grid = gridOf(t4);
    expect(grid.columns).toBe(15);
    expect(t4.body.flat().filter((c) => c.kind === "value")).toHaveLength(15);
    expect([...new Set(texts(t4.head))]).toEqual(T4_HEADERS);
    const spans = grid.cells.filter((p) => p.cell.kind === "header" && p.colSpan > 1).map((p) => [p.cell.kind === "header" && p.cell.text, p.colSpan]);
    expect(spans).toEqual([
      ["行政复议", 5],
      ["行政诉讼", 10],
      ["未经复议直接起诉", 5],
      ["复议后起诉", 5],
    ]);
  });

  it("lays table 二 out in its four 第二十条 blocks, each with 信息内容, （八） in 万元 with two decimals", () => {
    const t2 = FORMAT_2021.tables.t2;
    expectRectangular(t2);
    expect(texts(t2.body)).toEqual(T2_TEXTS);
    const charges = t2.body.flat().find((c) => c.kind === "value" && c.key === "fees.t2.charges");
    expect(charges).toMatchObject({ decimals: 2, colSpan: 3 });
    const grid = gridOf(t2);
    const permits = grid.cells.find((p) => p.cell.kind === "value" && p.cell.key === "pollution-sources.t2.permits")!;
    expect(cellName(cellPath(grid, permits))).toBe("第二十条第（五）项 · 行政许可 · 本年处理决定数量");
    const normative = grid.cells.find((p) => p.cell.kind === "value" && p.cell.key === "disclosure.normative.valid")!;
    expect(columnHeaders(grid, normative).map((p) => p.cell.kind === "header" && p.cell.text)).toEqual(["第二十条第（一）项", "现行有效件数"]);
  });

  it("binds each figure key once", () => {
    const keys = boundKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(10 + 25 * 7 + 15);
  });

  it("binds only keys the disclosure and requests plugins declare, and names each cell as they label it", async () => {
    const registry = await loadPlugins(["disclosure", "requests"]);
    const declared = new Map<string, string>();
    for (const plugin of registry.plugins) {
      for (const section of plugin.manifest.reportFigures ?? []) for (const f of section.figures) declared.set(f.key, f.label);
    }
    const keys = boundKeys();
    const ours = keys.filter((k) => k.startsWith("disclosure.") || k.startsWith("requests."));
    expect(ours.filter((k) => !declared.has(k))).toEqual([]);
    // The manual ones: no plugin of today declares them.
    expect(keys.filter((k) => !declared.has(k))).toEqual(["pollution-sources.t2.permits", "pollution-sources.t2.penalties", "pollution-sources.t2.enforcement", "fees.t2.charges"]);
    // The requests plugin labels a cell "row / row / column / column"; our path must be the same words.
    const zh = registry.get("requests")!.manifest.locales["zh-CN"] as Record<string, unknown>;
    const lookup = (path: string) => path.split(":")[1]!.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], zh);
    for (const table of [FORMAT_2021.tables.t3, FORMAT_2021.tables.t4]) {
      const grid = gridOf(table);
      for (const p of grid.cells) {
        if (p.cell.kind !== "value") continue;
        const path = cellPath(grid, p);
        expect([...path.block, ...path.row, ...path.column].join(" / "), p.cell.key).toBe(lookup(declared.get(p.cell.key)!));
      }
    }
  });
});
