import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { clockId } from "../db/schema";
import { action as applyAction } from "../routes/public/apply";
import { action, loader } from "../routes/public/track";
import type { ApplyAnswer } from "../server/public/apply.server";
import type { TrackAnswer } from "../server/public/track.server";
import { receiveSupplement } from "../server/supplement.server";
import { applicationForm, audited, load, openRequests, post, publicPath, type RequestsEnv } from "./setup";
import type { RequestsTransaction } from "../server/context";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterAll(async () => {
  await env?.handle.close();
});

let ipCount = 0;
const freshIp = () => `192.0.${Math.floor(++ipCount / 250)}.${(ipCount % 250) + 1}`;
const trackPath = (query = "") => publicPath(env, `/track${query}`);
const lookup = (trackingNo: string, queryCode: string, ip = freshIp(), query = "") =>
  post<TrackAnswer>(env, action, null, trackPath(query), { intent: "lookup", trackingNo, queryCode }, {}, ip);
const supplement = (keys: { trackingNo: string; queryCode: string }, text: string) =>
  post<TrackAnswer>(env, action, null, trackPath(), { intent: "supplement", ...keys, supplement: text }, {}, freshIp());

interface Applied {
  id: string;
  trackingNo: string;
  queryCode: string;
}

/** An application sent on the public form, as a citizen does. */
async function applyOnline(): Promise<Applied> {
  const r = await post<ApplyAnswer>(env, applyAction, null, publicPath(env, "/new"), { intent: "submit", ...applicationForm() }, {}, freshIp());
  if (r.data.outcome !== "submitted") throw new Error(JSON.stringify(r.data));
  const { trackingNo, queryCode } = r.data;
  const row = await system((trx) => trx.selectFrom("requests_applications").select("id").where("tracking_no", "=", trackingNo).executeTakeFirstOrThrow());
  return { id: row.id, trackingNo, queryCode };
}

const ctx = () => env.systemContext(env.office.id);
const system = <T,>(fn: (trx: RequestsTransaction) => Promise<T>) => ctx().withTenant(fn);

/** What the office's confirm action will do (built by the lead): received on `date`, the reply clock started. */
async function confirmReceipt(app: Applied, date: string) {
  await system(async (trx) => {
    await trx.updateTable("requests_applications").set({ status: "processing", received_on: date }).where("id", "=", app.id).execute();
    await ctx().clocks.append(trx, clockId(app.id), { kind: "start", date, note: "internet" });
  });
}

/** What an approved 补正 notice does: sent, the clock paused for the supplement, the application waiting. */
async function askForSupplement(app: Applied, date: string, dueOn: string) {
  await system(async (trx) => {
    await trx.updateTable("requests_applications").set({ status: "awaiting_supplement", supplement_due: dueOn }).where("id", "=", app.id).execute();
    await ctx().clocks.append(trx, clockId(app.id), { kind: "pause", date, reason: "supplement" });
    await trx
      .insertInto("requests_notices")
      .values({ tenant_id: env.office.id, application_id: app.id, kind: "supplement", title: "补正申请通知书", body: "请补充：\n1. 监测点位名称\n2. 时间范围", details: JSON.stringify({ items: ["监测点位名称", "时间范围"], dueOn }), sent_on: date })
      .execute();
  });
}

