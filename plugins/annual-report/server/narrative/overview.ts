import { BLANK, OVERVIEW_PARTS, TODO_SENTENCES, preamble } from "../../law/narrative-2021";
import type { Figures } from "../report/fill";
import type { ReportParagraph } from "../report/model";
import { DECISION_KEYS, DOCUMENT_KEYS, FACT_KEYS, REMEDY_KEYS, REQUEST_KEYS, RESULT_GROUPS } from "./keys";
import { nonZero, pick, quoting, todo } from "./paragraph";

/**
 * 一、总体情况 from the year's figures. A subject the format requires whose figures are missing (its
 * plugin is not enabled) gets a paragraph with BLANK placeholders for the drafter, marked todo — leaving it out would
 * drop a required subject unseen; a detail whose figures are missing (the form of applications, the
 * register's decisions) is left out, as the sentence around it stands without it.
 */

export interface OverviewInput {
  office: string;
  year: number;
  figures: Figures;
  /** 文号 of the format, quoted in the preamble. */
  instrument: string;
}

export type Part = { heading?: string; paragraphs: ReportParagraph[] };

function published(year: number, figures: Figures): ReportParagraph {
  const f = pick(figures, [FACT_KEYS.published, FACT_KEYS.categories, FACT_KEYS.interpretations]);
  if (!f) return todo(`${year}年，本机关主动公开政府信息${BLANK}条，其中发布政策解读${BLANK}条。`);
  const [n, categories, interpretations] = [f[FACT_KEYS.published]!, f[FACT_KEYS.categories]!, f[FACT_KEYS.interpretations]!];
  if (n === 0) return quoting(`${year}年，本机关未通过政府信息公开平台主动公开政府信息。`, f);
  const ofWhich = interpretations > 0 ? `，其中发布政策解读${interpretations}条` : "";
  return quoting(`${year}年，本机关通过政府信息公开平台主动公开政府信息${n}条，涉及政府信息公开目录${categories}个栏目${ofWhich}。`, f);
}

function documents(figures: Figures): ReportParagraph | null {
  const normative = pick(figures, [DOCUMENT_KEYS.normativeIssued, DOCUMENT_KEYS.normativeRepealed, DOCUMENT_KEYS.normativeValid]);
  if (!normative) return null;
  const rules = pick(figures, [DOCUMENT_KEYS.rulesIssued, DOCUMENT_KEYS.rulesRepealed, DOCUMENT_KEYS.rulesValid]);
  const v = (k: string) => normative[k] ?? rules?.[k] ?? 0;
  let text = `本年制发行政规范性文件${v(DOCUMENT_KEYS.normativeIssued)}件、废止${v(DOCUMENT_KEYS.normativeRepealed)}件，现行有效${v(DOCUMENT_KEYS.normativeValid)}件`;
  // An environment bureau rarely makes 规章: the clause appears only when it has any.
  const hasRules = rules && Object.values(rules).some((n) => n > 0);
  if (hasRules) text += `；制发规章${v(DOCUMENT_KEYS.rulesIssued)}件、废止${v(DOCUMENT_KEYS.rulesRepealed)}件，现行有效${v(DOCUMENT_KEYS.rulesValid)}件`;
  return quoting(`${text}，具体数据见本报告第二部分。`, { ...normative, ...(rules ?? {}) });
}

function decisions(figures: Figures): ReportParagraph | null {
  const present = DECISION_KEYS.filter(([, key]) => pick(figures, [key]));
  if (!present.length) return null;
  const quoted = Object.fromEntries(present.map(([, key]) => [key, figures[key]!]));
  return quoting(`本年作出${present.map(([label, key]) => `${label}${figures[key]}件`).join("、")}，具体数据见本报告第二部分。`, quoted);
}

function applications(year: number, figures: Figures): ReportParagraph {
  const f = pick(figures, Object.values(REQUEST_KEYS));
  if (!f) return todo(`${year}年，本机关新收政府信息公开申请${BLANK}件，上年结转${BLANK}件；全年办结${BLANK}件，结转下年度继续办理${BLANK}件。`);
  const [received, carriedOver, handled, carriedForward] = [f[REQUEST_KEYS.received]!, f[REQUEST_KEYS.carriedOver]!, f[REQUEST_KEYS.handled]!, f[REQUEST_KEYS.carriedForward]!];
  if (received === 0 && carriedOver === 0) return quoting(`${year}年，本机关未收到政府信息公开申请，也无上年结转的申请。`, f);
  // The split by form is printed only when it adds up to table 三's count, never beside a different one.
  const forms = pick(figures, [FACT_KEYS.electronic, FACT_KEYS.paper]);
  const split = forms && received > 0 && forms[FACT_KEYS.electronic]! + forms[FACT_KEYS.paper]! === received;
  const byForm = split ? `，其中通过网络等电子形式提出${forms[FACT_KEYS.electronic]}件、以书面形式提出${forms[FACT_KEYS.paper]}件` : "";
  const text = `${year}年，本机关新收政府信息公开申请${received}件${byForm}；上年结转${carriedOver}件。全年办结${handled}件，结转下年度继续办理${carriedForward}件。`;
  return quoting(text, { ...f, ...(split ? forms : {}) });
}

