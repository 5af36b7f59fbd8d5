import { request as httpRequest } from "node:http";
import { stillUp, type Attack } from "./cases";
import { CSRF_TOKEN } from "./client";
import type { Finding } from "./report";
import type { Endpoint } from "./route-table";

const SIZE = 30 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, "a");

/**
 * Sends 30 MB of form body (declared with Content-Length, or chunked without a length) and reads
 * whatever answer comes; the server may answer early and close, so a write error after an
 * answer is not a failure. Resolves with the status, or null when no answer came.
 */
function sendHuge(baseUrl: string, path: string, chunked: boolean, session: string | null): Promise<{ status: number | null; error: string | null }> {
  return new Promise((resolve) => {
    let status: number | null = null;
    let settled = false;
    const done = (error: string | null) => {
      if (settled) return;
      settled = true;
      resolve({ status, error });
    };
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      origin: new URL(baseUrl).origin,
      cookie: `gk_csrf=${CSRF_TOKEN}${session ? `; gk_session=${session}` : ""}`,
      ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(SIZE) }),
    };
    const req = httpRequest(new URL(path, baseUrl), { method: "POST", headers, agent: false }, (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on("end", () => done(null));
      res.on("error", () => done(null));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timed out")));
    req.on("error", (e) => (status === null ? done(e.message) : done(null)));
    // A well-formed form body (with the token) all the way: only its size is wrong.
    const prefix = Buffer.from(`_csrf=${CSRF_TOKEN}&x=`);
    const first = Buffer.concat([prefix, CHUNK.subarray(prefix.length)]);
    let sent = 0;
    const pump = () => {
      while (sent < SIZE && !req.destroyed) {
        sent += CHUNK.length;
        if (!req.write(sent === CHUNK.length ? first : CHUNK)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** A 30 MB POST to one URL: answered with a 4xx (or the connection closed), and the server still up afterwards. */
export async function bigBody(attack: Attack, endpoint: Endpoint, path: string, chunked: boolean, username: string | null): Promise<Finding[]> {
  const crashes = attack.server.crashes.length;
  const session = username ? await attack.server.sessionOf(username) : null;
  const probe = { phase: "big-body" as const, endpoint, role: username ?? "anonymous", method: "POST", url: path, input: `30 MB ${chunked ? "chunked" : "with Content-Length"}` };
  attack.report.count("big-body", "POST", endpoint.routeIds, probe.role);
  const out: Finding[] = [];
  const { status, error } = await sendHuge(attack.server.baseUrl, path, chunked, session);
  if (status !== null && status >= 500) out.push(attack.checker.finding(probe, "5xx", status, "a body over the limit must be refused with 413"));
  if (status !== null && status < 400) out.push(attack.checker.finding(probe, "accepted", status, "30 MB accepted"));
  if (status === null && error && !/ECONNRESET|EPIPE|socket hang up/.test(error)) out.push(attack.checker.finding(probe, "down", null, `no answer: ${error}`));
  // Let the server finish with the request (its logger runs when the response ends).
  await new Promise((r) => setTimeout(r, 200));
  const down = await stillUp(attack, crashes);
  if (down) out.push(attack.checker.finding(probe, down.startsWith("an exception") ? "crash" : "down", null, down));
  return out;
}
