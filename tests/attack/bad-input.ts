import { changes, distinctForms, filled, Session, snapshot, stillUp, type Attack } from "./cases";
import { isHtml, unclearMessage } from "./checks";
import { get, post, type Fields, type Reply } from "./client";
import type { FoundForm, QueryTarget } from "./crawl";
import { badValuesFor, type BadValue } from "./corpus";
import type { Field } from "./html";
import type { Finding } from "./report";
import { ROLES, VICTIM_READERS } from "./roles";
import type { Endpoint } from "./route-table";

let fieldCounter = 0;

/**
 * Reader preferences (language, 长者模式) on every page: an unknown value falls back to the
 * default, so that a stale link still shows the page; they must only never break it.
 */
const PREFERENCES = ["lng", "elder"];

/** The forms seen on the attacker side that are sent to this endpoint, each once. */
export function formsTo(attack: Attack, endpoint: Endpoint): FoundForm[] {
  return distinctForms(attack.harvest.forms.filter((f) => f.endpoint === endpoint && !VICTIM_READERS.includes(f.role) && f.role !== "city.supervisor" && f.form.fields.some((x) => x.name !== "_csrf")));
}

/** The query parameters seen for an endpoint on the attacker side, merged into the target with the most. */
export function queriesTo(attack: Attack, endpoint: Endpoint): QueryTarget[] {
  const targets = [...attack.harvest.queries.values()]
    .filter((q) => q.endpoint === endpoint && !VICTIM_READERS.includes(q.role) && q.role !== "city.supervisor")
    .sort((a, b) => b.params.size - a.params.size);
  if (!targets.length) return [];
  const [first, ...rest] = targets;
  const params = new Map(first!.params);
  for (const t of rest) for (const [k, v] of t.params) if (!params.has(k)) params.set(k, v);
  return [{ ...first!, params }];
}

function withValue(fields: Fields, name: string, values: string[]): Fields {
  const rest = fields.filter(([k]) => k !== name);
  const at = fields.findIndex(([k]) => k === name);
  const replaced: Fields = values.map((v) => [name, v]);
  rest.splice(at < 0 ? rest.length : at, 0, ...replaced);
  return rest;
}

/**
 * What a reply to a refused value did wrong, if anything: no clear message. A redirect is judged by
 * the rows alone (a value taken and stored is "stored"; a redirect elsewhere, e.g. from a draft that
 * is no longer editable, stores nothing).
 */
function refusalProblem(reply: Reply, locale: Parameters<typeof unclearMessage>[1]): { problem: "no-message"; detail: string } | null {
  if (reply.status >= 300) return null;
  const unclear = unclearMessage(reply, locale);
  return unclear ? { problem: "no-message", detail: unclear } : null;
}

function cases(fields: Field[]): { field: Field; bad: BadValue }[] {
  const once = { big: true, invisible: true, repeated: true };
  return fields.filter((f) => f.name !== "_csrf").flatMap((field) => badValuesFor(field, fieldCounter++, once).map((bad) => ({ field, bad })));
}

