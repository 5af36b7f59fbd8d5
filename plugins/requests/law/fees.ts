import type { Localized } from "../../../app/plugin-api";
import { FEE_NOTICE } from "./reply-clock";
import type { TableThreeRowKey } from "./reply-types";

/**
 * 信息处理费 under 条例 Art 42 and 国办函〔2020〕109号《政府信息公开信息处理费管理办法》. Amounts
 * are in 分 so sums stay exact. Whether a request is excessive enough to charge at all is the
 * office's decision; this module only prices it.
 */

export const FEE_MEASURES = {
  title: "《政府信息公开信息处理费管理办法》",
  instrument: "国办函〔2020〕109号",
  issued: "2020-11-17",
  basis: FEE_NOTICE.basis,
} as const;

/** Default is no fee; a fee only where quantity or frequency clearly exceeds a reasonable range. [V] */
export const FEE_PRINCIPLE = {
  chargedByDefault: false,
  basis: {
    "zh-CN": "《政府信息公开条例》第四十二条",
    "zh-TW": "《政府信息公開條例》第四十二條",
    en: "Regulation on Open Government Information, Art. 42",
  } satisfies Localized,
  confirmed: true,
} as const;

export const FEE_METHODS = ["per_application", "per_page"] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

/** Units `from`–`to` (inclusive; `to` null: no upper end) cost `fen` each. */
export interface FeeBand {
  from: number;
  to: number | null;
  fen: number;
}

export interface FeeSchedule {
  method: FeeMethod;
  label: Localized;
  /** What is counted. */
  unit: Localized;
  bands: readonly FeeBand[];
  /** Per application only: above the last band the rate rises by `stepFen` for every further `size` units. */
  blocks?: { size: number; stepFen: number };
  confirmed: boolean;
}

/** 超额累进: each unit is priced by the band it falls in, not the whole quantity by the top band. */
export const FEE_SCHEDULES: Record<FeeMethod, FeeSchedule> = {
  per_application: {
    method: "per_application",
    label: { "zh-CN": "按件计收", "zh-TW": "按件計收", en: "Per application" },
    unit: {
      "zh-CN": "同一申请人一个自然月内的申请件数",
      "zh-TW": "同一申請人一個自然月內的申請件數",
      en: "applications by the same applicant in one calendar month",
    },
    bands: [
      { from: 1, to: 10, fen: 0 },
      { from: 11, to: 30, fen: 10_000 },
    ],
    blocks: { size: 10, stepFen: 10_000 },
    confirmed: true,
  },
  per_page: {
    method: "per_page",
    label: { "zh-CN": "按量计收", "zh-TW": "按量計收", en: "Per page" },
    unit: {
      "zh-CN": "一件申请提供的页数（纸质、电子邮件、复制电子数据）",
      "zh-TW": "一件申請提供的頁數（紙質、電子郵件、複製電子數據）",
      en: "pages provided for one application (paper, e-mail, copied electronic data)",
    },
    bands: [
      { from: 1, to: 30, fen: 0 },
      { from: 31, to: 100, fen: 1_000 },
      { from: 101, to: 200, fen: 2_000 },
      { from: 201, to: null, fen: 4_000 },
    ],
    confirmed: true,
  },
};

/** A multi-item request may be split into reasonable minimal units before counting (一事一申请). */
export const ONE_MATTER_PER_APPLICATION = { splittable: true, confirmed: true } as const;

/** The fee notice procedure; the spec tags it [M]. */
export const FEE_PROCEDURE = {
  payWithinWorkingDays: FEE_NOTICE.days,
  clockSuspendedUntilPaid: true,
  unpaidRow: "other.fee_unpaid" satisfies TableThreeRowKey,
  basis: FEE_NOTICE.basis,
  confirmed: FEE_NOTICE.confirmed,
} as const;

/** The rate of the n-th unit (1-based). */
export function unitRate(schedule: FeeSchedule, n: number): number {
  for (const band of schedule.bands) if (n >= band.from && (band.to === null || n <= band.to)) return band.fen;
  const last = schedule.bands[schedule.bands.length - 1];
  if (!schedule.blocks || !last || last.to === null) throw new RangeError(`No band for unit ${n}`);
  const block = Math.floor((n - last.to - 1) / schedule.blocks.size) + 1;
  return last.fen + block * schedule.blocks.stepFen;
}

export interface FeeLine {
  from: number;
  to: number;
  units: number;
  rateFen: number;
  fen: number;
}

export interface Fee {
  method: FeeMethod;
  fen: number;
  lines: FeeLine[];
}

/** Units first–last priced band by band, one line per rate. */
function price(schedule: FeeSchedule, first: number, last: number): Fee {
  const lines: FeeLine[] = [];
  for (let n = first; n <= last; n++) {
    const rateFen = unitRate(schedule, n);
    const line = lines[lines.length - 1];
    if (line && line.rateFen === rateFen) {
      line.to = n;
      line.units++;
      line.fen += rateFen;
    } else lines.push({ from: n, to: n, units: 1, rateFen, fen: rateFen });
  }
  return { method: schedule.method, fen: lines.reduce((s, l) => s + l.fen, 0), lines };
}

/**
 * One method per application, never both. Per application: the fee for the application that is
 * the `ordinalInMonth`-th by this applicant this calendar month (see ordinalInMonth). Per page: the
 * fee for `pages` pages provided for one application.
 */
export type FeeInput = { method: "per_application"; ordinalInMonth: number } | { method: "per_page"; pages: number };

export function computeFee(input: FeeInput): Fee {
  if (input.method === "per_application") {
    const n = input.ordinalInMonth;
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`ordinalInMonth must be a positive integer: ${n}`);
    return price(FEE_SCHEDULES.per_application, n, n);
  }
  const pages = input.pages;
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`pages must be a non-negative integer: ${pages}`);
  return price(FEE_SCHEDULES.per_page, 1, pages);
}

/** What `count` applications in one month cost together: the sum of each one's fee. */
export function monthFee(count: number): Fee {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer: ${count}`);
  return price(FEE_SCHEDULES.per_application, 1, count);
}

/**
 * Where an application received on `receivedOn` falls among the same applicant's applications in
 * that calendar month (1-based); `earlier` are the receipt dates of the applicant's earlier ones.
 */
export function ordinalInMonth(earlier: readonly string[], receivedOn: string): number {
  const month = receivedOn.slice(0, 7);
  return earlier.filter((d) => d.slice(0, 7) === month && d <= receivedOn).length + 1;
}

/** ¥ with two decimals, for notices. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