function results(figures: Figures): ReportParagraph | null {
  const keys = RESULT_GROUPS.flatMap((g) => g.keys);
  const f = pick(figures, keys);
  if (!f) return null;
  const counts = RESULT_GROUPS.map((g): [string, number] => [g.label, g.keys.reduce((s, k) => s + f[k]!, 0)]);
  const listed = nonZero(counts);
  return listed ? quoting(`办结的申请中，${listed.replaceAll("、", "，")}。`, f) : null;
}

function remedies(figures: Figures): ReportParagraph {
  const keys = [REMEDY_KEYS.review, ...REMEDY_KEYS.reviewOutcomes.map(([, k]) => k), REMEDY_KEYS.directSuit, REMEDY_KEYS.suitAfterReview];
  const f = pick(figures, keys);
  if (!f) return todo(`本年度因政府信息公开工作被申请行政复议${BLANK}件，被提起行政诉讼${BLANK}件。`);
  const review = f[REMEDY_KEYS.review]!;
  const [direct, afterReview] = [f[REMEDY_KEYS.directSuit]!, f[REMEDY_KEYS.suitAfterReview]!];
  if (review === 0 && direct + afterReview === 0) return quoting("本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", f);
  const outcomes = nonZero(REMEDY_KEYS.reviewOutcomes.map(([label, k]) => [label, f[k]!]));
  const suits = direct + afterReview;
  const suitParts = nonZero([
    ["未经复议直接起诉", direct],
    ["复议后起诉", afterReview],
  ]);
  const text = `本年度因政府信息公开工作被申请行政复议${review}件${outcomes ? `（${outcomes}）` : ""}，被提起行政诉讼${suits}件${suitParts ? `（${suitParts}）` : ""}，具体情况见本报告第四部分。`;
  return quoting(text, f);
}

function management(figures: Figures): ReportParagraph[] {
  const f = pick(figures, [FACT_KEYS.withdrawn]);
  const facts: ReportParagraph[] = [];
  if (f) {
    const withdrawn = f[FACT_KEYS.withdrawn]!;
    const tail = withdrawn > 0 ? `；本年度撤回已公开的政府信息${withdrawn}条` : "";
    facts.push(quoting(`本机关主动公开的政府信息均在政府信息公开平台逐条编制索引号，纳入政府信息公开目录管理${tail}。`, f));
  }
  return [...facts, todo(TODO_SENTENCES.management)];
}

function platform(figures: Figures): ReportParagraph[] {
  const facts: ReportParagraph[] = [];
  const disclosure = pick(figures, [FACT_KEYS.published]);
  const requests = pick(figures, [REQUEST_KEYS.received]);
  if (disclosure || requests) {
    const uses = [disclosure ? "发布政府信息、维护政府信息公开目录" : "", requests ? "受理政府信息公开申请，申请人可在线提交申请并查询办理进度" : ""].filter(Boolean);
    facts.push({ text: `本机关依托政府信息公开平台${uses.join("，")}。` });
  }
  return [...facts, todo(TODO_SENTENCES.platform)];
}

const present = (ps: (ReportParagraph | null)[]) => ps.filter((p): p is ReportParagraph => p !== null);

export function draftOverview({ office, year, figures, instrument }: OverviewInput): Part[] {
  return [
    { paragraphs: [{ text: preamble(office, year, instrument) }] },
    { heading: OVERVIEW_PARTS.proactive, paragraphs: present([published(year, figures), documents(figures), decisions(figures)]) },
    { heading: OVERVIEW_PARTS.requests, paragraphs: present([applications(year, figures), results(figures), remedies(figures)]) },
    { heading: OVERVIEW_PARTS.management, paragraphs: management(figures) },
    { heading: OVERVIEW_PARTS.platform, paragraphs: platform(figures) },
    { heading: OVERVIEW_PARTS.oversight, paragraphs: [todo(TODO_SENTENCES.oversight(year))] },
  ];
}
