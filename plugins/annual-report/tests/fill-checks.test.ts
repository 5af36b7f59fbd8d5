import { describe, expect, it } from "vitest";
import { FORMAT_2021 } from "../law/format-2021";
import { T2_KEYS } from "../law/table-two-2021";
import { t3Key } from "../law/table-three-2021";
import { t4Key } from "../law/table-four-2021";
import { blocksSubmission, checkReport, suspectCells } from "../server/report/checks";
import { consolidate } from "../server/report/consolidate";
import { fillTables, manualKeys, tableValues, valueCells, type Figures } from "../server/report/fill";
import type { ReportTable } from "../server/report/model";
import { consistentFigures, MANUAL } from "./fixtures";

const cells = (tables: ReportTable[]) => tables.flatMap(valueCells);
const withFigure = (figures: Figures, key: string, value: number) => ({ ...figures, [key]: value });

describe("filling the format", () => {
  it("takes every provided figure and marks the cells no plugin provides as manual, with the drafter's value and note", () => {
    const figures = consistentFigures();
    const tables = fillTables(FORMAT_2021, figures, { [T2_KEYS.permits]: MANUAL[T2_KEYS.permits] });
    expect(tables.map((t) => t.key)).toEqual(["t2", "t3", "t4"]);
    const manual = cells(tables).filter((c) => c.manual);
    expect(manual.map((c) => c.key)).toEqual([T2_KEYS.permits, T2_KEYS.penalties, T2_KEYS.enforcement, T2_KEYS.charges]);
    expect(manual[0]).toMatchObject({ value: 12, note: "行政许可科台账", colSpan: 3 });
    expect(manual[1]).toMatchObject({ value: null, note: "" });
    expect(manual[3]).toMatchObject({ decimals: 2 });
    for (const c of cells(tables).filter((x) => !x.manual)) expect(c.value).toBe(figures[c.key]);
    expect(manualKeys(FORMAT_2021, figures)).toEqual(manual.map((c) => c.key));
  });

  it("makes a figure manual when its plugin is not enabled (the reader returns none of its keys)", () => {
    const withoutRequests = Object.fromEntries(Object.entries(consistentFigures()).filter(([k]) => !k.startsWith("requests.")));
    const tables = fillTables(FORMAT_2021, withoutRequests);
    const t3 = cells(tables.filter((t) => t.key === "t3"));
    expect(t3).toHaveLength(175);
    expect(t3.every((c) => c.manual && c.value === null)).toBe(true);
  });

  it("keeps the format's glosses, spans and widths in the model", () => {
    const [, t3] = fillTables(FORMAT_2021, consistentFigures());
    expect(t3!.head[0]![0]).toMatchObject({ kind: "header", colSpan: 3, rowSpan: 3, gloss: "(In each column: item I plus item II equals item III plus item IV)" });
    expect(t3!.gloss).toBe("III. Applications for government information received and handled");
    expect(t3!.columnWidths).toHaveLength(10);
  });
});

