import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate, NON_DISCLOSURE_GROUNDS } from "../../../app/plugin-api";
import { clockId } from "../db/schema";
import { admittedGrounds, REPLY_ROW_GROUNDS } from "../law/reply-grounds";
import { replyTypes, tableThreeRow } from "../law/reply-types";
import { action as applicationAction } from "../routes/admin/application";
import { action as noticeAction } from "../routes/admin/notice";
import { action as registerAction } from "../routes/admin/register";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { tableThree } from "../server/figures/tables.server";
import { ReplyPayload } from "../server/notice-schema";
import { applicationForm, openRequests, post, staffPath, type RequestsEnv } from "./setup";

/** A reply's row and its grounds agree (law/reply-grounds.ts); an application never received counts nowhere. */

let env: RequestsEnv;
const today = chinaDate();
beforeAll(async () => {
  env = await openRequests();
});
afterAll(() => env.handle.close());

const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);

async function register() {
  const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: today });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

const draftReply = (id: string, fields: Record<string, string>) =>
  post<{ errors: Record<string, string[]> }>(env, noticeAction, env.users.officer.id, appPath(id, "/notices/reply"), { intent: "submit", title: "", body: "", ...fields }, { id, kind: "reply" });

const noticesOf = (id: string) =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("requests_notices").select("kind").where("application_id", "=", id).execute());

describe("each row of table 三 names the grounds it admits", () => {
  it("a 不予公开 row its own Art 14–16 ground only, 部分公开 any of them, every other row none", () => {
    for (const row of replyTypes("2021")) {
      const r = tableThreeRow(row.key);
      const grounds = admittedGrounds(row.key);
      if (row.key === "partly_disclosed") expect(grounds).toEqual(NON_DISCLOSURE_GROUNDS.map((g) => g.key));
      else if (r.groundKey) expect(grounds).toEqual([r.groundKey]);
      else expect(grounds).toEqual([]);
      // The source is beside the rule: the ground's article (and Art 36(三)), or Art 37 for a partial release.
      if (grounds.length) expect(REPLY_ROW_GROUNDS[row.key]!.basis.length).toBeGreaterThan(0);
    }
    expect(admittedGrounds("withheld.state_secret")).toEqual(["art14.state_secret"]);
  });

  it("the reply payload refuses a ground its row does not admit, on the part's ground", () => {
    const base = { applicationId: crypto.randomUUID(), body: "答复", replyType: "withheld.state_secret" };
    const wrong = ReplyPayload.safeParse({ ...base, withheld: [{ description: "讨论记录", groundKey: "art16.process_information" }] });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["withheld.0.groundKey", "requests:errors.groundNotOfRow"]]);
    expect(ReplyPayload.safeParse({ ...base, withheld: [{ description: "涉密档案", groundKey: "art14.state_secret" }] }).success).toBe(true);
    const nothingWithheld = ReplyPayload.safeParse({ ...base, replyType: "unavailable.not_held", withheld: [{ description: "档案", groundKey: "art14.state_secret" }] });
    expect(nothingWithheld.error!.issues.map((i) => i.message)).toEqual(["requests:errors.withheldNotOfRow"]);
  });
});

describe("the reply editor", () => {
  it("refuses （三）1 属于国家秘密 grounded on Art 16, on the slot's ground, drafting nothing; its own ground is drafted", async () => {
    const id = await register();
    const refused = await draftReply(id, { replyType: "withheld.state_secret", "withheld.1.description": "审批讨论记录", "withheld.1.groundKey": "art16.process_information" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ "withheld.1.groundKey": ["requests:errors.groundNotOfRow"] });
    expect(await noticesOf(id)).toEqual([]);

    const withheldNothing = await draftReply(id, { replyType: "disclosed", "released.0.title": "报告", "released.0.body": "内容", "withheld.0.description": "工艺参数", "withheld.0.groundKey": "art15.third_party" });
    expect(withheldNothing.status).toBe(400);
    expect(withheldNothing.data.errors).toEqual({ withheld: ["requests:errors.withheldNotOfRow"] });

    const drafted = await draftReply(id, { replyType: "withheld.state_secret", "withheld.0.description": "涉密单位排放口位置", "withheld.0.groundKey": "art14.state_secret" });
    expect(drafted.status, JSON.stringify(drafted.data)).toBe(302);
    expect(await noticesOf(id)).toEqual([{ kind: "reply" }]);
  });
});

describe("an online application withdrawn before it was confirmed", () => {
  it("is closed without a receipt date or a row, and counts nowhere in table 三", async () => {
    const ctx = env.systemContext(env.office.id);
    const year = Number(today.slice(0, 4));
    const before = await ctx.withTenant((trx) => tableThree(trx, [env.office.id], year));
    const created = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "internet" }));
    if (!created.ok) throw new Error(created.error);
    const id = created.id;

    const r = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "close.withdrawn", closedOn: today }, { id });
    expect(r.status, JSON.stringify(r.data)).toBe(200);
    const row = await ctx.withTenant((trx) => trx.selectFrom("requests_applications").select(["status", "received_on", "reply_type", "closed_on"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(row).toEqual({ status: "closed", received_on: null, reply_type: null, closed_on: today });
    expect(await ctx.withTenant((trx) => ctx.clocks.events(trx, clockId(id)))).toEqual([]);
    expect(await ctx.withTenant((trx) => tableThree(trx, [env.office.id], year))).toEqual(before);
  });

  it("a withdrawal dated before the application was submitted is refused on its field", async () => {
    const ctx = env.systemContext(env.office.id);
    const created = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "internet" }));
    if (!created.ok) throw new Error(created.error);
    const r = await post(env, applicationAction, env.users.officer.id, appPath(created.id), { intent: "close.withdrawn", closedOn: "2020-01-02" }, { id: created.id });
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ field: "closedOn", error: "requests:errors.closeBeforeSubmit" });
  });
});

describe("migration 0004", () => {
  it("sets right a withdrawal before confirmation stored the old way, and leaves a received application's （六）3 alone", async () => {
    const ctx = env.systemContext(env.office.id);
    const online = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "internet" }));
    const received = await ctx.withTenant((trx) => createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: today } }));
    if (!online.ok || !received.ok) throw new Error("not created");
    const db = env.handle.db;
    // As the host registered it: the manifest's migration takes the database as it was then (Kysely<any>).
    const migration = env.registry.get("requests")!.manifest.migrations["0004_unreceived_withdrawal"]!;
    await migration.down!(db);
    // The old close path: received on the day withdrawn, counted in （六）3.
    for (const id of [online.id, received.id])
      await sql`UPDATE requests_applications SET status = 'closed', received_on = ${today}::date, reply_type = 'other.other', closed_on = ${today}::date WHERE id = ${id}::uuid`.execute(db);
    await migration.up(db);
    const rows = await ctx.withTenant((trx) =>
      trx.selectFrom("requests_applications").select(["id", "received_on", "reply_type"]).where("id", "in", [online.id, received.id]).execute(),
    );
    expect(rows.find((r) => r.id === online.id)).toMatchObject({ received_on: null, reply_type: null });
    expect(rows.find((r) => r.id === received.id)).toMatchObject({ received_on: today, reply_type: "other.other" });
  });
});
