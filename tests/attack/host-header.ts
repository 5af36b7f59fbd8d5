import type { Attack } from "./cases";
import { send } from "./client";
import { paramSources } from "./expand";
import { idsFromTables } from "./ids";
import type { Finding } from "./report";
import { ATTACKER } from "./roles";
import { fillPath, type Endpoint } from "./route-table";

const EVIL = "evil.example";

/**
 * One page of an endpoint (the attacker office's, as a visitor) asked for with `Host: evil.example`
 * and `X-Forwarded-Host`: no link, feed entry or redirect it answers may point there (a cacheable
 * page would hand the poisoned links to everyone).
 */
export async function forgedHost(attack: Attack, endpoint: Endpoint): Promise<Finding[]> {
  const officeId = attack.server.tenantId(ATTACKER);
  const { sources, missing } = await paramSources(attack.harvest, attack.endpoints, endpoint, (segment, param) => idsFromTables(attack.server.handle.db as never, officeId, segment, param));
  if (missing.length) return [];
  const values = Object.fromEntries(endpoint.params.map((p) => [p, p === "tenant" ? ATTACKER : p === "*" ? { raw: "no/such/page" } : sources.get(p)!.home[0]!]));
  const path = fillPath(endpoint, values);
  const probe = { phase: "cross-office" as const, endpoint, role: "anonymous", method: "GET", url: path, input: `Host: ${EVIL}` };
  const reply = await send(attack.server.baseUrl, { method: "GET", path, headers: { host: EVIL, "x-forwarded-host": EVIL, "x-forwarded-proto": "https" } }).catch((e: Error) => e);
  const out = attack.checker.check(probe, reply, []);
  if (reply instanceof Error) return out;
  const location = String(reply.headers.location ?? "");
  if (reply.body.includes(EVIL) || location.includes(EVIL)) {
    out.push(attack.checker.finding(probe, "poisoned", reply.status, `the answer points at the Host header's ${EVIL}${location.includes(EVIL) ? ` (Location: ${location})` : ""}`));
  }
  return out;
}
