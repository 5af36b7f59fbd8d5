import type { ClockKind, Localized } from "../../../app/plugin-api";

/** Replace with the rule your deadline comes from: every clock rule carries its legal source. */
const source: Localized = { "zh-CN": "《__ID__办理规定》第一条", "zh-TW": "《__ID__辦理規定》第一條", en: "__ID__ handling rules, Art. 1" };

/**
 * A deadline clock of this plugin (see "Clock kinds" in plugins/README.md): a note is answered
 * within 10 working days; asking its author to clarify pauses it until the answer, for at most 5
 * working days. Keep one per note with `ctx.clocks.append(trx, "__ID__.answer:<note id>", event)`.
 */
export const ANSWER_CLOCK: ClockKind = {
  key: "__ID__.answer",
  period: { days: 10, unit: "working" },
  source,
  pauses: {
    clarification: {
      label: { "zh-CN": "作者澄清", "zh-TW": "作者澄清", en: "the author's clarification" },
      source,
      endsWith: "resume",
      answer: { days: 5, source, lapses: true },
    },
  },
  extension: null,
  stops: {
    answered: {
      wording: { "zh-CN": "{date}已答复", "zh-TW": "{date}已答覆", en: "answered {date}" },
      lateWording: { "zh-CN": "{date}答复，逾期{late}", "zh-TW": "{date}答覆，逾期{late}", en: "answered {date}, {late} late" },
    },
  },
};
