import type { Locale, Localized } from "../../../app/plugin-api";
import { EXTENSION, FEE_NOTICE, OTHER_AGENCY, SUPPLEMENT, THIRD_PARTY } from "../law/reply-clock";
import type { NoticeKind } from "../db/schema";
import { FEE_PRINCIPLE, FEE_SCHEDULES, formatYuan, type FeeLine, type FeeMethod } from "../law/fees";
import { REPLY_TYPE_KEYS_2021, replyBasis } from "./basis";
import type { TemplateDef } from "./common";
import { OTHER_AGENCY_TEMPLATE, THIRD_PARTY_TEMPLATE } from "./consultation";
import { EXTENSION_TEMPLATE } from "./extension";
import { FEE_TEMPLATE } from "./fee";
import { joinCites, letterDate, numbered } from "./format";
import { ADMINISTRATIVE_REVIEW, ADMINISTRATIVE_SUIT, REMEDY_TEMPLATE } from "./remedy";
import { fill, problems, type TemplateProblem } from "./render";
import { REPLY_TEMPLATES, type ReplyTemplateId } from "./reply";
import { SUPPLEMENT_TEMPLATE } from "./supplement";
import type { ReplyTypeKey } from "../law/reply-types";

export { TemplateError } from "./render";
export type { ReplyTemplateId } from "./reply";

export const TEMPLATE_LOCALES = ["zh-CN", "zh-TW", "en"] as const satisfies readonly Locale[];

export type TemplateId = Exclude<NoticeKind, "reply"> | `reply.${ReplyTemplateId}` | "remedy";

/** Every default template. Overrides are keyed `<template id>.<locale>`, e.g. `supplement.zh-CN`, `reply.withheld.third_party.en`, `remedy.zh-TW`. */
export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef>> = {
  supplement: SUPPLEMENT_TEMPLATE,
  extension: EXTENSION_TEMPLATE,
  third_party: THIRD_PARTY_TEMPLATE,
  other_agency: OTHER_AGENCY_TEMPLATE,
  fee: FEE_TEMPLATE,
  remedy: REMEDY_TEMPLATE,
  ...(Object.fromEntries(Object.entries(REPLY_TEMPLATES).map(([k, v]) => [`reply.${k}`, v])) as Record<`reply.${ReplyTemplateId}`, TemplateDef>),
};

export function overrideKey(id: TemplateId, locale: Locale): string {
  return `${id}.${locale}`;
}

function parseOverrideKey(key: string): { id: TemplateId; locale: Locale } | null {
  const m = /^(.+)\.(zh-CN|zh-TW|en)$/.exec(key);
  if (!m || !Object.hasOwn(TEMPLATES, m[1]!)) return null;
  return { id: m[1] as TemplateId, locale: m[2] as Locale };
}

export type OverrideProblem = TemplateProblem | { code: "unknown-key" };

/** Why a tenant's override cannot be used (empty: it can): an unknown key, placeholder or stray brace, or a required placeholder left out. */
export function overrideProblems(key: string, text: string): OverrideProblem[] {
  const parsed = parseOverrideKey(key);
  if (!parsed) return [{ code: "unknown-key" }];
  const def = TEMPLATES[parsed.id];
  return problems(text, def.placeholders, def.required);
}

/** What every notice names: the office, the addressee, the application. Dates are YYYY-MM-DD. */
export interface LetterVars {
  office: string;
  /** Masked or full: the caller decides. */
  applicant: string;
  trackingNo: string;
  receivedOn: string;
  subject: string;
  /** The date the letter is signed. */
  issuedOn: string;
}

export interface WithheldPart {
  description: string;
  /** Why, as the reader should read it (e.g. the ground's label with its article). */
  groundLabel: string;
}

