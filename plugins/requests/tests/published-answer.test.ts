import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { approveChain as approveThroughChain, documentOf } from "../../../app/plugin-api/testing";
import { ALREADY_PUBLISHED } from "../law/already-published";
import { action as registerAction } from "../routes/admin/register";
import { action as publishedAction, loader as publishedLoader } from "../routes/admin/published";
import { reportTables } from "../server/figures/tables.server";
import type { PublishedItem } from "../server/staff/published-answer.server";
import { applicationForm, load, openRequests, post, REPLY_REVIEW, staffPath, statusOf, type RequestsEnv } from "./setup";
import type { RequestsTransaction } from "../server/context";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests({ demo: true });
  // The demo office's published items, numbered and indexed as the disclosure plugin publishes them.
  await env.seed("disclosure", env.office.id);
}, 120_000);
afterAll(async () => {
  await env?.handle.close();
});

const today = chinaDate();
const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);
const system = <T,>(fn: (trx: RequestsTransaction) => Promise<T>) => env.systemContext(env.office.id).withTenant(fn);

async function register(subject: string) {
  const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm({ subject }), channel: "in_person", submittedOn: today });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

/** Each step of the chain approves; 保密审查 keeps what the scan found (an office's published text) with a reason. */
async function approveChain(documentId: string) {
  await approveThroughChain(env, documentId, { decision: { action: "keep", reason: "已主动公开的内容" }, review: REPLY_REVIEW });
}

describe("answer before you ask (已主动公开, Art 36(一))", () => {
  it("finds a published demo item with its 索引号, drafts the （一）予以公开 reply listing it in one step, and table 三 counts it there once approved", async () => {
    const item = await env
      .systemContext(env.office.id, "disclosure")
      .withTenant((trx) => trx.selectFrom("disclosure_items").select(["id", "title", "index_number"]).where("attribute", "=", "proactive").orderBy("published_on", "desc").executeTakeFirstOrThrow());
    const id = await register(item.title as string);
    const year = Number(today.slice(0, 4));
    const before = await system((trx) => reportTables(trx, [env.office.id], year));

    // The search starts from the application's subject; the item comes with its 索引号 and address.
    const page = await load<{ items: PublishedItem[] }>(env, publishedLoader, env.users.officer.id, appPath(id, "/published"), { id });
    const found = page.items.find((i) => i.sourceId === item.id)!;
    expect(found).toMatchObject({ title: item.title, reference: item.index_number, url: `/t/${env.office.code}/disclosure/items/${item.id}` });

    // Nothing ticked: refused, nothing drafted.
    const none = await post(env, publishedAction, env.users.officer.id, appPath(id, "/published"), { intent: "draft", q: "" }, { id });
    expect(none.status).toBe(400);
    expect((none.data as { error: string }).error).toBe("requests:publishedAnswer.errors.pickOne");
    // An id the search did not give (another office's, or made up) is not cited.
    const forged = await post(env, publishedAction, env.users.officer.id, appPath(id, "/published"), { intent: "draft", q: "", item: "00000000-0000-4000-8000-000000000000" }, { id });
    expect(forged.status).toBe(400);
    expect((forged.data as { error: string }).error).toBe("requests:publishedAnswer.errors.unknownItem");
    expect(await system((trx) => trx.selectFrom("requests_notices").select("id").where("application_id", "=", id).execute())).toEqual([]);

    const drafted = await post(env, publishedAction, env.users.officer.id, appPath(id, "/published"), { intent: "draft", q: "", item: item.id as string }, { id });
    expect(drafted.status, JSON.stringify(drafted.data)).toBe(302);
    const documentId = drafted.location!.split("/").pop()!;
    const doc = await documentOf(env, documentId);
    const payload = doc.payload as { replyType: string; body: string };
    expect(payload.replyType).toBe("disclosed");
    expect(payload.body).toContain(item.title as string);
    expect(payload.body).toContain(`索引号：${item.index_number}`);
    expect(payload.body).toContain(`/t/${env.office.code}/disclosure/items/${item.id}`);
    expect(payload.body).toContain("第三十六条第（一）项");
    expect(doc.status).toBe("in_review");
    // The reply is in approval: the step is taken, no second reply is drafted from here.
    expect(await statusOf(load(env, publishedLoader, env.users.officer.id, appPath(id, "/published"), { id }))).toBe(409);

    await approveChain(documentId);
    const app = await system((trx) => trx.selectFrom("requests_applications").select(["status", "reply_type"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(app).toEqual({ status: "closed", reply_type: ALREADY_PUBLISHED.replyType });
    const after = await system((trx) => reportTables(trx, [env.office.id], year));
    expect(after.three.disclosed.total - before.three.disclosed.total).toBe(1);
    expect(after.three.disclosed.natural - before.three.disclosed.natural).toBe(1);
  });

  it("is for those who handle applications: a viewer gets 403", async () => {
    const id = await register("任意信息");
    expect(await statusOf(load(env, publishedLoader, env.users.viewer.id, appPath(id, "/published"), { id }))).toBe(403);
  });
});