describe("the checks", () => {
  const complete = () => fillTables(FORMAT_2021, consistentFigures(), MANUAL);

  it("pass a consistent report with every manual cell entered and sourced", () => {
    expect(checkReport(FORMAT_2021, complete())).toEqual([]);
  });

  it("refuse a report with one tampered cell of table 三 and name it, in Chinese and by key", () => {
    const key = t3Key("withheld.third_party", "business");
    const figures = consistentFigures();
    const problems = checkReport(FORMAT_2021, fillTables(FORMAT_2021, withFigure(figures, key, figures[key]! + 1), MANUAL));
    expect(blocksSubmission(problems)).toBe(true);
    expect(problems.map((p) => p.rule).sort()).toEqual(["t3.results_total", "t3.row_total"]);
    for (const p of problems) expect(p.cells.map((c) => c.key)).toContain(key);
    const name = "三、本年度办理结果（三）不予公开4.保护第三方合法权益 · 法人或其他组织 · 商业企业";
    expect(suspectCells(problems)).toEqual([{ key, name }]);
    expect(problems.every((p) => p.text.includes(name))).toBe(true);
    const results = problems.find((p) => p.rule === "t3.results_total")!;
    expect(results.text.startsWith("（七）总计等于各项办理结果之和：三、本年度办理结果（七）总计 · 法人或其他组织 · 商业企业（")).toBe(true);
    expect(results.right).toBe(results.left! + 1);
  });

  it("name 一、二 and 四 in the balance of a column when its 一 is wrong", () => {
    const key = t3Key("received", "natural");
    const figures = consistentFigures();
    const problems = checkReport(FORMAT_2021, fillTables(FORMAT_2021, withFigure(figures, key, figures[key]! + 2), MANUAL));
    const balance = problems.find((p) => p.rule === "t3.balance")!;
    expect(balance.cells.map((c) => c.name)).toEqual([
      "一、本年新收政府信息公开申请数量 · 自然人",
      "二、上年结转政府信息公开申请数量 · 自然人",
      "三、本年度办理结果（七）总计 · 自然人",
      "四、结转下年度继续办理 · 自然人",
    ]);
    expect(suspectCells(problems).map((c) => c.key)).toEqual([key]);
  });

  it("refuse a table 四 group whose 总计 is not the sum of its four results", () => {
    const key = t4Key("direct_suit", "total");
    const problems = checkReport(FORMAT_2021, fillTables(FORMAT_2021, withFigure(consistentFigures(), key, 99), MANUAL));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "t4.group_total", severity: "error", left: 99 });
    expect(problems[0]!.cells[0]!.name).toBe("行政诉讼 · 未经复议直接起诉 · 总计");
  });

  it("refuse negative, fractional and over-precise figures, and manual cells without value or note", () => {
    const figures = withFigure(withFigure(consistentFigures(), t4Key("review", "pending"), -1), T2_KEYS.rulesIssued, 1.5);
    const manual = { ...MANUAL, [T2_KEYS.charges]: { value: 0.125, note: "x" }, [T2_KEYS.penalties]: { value: null, note: "" }, [T2_KEYS.enforcement]: { value: 0, note: "  " } };
    const problems = checkReport(FORMAT_2021, fillTables(FORMAT_2021, figures, manual));
    const by = (rule: string) => problems.filter((p) => p.rule === rule).map((p) => p.cells[0]!.name);
    expect(by("cell.integer")).toEqual(["第二十条第（一）项 · 规章 · 本年制发件数", "行政复议 · 尚未审结"]);
    expect(by("cell.decimals")).toEqual(["第二十条第（八）项 · 行政事业性收费 · 本年收费金额（单位：万元）"]);
    expect(by("manual.value")).toEqual(["第二十条第（六）项 · 行政处罚 · 本年处理决定数量"]);
    expect(by("manual.note")).toEqual(["第二十条第（六）项 · 行政处罚 · 本年处理决定数量", "第二十条第（六）项 · 行政强制 · 本年处理决定数量"]);
    expect(blocksSubmission(problems)).toBe(true);
  });

  it("accept 万元 with two decimals", () => {
    const problems = checkReport(FORMAT_2021, fillTables(FORMAT_2021, consistentFigures(), { ...MANUAL, [T2_KEYS.charges]: { value: 12.34, note: "台账" } }));
    expect(problems).toEqual([]);
  });

  it("warn, without blocking, when this year's 二 differs from last year's published 四, naming both cells", () => {
    const thisYear = complete();
    const lastYear = tableValues(fillTables(FORMAT_2021, consistentFigures(2), MANUAL));
    const carried = tableValues(thisYear)[t3Key("carried_over", "research")]!;
    lastYear[t3Key("carried_forward", "research")] = carried + 3;
    // Only the research column (and the total, which sums it) differ from last year once the others agree.
    for (const c of ["natural", "business", "public_interest", "legal_service", "other_org"] as const) lastYear[t3Key("carried_forward", c)] = tableValues(thisYear)[t3Key("carried_over", c)]!;
    lastYear[t3Key("carried_forward", "total")] = tableValues(thisYear)[t3Key("carried_over", "total")]!;
    const problems = checkReport(FORMAT_2021, thisYear, { lastYear });
    expect(blocksSubmission(problems)).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "warning", rule: "t3.carried_over", left: carried, right: carried + 3 });
    expect(problems[0]!.cells).toEqual([
      { key: t3Key("carried_over", "research"), name: "二、上年结转政府信息公开申请数量 · 法人或其他组织 · 科研机构" },
      { key: t3Key("carried_forward", "research"), name: "四、结转下年度继续办理 · 法人或其他组织 · 科研机构", lastYear: true },
    ]);
    expect(problems[0]!.text).toContain("本年二、上年结转政府信息公开申请数量 · 法人或其他组织 · 科研机构");
  });
});

describe("consolidation", () => {
  it("sums each figure over the offices and keeps each office's contribution", () => {
    const a = tableValues(fillTables(FORMAT_2021, consistentFigures(1), MANUAL));
    const b = tableValues(fillTables(FORMAT_2021, consistentFigures(3), { ...MANUAL, [T2_KEYS.charges]: { value: 0.1, note: "台账" } }));
    const c = tableValues(fillTables(FORMAT_2021, consistentFigures(2)));
    const { totals, contributions } = consolidate({ a, b, c });
    const key = t3Key("received", "total");
    expect(totals[key]).toBe(a[key]! + b[key]! + c[key]!);
    expect(contributions[key]).toEqual([
      { officeId: "a", value: a[key] },
      { officeId: "b", value: b[key] },
      { officeId: "c", value: c[key] },
    ]);
    // 0.35 + 0.1 is 0.45, not 0.44999999999999996; office c entered nothing and is not listed.
    expect(totals[T2_KEYS.charges]).toBe(0.45);
    expect(contributions[T2_KEYS.charges]!.map((x) => x.officeId)).toEqual(["a", "b"]);
    // The consolidated tables still satisfy every identity: sums of consistent tables are consistent.
    expect(checkReport(FORMAT_2021, fillTables(FORMAT_2021, totals, {}))).toEqual([]);
  });
});
