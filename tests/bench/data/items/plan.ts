import { ItemPayload } from "../../../../plugins/disclosure/server/item-schema";
import { STANDARD_LIST } from "../../../../plugins/disclosure/data/standard-list";
import { addDays, workdaysBetween } from "../calendar";
import { stream, uuidFrom, weighted, type Random } from "../random";
import { BENCH_TODAY } from "../spec";
import type { PlannedTenant } from "../tree";
import type { ItemSetting, Written } from "./setting";
import { CATEGORY_WEIGHTS, templateFor, topicOf } from "./templates";
import { interpretation, notice } from "./templates/policy";

/**
 * One office's disclosure items over the last three years, as publication would have left them:
 * dated in order (written ≤ formed ≤ published, a few published late), 文号 counted per kind and
 * year, 规范性文件 with their validity, 政策解读 linked to the policy they explain, attachments,
 * a few withdrawn or released on request only; plus drafts still in the workflow.
 */

export interface PlannedAttachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  text: string;
}

export interface PlannedItem {
  id: string;
  categoryKey: string;
  listRowKey: string | null;
  title: string;
  issuer: string;
  docNumber: string | null;
  writtenOn: string;
  formedOn: string;
  publishedOn: string;
  topic: string;
  attribute: "proactive" | "on_request";
  validity: "valid" | "expired" | "repealed" | null;
  validFrom: string | null;
  endedOn: string | null;
  bodyHtml: string;
  attachments: PlannedAttachment[];
  interpretsId: string | null;
  status: "published" | "withdrawn";
  withdrawnOn: string | null;
  withdrawalReason: string | null;
}

export interface PlannedDraft {
  id: string;
  title: string;
  payload: ItemPayload;
  /** Drafted, or submitted and waiting for the 科室负责人. */
  status: "draft" | "in_review";
  createdOn: string;
}

const YEARS = 3;
const WINDOW_START = addDays(`${Number(BENCH_TODAY.slice(0, 4)) - YEARS}${BENCH_TODAY.slice(4)}`, 1);
const LIST_ROWS = new Set(STANDARD_LIST.map((r) => r.key));
const WITHDRAWAL_REASONS = ["信息内容有误，更正后重新发布", "所依据的文件已废止", "误发，予以撤回", "涉及第三方合法权益，经复核撤回"];

/** Once-a-year items (budget, final accounts, annual report), each on a working day of its season, within the window. */
function yearlyDates(r: Random): { categoryKey: string; publishedOn: string }[] {
  const out: { categoryKey: string; publishedOn: string }[] = [];
  const first = Number(WINDOW_START.slice(0, 4));
  const last = Number(BENCH_TODAY.slice(0, 4));
  for (let y = first; y <= last; y++) {
    const seasons: [string, string, string][] = [
      ["annual-report", `${y}-01-05`, `${y}-01-31`],
      ["budget", `${y}-02-10`, `${y}-03-31`],
      ["budget", `${y}-07-01`, `${y}-08-31`],
    ];
    for (const [categoryKey, from, to] of seasons) {
      const days = workdaysBetween(from < WINDOW_START ? WINDOW_START : from, to > BENCH_TODAY ? BENCH_TODAY : to);
      if (days.length) out.push({ categoryKey, publishedOn: r.pick(days) });
    }
  }
  return out;
}

interface Slot {
  categoryKey: string;
  publishedOn: string;
  order: number;
}

/** Categories and publication dates first, so the text can be written in publication order. */
function slots(r: Random, count: number, level: string): Slot[] {
  const days = workdaysBetween(WINDOW_START, BENCH_TODAY);
  const yearly = count >= 30 ? yearlyDates(r) : [];
  const weights = CATEGORY_WEIGHTS.filter(([key]) => key !== "policy.rule" || level !== "county");
  const out: Slot[] = yearly.slice(0, count).map((y, order) => ({ ...y, order }));
  while (out.length < count) out.push({ categoryKey: weighted(r, weights), publishedOn: r.pick(days), order: out.length });
  return out.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.order - b.order);
}

/** Formed a few working days before publication (3 in 100 more than 20: published late), written a little earlier. */
function formation(r: Random, publishedOn: string): { writtenOn: string; formedOn: string } {
  const days = workdaysBetween(WINDOW_START, BENCH_TODAY);
  const at = dayIndex().get(publishedOn);
  if (at === undefined) throw new Error(`bench data: ${publishedOn} is not a working day of the window`);
  const formed = Math.max(0, at - (r.chance(0.03) ? r.int(21, 40) : r.int(0, 12)));
  return { writtenOn: days[Math.max(0, formed - r.int(0, 3))]!, formedOn: days[formed]! };
}

let indexOfDay: Map<string, number> | null = null;
const dayIndex = () => (indexOfDay ??= new Map(workdaysBetween(WINDOW_START, BENCH_TODAY).map((d, i) => [d, i])));

function validityOf(r: Random, categoryKey: string, writtenOn: string): Pick<PlannedItem, "validity" | "validFrom" | "endedOn"> {
  if (categoryKey !== "policy.normative" && categoryKey !== "policy.rule") return { validity: null, validFrom: null, endedOn: null };
  const validFrom = addDays(writtenOn, r.int(0, 30));
  const ended = addDays(validFrom, r.int(120, 700));
  if (r.chance(0.25) && ended <= BENCH_TODAY) return { validity: r.chance(0.5) ? "expired" : "repealed", validFrom, endedOn: ended };
  return { validity: "valid", validFrom, endedOn: null };
}

