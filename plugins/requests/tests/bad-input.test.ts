import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../../../app/plugin-api/testing";
import { chinaDate } from "../../../app/plugin-api";
import { action as applicationAction, loader as applicationLoader } from "../routes/admin/application";
import { loader as listLoader } from "../routes/admin/applications";
import { action as noticeAction } from "../routes/admin/notice";
import { action as registerAction } from "../routes/admin/register";
import { action as applyAction } from "../routes/public/apply";
import { action as trackAction } from "../routes/public/track";
import type { ApplyAnswer } from "../server/public/apply.server";
import type { TrackAnswer } from "../server/public/track.server";
import { applicationForm, load, openRequests, post, publicPath, staffPath, statusOf, type RequestsEnv } from "./setup";

/**
 * Bad input on every form and filter of 依申请公开 (issue 13, failures 6 and 7): a control
 * character, a bidi override, an invisible-only subject, an impossible date or an impossible ID
 * number is refused at its field with a localised message, and nothing is stored; never a 500.
 */
let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterAll(async () => {
  await env?.handle.close();
});

let ipCount = 0;
const freshIp = () => `203.0.${Math.floor(++ipCount / 250)}.${(ipCount % 250) + 1}`;
const today = chinaDate();

const applications = () => env.systemContext(env.office.id).withTenant(async (trx) => (await trx.selectFrom("requests_applications").select(["id", "status", "subject"]).execute()).length);

type Refused = { status: number; data: { outcome: string; errors: Record<string, string[]> } };
const apply = (fields: Record<string, string>, intent = "submit") =>
  post<ApplyAnswer>(env, applyAction, null, publicPath(env, "/new"), { ...applicationForm(), ...fields, intent }, {}, freshIp()) as Promise<Refused>;

describe("the public application form", () => {
  const future = `11010120990101451${idNumberCheckChar("11010120990101451")}`;
  it.each([
    ["a resident ID number born in 2099, its check character right", { idNumber: future }, "idNumber", "requests:errors.residentId"],
    ["a subject of zero-width spaces only", { subject: "\u200B\u200B\u2060" }, "subject", "requests:errors.subjectRequired"],
    ["a subject with a right-to-left override", { subject: "监测数据\u202E据数" }, "subject", "errors.text.bidi"],
    ["a NUL in the name", { name: "李\u0000明" }, "name", "errors.text.control"],
    ["a control character in a field this applicant type does not use", { organisation: "示范\u001B公司" }, "organisation", "errors.text.control"],
  ])("refuses %s, storing nothing", async (_name, fields, field, key) => {
    const before = await applications();
    const r = await apply(fields);
    expect(r.status).toBe(400);
    expect(r.data.outcome).toBe("refused");
    expect(r.data.errors[field]).toEqual([key]);
    expect(await applications()).toBe(before);
  });

  it("refuses a form it does not send (an unknown intent) instead of taking it for an application", async () => {
    const before = await applications();
    const r = await apply({}, "no-such-option");
    expect(r).toMatchObject({ status: 400, data: { outcome: "refused", message: "core:errors.invalid" } });
    expect(await applications()).toBe(before);
  });

  it("refuses a control character when looking for published items, without searching", async () => {
    const r = await apply({ subject: "监测\u0000数据" }, "suggest");
    expect(r).toMatchObject({ status: 400, data: { outcome: "suggested", errors: { subject: ["errors.text.control"] }, suggestions: [] } });
    const long = await apply({ subject: "监测".repeat(200_000) }, "suggest");
    expect(long).toMatchObject({ status: 400, data: { outcome: "suggested", errors: { subject: ["requests:errors.tooLong"] }, suggestions: [] } });
  });
});

describe("the public tracking form", () => {
  it("answers a NUL in the tracking number with a 400 at the field, not a database error", async () => {
    const r = await post<TrackAnswer>(env, trackAction, null, publicPath(env, "/track"), { intent: "lookup", trackingNo: "YSQ2026\u000000001", queryCode: "ABCDEFGH" }, {}, freshIp());
    expect(r).toMatchObject({ status: 400, data: { outcome: "refused", errors: { trackingNo: ["errors.text.control"] } } });
    const code = await post<TrackAnswer>(env, trackAction, null, publicPath(env, "/track"), { intent: "lookup", trackingNo: "YSQ202600001", queryCode: "\u202EABCDEFGH" }, {}, freshIp());
    expect(code).toMatchObject({ status: 400, data: { errors: { queryCode: ["errors.text.bidi"] } } });
    const intent = await post<TrackAnswer>(env, trackAction, null, publicPath(env, "/track"), { intent: "no-such-option", trackingNo: "YSQ202600001", queryCode: "ABCDEFGH" }, {}, freshIp());
    expect(intent).toMatchObject({ status: 400, data: { outcome: "refused", message: "core:errors.invalid" } });
  });
});

