import { T2_KEYS } from "../../law/table-two-2021";
import { T3_GROUPS, t3Key } from "../../law/table-three-2021";
import { t4Key } from "../../law/table-four-2021";

/**
 * The figure keys the narrative quotes, as the disclosure and requests plugins declare them (copied,
 * as the format's keys are: a plugin imports no other plugin).
 */
export const FACT_KEYS = {
  published: "disclosure.facts.published",
  categories: "disclosure.facts.categories",
  interpretations: "disclosure.facts.interpretations",
  withdrawn: "disclosure.facts.withdrawn",
  electronic: "requests.facts.electronic",
  paper: "requests.facts.paper",
  feesCharged: "requests.facts.feesCharged",
  feesFen: "requests.facts.feesFen",
} as const;

export const REQUEST_KEYS = {
  received: t3Key("received", "total"),
  carriedOver: t3Key("carried_over", "total"),
  handled: t3Key("handled_total", "total"),
  carriedForward: t3Key("carried_forward", "total"),
} as const;

/** The results of table 三 as the narrative groups them: each label with the row totals it sums. */
export const RESULT_GROUPS: { label: string; keys: string[] }[] = [
  { label: "予以公开", keys: [t3Key("disclosed", "total")] },
  { label: "部分公开", keys: [t3Key("partly_disclosed", "total")] },
  ...T3_GROUPS.map((g) => ({ label: g.text.replace(/^（.）/, ""), keys: g.items.map((i) => t3Key(i.row, "total")) })),
];

export const REMEDY_KEYS = {
  review: t4Key("review", "total"),
  reviewOutcomes: [
    ["结果维持", t4Key("review", "upheld")],
    ["结果纠正", t4Key("review", "corrected")],
    ["其他结果", t4Key("review", "other")],
    ["尚未审结", t4Key("review", "pending")],
  ] as [string, string][],
  directSuit: t4Key("direct_suit", "total"),
  suitAfterReview: t4Key("suit_after_review", "total"),
} as const;

export const DOCUMENT_KEYS = {
  normativeIssued: T2_KEYS.normativeIssued,
  normativeRepealed: T2_KEYS.normativeRepealed,
  normativeValid: T2_KEYS.normativeValid,
  rulesIssued: T2_KEYS.rulesIssued,
  rulesRepealed: T2_KEYS.rulesRepealed,
  rulesValid: T2_KEYS.rulesValid,
} as const;

/** Table 二 （五）（六）: decisions the pollution-source register will count, with the words a sentence uses. */
export const DECISION_KEYS: [string, string][] = [
  ["行政许可决定", T2_KEYS.permits],
  ["行政处罚决定", T2_KEYS.penalties],
  ["行政强制决定", T2_KEYS.enforcement],
];