async function attackForm(attack: Attack, endpoint: Endpoint, found: FoundForm): Promise<Finding[]> {
  const out: Finding[] = [];
  const role = ROLES.find((r) => r.name === found.role)!;
  const session = await new Session(attack, found.username).start();
  // Each case is sent with one of the form's buttons in turn (save, submit, …), so every intent meets the corpus.
  const buttons = found.form.submitters;
  const intent: Field[] = buttons.length ? [{ name: buttons[0]!.name, kind: "hidden", value: buttons[0]!.value, options: [], multiple: false, sent: true, attrs: {} }] : [];
  const all = cases([...found.form.fields, ...intent]).map((c, i) => ({ ...c, button: buttons.length && c.field.name !== buttons[0]!.name ? buttons[i % buttons.length]! : null }));
  const send = async ({ field, bad, button }: (typeof all)[number]) => {
    const locale = attack.nextLocale();
    const fields: Fields = [...withValue(filled(found.form), field.name, bad.values), ...(button ? ([[button.name, button.value]] as Fields) : [])];
    const probe = { phase: "bad-input" as const, endpoint, role: found.role, method: "POST", url: found.action, input: `${field.name}=${bad.label}${button ? ` (${button.name}=${button.value})` : ""}` };
    const reply = await post(attack.server.baseUrl, found.action, session.as(locale), fields, found.form.multipart).catch((e: Error) => e);
    out.push(...attack.checker.check(probe, reply, role.reads));
    await session.after(reply);
    const sent = { ...probe, status: reply instanceof Error ? null : reply.status };
    if (reply instanceof Error || bad.expect !== "refused") return sent;
    const problem = refusalProblem(reply, locale);
    if (problem) out.push(attack.checker.finding(probe, problem.problem, reply.status, problem.detail));
    return sent;
  };
  // Each refused value alone, with a look at the rows after it: none may have stored anything.
  let before = await snapshot(attack);
  for (const c of all.filter((x) => x.bad.expect === "refused")) {
    const probe = await send(c);
    const after = await snapshot(attack);
    // Auditing the refusal itself (an event with outcome "failure") stores nothing that was sent.
    const changed = (await changes(attack, before, after, [...new Set([...before.keys(), ...after.keys()])])).filter((c) => !c.auditedFailureOnly);
    if (changed.length) out.push(attack.checker.finding(probe, "stored", probe.status, `refused input changed rows: ${changed.map((c) => c.text).join("; ")}`));
    before = after;
  }
  for (const c of all.filter((x) => x.bad.expect === "tolerated")) await send(c);
  return out;
}

async function attackQuery(attack: Attack, endpoint: Endpoint, target: QueryTarget): Promise<Finding[]> {
  const out: Finding[] = [];
  const role = ROLES.find((r) => r.name === target.role)!;
  const session = await new Session(attack, target.username).start();
  const example = new URL(target.example, attack.server.baseUrl);
  for (const name of PREFERENCES) example.searchParams.delete(name);
  const once = { big: true, invisible: true, repeated: true };
  for (const [name, p] of target.params) {
    const field: Field = p.field ?? { name, kind: "text", value: [...p.values][0] ?? "", options: [], multiple: false, sent: true, attrs: {} };
    const values = badValuesFor(field, fieldCounter++, once, true);
    for (const bad of PREFERENCES.includes(name) ? values.map((b) => ({ ...b, expect: "tolerated" as const })) : values) {
      const url = new URL(example);
      url.searchParams.delete(name);
      for (const v of bad.values) url.searchParams.append(name, v);
      const path = url.pathname + url.search;
      const locale = attack.nextLocale();
      const probe = { phase: "bad-input" as const, endpoint, role: target.role, method: "GET", url: path, input: `?${name}=${bad.label}` };
      const reply = await get(attack.server.baseUrl, path, session.as(locale)).catch((e: Error) => e);
      out.push(...attack.checker.check(probe, reply, role.reads));
      if (reply instanceof Error || bad.expect !== "refused" || reply.status >= 500) continue;
      // A GET answered with a page (or data) is judged like a form: a clear message, or a 4xx.
      const problem = reply.status >= 300 && reply.status < 400 ? null : isHtml(reply) || reply.status < 400 ? unclearMessage(reply, locale) : null;
      if (problem) out.push(attack.checker.finding(probe, "no-message", reply.status, problem));
    }
  }
  return out;
}

/**
 * The bad-input corpus on every form and query parameter seen for an endpoint, one bad value at a
 * time with the other fields as the page filled them, as the role that saw the form.
 */
export async function badInput(attack: Attack, endpoint: Endpoint): Promise<Finding[]> {
  const crashes = attack.server.crashes.length;
  const out: Finding[] = [];
  for (const form of formsTo(attack, endpoint)) out.push(...(await attackForm(attack, endpoint, form)));
  for (const query of queriesTo(attack, endpoint)) out.push(...(await attackQuery(attack, endpoint, query)));
  const down = await stillUp(attack, crashes);
  if (down) {
    const probe = { phase: "bad-input" as const, endpoint, role: "-", method: "-", url: endpoint.pattern, input: "all of the above" };
    out.push(attack.checker.finding(probe, down.startsWith("an exception") ? "crash" : "down", null, down));
  }
  return out;
}
