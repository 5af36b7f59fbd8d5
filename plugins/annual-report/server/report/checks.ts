import type { IdentityRule, ReportFormat } from "../../law/format";
import { tableValues, valueCells } from "./fill";
import { cellName, cellPath, layOut } from "./grid";
import type { GridCell, ReportTable } from "./model";

/**
 * The checks a filled report must pass before it is submitted (legal-spec §2.3, §2.4), run from the
 * format's identities. Errors block submission; a warning (the cross-year carry-over) is shown and
 * does not. Each problem names its cells in official Chinese and by key.
 */

export type CheckRule = IdentityRule | "t3.carried_over" | "cell.integer" | "cell.decimals" | "manual.value" | "manual.note";

/** What each rule says, in official Chinese; the staff interface has it in three locales (checks.<rule>). */
export const RULE_TEXT: Record<CheckRule, string> = {
  "t3.balance": "第一项加第二项之和，等于第三项加第四项之和",
  "t3.results_total": "（七）总计等于各项办理结果之和",
  "t3.row_total": "总计等于自然人与法人或其他组织各列之和",
  "t4.group_total": "总计等于结果维持、结果纠正、其他结果、尚未审结之和",
  "t3.carried_over": "本年二、上年结转政府信息公开申请数量应等于上年四、结转下年度继续办理",
  "cell.integer": "应为不小于0的整数",
  "cell.decimals": "应为不小于0、最多两位小数的数",
  "manual.value": "手填数据未填写",
  "manual.note": "手填数据未注明来源",
};

export interface NamedCell {
  key: string;
  /** "三、本年度办理结果（七）总计 · 自然人". */
  name: string;
  /** The cell of last year's published report (the cross-year warning). */
  lastYear?: boolean;
}

export interface Problem {
  severity: "error" | "warning";
  rule: CheckRule;
  cells: NamedCell[];
  /** An identity's two sides as summed, or the one cell's value. */
  left?: number;
  right?: number;
  value?: number | null;
  /** The problem in official Chinese, cells named. */
  text: string;
}

/** Figure key → official name, from the filled tables' own grids. */
export function cellNames(tables: readonly ReportTable[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const table of tables) {
    const grid = layOut<GridCell>(table.head, table.body);
    for (const placed of grid.cells) {
      if (placed.cell.kind === "value") names.set(placed.cell.key, cellName(cellPath(grid, placed)));
    }
  }
  return names;
}

const sum = (values: readonly number[]) => Math.round(values.reduce((s, v) => s + v, 0) * 1e6) / 1e6;
const hasDecimalsAtMost = (value: number, decimals: number) => {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

function cellProblems(tables: readonly ReportTable[], named: (key: string) => NamedCell): Problem[] {
  const problems: Problem[] = [];
  for (const cell of tables.flatMap(valueCells)) {
    const cells = [named(cell.key)];
    const says = (rule: CheckRule) => `${cells[0]!.name}：${RULE_TEXT[rule]}`;
    if (cell.manual && cell.value === null) problems.push({ severity: "error", rule: "manual.value", cells, value: null, text: says("manual.value") });
    if (cell.manual && !cell.note?.trim()) problems.push({ severity: "error", rule: "manual.note", cells, text: says("manual.note") });
    if (cell.value === null) continue;
    const decimals = cell.decimals ?? 0;
    const valid = Number.isFinite(cell.value) && cell.value >= 0 && hasDecimalsAtMost(cell.value, decimals);
    const rule = decimals === 0 ? "cell.integer" : "cell.decimals";
    if (!valid) problems.push({ severity: "error", rule, cells, value: cell.value, text: `${says(rule)}（现为${cell.value}）` });
  }
  return problems;
}

/**
 * Every problem of a filled report. `lastYear`: the cells of last year's published report, for the
 * carry-over warning. An identity with a cell not yet entered is not evaluated: the missing cell is
 * the problem reported.
 */
export function checkReport(format: ReportFormat, tables: readonly ReportTable[], options: { lastYear?: Record<string, number | null> } = {}): Problem[] {
  const names = cellNames(tables);
  const named = (key: string, lastYear = false): NamedCell => ({ key, name: names.get(key) ?? key, ...(lastYear ? { lastYear } : {}) });
  const values = tableValues(tables);
  const known = (keys: string[]) => keys.every((k) => typeof values[k] === "number");
  const problems = cellProblems(tables, (key) => named(key));

  for (const identity of format.identities) {
    const keys = [...identity.left, ...identity.right];
    if (!keys.every((k) => k in values) || !known(keys)) continue;
    const left = sum(identity.left.map((k) => values[k]!));
    const right = sum(identity.right.map((k) => values[k]!));
    if (left === right) continue;
    const side = (ks: string[]) => ks.map((k) => names.get(k) ?? k).join(" + ");
    problems.push({
      severity: "error",
      rule: identity.rule,
      cells: keys.map((k) => named(k)),
      left,
      right,
      text: `${RULE_TEXT[identity.rule]}：${side(identity.left)}（${left}）≠ ${side(identity.right)}（${right}）`,
    });
  }

  const lastYear = options.lastYear;
  if (lastYear) {
    for (const check of format.crossYear) {
      const now = values[check.thisYear];
      const then = lastYear[check.lastYear];
      if (typeof now !== "number" || typeof then !== "number" || now === then) continue;
      const cells = [named(check.thisYear), named(check.lastYear, true)];
      problems.push({
        severity: "warning",
        rule: check.rule,
        cells,
        left: now,
        right: then,
        text: `${RULE_TEXT[check.rule]}：本年${cells[0]!.name}（${now}）≠ 上年${cells[1]!.name}（${then}）`,
      });
    }
  }
  return problems;
}

export const blocksSubmission = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");

/**
 * The cells every broken identity shares: with one wrong figure, its column's and its row's
 * identities break and meet in it. Empty when the errors have no cell in common.
 */
export function suspectCells(problems: readonly Problem[]): NamedCell[] {
  const broken = problems.filter((p) => p.severity === "error" && p.left !== undefined);
  if (broken.length === 0) return [];
  return broken[0]!.cells.filter((c) => broken.every((p) => p.cells.some((d) => d.key === c.key)));
}
