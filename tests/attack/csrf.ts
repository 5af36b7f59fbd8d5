import { changes, filled, Session, snapshot, type Attack } from "./cases";
import { CSRF_TOKEN, send } from "./client";
import type { FoundForm } from "./crawl";
import type { Finding } from "./report";
import { ROLES } from "./roles";
import type { Endpoint } from "./route-table";

/** What a forged POST lacks: the token, a matching token, or this origin. */
const FORGERIES = [
  { label: "no _csrf field", token: null, origin: null },
  { label: "another token in the field", token: "x".repeat(43), origin: null },
  { label: "Origin: https://evil.example", token: CSRF_TOKEN, origin: "https://evil.example" },
] as const;

/**
 * A form seen for an endpoint, sent by the role that saw it with its session but forged: every
 * variant is refused with 403 before any action runs, and nothing changes anywhere.
 */
export async function forgedPosts(attack: Attack, endpoint: Endpoint, found: FoundForm): Promise<Finding[]> {
  const out: Finding[] = [];
  const session = await new Session(attack, found.username).start();
  const before = await snapshot(attack);
  for (const forgery of FORGERIES) {
    const fields = [...filled(found.form), ...(found.form.submitters[0] ? [[found.form.submitters[0].name, found.form.submitters[0].value] as [string, string]] : [])];
    const body = new URLSearchParams([...(forgery.token ? [["_csrf", forgery.token]] : []), ...fields.filter((f): f is [string, string] => typeof f[1] === "string")]);
    const visitor = session.as("zh-CN");
    const headers = {
      cookie: `gk_csrf=${CSRF_TOKEN}; lng=zh-CN${visitor.session ? `; gk_session=${visitor.session}` : ""}`,
      origin: forgery.origin ?? new URL(attack.server.baseUrl).origin,
      "content-type": "application/x-www-form-urlencoded",
    };
    const probe = { phase: "csrf" as const, endpoint, role: found.role, method: "POST", url: found.action, input: `forged: ${forgery.label}` };
    const reply = await send(attack.server.baseUrl, { method: "POST", path: found.action, headers, body: Buffer.from(body.toString()) }).catch((e: Error) => e);
    out.push(...attack.checker.check(probe, reply, ROLES.find((r) => r.name === found.role)?.reads ?? []));
    if (!(reply instanceof Error) && reply.status !== 403) out.push(attack.checker.finding(probe, "accepted", reply.status, "a forged POST must be refused with 403"));
  }
  const all = [...new Set([...before.keys()])];
  const changed = await changes(attack, before, await snapshot(attack), all);
  if (changed.length) {
    const probe = { phase: "csrf" as const, endpoint, role: found.role, method: "POST", url: found.action, input: "forged POSTs" };
    out.push(attack.checker.finding(probe, "write", null, `forged POSTs changed rows: ${changed.map((c) => c.text).join("; ")}`));
  }
  return out;
}
