import type { Random } from "../random";

/** Where and when an item is written: what its template needs to know about the office. */
export interface ItemSetting {
  /** 青州市东城区, or 青州市 for a city bureau. */
  place: string;
  /** The city's two-character name, for company names: 青州. */
  city: string;
  region: string;
  /** The office's name: 发布机构 and the signature of letters. */
  issuer: string;
  /** 文号 prefix: 青环东. */
  prefix: string;
  publishedOn: string;
  /** The next 文号 of a kind (审, 罚, 规 …) in a year, counted per office. */
  nextNumber(kind: string, year: number): number;
}

export interface Written {
  title: string;
  bodyHtml: string;
  docNumber?: string;
  listRowKey?: string;
  attachments?: { name: string; mime: string; text: string }[];
}

export type Template = (r: Random, s: ItemSetting) => Written;

export const yearOf = (s: ItemSetting) => Number(s.publishedOn.slice(0, 4));
export const monthOf = (s: ItemSetting) => Number(s.publishedOn.slice(5, 7));
export const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The month before publication: what a monthly report covers. */
export function lastMonth(s: ItemSetting): { y: number; m: number } {
  const m = monthOf(s);
  return m === 1 ? { y: yearOf(s) - 1, m: 12 } : { y: yearOf(s), m: m - 1 };
}

/** The last quarter that ended before publication: what a quarterly report covers. */
export function lastQuarter(s: ItemSetting): { y: number; q: number } {
  const q = Math.floor((monthOf(s) - 1) / 3);
  return q === 0 ? { y: yearOf(s) - 1, q: 4 } : { y: yearOf(s), q };
}

/** A 文号 such as 青环罚〔2025〕12号. */
export function docNumber(s: ItemSetting, kind: string): string {
  const y = yearOf(s);
  return `${s.prefix}${kind}〔${y}〕${s.nextNumber(kind, y)}号`;
}

/** A date `days` before publication, as 2025年3月4日 (inspections, applications). */
export function daysBefore(s: ItemSetting, days: number): string {
  const t = Date.parse(`${s.publishedOn}T00:00:00Z`) - days * 86_400_000;
  return zhDate(new Date(t).toISOString().slice(0, 10));
}

export const signature = (s: ItemSetting) => `${s.issuer}\n${zhDate(s.publishedOn)}`;