function attachmentsOf(r: Random, written: Written, title: string): PlannedAttachment[] {
  const files = [...(written.attachments ?? [])];
  if (r.chance(0.15)) {
    const pages = r.int(2, 40);
    files.push({ name: `附件${files.length + 1}：${title.slice(0, 40)}（附表）.txt`, mime: "text/plain", text: `《${title}》附表，共${pages}页。\n${Array.from({ length: r.int(2, 5) }, (_, i) => `${i + 1}. 序号${r.int(1, 999)}，数量${r.int(1, 500)}，备注：无`).join("\n")}\n` });
  }
  return files.map((f) => ({ id: uuidFrom(r), ...f, size: Buffer.byteLength(f.text, "utf8") }));
}

function settingOf(tenant: PlannedTenant, counters: Map<string, number>, publishedOn: string): ItemSetting {
  return {
    place: tenant.place,
    city: tenant.place.slice(0, 2),
    region: tenant.definition.regionCode,
    issuer: tenant.definition.name["zh-CN"],
    prefix: tenant.prefix,
    publishedOn,
    nextNumber(kind, year) {
      const key = `${kind}:${year}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return n;
    },
  };
}

function checkedListRow(key: string | undefined): string | null {
  if (key === undefined) return null;
  if (!LIST_ROWS.has(key)) throw new Error(`bench data: list row ${key} is not in the standard list`);
  return key;
}

export function planItems(tenant: PlannedTenant, count: number, seed: number): { items: PlannedItem[]; drafts: PlannedDraft[] } {
  const r = stream(seed, "items", tenant.definition.regionCode);
  const counters = new Map<string, number>();
  const items: PlannedItem[] = [];
  let lastPolicy: PlannedItem | null = null;
  for (const slot of slots(r, count, tenant.definition.level)) {
    const s = settingOf(tenant, counters, slot.publishedOn);
    const id = uuidFrom(r);
    let categoryKey = slot.categoryKey;
    let written: Written;
    if (categoryKey === "interpretation" && lastPolicy) written = interpretation(r, s, lastPolicy.title);
    else {
      // Nothing to interpret yet: the office sent a notice instead.
      if (categoryKey === "interpretation") categoryKey = "policy.other";
      written = (categoryKey === "policy.other" ? notice : templateFor(r, categoryKey))(r, s);
    }
    const { writtenOn, formedOn } = formation(r, slot.publishedOn);
    const withdrawn = r.chance(0.005);
    const item: PlannedItem = {
      id,
      categoryKey,
      listRowKey: checkedListRow(written.listRowKey),
      title: written.title,
      issuer: s.issuer,
      docNumber: written.docNumber ?? null,
      writtenOn,
      formedOn,
      publishedOn: slot.publishedOn,
      topic: topicOf(categoryKey),
      attribute: !withdrawn && r.chance(0.01) ? "on_request" : "proactive",
      ...validityOf(r, categoryKey, writtenOn),
      bodyHtml: written.bodyHtml,
      attachments: attachmentsOf(r, written, written.title),
      interpretsId: categoryKey === "interpretation" ? lastPolicy!.id : null,
      status: withdrawn ? "withdrawn" : "published",
      withdrawnOn: withdrawn ? minDate(addDays(slot.publishedOn, r.int(1, 60)), BENCH_TODAY) : null,
      withdrawalReason: withdrawn ? r.pick(WITHDRAWAL_REASONS) : null,
    };
    if (categoryKey === "policy.normative" && item.status === "published") lastPolicy = item;
    items.push(item);
  }
  return { items, drafts: planDrafts(tenant, count, seed) };
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** A few items still in the workflow: drafts, and some submitted to the 科室负责人 (their inbox). */
function planDrafts(tenant: PlannedTenant, count: number, seed: number): PlannedDraft[] {
  const r = stream(seed, "drafts", tenant.definition.regionCode);
  const n = count === 0 ? 0 : Math.min(25, Math.max(2, Math.round(count / 250)));
  const recent = workdaysBetween(addDays(BENCH_TODAY, -20), BENCH_TODAY);
  const counters = new Map<string, number>();
  return Array.from({ length: n }, (_, i) => {
    const categoryKey = weighted(r, CATEGORY_WEIGHTS.filter(([k]) => k !== "interpretation" && k !== "policy.rule"));
    const createdOn = r.pick(recent);
    const written = templateFor(r, categoryKey)(r, settingOf(tenant, counters, createdOn));
    const { writtenOn, formedOn } = formation(r, createdOn);
    const validity = validityOf(r, categoryKey, writtenOn);
    const payload = ItemPayload.parse({
      categoryKey,
      listRowKey: checkedListRow(written.listRowKey) ?? undefined,
      issuer: tenant.definition.name["zh-CN"],
      docNumber: written.docNumber,
      writtenOn,
      formedOn,
      topic: topicOf(categoryKey),
      attribute: "proactive",
      validity: validity.validity ?? undefined,
      validFrom: validity.validFrom ?? undefined,
      endedOn: validity.endedOn ?? undefined,
      body: written.bodyHtml,
      attachments: [],
    });
    return { id: uuidFrom(r), title: written.title, payload, status: i % 2 === 0 ? "draft" : "in_review", createdOn };
  });
}
