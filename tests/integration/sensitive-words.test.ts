import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { sensitiveWordRows, sensitiveWordsFor, tenantAndAncestors } from "../../app/core/classification/sensitive-words.server";
import type { PluginRegistry } from "../../app/plugin-host/registry";
import { tenantContext } from "../../app/plugin-host/request-context.server";
import { action, loader } from "../../app/routes/t.$tenant.admin.sensitive-words";
import { createTenantTree, openTestDatabase, loadFixturePlugins } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let registry: PluginRegistry;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
let context: AppLoadContext;
let city: { id: string; code: string };
let one: { id: string; code: string };
let two: { id: string; code: string };

const as = (tenantId: string) => ({ tenantId, readTenantIds: [tenantId], userId: null });

async function addWord(tenantId: string, word: string) {
  await withScope(handle.db, as(tenantId), (trx) =>
    trx.insertInto("sensitive_words").values({ tenant_id: tenantId, word, created_by: null }).execute(),
  );
}

beforeAll(async () => {
  handle = await openTestDatabase();
  registry = await loadFixturePlugins(handle);
  tree = await createTenantTree(handle, 2);
  city = tree.city;
  [one, two] = tree.offices as [typeof one, typeof two];
  context = await testContext(handle, {}, registry);
  await addWord(city.id, "城市内部代号");
  await addWord(one.id, "一分局专案");
});
afterAll(() => handle.close());

describe(`sensitive words (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("walk up the tenant tree", () => {
    expect(tenantAndAncestors(context.services.tenants, one.id)).toEqual([one.id, city.id]);
    expect(tenantAndAncestors(context.services.tenants, city.id)).toEqual([city.id]);
  });

  it("a city's words apply to its offices; an office's words neither to the city nor to a sibling", async () => {
    const dir = context.services.tenants;
    expect(await sensitiveWordsFor(handle.db, city, dir)).toEqual(["城市内部代号"]);
    expect((await sensitiveWordsFor(handle.db, one, dir)).sort()).toEqual(["一分局专案", "城市内部代号"].sort());
    expect(await sensitiveWordsFor(handle.db, two, dir)).toEqual(["城市内部代号"]);
    const rows = await sensitiveWordRows(handle.db, one, dir);
    expect(rows.map((r) => [r.word, r.inherited])).toEqual(
      expect.arrayContaining([
        ["城市内部代号", true],
        ["一分局专案", false],
      ]),
    );
  });

  it("row-level security shows an office its own and its ancestors' words, and lets it write only its own", async () => {
    const seen = async (id: string) =>
      (await withScope(handle.db, as(id), (trx) => trx.selectFrom("sensitive_words").select("word").orderBy("word").execute())).map((r) => r.word);
    expect((await seen(one.id)).sort()).toEqual(["一分局专案", "城市内部代号"].sort());
    expect(await seen(two.id)).toEqual(["城市内部代号"]);
    expect(await seen(city.id)).toEqual(["城市内部代号"]);
    await expect(
      withScope(handle.db, as(one.id), (trx) =>
        trx.insertInto("sensitive_words").values({ tenant_id: city.id, word: "越权", created_by: null }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(addWord(one.id, " 前后空格 ")).rejects.toThrow(/check constraint/);
    await expect(addWord(one.id, "字".repeat(51))).rejects.toThrow(/check constraint/);
  });

  it("the classification scan of a plugin context uses the inherited list", async () => {
    const text = "关于城市内部代号和一分局专案的说明";
    const scan = async (id: string) => {
      const tenant = context.services.tenants.byId(id)!;
      const ctx = tenantContext(context, registry.get("fixture-notes")!, tenant, { id: null, name: "test" });
      return (await ctx.withTenant((trx) => ctx.classification.scan(trx, text))).filter((f) => f.kind === "sensitive_word").map((f) => f.match);
    };
    expect((await scan(one.id)).sort()).toEqual(["一分局专案", "城市内部代号"].sort());
    expect(await scan(two.id)).toEqual(["城市内部代号"]);
    expect(await scan(city.id)).toEqual(["城市内部代号"]);
  });
});

describe("the sensitive-words page", () => {
  async function page(userId: string, tenant: string) {
    const request = await signedInRequest(context, userId, `/t/${tenant}/admin/sensitive-words`);
    return loader({ request, context, params: { tenant } });
  }

  async function call(userId: string, tenant: string, fields: Record<string, string>) {
    const get = await signedInRequest(context, userId, `/t/${tenant}/admin/sensitive-words`);
    const request = new Request(get.url, {
      method: "POST",
      headers: { Cookie: get.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    const res = (await action({ request, context, params: { tenant } })) as unknown as {
      data: Record<string, unknown>;
      init: { status?: number } | null;
    };
    return { data: res.data, status: res.init?.status ?? 200 };
  }

  it("is for classifiers and principals only", async () => {
    const drafter = await createUser(handle, { [two.id]: ["drafter"] });
    const thrown = await page(drafter.id, two.code).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
    const principal = await createUser(handle, { [two.id]: ["principal"] });
    expect((await page(principal.id, two.code)).words).toEqual([expect.objectContaining({ word: "城市内部代号", inherited: true })]);
  });

  it("adds, refuses duplicates and bad input, keeps inherited words, removes own words, audited", async () => {
    const classifier = await createUser(handle, { [two.id]: ["classifier"] });
    expect(await call(classifier.id, two.code, { intent: "add", word: "  二分局台账  " })).toMatchObject({
      status: 200,
      data: { ok: true },
    });
    expect(await call(classifier.id, two.code, { intent: "add", word: "二分局台账" })).toMatchObject({
      status: 409,
      data: { errors: { word: ["sensitiveWords.errors.duplicate"] } },
    });
    expect(await call(classifier.id, two.code, { intent: "add", word: "城市内部代号" })).toMatchObject({
      status: 409,
      data: { errors: { word: ["sensitiveWords.errors.inheritedDuplicate"] } },
    });
    expect(await call(classifier.id, two.code, { intent: "add", word: "   " })).toMatchObject({
      status: 400,
      data: { errors: { word: ["errors.required"] } },
    });
    expect(await call(classifier.id, two.code, { intent: "add", word: "词".repeat(51) })).toMatchObject({
      status: 400,
      data: { errors: { word: ["sensitiveWords.errors.tooLong"] } },
    });
    expect((await call(classifier.id, two.code, { intent: "remove", word: "城市内部代号" })).status).toBe(409);
    expect((await page(classifier.id, two.code)).words.map((w) => w.word).sort()).toEqual(["二分局台账", "城市内部代号"].sort());
    expect(await call(classifier.id, two.code, { intent: "remove", word: "二分局台账" })).toMatchObject({
      status: 200,
      data: { ok: true },
    });
    expect((await call(classifier.id, two.code, { intent: "remove", word: "二分局台账" })).status).toBe(404);
    expect(await sensitiveWordsFor(handle.db, city, context.services.tenants)).toEqual(["城市内部代号"]);

    const events = await withScope(handle.db, as(two.id), (trx) =>
      trx
        .selectFrom("audit_events")
        .select(["action", "target_id", "actor_id"])
        .where("action", "like", "sensitive_word.%")
        .orderBy("seq")
        .execute(),
    );
    expect(events).toEqual([
      { action: "sensitive_word.add", target_id: "二分局台账", actor_id: classifier.id },
      { action: "sensitive_word.remove", target_id: "二分局台账", actor_id: classifier.id },
    ]);
  });
});
