/**
 * The attack suite (issue 13): generated from the route table the production build serves (core
 * routes and every plugin manifest's), so a new plugin's routes are attacked without anyone
 * writing a test. Over real HTTP, as a visitor, every business role of one branch office, the city
 * supervisor and the three platform administrators: other offices' pages and ids, a forged Host
 * header, forged POSTs, a bad-input corpus on every form and query parameter, and 30 MB bodies.
 * See tests/attack/README.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../app/core/calendar/china-time";
import { badInput, formsTo, queriesTo } from "./bad-input";
import { bigBody } from "./big-body";
import { ensureBuild, loadBuild } from "../helpers/build";
import { changes, localeCycle, snapshot, type Attack } from "./cases";
import { leakedIn, plantCanaries, type Canaries } from "./canaries";
import { Checker, describe as describeFindings } from "./checks";
import { get } from "./client";
import { crawl, Harvest } from "./crawl";
import { crossOffice } from "./cross-office";
import { forgedPosts } from "./csrf";
import { forgedHost } from "./host-header";
import { tablesOf } from "./fingerprint";
import { startAttackServer } from "./harness";
import { Report } from "./report";
import { ATTACKER, ROLES, VICTIM, VICTIM_READERS } from "./roles";
import { endpointsOf, matchPath, type Endpoint } from "./route-table";

const MINUTE = 60_000;

await ensureBuild();
const { build } = await loadBuild();
const endpoints = endpointsOf(build);

/** Public pages do not depend on who reads them beyond signed in or not: a sample of roles reads them. */
const PUBLIC_READERS = new Set(["anonymous", "donghu.drafter", "city.supervisor", "platform.sysadmin"]);
const rolesFor = (e: Endpoint) => ROLES.map((role, index) => ({ role, index })).filter(({ role }) => e.area !== "public" || PUBLIC_READERS.has(role.name));

/** 30 MB bodies: sign-in, the citizen's application, a staff upload, a read-only API, an unknown URL, a platform form. */
const BIG_BODIES: { path: string; username: string | null }[] = [
  { path: "/login", username: null },
  { path: `/t/${ATTACKER}/requests/new`, username: null },
  { path: `/t/${ATTACKER}/admin/disclosure/import`, username: "donghu.drafter" },
  { path: `/api/v1/t/${ATTACKER}/disclosure/items`, username: null },
  { path: "/no/such/page", username: null },
  { path: "/admin/accounts/new", username: "platform.secadmin" },
];

let attack: Attack;
/** Rows changed by planting the canaries: the proof that the fingerprint sees a write. */
let planting: string[] = [];

beforeAll(async () => {
  const started = Date.now();
  const server = await startAttackServer();
  const report = new Report(server.engine, started);
  report.stage("server");
  report.endpoints = endpoints.length;
  try {
    const canaries: Canaries = { where: new Map(), proofs: [] };
    const checker = new Checker(server, report, canaries);
    const harvest = new Harvest();
    attack = { server, report, checker, harvest, canaries, endpoints, tables: await tablesOf(server.handle.db as never), nextLocale: localeCycle() };
    const before = await snapshot(attack);
    await plantCanaries(server, VICTIM, "xishan", chinaDate(), canaries);
    await plantCanaries(server, ATTACKER, "donghu", chinaDate(), canaries);
    planting = (await changes(attack, before, await snapshot(attack), [server.tenantId(VICTIM), server.tenantId(ATTACKER)])).map((c) => c.text);
    report.stage("canaries");
    for (const username of VICTIM_READERS) {
      await crawl(server, checker, endpoints, harvest, { role: username, username, tenant: VICTIM, locale: "zh-CN", perEndpoint: 2, maxPages: 80, reads: [VICTIM] });
    }
    await crawl(server, checker, endpoints, harvest, { role: "anonymous", username: null, tenant: VICTIM, locale: "zh-CN", perEndpoint: 2, maxPages: 40, reads: [] });
    for (const role of ROLES) {
      await crawl(server, checker, endpoints, harvest, { role: role.name, username: role.username, tenant: role.home, locale: "zh-CN", perEndpoint: 1, maxPages: 60, reads: role.reads });
    }
    report.stage("crawl");
  } catch (e) {
    await server.close();
    throw e;
  }
}, 30 * MINUTE);

