import { fromDayNumber, isCalendarDate, toDayNumber } from "./dates";
import { NOTICE_ERRORS, checkNoticeDays, type NoticeDay, type NoticeError, type NoticeParse } from "./notice-days";

/**
 * Reads the text of a 国务院办公厅关于某年部分节假日安排的通知 as pasted, line by line, e.g.
 * "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。": a clause with dates and
 * 放假 sets rest days, one with 上班 sets make-up working days; "共N天" must match the days listed.
 * Parenthesised notes (weekdays, lunar dates) and lines that say neither (the preamble, the
 * signature date) are skipped; a clause with dates that says neither, or both, is refused rather
 * than guessed.
 */

const HEAD = /^\s*(?:[一二三四五六七八九十]+[、.]\s*)?([^\s:\d,，。;]{1,16})\s*:/;
const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日`;
const SPAN = new RegExp(`${DATE}(?:\\s*(?:至|到|~|-)\\s*(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日)?`, "g");
const TOTAL = /共\s*(\d{1,3})\s*天/;
/** A range longer than this is a typo, not a holiday. */
const MAX_SPAN = 31;

export function parseNoticeText(year: number, text: string): NoticeParse {
  const days: NoticeDay[] = [];
  const errors: NoticeError[] = [];
  let name = "";
  // NFKC makes full-width digits, colons and brackets plain, so one pattern reads both.
  text
    .normalize("NFKC")
    .split("\n")
    .forEach((raw, index) => {
      const line = raw.replace(/\([^()]*\)/g, "");
      const lineNo = index + 1;
      // The preamble and the signature date ("国务院办公厅 2025年11月4日") set no day.
      if (!/放假|上班|休/.test(line)) return;
      name = HEAD.exec(line)?.[1] ?? name;
      for (const sentence of line.split(/[。;]/)) {
        let rest = 0;
        let total: number | null = null;
        for (const clause of sentence.split(/[,，]/)) {
          const counted = TOTAL.exec(clause);
          if (counted) total = Number(counted[1]);
          const spans = [...clause.matchAll(SPAN)];
          if (!spans.length) continue;
          const workday = clause.includes("上班");
          if (workday === /放假|休/.test(clause)) {
            errors.push({ key: `${NOTICE_ERRORS}.unclear`, values: { line: lineNo, text: clause.trim().slice(0, 40) } });
            continue;
          }
          for (const span of spans) {
            const dates = expand(year, span, lineNo, errors);
            if (!workday) rest += dates.length;
            for (const date of dates) days.push({ date, workday, name });
          }
        }
        if (total !== null && rest > 0 && total !== rest) errors.push({ key: `${NOTICE_ERRORS}.total`, values: { line: lineNo, total, listed: rest } });
      }
    });
  if (errors.length) return { ok: false, errors };
  return checkNoticeDays(year, days);
}

/** The days of one "M月D日" or "M月D日至[M月]D日" span; a bad date or range is reported and gives none. */
function expand(year: number, m: RegExpMatchArray, line: number, errors: NoticeError[]): string[] {
  const [text, y1, m1, d1, y2, m2, d2] = m;
  const first = isoDate(y1 ? Number(y1) : year, Number(m1), Number(d1));
  if (!isCalendarDate(first)) {
    errors.push({ key: `${NOTICE_ERRORS}.badDate`, values: { line, date: text.trim() } });
    return [];
  }
  if (d2 === undefined) return [first];
  const last = isoDate(y2 ? Number(y2) : Number(first.slice(0, 4)), m2 ? Number(m2) : Number(m1), Number(d2));
  if (!isCalendarDate(last)) {
    errors.push({ key: `${NOTICE_ERRORS}.badDate`, values: { line, date: text.trim() } });
    return [];
  }
  const [from, to] = [toDayNumber(first), toDayNumber(last)];
  if (to < from || to - from >= MAX_SPAN) {
    errors.push({ key: `${NOTICE_ERRORS}.badRange`, values: { line, range: text.trim() } });
    return [];
  }
  return Array.from({ length: to - from + 1 }, (_, i) => fromDayNumber(from + i));
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
