import { T2_KEYS } from "../law/table-two-2021";
import { T3_APPLICANT_COLUMNS, T3_DATA_ROWS, T3_OUTCOME_ROWS, t3Key } from "../law/table-three-2021";
import { T4_GROUPS, t4Key } from "../law/table-four-2021";
import type { Figures } from "../server/report/fill";
import { noteField, valueField } from "../server/workflow/manual-cells";

/**
 * Figures of one office that satisfy every identity, as the disclosure and requests plugins would
 * return them: tables 二（一）, 三 and 四, and nothing for （五）（六）（八）. `seed` varies the numbers.
 */
export function consistentFigures(seed = 1): Figures {
  const f: Figures = {
    [T2_KEYS.rulesIssued]: seed,
    [T2_KEYS.rulesRepealed]: 0,
    [T2_KEYS.rulesValid]: 3 + seed,
    [T2_KEYS.normativeIssued]: 2 * seed,
    [T2_KEYS.normativeRepealed]: 1,
    [T2_KEYS.normativeValid]: 10 + seed,
  };
  T3_APPLICANT_COLUMNS.forEach((c, i) => {
    T3_OUTCOME_ROWS.forEach((r, j) => (f[t3Key(r, c)] = (seed + i + j) % 4));
    const handled = T3_OUTCOME_ROWS.reduce((s, r) => s + f[t3Key(r, c)]!, 0);
    f[t3Key("handled_total", c)] = handled;
    f[t3Key("carried_over", c)] = (i + seed) % 3;
    f[t3Key("carried_forward", c)] = (i + 2 * seed) % 3;
    f[t3Key("received", c)] = handled + f[t3Key("carried_forward", c)]! - f[t3Key("carried_over", c)]!;
  });
  for (const r of T3_DATA_ROWS) f[t3Key(r, "total")] = T3_APPLICANT_COLUMNS.reduce((s, c) => s + f[t3Key(r, c)]!, 0);
  T4_GROUPS.forEach((g, i) => {
    const parts = { upheld: seed + i, corrected: 1, other: 0, pending: i };
    for (const [o, v] of Object.entries(parts)) f[t4Key(g, o as keyof typeof parts)] = v;
    f[t4Key(g, "total")] = Object.values(parts).reduce((s, v) => s + v, 0);
  });
  return f;
}

/** The four manual cells filled in, each with its source. */
export const MANUAL = {
  [T2_KEYS.permits]: { value: 12, note: "行政许可科台账" },
  [T2_KEYS.penalties]: { value: 5, note: "执法支队处罚决定书登记簿" },
  [T2_KEYS.enforcement]: { value: 0, note: "执法支队登记簿，本年无行政强制" },
  [T2_KEYS.charges]: { value: 0.35, note: "财务科收费台账，3500元" },
};

/**
 * The manual-cell form of an office without the requests plugin, every cell filled with its source:
 * table 二's four, and tables 三 and 四 (`tamper` breaks one of their figures).
 */
export function manualFormFields(tamper?: { key: string; by: number }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(consistentFigures())) {
    if (!key.startsWith("requests.")) continue;
    fields[valueField(key)] = String(value + (tamper?.key === key ? tamper.by : 0));
    fields[noteField(key)] = "依申请公开登记台账";
  }
  for (const [key, cell] of Object.entries(MANUAL)) {
    fields[valueField(key)] = String(cell.value);
    fields[noteField(key)] = cell.note;
  }
  return fields;
}
