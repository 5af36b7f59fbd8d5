import { changes, distinctForms, protectedScopes, Session, snapshot, stillUp, submissions, type Attack } from "./cases";
import { get, post, type Fields } from "./client";
import type { FoundForm } from "./crawl";
import { expansions, paramSources } from "./expand";
import { idsFromTables } from "./ids";
import type { Finding } from "./report";
import { VICTIM, VICTIM_READERS, type Role } from "./roles";
import type { Endpoint } from "./route-table";

/** Forms to send to an endpoint: the victim staff's own (with its ids and versions), then the role's, then anyone's. */
function formsFor(attack: Attack, endpoint: Endpoint, role: Role): FoundForm[] {
  const all = attack.harvest.forms.filter((f) => f.endpoint === endpoint);
  const ranked = [
    ...all.filter((f) => VICTIM_READERS.includes(f.role)),
    ...all.filter((f) => f.role === role.name),
    ...all.filter((f) => !VICTIM_READERS.includes(f.role) && f.role !== role.name),
  ];
  return distinctForms(ranked).slice(0, 3);
}

/**
 * One role against one endpoint: GET every expansion (victim's office and ids, own office with the
 * victim's ids, random and garbage parameters), POST the forms seen for it there, and check that
 * no reply carries a canary of an office the role may not read, nothing answers 5xx, no office the
 * role may not write to changed, and the server is still up.
 */
export async function crossOffice(attack: Attack, endpoint: Endpoint, role: Role, roleIndex: number): Promise<Finding[]> {
  const found: Finding[] = [];
  const victimId = attack.server.tenantId(VICTIM);
  const { sources, missing } = await paramSources(attack.harvest, attack.endpoints, endpoint, (segment, param) => idsFromTables(attack.server.handle.db as never, victimId, segment, param));
  if (missing.length) {
    const probe = { phase: "cross-office" as const, endpoint, role: role.name, method: "GET", url: endpoint.pattern, input: missing.map((p) => `:${p}`).join(" ") };
    return [attack.checker.finding(probe, "unfillable", null, `no page of ${VICTIM} or its attacker links to it, so the suite has no ${missing.map((p) => `:${p}`).join(", ")} to try: link it from a page or teach tests/attack/expand.ts its values`)];
  }
  const urls = expansions(endpoint, role, roleIndex, sources);
  const session = await new Session(attack, role.username).start();
  const crashes = attack.server.crashes.length;
  const before = await snapshot(attack);

  for (const { path, label } of urls) {
    const probe = { phase: "cross-office" as const, endpoint, role: role.name, method: "GET", url: path, input: label };
    const reply = await get(attack.server.baseUrl, path, session.as(attack.nextLocale())).catch((e: Error) => e);
    found.push(...attack.checker.check(probe, reply, role.reads));
    await session.after(reply);
  }

  const forms = formsFor(attack, endpoint, role);
  const bodies: { fields: Fields; multipart: boolean; from: string; search: string }[] = forms.flatMap((f) =>
    submissions(f.form).map((fields) => ({ fields, multipart: f.form.multipart, from: `form seen by ${f.role}`, search: new URL(f.action, "http://x").search })),
  );
  const targets = endpoint.posts.length ? endpoint.posts : [{ routeId: endpoint.routeIds[0]!, suffix: "" }];
  if (!bodies.length) bodies.push({ fields: [], multipart: false, from: endpoint.posts.length ? "no form seen: token only" : "no action: token only", search: "" });
  for (const target of targets) {
    for (const [i, body] of bodies.entries()) {
      // The first way of sending goes to every expansion; the others to the victim office's own URL.
      for (const { path, label } of i === 0 ? urls : urls.slice(0, 1)) {
        const search = target.suffix ? target.suffix : body.search;
        const url = `${path}${search}`;
        const probe = { phase: "cross-office" as const, endpoint, role: role.name, method: "POST", url, input: `${label}; ${body.from}` };
        const reply = await post(attack.server.baseUrl, url, session.as(attack.nextLocale()), body.fields, body.multipart).catch((e: Error) => e);
        found.push(...attack.checker.check(probe, reply, role.reads));
        await session.after(reply);
      }
    }
  }

  const changed = await changes(attack, before, await snapshot(attack), protectedScopes(attack, role, endpoint.area));
  const probe = { phase: "cross-office" as const, endpoint, role: role.name, method: "POST", url: endpoint.pattern, input: "all of the above" };
  if (changed.length) found.push(attack.checker.finding(probe, "write", null, `rows changed where ${role.name} may not write: ${changed.map((c) => c.text).join("; ")}`));
  const down = await stillUp(attack, crashes);
  if (down) found.push(attack.checker.finding(probe, down.startsWith("an exception") ? "crash" : "down", null, down));
  return found;
}
