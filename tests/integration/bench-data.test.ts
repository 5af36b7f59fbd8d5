import type { LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_SCOPE, withScope, type Scope } from "../../db/scope";
import { passwordMatches } from "../../app/core/auth/credentials.server";
import { FieldCipher } from "../../app/core/crypto/field-cipher";
import { clockStatuses } from "../../app/core/calendar/clock-store.server";
import { clockKindLookup } from "../../app/core/calendar/clock-kind";
import { formatNumber } from "../../app/core/numbering/format";
import { INDEX_SEQUENCE, nextNumber } from "../../app/core/numbering/sequences.server";
import { search } from "../../app/core/search/index.server";
import { toDocumentText } from "../../app/core/search/tokenize";
import { sanitizeBody } from "../../plugins/disclosure/server/html";
import { toItem } from "../../plugins/disclosure/server/items.server";
import { searchDocumentOf } from "../../plugins/disclosure/server/publish.server";
import { applicantIdentity, maskedApplicant, type ApplicantDetails } from "../../plugins/requests/server/applicant";
import { checkTableThree } from "../../plugins/requests/law/table-three";
import { REPLY_CLOCK } from "../../plugins/requests/law/reply-clock";
import { tableThree } from "../../plugins/requests/server/figures/tables.server";
import type { RequestsDatabase } from "../../plugins/requests/db/schema";
import { benchCalendar } from "../bench/data/calendar";
import { generateInto, type Generated } from "../bench/data/generate";
import { BENCH_PASSWORD } from "../bench/data/staff";
import { BENCH_TODAY } from "../bench/data/spec";
import { signedInRequest, testContext } from "../helpers/context";
import { openTestDatabase, uniq } from "../helpers/db";
import { discoverPlugins } from "../../app/plugin-host/discover";
import { loader as inboxLoader } from "../../app/routes/t.$tenant.admin.inbox";
import { loader as categoryLoader } from "../../plugins/disclosure/routes/public/category";
import { loader as itemLoader } from "../../plugins/disclosure/routes/public/item";
import { loader as searchLoader } from "../../plugins/disclosure/routes/public/search";
import { loader as applicationsLoader } from "../../plugins/requests/routes/admin/applications";

/**
 * The bench data generator (tests/bench/data) on a tiny spec — a city and one branch office, 50
 * items, 20 applications — generated twice with the same seed under different tenant codes, and
 * checked through the platform's own readers: determinism, numbering, search, isolation, and the
 * identities of annual report table 三.
 */

const SIZES = { tenants: 2, items: 50, requests: 20, seed: 7 };

let handle: DatabaseHandle;
let first: Generated;
let second: Generated;
const officers = new Map<string, { id: string }>();

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

const staffScope = (tenantId: string, code: string): Scope => ({ tenantId, readTenantIds: [tenantId], userId: officers.get(code)!.id });

beforeAll(async () => {
  handle = await openTestDatabase();
  first = await generateInto(handle, SIZES, { codePrefix: `bda${uniq()}` });
  second = await generateInto(handle, SIZES, { codePrefix: `bdb${uniq()}` });
  const users = await withScope(handle.db, PLATFORM_SCOPE, (trx) =>
    trx.selectFrom("users").select(["id", "username"]).where("username", "in", [...first.staff, ...second.staff].map((s) => s.username)).execute(),
  );
  for (const s of [...first.staff, ...second.staff]) officers.set(s.tenantCode, users.find((u) => u.username === s.username)!);
}, 120_000);
afterAll(() => handle.close());