export interface NoticeVars {
  supplement: LetterVars & { items: readonly string[]; dueOn: string };
  extension: LetterVars & { days: number; newDueDate: string; reason: string };
  third_party: LetterVars & { party: string; answerDue: string };
  other_agency: LetterVars & { party: string; answerDue: string };
  fee: LetterVars & { method: FeeMethod; fen: number; lines: readonly FeeLine[]; dueOn: string; payment: string };
  reply: LetterVars & {
    replyType: ReplyTypeKey;
    /** Titles of the released documents. */
    documents?: readonly string[];
    /** How, where and when to obtain them (or, for 公开出版物, where to get the publication). */
    obtain?: string;
    withheld?: readonly WithheldPart[];
    /** (四)1 where another agency is responsible (Art 36(五)): that agency; `note` then gives the reasons. */
    responsible?: { agency: string; contact: string };
    /** A paragraph of the case's own (required for 其他 and for a reply naming the responsible agency). */
    note?: string;
    /** The article applied, for 其他 (the case decides it); otherwise the reply type's basis from the law data. */
    basis?: string;
  };
}

export interface RenderedNotice {
  title: string;
  body: string;
}

/** Undefined where the caller gave nothing: filling then names the placeholder that has no value. */
type Values = Record<string, string | undefined>;

/** A date as the letter writes it; a `{placeholder}` stays as it is, for a date fixed only when the letter is sent. */
const dateOf = (date: string | undefined, locale: Locale) => (date === undefined ? undefined : /^\{[A-Za-z]+\}$/.test(date) ? date : letterDate(date, locale));

/** A template (the tenant's override for this locale, else the default) filled with `values`; throws `TemplateError` on any gap. */
function renderTemplate(id: TemplateId, values: Values, locale: Locale, overrides: Readonly<Record<string, string>>): RenderedNotice {
  const def = TEMPLATES[id];
  const key = overrideKey(id, locale);
  const override = Object.hasOwn(overrides, key) ? overrides[key] : undefined;
  const body = fill(override === undefined ? id : `${key} (override)`, override ?? def.body[locale], values, def.placeholders, def.required);
  return { title: def.title[locale], body };
}

function letterValues(v: LetterVars, locale: Locale, basis: string): Values {
  return {
    office: v.office,
    applicant: v.applicant,
    trackingNo: v.trackingNo,
    receivedOn: dateOf(v.receivedOn, locale),
    subject: v.subject,
    issuedOn: dateOf(v.issuedOn, locale),
    basis,
  };
}

const ITEM_REASON: Localized = { "zh-CN": "（理由：%）", "zh-TW": "（理由：%）", en: " (reason: %)" };

function feeLine(method: FeeMethod, l: FeeLine, locale: Locale): string {
  const rate = formatYuan(l.rateFen);
  const fen = formatYuan(l.fen);
  const range = l.from === l.to ? `${l.from}` : locale === "en" ? `${l.from}–${l.to}` : `${l.from}至${l.to}`;
  if (method === "per_page") {
    return { "zh-CN": `第${range}页，${l.units}页×${rate}＝${fen}`, "zh-TW": `第${range}頁，${l.units}頁×${rate}＝${fen}`, en: `pages ${range}: ${l.units} × ${rate} = ${fen}` }[locale];
  }
  return {
    "zh-CN": `本自然月内第${range}件申请，${l.units}件×${rate}＝${fen}`,
    "zh-TW": `本自然月內第${range}件申請，${l.units}件×${rate}＝${fen}`,
    en: `application ${range} this calendar month: ${l.units} × ${rate} = ${fen}`,
  }[locale];
}

function remedy(office: string, locale: Locale, overrides: Readonly<Record<string, string>>): string {
  const remedyValues = {
    office,
    reviewBasis: ADMINISTRATIVE_REVIEW.cite[locale],
    reviewDays: String(ADMINISTRATIVE_REVIEW.days),
    suitBasis: ADMINISTRATIVE_SUIT.cite[locale],
    suitMonths: String(ADMINISTRATIVE_SUIT.months),
  };
  return renderTemplate("remedy", remedyValues, locale, overrides).body;
}

