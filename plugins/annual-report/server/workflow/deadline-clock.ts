import type { ClockKind, Localized } from "../../../../app/plugin-api";

const regulation = (zhCN: string, zhTW: string, en: string): Localized => ({
  "zh-CN": `《中华人民共和国政府信息公开条例》${zhCN}`,
  "zh-TW": `《中華人民共和國政府信息公開條例》${zhTW}`,
  en: `Regulation on Open Government Information, ${en}`,
});

/**
 * 条例第四十九条: each office publishes last year's annual report by 31 January. The clock of year Y
 * (`annual-report.deadline:<Y>`) starts on 1 January of Y+1 and is due on the first 31 January after
 * that. A fixed date, not a period counted in days: it does not move to the next working day.
 */
export const DEADLINE_CLOCK: ClockKind = {
  key: "annual-report.deadline",
  period: { byDay: "01-31" },
  source: regulation("第四十九条", "第四十九條", "Art. 49"),
  pauses: {},
  extension: null,
  stops: {
    published: {
      wording: { "zh-CN": "{date}已公开", "zh-TW": "{date}已公開", en: "published {date}" },
      lateWording: { "zh-CN": "{date}公开，逾期{late}", "zh-TW": "{date}公開，逾期{late}", en: "published {date}, {late} late" },
    },
  },
};

/** The clock id of a report year. */
export const deadlineClockId = (year: number) => `${DEADLINE_CLOCK.key}:${year}`;

/** The day the year's clock starts: the report year is over. */
export const deadlineStart = (year: number) => `${year + 1}-01-01`;