describe("the staff pages", () => {
  async function register(overrides: Record<string, string> = {}) {
    return post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: today, ...overrides });
  }

  it("the list leaves out a filter it cannot use and says so, instead of failing", async () => {
    type List = Awaited<ReturnType<typeof listLoader>>;
    const nul = await load<List>(env, listLoader, env.users.viewer.id, staffPath(env, "?q=%00&status=processing"));
    expect(nul.ignored).toEqual({ q: ["errors.text.control"] });
    expect(nul.filter).toMatchObject({ status: "processing", page: 1 });
    const odd = await load<List>(env, listLoader, env.users.viewer.id, staffPath(env, "?year=2026-13&status=nonsense&urgency="));
    expect(Object.keys(odd.ignored).sort()).toEqual(["status", "year"]);
  });

  it("registration refuses a control character in any field, a date it does not use included, and an impossible date", async () => {
    const before = await applications();
    const unused = await register({ arrivedOn: "2026-01-01\u0000" });
    expect(unused.status).toBe(400);
    expect((unused.data as { errors: Record<string, string[]> }).errors.arrivedOn).toEqual(["errors.text.control"]);
    const impossible = await register({ submittedOn: "2026-13-01" });
    expect((impossible.data as { errors: Record<string, string[]> }).errors.submittedOn).toEqual(["requests:errors.date"]);
    expect(await applications()).toBe(before);
  });

  it("a step refuses a control character in its note, changing nothing; an id that is no id is not found", async () => {
    const created = await register();
    expect(created.status).toBe(302);
    const id = created.location!.split("/").pop()!;
    const path = staffPath(env, `/applications/${id}`);
    const r = await post(env, applicationAction, env.users.officer.id, path, { intent: "close.withdrawn", closedOn: today, note: "撤回\u0000" }, { id });
    expect(r).toMatchObject({ status: 400, data: { ok: false, field: "note", error: "errors.text.control" } });
    const state = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("requests_applications").select("status").where("id", "=", id).executeTakeFirstOrThrow());
    expect(state.status).not.toBe("closed");

    const nul = await post(env, noticeAction, env.users.officer.id, `${path}/notices/supplement`, { intent: "submit", items: "监测点位\u0000", dueOn: "2099-01-05" }, { id, kind: "supplement" });
    expect(nul).toMatchObject({ status: 400, data: { errors: { items: ["errors.text.control"] } } });

    expect(await statusOf(load(env, applicationLoader, env.users.officer.id, staffPath(env, "/applications/not-an-id"), { id: "not-an-id" }))).toBe(404);
    expect((await post(env, applicationAction, env.users.officer.id, staffPath(env, "/applications/x"), { intent: "confirm", confirmedOn: today }, { id: "x" })).status).toBe(404);
  });

  it("a notice and a step say every fault in one answer: refused texts, each field's, and the checks against the application", async () => {
    const created = await register();
    const id = created.location!.split("/").pop()!;
    const path = staffPath(env, `/applications/${id}`);
    const notices = () => env.systemContext(env.office.id).withTenant(async (trx) => (await trx.selectFrom("requests_notices").select("id").where("application_id", "=", id).execute()).length);
    type Answer = { errors: Record<string, string[]> };

    // 补正: no items, a deadline already past (checked against today), a title with a NUL — all three at once, nothing drafted.
    const supplement = await post(env, noticeAction, env.users.officer.id, `${path}/notices/supplement`, { intent: "submit", items: "", dueOn: today, title: "补正\u0000告知书", body: "" }, { id, kind: "supplement" });
    expect(supplement.status).toBe(400);
    expect((supplement.data as Answer).errors).toMatchObject({ items: ["requests:errors.itemsRequired"], dueOn: ["requests:errors.dueOnPast"], title: ["errors.text.control"] });
    // 延期: too many days and no reason, with a NUL in the letter.
    const extension = await post(env, noticeAction, env.users.officer.id, `${path}/notices/extension`, { intent: "submit", days: "30", reason: "", title: "延期答复告知书", body: "正文\u0000" }, { id, kind: "extension" });
    expect(extension.status).toBe(400);
    expect((extension.data as Answer).errors).toMatchObject({ days: ["requests:errors.extensionDays"], reason: ["requests:errors.reasonRequired"], body: ["errors.text.control"] });
    expect(await notices()).toBe(0);

    // A step not open now says so, as its form's own fault, beside its fields' faults.
    const confirm = await post(env, applicationAction, env.users.officer.id, path, { intent: "confirm", confirmedOn: "2026-02-30" }, { id });
    expect(confirm).toMatchObject({ status: 409, data: { ok: false, field: "_form", errors: { _form: ["requests:errors.stepNotOpen"], confirmedOn: ["requests:errors.date"] } } });
    // A step's date and a refused note together.
    const close = await post(env, applicationAction, env.users.officer.id, path, { intent: "close.withdrawn", closedOn: "2026-13-01", note: "撤回\u0000" }, { id });
    expect(close).toMatchObject({ status: 400, data: { errors: { closedOn: ["requests:errors.date"], note: ["errors.text.control"] } } });
    // A name no step has, an inherited one included, is the form's own fault, not a server error.
    for (const intent of ["no-such-step", "toString"]) {
      const unknown = await post(env, applicationAction, env.users.officer.id, path, { intent }, { id });
      expect(unknown).toMatchObject({ status: 400, data: { ok: false, errors: { _form: ["errors.invalid"] } } });
    }
  });
});