function replyTemplateId(v: NoticeVars["reply"]): ReplyTemplateId {
  if (!REPLY_TYPE_KEYS_2021.includes(v.replyType)) throw new RangeError(`Not a reply type: ${String(v.replyType)}`);
  if (!v.responsible) return v.replyType;
  if (v.replyType !== "unavailable.not_held") throw new RangeError(`A responsible agency is named only in a (四)1 reply, not in ${v.replyType}`);
  return "not_responsible";
}

/**
 * A notice or reply as the applicant (or the consulted party) receives it: the title and a plain-text
 * body laid out like a 公文 (addressee, paragraphs, office and date). `overrides` are the tenant's
 * templates from the plugin settings. Throws `TemplateError` when a placeholder has no value or an
 * override uses one the template does not know, and `RangeError` on a value the law does not allow.
 */
export function renderNotice<K extends NoticeKind>(kind: K, vars: NoticeVars[K], locale: Locale, overrides: Readonly<Record<string, string>> = {}): RenderedNotice {
  switch (kind) {
    case "supplement": {
      const v = vars as NoticeVars["supplement"];
      const values = { ...letterValues(v, locale, SUPPLEMENT.basis[locale]), items: numbered(v.items ?? [], locale), dueOn: dateOf(v.dueOn, locale) };
      return renderTemplate("supplement", values, locale, overrides);
    }
    case "extension": {
      const v = vars as NoticeVars["extension"];
      if (!Number.isInteger(v.days) || v.days < 1 || v.days > EXTENSION.days) throw new RangeError(`An extension is 1 to ${EXTENSION.days} working days, got ${v.days}`);
      const values = { ...letterValues(v, locale, EXTENSION.basis[locale]), days: String(v.days), newDueDate: dateOf(v.newDueDate, locale), reason: v.reason };
      return renderTemplate("extension", values, locale, overrides);
    }
    case "third_party":
    case "other_agency": {
      const v = vars as NoticeVars["third_party"];
      const rule = kind === "third_party" ? THIRD_PARTY : OTHER_AGENCY;
      const values = { ...letterValues(v, locale, rule.basis[locale]), party: v.party, answerDue: dateOf(v.answerDue, locale), answerDays: String(rule.days) };
      return renderTemplate(kind, values, locale, overrides);
    }
    case "fee": {
      const v = vars as NoticeVars["fee"];
      const lines = v.lines ?? [];
      if (lines.reduce((s, l) => s + l.fen, 0) !== v.fen) throw new RangeError(`The fee lines add up to ${lines.reduce((s, l) => s + l.fen, 0)} 分, not ${v.fen}`);
      const label = FEE_SCHEDULES[v.method].label[locale];
      const values = {
        ...letterValues(v, locale, joinCites([FEE_PRINCIPLE.basis[locale], FEE_NOTICE.basis[locale]], locale)),
        method: locale === "en" ? label.toLowerCase() : label,
        amount: formatYuan(v.fen),
        lines: numbered(lines.map((l) => feeLine(v.method, l, locale)), locale),
        dueOn: dateOf(v.dueOn, locale),
        payDays: String(FEE_NOTICE.days),
        payment: v.payment,
      };
      return renderTemplate("fee", values, locale, overrides);
    }
    case "reply": {
      const v = vars as NoticeVars["reply"];
      const id = replyTemplateId(v);
      const withheld = (v.withheld ?? []).map((w) => w.description + ITEM_REASON[locale].replace("%", w.groundLabel));
      const values: Values = {
        ...letterValues(v, locale, v.basis ?? replyBasis(id, locale)),
        documents: numbered(v.documents ?? [], locale),
        obtain: v.obtain ?? "",
        withheld: numbered(withheld, locale),
        responsibleAgency: v.responsible?.agency ?? "",
        responsibleContact: v.responsible?.contact ?? "",
        note: v.note ?? "",
      };
      values.remedy = remedy(v.office, locale, overrides);
      return renderTemplate(`reply.${id}`, values, locale, overrides);
    }
  }
  throw new RangeError(`Not a notice kind: ${String(kind)}`);
}
