import { T2_KEYS } from "../law/table-two-2021";
import { T3_DATA_ROWS, t3Key } from "../law/table-three-2021";
import { T4_GROUPS, T4_OUTCOMES, t4Key } from "../law/table-four-2021";
import type { Figures } from "../server/report/fill";

/**
 * A district bureau's 2025 as the report reader gives it with the disclosure and requests plugins
 * enabled: the facts and the totals the narrative quotes (58 + 3 = 57 + 4; the results add up to 57).
 */
export function realisticFigures(): Figures {
  const f: Figures = {
    "disclosure.facts.published": 412,
    "disclosure.facts.categories": 23,
    "disclosure.facts.interpretations": 9,
    "disclosure.facts.withdrawn": 2,
    "requests.facts.electronic": 51,
    "requests.facts.paper": 7,
    "requests.facts.feesCharged": 2,
    "requests.facts.feesFen": 4350,
    [T2_KEYS.rulesIssued]: 0,
    [T2_KEYS.rulesRepealed]: 0,
    [T2_KEYS.rulesValid]: 0,
    [T2_KEYS.normativeIssued]: 3,
    [T2_KEYS.normativeRepealed]: 1,
    [T2_KEYS.normativeValid]: 17,
  };
  for (const row of T3_DATA_ROWS) f[t3Key(row, "total")] = 0;
  const totals: Record<string, number> = {
    received: 58,
    carried_over: 3,
    handled_total: 57,
    carried_forward: 4,
    disclosed: 31,
    partly_disclosed: 4,
    "withheld.third_party": 2,
    "withheld.process_information": 1,
    "unavailable.not_held": 10,
    "unavailable.needs_creation": 2,
    "unavailable.still_unclear": 1,
    "not_processed.petition": 2,
    "not_processed.repeated": 1,
    "other.no_supplement": 2,
    "other.other": 1,
  };
  for (const [row, n] of Object.entries(totals)) f[t3Key(row, "total")] = n;
  for (const g of T4_GROUPS) for (const o of T4_OUTCOMES) f[t4Key(g, o)] = 0;
  Object.assign(f, {
    [t4Key("review", "upheld")]: 2,
    [t4Key("review", "corrected")]: 1,
    [t4Key("review", "total")]: 3,
    [t4Key("direct_suit", "pending")]: 1,
    [t4Key("direct_suit", "total")]: 1,
  });
  return f;
}

/** The figures without one plugin's keys, as the reader gives them when that plugin is not enabled. */
export const without = (figures: Figures, pluginId: string): Figures =>
  Object.fromEntries(Object.entries(figures).filter(([key]) => !key.startsWith(`${pluginId}.`)));
