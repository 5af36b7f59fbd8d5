import { randomUUID } from "node:crypto";
import type { Harvest } from "./crawl";
import { ATTACKER, VICTIM, type Role } from "./roles";
import { fillPath, type Endpoint } from "./route-table";

/** Path parameters no route should choke on: NUL, a climb out of the path, an overlong value. */
export const GARBAGE = [
  { label: "%00", raw: "%00" },
  { label: "..%2F..", raw: "..%2F..%2Fadmin" },
  { label: "300 chars", raw: "a".repeat(300) },
];

export interface Expansion {
  path: string;
  /** "tenant=demo-xishan id=<demo-xishan>": what was swapped, for the report. */
  label: string;
}

/** Values of one route parameter: the victim office's (the right kind: seen in its own pages), then the attacker's. */
export interface ParamSource {
  victim: string[];
  home: string[];
}

/** "items/:id" of "/t/:tenant/disclosure/items/:id": a parameter with the segment naming what it is. */
function kindOf(endpoint: Endpoint, param: string): string | null {
  const segs = endpoint.pattern.split("/");
  const at = segs.indexOf(`:${param}`);
  return at > 0 ? `${segs[at - 1]}/:${param}` : null;
}

/**
 * The values of each non-office parameter: those the crawl saw in this route's URLs, else in another
 * route's URLs naming the same kind (the API's `items/:id` takes the portal's item ids), else ids
 * from the victim office's rows of the table named like it. `missing` lists what none of these filled.
 */
export async function paramSources(harvest: Harvest, endpoints: Endpoint[], endpoint: Endpoint, fromTables: (segment: string, param: string) => Promise<string[]>): Promise<{ sources: Map<string, ParamSource>; missing: string[] }> {
  const sources = new Map<string, ParamSource>();
  const missing: string[] = [];
  const tenanted = endpoint.params.includes("tenant");
  const seen = (e: Endpoint, p: string, tenant: string | null) => harvest.valuesOf(e, p, e.params.includes("tenant") ? tenant : null);
  for (const p of endpoint.params.filter((x) => x !== "tenant")) {
    if (p === "*") {
      sources.set(p, { victim: ["no/such/page"], home: ["no/such/page"] });
      continue;
    }
    const kind = kindOf(endpoint, p);
    const alike = [endpoint, ...endpoints.filter((e) => e !== endpoint && kind !== null && kindOf(e, p) === kind)];
    const first = (tenant: string | null) => alike.map((e) => seen(e, p, tenant)).find((v) => v.length) ?? [];
    let victim = first(tenanted ? VICTIM : null);
    let home = tenanted ? first(ATTACKER) : victim;
    if (!victim.length && kind) victim = await fromTables(kind.split("/")[0]!, p);
    // A route no crawled page links to (a supervisor's consolidation of a `:year`) takes the values its parameter has elsewhere.
    if (!victim.length && !home.length) {
      const named = (tenant: string | null) => endpoints.filter((e) => e !== endpoint && e.params.includes(p)).map((e) => seen(e, p, tenant)).find((v) => v.length) ?? [];
      victim = named(tenanted ? VICTIM : null);
      home = tenanted ? named(ATTACKER) : victim;
    }
    if (!victim.length && !home.length) missing.push(p);
    else sources.set(p, { victim: victim.length ? victim : home, home: home.length ? home : victim });
  }
  return { sources, missing };
}

/**
 * The URLs one role attacks an endpoint with: the victim's office with the victim's ids, the role's
 * own office with the victim's ids, then each parameter in turn as a random uuid and as garbage
 * (one garbage value per role, rotating, so every value meets every route across the roles).
 */
export function expansions(endpoint: Endpoint, role: Role, roleIndex: number, sources: Map<string, ParamSource>): Expansion[] {
  const tenanted = endpoint.params.includes("tenant");
  const others = endpoint.params.filter((p) => p !== "tenant");
  const out = new Map<string, string>();
  const add = (values: Record<string, string | { raw: string }>, label: string) => {
    const path = fillPath(endpoint, values);
    if (!out.has(path)) out.set(path, label);
  };
  const pick = (which: "victim" | "home", i = 0) => Object.fromEntries(others.map((p) => [p, p === "*" ? { raw: sources.get(p)![which][0]! } : (sources.get(p)![which][i] ?? sources.get(p)![which][0]!)]));
  const idLabel = (which: string) => others.map((p) => `${p}=<${which}>`).join(" ");
  const victimIds = Math.max(1, ...others.map((p) => Math.min(2, sources.get(p)!.victim.length)));

  for (let i = 0; i < victimIds; i++) {
    if (tenanted) add({ tenant: VICTIM, ...pick("victim", i) }, `tenant=${VICTIM} ${idLabel(VICTIM)}`.trim());
    if (tenanted && others.length) add({ tenant: role.home, ...pick("victim", i) }, `tenant=${role.home} ${idLabel(VICTIM)}`);
    if (!tenanted) add(pick("victim", i), idLabel("seen"));
  }
  const garbage = GARBAGE[roleIndex % GARBAGE.length]!;
  const base = tenanted ? { tenant: role.home, ...pick("home") } : pick("home");
  if (tenanted) add({ ...base, tenant: { raw: garbage.raw } }, `tenant=${garbage.label}`);
  for (const p of others) {
    if (p !== "*") add({ ...base, [p]: randomUUID() }, `${p}=<random uuid>`);
    add({ ...base, [p]: { raw: garbage.raw } }, `${p}=${garbage.label}`);
  }
  return [...out].map(([path, label]) => ({ path, label }));
}