/** Every row an office's officer can read of a table, in a stable order. */
function rowsOf(tenant: Generated["tenants"][number], table: string, order: string) {
  return withScope(handle.db, staffScope(tenant.id, tenant.code), async (trx) => (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.ref(order)}`.execute(trx)).rows);
}

describe("bench data generator", () => {
  it("makes a city and its branch office with the requested numbers of items and applications", () => {
    expect(first.tenants.map((t) => t.level)).toEqual(["city", "county"]);
    expect(first.tenants[1]!.parentCode).toBe(first.tenants[0]!.code);
    expect(first.tenants.reduce((s, t) => s + t.items, 0)).toBe(SIZES.items);
    expect(first.tenants.reduce((s, t) => s + t.requests, 0)).toBe(SIZES.requests);
  });

  it("writes the same titles, subjects and numbers for the same seed", async () => {
    for (const [i, a] of first.tenants.entries()) {
      const b = second.tenants[i]!;
      const itemsA = await rowsOf(a, "disclosure_items", "index_number");
      const itemsB = await rowsOf(b, "disclosure_items", "index_number");
      expect(itemsA.length).toBe(a.items);
      expect(itemsA.map((r) => [r.id, r.title, r.published_on, String(r.index_number).split("/")[1]])).toEqual(
        itemsB.map((r) => [r.id, r.title, r.published_on, String(r.index_number).split("/")[1]]),
      );
      const appsA = await rowsOf(a, "requests_applications", "tracking_no");
      const appsB = await rowsOf(b, "requests_applications", "tracking_no");
      expect(appsA.length).toBe(a.requests);
      expect(appsA.map((r) => [r.tracking_no, r.subject, r.status, r.reply_type, r.applicant_masked])).toEqual(
        appsB.map((r) => [r.tracking_no, r.subject, r.status, r.reply_type, r.applicant_masked]),
      );
    }
  });

  it("gives unique 索引号 and leaves the counter where the next publication continues", async () => {
    for (const t of first.tenants) {
      const items = await rowsOf(t, "disclosure_items", "index_number");
      const numbers = items.map((r) => String(r.index_number));
      expect(new Set(numbers).size).toBe(numbers.length);
      const year = Number(BENCH_TODAY.slice(0, 4));
      const inYear = items.filter((r) => String(r.published_on).startsWith(String(year))).length;
      const creditCode = numbers[0]!.split("/")[0]!;
      const next = await withScope(handle.db, staffScope(t.id, t.code), (trx) =>
        nextNumber(trx, { tenantId: t.id, sequence: INDEX_SEQUENCE, year, pattern: "{credit_code}/{year}-{seq:5}", creditCode }),
      );
      expect(next.number).toBe(formatNumber("{credit_code}/{year}-{seq:5}", { creditCode, year, seq: inYear + 1 }));
      expect(numbers).not.toContain(next.number);
    }
  });

  it("indexes the public items exactly as publication does, and a 2-character term finds them", async () => {
    const city = first.tenants[0]!;
    const items = (await rowsOf(city, "disclosure_items", "id")).map(toItem);
    const docs = await rowsOf(city, "search_documents", "source_id");
    const expected = items.flatMap((i) => searchDocumentOf(city.code, i) ?? []).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
    expect(docs.map((d) => [d.source_id, d.title, d.body, d.url, d.tokens])).toEqual(expected.map((d) => [d.sourceId, d.title, d.body, d.url, toDocumentText(d.title, d.body)]));
    for (const i of items) expect(sanitizeBody(i.bodyHtml)).toBe(i.bodyHtml);

    const term = first.samples.searchTwo[0]!;
    expect([...term]).toHaveLength(2);
    const found = await withScope(handle.db, { tenantId: null, readTenantIds: [city.id], userId: null }, (trx) =>
      search(trx, { q: term, sources: ["disclosure.item"], limit: 20, offset: 0 }),
    );
    expect(found.total).toBeGreaterThan(0);
    for (const hit of found.hits) expect(hit.url.startsWith(`/t/${city.code}/disclosure/items/`)).toBe(true);
  });

  it("names sample pages that exist and are public", async () => {
    const published = new Set<string>();
    for (const t of first.tenants) {
      for (const i of (await rowsOf(t, "disclosure_items", "id")).map(toItem)) {
        if (i.status === "published" && i.attribute === "proactive") published.add(`/t/${t.code}/disclosure/items/${i.id}`);
      }
    }
    expect(first.samples.itemPaths.length).toBeGreaterThan(0);
    for (const path of first.samples.itemPaths) expect(published.has(path)).toBe(true);
    expect(first.samples.searchFour.every((term) => [...term].length === 4)).toBe(true);
  });

  it("lets each office read only its own rows", async () => {
    const tables = ["disclosure_items", "disclosure_attachments", "search_documents", "workflow_documents", "requests_applications", "requests_notices", "clock_events", "number_sequences", "memberships", "audit_events"];
    for (const t of [...first.tenants, ...second.tenants]) {
      await withScope(handle.db, staffScope(t.id, t.code), async (trx) => {
        for (const table of tables) {
          const { rows } = await sql<{ own: number; other: number }>`
            SELECT count(*) FILTER (WHERE tenant_id = ${t.id})::int AS own, count(*) FILTER (WHERE tenant_id <> ${t.id})::int AS other FROM ${sql.table(table)}`.execute(trx);
          expect({ table, ...rows[0] }).toEqual({ table, own: expect.any(Number), other: 0 });
          if (table !== "disclosure_attachments" && table !== "requests_notices") expect({ table, own: rows[0]!.own > 0 }).toEqual({ table, own: true });
        }
      });
    }
  });

  it("keeps the identities of table 三 every year, and every reply clock is one the law allows", async () => {
    const ids = first.tenants.map((t) => t.id);
    const city = first.tenants[0]!;
    await withScope(handle.db, { tenantId: null, readTenantIds: ids, userId: officers.get(city.code)!.id }, async (trx) => {
      let lastYear;
      for (const year of [2024, 2025, 2026]) {
        for (const scope of [...ids.map((id) => [id]), ids]) expect(checkTableThree(await tableThree(trx.withTables<RequestsDatabase>(), scope, year))).toEqual([]);
        const consolidated = await tableThree(trx.withTables<RequestsDatabase>(), ids, year);
        expect(checkTableThree(consolidated, { lastYear })).toEqual([]);
        lastYear = consolidated;
      }
      const { rows: received } = await sql<{ id: string }>`SELECT id FROM requests_applications WHERE received_on IS NOT NULL`.execute(trx);
      expect(received.length).toBeGreaterThan(0);
      const statuses = await clockStatuses(trx, received.map((a) => `requests.reply:${a.id}`), BENCH_TODAY, benchCalendar, clockKindLookup([REPLY_CLOCK]));
      expect(statuses.size).toBe(received.length);
    });
  });

  it("serves the sample pages, the officer's request list and inbox through the real loaders", async () => {
    const context = await testContext(handle, {}, await discoverPlugins());
    const city = first.tenants[0]!;
    const get = (loader: Loader, path: string, params: Record<string, string>, cookie?: Request) =>
      loader({ request: cookie ?? new Request(`http://localhost${path}`), params: { tenant: city.code, ...params }, context }).then((r) => JSON.stringify(r));
    const items = (await rowsOf(city, "disclosure_items", "id")).map(toItem).filter((i) => i.status === "published" && i.attribute === "proactive");

    const itemPath = first.samples.itemPaths.find((p) => p.startsWith(`/t/${city.code}/`))!;
    const item = items.find((i) => itemPath.endsWith(i.id))!;
    expect(await get(itemLoader, itemPath, { id: item.id })).toContain(JSON.stringify(item.title));

    const categoryPath = first.samples.categoryPaths.find((p) => p.startsWith(`/t/${city.code}/`))!;
    const key = categoryPath.split("/").at(-1)!;
    const newest = items.filter((i) => i.categoryKey === key || i.categoryKey.startsWith(`${key}.`)).sort((a, b) => b.publishedOn.localeCompare(a.publishedOn) || b.indexNumber.localeCompare(a.indexNumber))[0]!;
    expect(await get(categoryLoader, categoryPath, { key })).toContain(JSON.stringify(newest.title));

    const term = first.samples.searchFour[0]!;
    const found = JSON.parse(await get(searchLoader, `/t/${city.code}/disclosure/search?q=${encodeURIComponent(term)}`, {})) as { total: number; results: { title: string }[] };
    expect(found.total).toBeGreaterThan(0);
    expect(found.results.length).toBeGreaterThan(0);

    const officer = officers.get(city.code)!.id;
    const signed = (path: string) => signedInRequest(context, officer, path);
    const list = JSON.parse(await get(applicationsLoader, "", {}, await signed(`/t/${city.code}/admin/requests`))) as { rows: { applicant: string }[] };
    expect(list.rows.length).toBe(Math.min(city.requests, 20));
    expect(list.rows.every((r) => r.applicant.includes("*"))).toBe(true);
    const inbox = JSON.parse(await get(inboxLoader as Loader, "", {}, await signed(`/t/${city.code}/admin/inbox`))) as { items: unknown[] };
    const waiting = (await rowsOf(city, "workflow_documents", "id")).filter((d) => d.status === "in_review");
    expect(inbox.items.length).toBe(waiting.length);
    expect(waiting.length).toBeGreaterThan(0);
  });

  it("seals each applicant with the data key for the requests plugin in that office, as the plugin does", async () => {
    const office = first.tenants[1]!;
    const cipher = new FieldCipher(first.dataKey);
    const apps = await rowsOf(office, "requests_applications", "tracking_no");
    for (const a of apps) {
      const details = JSON.parse(cipher.open(String(a.applicant_sealed), `requests:${office.id}`)) as ApplicantDetails;
      expect(maskedApplicant(details)).toBe(a.applicant_masked);
      expect(cipher.blindIndex(applicantIdentity(details), `requests:${office.id}`)).toBe(a.applicant_key);
    }
  });

  it("creates an officer per office who signs in with the recorded password", async () => {
    const officer = officers.get(first.tenants[1]!.code)!;
    expect(first.staff[1]!.password).toBe(BENCH_PASSWORD);
    // The serving role never reads the hash: the database compares it (db/migrations/0015_credentials.ts).
    expect(await withScope(handle.db, PLATFORM_SCOPE, (trx) => passwordMatches(trx, officer.id, BENCH_PASSWORD))).toBe(true);
  });
});