afterAll(async () => {
  if (!attack) return;
  const path = attack.report.write();
  console.log(`${attack.report.summary()}\n  report: ${path}`);
  await attack.server.close();
});

describe("the checks themselves", () => {
  it("the planted canaries are on the offices' pages for their own staff, and the leak check sees them there", async () => {
    for (const proof of attack.canaries.proofs) {
      const reply = await get(attack.server.baseUrl, proof.path, { session: await attack.server.sessionOf(proof.username), locale: "zh-CN" });
      expect(reply.body, `${proof.username} ${proof.path}`).toContain(proof.canary);
      expect(leakedIn(attack.canaries, reply.body, [])).not.toEqual([]);
    }
  });

  it("the fingerprint sees the rows the planting wrote in both offices", () => {
    expect(planting.map((c) => c.split(":")[0])).toEqual([VICTIM, ATTACKER]);
  });
});

describe("crawl", () => {
  it("every page read while learning the site answered without a 5xx or a leak", () => {
    const found = attack.report.findings.filter((f) => f.phase === "crawl");
    expect(found, describeFindings(found)).toEqual([]);
  });
});

describe("another office's pages and ids", () => {
  for (const endpoint of endpoints) {
    describe(`${endpoint.pattern} (${endpoint.routeIds.join(", ")})`, () => {
      for (const { role, index } of rolesFor(endpoint)) {
        it(`as ${role.name}`, { timeout: 15 * MINUTE }, async () => {
          const found = await crossOffice(attack, endpoint, role, index);
          expect(found, describeFindings(found)).toEqual([]);
        });
      }
    });
  }
});

describe("a forged Host header", () => {
  for (const endpoint of endpoints.filter((e) => e.loader)) {
    it(`${endpoint.pattern} (${endpoint.routeIds.join(", ")})`, async () => {
      const found = await forgedHost(attack, endpoint);
      expect(found, describeFindings(found)).toEqual([]);
    });
  }
});

describe("forged POSTs (CSRF): no token, another token, another origin", () => {
  for (const endpoint of endpoints.filter((e) => e.posts.length)) {
    it(`${endpoint.pattern} (${endpoint.routeIds.join(", ")})`, { timeout: 5 * MINUTE }, async () => {
      const form = attack.harvest.forms.find((f) => f.endpoint === endpoint && !VICTIM_READERS.includes(f.role));
      if (!form) return;
      const found = await forgedPosts(attack, endpoint, form);
      expect(found, describeFindings(found)).toEqual([]);
    });
  }
});

describe("bad input on every form and query parameter", () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.pattern} (${endpoint.routeIds.join(", ")})`, { timeout: 15 * MINUTE }, async () => {
      const found = await badInput(attack, endpoint);
      expect(found, describeFindings(found)).toEqual([]);
    });
  }
});

describe("30 MB bodies", () => {
  for (const { path, username } of BIG_BODIES) {
    for (const chunked of [false, true]) {
      it(`POST ${path} ${chunked ? "chunked" : "with Content-Length"} as ${username ?? "anonymous"}: refused, and /healthz still answers`, { timeout: 5 * MINUTE }, async () => {
        const endpoint = matchPath(endpoints, path)!.endpoint;
        const found = await bigBody(attack, endpoint, path, chunked, username);
        expect(found, describeFindings(found)).toEqual([]);
      });
    }
  }
});

describe("coverage", () => {
  it("every route of the route table was attacked, and every form and query parameter the crawl found was tried", () => {
    const routeIds = Object.keys(build.routes).filter((id) => id !== "root");
    expect(routeIds.filter((id) => !attack.report.routeIds.has(id))).toEqual([]);
    const unfillable = attack.report.findings.filter((f) => f.problem === "unfillable");
    expect(unfillable, describeFindings(unfillable)).toEqual([]);
    const withForms = endpoints.filter((e) => formsTo(attack, e).length || queriesTo(attack, e).length);
    expect(withForms.length).toBeGreaterThan(0);
  });
});
