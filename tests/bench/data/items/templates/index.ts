import type { Random } from "../../random";
import { weighted } from "../../random";
import type { Template } from "../setting";
import { coercion, penaltyDecision, penaltyList } from "./enforcement";
import { airQuality, ecology, emergency, keyUnits, noise, randomInspection, rectification, statistics, waterQuality } from "./environment";
import { budget, fees, org, otherStatutory, personnel, procurement, publicService, system, annualReport } from "./office";
import { dischargePermits, eiaAcceptance, eiaApproval, facilityRemoval, hazardousWaste } from "./permits";
import { normative, notice, plans, rule } from "./policy";

/**
 * How an office's publications spread over the statutory catalogue (category keys of
 * plugins/disclosure/data/catalogue.ts): licensing, penalties and monitoring dominate, as on real
 * bureau portals; budgets and annual reports come once a year and are placed separately.
 */
export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ["permits.eia", 15],
  ["enforcement.penalty", 14],
  ["quality", 13],
  ["permits.discharge", 9],
  ["supervision.random-inspection", 6],
  ["policy.other", 5],
  ["enforcement.coercion", 3],
  ["statistics", 3],
  ["supervision.inspection-rectification", 3],
  ["plans", 3],
  ["procurement", 3],
  ["public-service", 3],
  ["permits.hazardous-waste", 2],
  ["emergency", 2],
  ["policy.normative", 2],
  ["ecology", 2],
  ["personnel", 2],
  ["other", 2],
  ["interpretation", 1.5],
  ["permits.facility-removal", 1],
  ["supervision.key-units", 1],
  ["org", 0.5],
  ["system", 0.5],
  ["fees", 0.3],
  // Only a city's or province's government makes 规章; a branch office publishes none.
  ["policy.rule", 0.3],
];

const BY_CATEGORY: Record<string, readonly (readonly [Template, number])[]> = {
  "permits.eia": [[eiaApproval, 3], [eiaAcceptance, 2]],
  "permits.discharge": [[dischargePermits, 1]],
  "permits.hazardous-waste": [[hazardousWaste, 1]],
  "permits.facility-removal": [[facilityRemoval, 1]],
  "enforcement.penalty": [[penaltyDecision, 5], [penaltyList, 1]],
  "enforcement.coercion": [[coercion, 1]],
  quality: [[airQuality, 3], [waterQuality, 3], [noise, 1]],
  statistics: [[statistics, 1]],
  emergency: [[emergency, 1]],
  "supervision.random-inspection": [[randomInspection, 1]],
  "supervision.key-units": [[keyUnits, 1]],
  "supervision.inspection-rectification": [[rectification, 1]],
  ecology: [[ecology, 1]],
  "policy.normative": [[normative, 1]],
  "policy.rule": [[rule, 1]],
  "policy.other": [[notice, 1]],
  plans: [[plans, 1]],
  budget: [[budget, 1]],
  fees: [[fees, 1]],
  procurement: [[procurement, 1]],
  "public-service": [[publicService, 1]],
  personnel: [[personnel, 1]],
  org: [[org, 1]],
  other: [[otherStatutory, 1]],
  system: [[system, 1]],
  "annual-report": [[annualReport, 1]],
};

export function templateFor(r: Random, categoryKey: string): Template {
  const choices = BY_CATEGORY[categoryKey];
  if (!choices) throw new Error(`bench data: no template for category ${categoryKey}`);
  return weighted(r, choices);
}

/** 主题分类 of the item, by category. */
export function topicOf(categoryKey: string): string {
  if (["budget", "fees", "procurement"].includes(categoryKey)) return "财政、金融、审计";
  if (categoryKey === "personnel") return "劳动、人事、监察";
  if (["org", "system", "annual-report", "policy.other", "plans", "interpretation"].includes(categoryKey)) return "综合政务";
  return "环境监测、保护与治理";
}