function found(r: { status: number; data: TrackAnswer }) {
  if (r.data.outcome !== "found") throw new Error(`not found: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

const counts = () =>
  system(async (trx) => {
    const n = async (table: "requests_supplements" | "requests_notices") => Number((await trx.selectFrom(table).select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    const audit = await trx.selectFrom("audit_events").select((e) => e.fn.countAll<string>().as("n")).where("tenant_id", "=", env.office.id).executeTakeFirstOrThrow();
    const clocks = await trx.selectFrom("clock_events").select((e) => e.fn.countAll<string>().as("n")).where("tenant_id", "=", env.office.id).executeTakeFirstOrThrow();
    return { supplements: await n("requests_supplements"), audit: Number(audit.n), clocks: Number(clocks.n) };
  });

describe("the public tracking page", () => {
  it("opens without an account", async () => {
    const data = await load<{ title: string }>(env, loader, null, trackPath());
    expect(data.title).toContain("申请查询");
  });

  it("shows an unconfirmed application by its number and code (the code in any case, with spaces), masked, and audits nothing", async () => {
    const app = await applyOnline();
    const before = await counts();
    const spaced = `${app.queryCode.slice(0, 4).toLowerCase()} ${app.queryCode.slice(4)}`;
    const { view } = found(await lookup(app.trackingNo.toLowerCase(), spaced));
    expect(view).toMatchObject({
      trackingNo: app.trackingNo,
      status: "unconfirmed",
      applicant: "李*",
      subject: applicationForm().subject,
      receivedOn: null,
      dueDate: null,
      clock: null,
      notices: [],
      submittedOn: chinaDate(),
    });
    expect(JSON.stringify(view)).not.toMatch(/李明|110101199003074514|13800138000/);
    expect(await counts()).toEqual(before);
  });

  it("gives the same answer for a wrong code as for an unknown number", async () => {
    const app = await applyOnline();
    const wrongCode = await lookup(app.trackingNo, "ABCDEFGH");
    const unknownNumber = await lookup("YSQ209900001", app.queryCode);
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.data).toMatchObject({ outcome: "refused", message: "requests:public.errors.notFound", errors: {} });
    const { keys: _k1, ...a } = wrongCode.data;
    const { keys: _k2, ...b } = unknownNumber.data;
    expect({ status: unknownNumber.status, ...b }).toEqual({ status: wrongCode.status, ...a });
  });

  it("asks for both the number and the code", async () => {
    const r = await lookup("", " ");
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ errors: { trackingNo: ["requests:public.errors.trackingRequired"], queryCode: ["requests:public.errors.queryCodeRequired"] } });
  });

  it("refuses the 21st look-up in ten minutes from one connection with 429", async () => {
    const app = await applyOnline();
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await lookup(app.trackingNo, "WRONG234", ip)).status).toBe(404);
    const r = await lookup(app.trackingNo, app.queryCode, ip);
    expect(r.status).toBe(429);
    expect(r.data).toMatchObject({ outcome: "refused", message: "requests:public.errors.tooManyLookups" });
    found(await lookup(app.trackingNo, app.queryCode));
  });

  it("after the office confirms receipt, shows the received date, the due date 20 working days on and how it is counted", async () => {
    const app = await applyOnline();
    // Received the Friday before National Day 2025: 9-28 (a Sunday worked for the holiday) counts, 10-1…10-8 do not.
    await confirmReceipt(app, "2025-09-26");
    const { view } = found(await lookup(app.trackingNo, app.queryCode));
    expect(view).toMatchObject({ status: "processing", receivedOn: "2025-09-26", dueDate: "2025-10-30" });
    expect(view.clock).toContain("2025-09-26");
    expect(view.clock).toContain("2025-10-30");
    expect(view.clock).toContain("20个工作日");
    const en = found(await lookup(app.trackingNo, app.queryCode, freshIp(), "?lng=en")).view;
    expect(en.clock).toContain("20 working days");
  });

  it("shows every notice sent, oldest first, with its text and released documents, and no notice still in approval", async () => {
    const app = await applyOnline();
    await confirmReceipt(app, "2025-09-26");
    await system(async (trx) => {
      const notice = (kind: "extension" | "reply", title: string, sentOn: string | null, released: { title: string; body: string }[] = []) =>
        trx
          .insertInto("requests_notices")
          .values({ tenant_id: env.office.id, application_id: app.id, kind, title, body: `${title}\n第二行`, details: "{}", released: JSON.stringify(released), sent_on: sentOn })
          .execute();
      await notice("reply", "政府信息公开申请答复告知书", "2025-11-20", [{ title: "监测报告（第三季度）", body: "点位A：达标\n点位B：█████" }]);
      await notice("extension", "延期答复告知书", "2025-10-28");
      await notice("reply", "尚在审批的答复", null);
    });
    const { view } = found(await lookup(app.trackingNo, app.queryCode));
    expect(view.notices.map((n) => [n.kind, n.title, n.sentOn])).toEqual([
      ["extension", "延期答复告知书", "2025-10-28"],
      ["reply", "政府信息公开申请答复告知书", "2025-11-20"],
    ]);
    expect(view.notices[1]).toMatchObject({ body: "政府信息公开申请答复告知书\n第二行", released: [{ title: "监测报告（第三季度）", body: "点位A：达标\n点位B：█████" }] });
  });
});

describe("the 补正 sent from the tracking page", () => {
  it("is recorded, restarts the reply period from today (条例第三十条) and shows the application processing again", async () => {
    const app = await applyOnline();
    await confirmReceipt(app, "2026-09-01");
    await askForSupplement(app, "2026-09-03", "2026-09-24");
    const waiting = found(await lookup(app.trackingNo, app.queryCode)).view;
    expect(waiting).toMatchObject({ status: "awaiting_supplement", supplementDue: "2026-09-24", dueDate: null });
    expect(waiting.notices.map((n) => n.kind)).toEqual(["supplement"]);
    expect(waiting.notices[0]!.body).toBe("请补充：\n1. 监测点位名称\n2. 时间范围");

    const r = await supplement(app, "监测点位：湖滨路站。\n时间范围：2025年7月至9月。");
    expect(r.status).toBe(200);
    const after = found(r);
    expect(after.supplemented).toBe(true);
    expect(after.view).toMatchObject({ status: "processing", supplementDue: null });
    expect(after.view.dueDate).not.toBeNull();

    const today = chinaDate();
    const clock = await system((trx) => ctx().clocks.status(trx, clockId(app.id)));
    expect(clock).toMatchObject({ restarted: true, periodStart: today, dueDate: after.view.dueDate });
    expect(after.view.clock).toContain(today);
    const rows = await system((trx) => trx.selectFrom("requests_supplements").selectAll().where("application_id", "=", app.id).execute());
    expect(rows).toEqual([expect.objectContaining({ body: "监测点位：湖滨路站。\n时间范围：2025年7月至9月。", received_on: today, via: "online" })]);
    const events = (await audited(env, "requests.supplement.receive")).filter((e) => e.target_id === app.id);
    expect(events).toEqual([expect.objectContaining({ actor_name: "public", data: { supplementId: rows[0]!.id, receivedOn: today, via: "online" } })]);
  });

  it("is refused, changing nothing, when the application is not waiting for one", async () => {
    const app = await applyOnline();
    await confirmReceipt(app, "2026-09-01");
    const before = await counts();
    const r = await supplement(app, "补充说明");
    expect(r.status).toBe(400);
    expect(found(r)).toMatchObject({ supplemented: false, errors: { supplement: ["requests:public.errors.notAwaitingSupplement"] }, view: { status: "processing" } });
    expect(await counts()).toEqual(before);
  });

  it("is refused when empty or over 2000 characters, or with a wrong code, and the application keeps waiting", async () => {
    const app = await applyOnline();
    await confirmReceipt(app, "2026-09-01");
    await askForSupplement(app, "2026-09-03", "2026-09-24");
    const before = await counts();
    const empty = await supplement(app, "   ");
    expect(empty.status).toBe(400);
    expect(found(empty)).toMatchObject({ errors: { supplement: ["requests:public.errors.supplementRequired"] }, view: { status: "awaiting_supplement" } });
    const long = await supplement(app, "补".repeat(2001));
    expect(found(long)).toMatchObject({ errors: { supplement: ["requests:errors.tooLong"] }, supplement: "补".repeat(2001) });
    const wrong = await supplement({ trackingNo: app.trackingNo, queryCode: "ABCDEFGH" }, "监测点位：湖滨路站。");
    expect(wrong.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it("accepts one supplement only, whoever sends it second (staff registering the same letter)", async () => {
    const app = await applyOnline();
    await confirmReceipt(app, "2026-09-01");
    await askForSupplement(app, "2026-09-03", "2026-09-24");
    found(await supplement(app, "第一次补正"));
    const again = await system((trx) => receiveSupplement(ctx(), trx, app, { body: "同一内容的纸质来信", receivedOn: chinaDate(), via: "staff" }));
    expect(again).toEqual({ ok: false, error: "requests:public.errors.notAwaitingSupplement" });
  });
});
