import type { ReplyTypeKey } from "../../../../plugins/requests/law/reply-types";
import type { OpenState, Path } from "../../../../plugins/requests/data/timelines";
import { weighted, type Random } from "../random";

/**
 * What becomes of each application: a reply of some type after some paths (补正, 征求意见, 收费,
 * 延期, a late reply), or still open in some state today. An office with enough applications has
 * every reply type of table 三, every path and every open state at least once; the rest follow
 * weights like a bureau's year (most disclosed or not held, a few in each 不予公开 row).
 */

export interface Fate {
  outcome: ReplyTypeKey | null;
  open: OpenState | null;
  paths: Path[];
}

const closed = (outcome: ReplyTypeKey, ...paths: Path[]): Fate => ({ outcome, open: null, paths });
const open = (state: OpenState): Fate => ({ outcome: null, open: state, paths: [] });

/** One of each: every reply type, every path, every open state. */
export const COVERAGE: readonly Fate[] = [
  closed("disclosed"),
  closed("disclosed", "supplement"),
  closed("disclosed", "other_agency"),
  closed("disclosed", "fee"),
  closed("disclosed", "extend"),
  closed("disclosed", "late"),
  closed("partly_disclosed"),
  closed("partly_disclosed", "third_party"),
  closed("withheld.state_secret"),
  closed("withheld.prohibited_by_law"),
  closed("withheld.security_stability"),
  closed("withheld.third_party", "third_party"),
  closed("withheld.internal_affairs"),
  closed("withheld.process_information", "late"),
  closed("withheld.enforcement_case_file"),
  closed("withheld.administrative_query"),
  closed("unavailable.not_held"),
  closed("unavailable.needs_creation", "extend"),
  closed("unavailable.still_unclear", "supplement"),
  closed("not_processed.petition"),
  closed("not_processed.repeated"),
  closed("not_processed.publication"),
  closed("not_processed.excessive"),
  closed("not_processed.reissue"),
  closed("other.no_supplement", "supplement"),
  closed("other.fee_unpaid", "fee"),
  closed("other.other"),
  open("unconfirmed"),
  open("processing"),
  open("awaiting_supplement"),
  open("consulting"),
  open("consulting"),
  open("awaiting_fee"),
  open("extended"),
  open("overdue"),
];

const OUTCOMES: readonly (readonly [ReplyTypeKey, number])[] = [
  ["disclosed", 38],
  ["unavailable.not_held", 16],
  ["partly_disclosed", 12],
  ["not_processed.petition", 6],
  ["unavailable.needs_creation", 3],
  ["other.other", 3],
  ["withheld.third_party", 2],
  ["withheld.process_information", 2],
  ["not_processed.repeated", 2],
  ["other.no_supplement", 2],
  ["withheld.internal_affairs", 1],
  ["withheld.enforcement_case_file", 1],
  ["withheld.administrative_query", 1],
  ["unavailable.still_unclear", 1],
  ["not_processed.publication", 1],
  ["other.fee_unpaid", 0.5],
  ["not_processed.excessive", 0.5],
  ["not_processed.reissue", 0.5],
  ["withheld.state_secret", 0.3],
  ["withheld.prohibited_by_law", 0.3],
  ["withheld.security_stability", 0.2],
];

const OPEN: readonly (readonly [OpenState, number])[] = [
  ["processing", 35],
  ["unconfirmed", 20],
  ["awaiting_supplement", 10],
  ["consulting", 10],
  ["extended", 10],
  ["overdue", 10],
  ["awaiting_fee", 5],
];

/** Outcomes that may take each path (the forced ones are set by the outcome itself). */
const RELEASING = new Set<string>(["disclosed", "partly_disclosed"]);
const QUICK = new Set<string>(["not_processed.petition", "not_processed.repeated", "not_processed.publication", "not_processed.reissue", "withheld.administrative_query", "unavailable.not_held"]);

function pathsFor(r: Random, outcome: ReplyTypeKey): Path[] {
  if (outcome === "unavailable.still_unclear" || outcome === "other.no_supplement") return ["supplement"];
  if (outcome === "other.fee_unpaid") return ["fee"];
  if (outcome === "withheld.third_party") return ["third_party"];
  if (outcome === "not_processed.repeated" || outcome === "other.other") return [];
  const paths: Path[] = [];
  if (r.chance(0.08)) paths.push("supplement");
  if (RELEASING.has(outcome) && r.chance(0.04)) paths.push("third_party");
  if (RELEASING.has(outcome) && r.chance(0.03)) paths.push("other_agency");
  if (RELEASING.has(outcome) && r.chance(0.02)) paths.push("fee");
  if (!QUICK.has(outcome)) {
    if (r.chance(0.06)) paths.push("extend");
    else if (r.chance(0.03)) paths.push("late");
  }
  return paths;
}

/** `count` fates: the coverage set (or as much of it as fits) and weighted draws; about 1 in 20 still open. */
export function planFates(r: Random, count: number): Fate[] {
  const fates = r.shuffle(COVERAGE).slice(0, count);
  while (fates.length < count) {
    if (r.chance(0.05)) fates.push(open(weighted(r, OPEN)));
    else {
      const outcome = weighted(r, OUTCOMES);
      fates.push(closed(outcome, ...pathsFor(r, outcome)));
    }
  }
  return r.shuffle(fates);
}
