import type { Locale } from "../../app/core/i18n/config";
import { leakedIn, type Canaries } from "./canaries";
import type { Reply } from "./client";
import type { AttackServer } from "./harness";
import { readPage } from "./html";
import type { Finding, Phase, Problem, Report } from "./report";
import type { Endpoint } from "./route-table";

/** One request of the suite: where, as whom, with what. */
export interface Probe {
  phase: Phase;
  endpoint: Endpoint;
  role: string;
  method: string;
  url: string;
  input: string;
}

const HAN = /\p{Script=Han}/u;
const I18N_KEY = /^([a-z0-9-]+:)?[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)+$/;

/** Whether a reply is an HTML page. */
export function isHtml(reply: Reply): boolean {
  return String(reply.headers["content-type"] ?? "").includes("text/html");
}

/**
 * Why a reply to bad input is not "a clear localised message", or null when it is: an HTML page in
 * the asked language showing an error (role="alert", .error, the error page) that reads as that
 * language and is not an untranslated key. Non-HTML 4xx answers (the API's JSON, plain 413) pass.
 */
export function unclearMessage(reply: Reply, locale: Locale): string | null {
  if (!isHtml(reply)) return reply.status >= 400 ? null : `${reply.status} ${String(reply.headers["content-type"])} without an error`;
  const page = readPage(reply.body);
  if (page.lang && page.lang !== locale) return `page in ${page.lang}, asked for ${locale}`;
  if (page.alerts.length === 0) return reply.status >= 400 ? `${reply.status} page shows no error message` : `${reply.status} page shows no error message: the bad value was silently dropped or used`;
  const raw = page.alerts.find((a) => I18N_KEY.test(a));
  if (raw) return `untranslated message key "${raw}"`;
  const readable = page.alerts.some((a) => (locale === "en" ? /[A-Za-z]{3}/.test(a) && !HAN.test(a) : HAN.test(a)));
  return readable ? null : `message not in ${locale}: "${page.alerts[0]!.slice(0, 120)}"`;
}

/** Checks every reply the same way: counts it, and records 5xx answers and leaks of canaries. */
export class Checker {
  constructor(
    readonly server: AttackServer,
    readonly report: Report,
    readonly canaries: Canaries,
  ) {}

  /** The error the server logged for a reply (by its X-Request-Id), to name the cause of a 5xx. */
  serverError(reply: Reply): string {
    const id = reply.headers["x-request-id"];
    const logged = this.server.errors.filter((e) => e.requestId === id);
    const first = logged[0]?.err?.split("\n").slice(0, 3).join(" ⟵ ") ?? reply.body.slice(0, 200);
    return first.replace(/\s+/g, " ");
  }

  finding(p: Probe, problem: Problem, status: number | null, detail: string): Finding {
    const f: Finding = { phase: p.phase, problem, endpoint: p.endpoint.pattern, routeIds: p.endpoint.routeIds, role: p.role, method: p.method, url: p.url.slice(0, 300), input: p.input, status, detail };
    this.report.add(f);
    return f;
  }

  /** Counts the case; records a 5xx, no answer, or a canary of an office the role may not read. */
  check(p: Probe, reply: Reply | Error, readable: readonly string[]): Finding[] {
    this.report.count(p.phase, p.method, p.endpoint.routeIds, p.role);
    if (reply instanceof Error) return [this.finding(p, "down", null, `no answer: ${reply.message}`)];
    const out: Finding[] = [];
    if (reply.status >= 500) out.push(this.finding(p, "5xx", reply.status, this.serverError(reply)));
    const leaked = leakedIn(this.canaries, reply.body, readable);
    if (leaked.length) out.push(this.finding(p, "leak", reply.status, leaked.join("; ")));
    return out;
  }
}

/** A failure message a person can read: one line per finding. */
export function describe(findings: Finding[]): string {
  return findings.map((f) => `${f.problem} ${f.status ?? "-"} ${f.method} ${f.url} [${f.input}] as ${f.role}: ${f.detail}`).join("\n");
}
