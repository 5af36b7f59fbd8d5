import { beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { clockId } from "../db/schema";
import { action as applicationAction, loader as applicationLoader } from "../routes/admin/application";
import { loader as listLoader } from "../routes/admin/applications";
import { action as noticeAction, loader as noticeLoader } from "../routes/admin/notice";
import { action as registerAction } from "../routes/admin/register";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { applicationForm, approveChain, audited, load, openRequests, post, staffPath, statusOf, type RequestsEnv } from "./setup";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});

const today = chinaDate();
const ID = "110101199003074514";

async function register(overrides: Record<string, string> = {}) {
  const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: today, ...overrides });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);
const view = (id: string, userId = env.users.officer.id) => load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, userId, appPath(id), { id });

async function draft(id: string, kind: string, fields: Record<string, string>) {
  const r = await post(env, noticeAction, env.users.officer.id, appPath(id, `/notices/${kind}`), { intent: "submit", ...fields }, { id, kind });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

describe("registration by staff", () => {
  it("takes the receipt date from the channel's rule (Art 31) and starts the clock on it", async () => {
    const id = await register({ channel: "post", signedForOn: today, submittedOn: "" });
    const v = await view(id);
    expect(v.application.receivedOn).toBe(today);
    expect(v.clock?.periodStart).toBe(today);
    expect(v.clock?.explanation).toContain("20个工作日");
    expect((await audited(env, "requests.application.register")).length).toBeGreaterThan(0);
  });

  it("refuses a registration without the channel's date, storing nothing", async () => {
    const before = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("requests_applications").select("id").execute());
    const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "post", signedForOn: "" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string[]> }).errors.signedForOn).toEqual(["requests:errors.receiptMissing"]);
    const after = await env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("requests_applications").select("id").execute());
    expect(after.length).toBe(before.length);
  });

  it("refuses a receipt date that does not exist", async () => {
    const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "post", signedForOn: "2026-02-30" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string[]> }).errors.signedForOn).toEqual(["requests:errors.date"]);
  });

  it("is closed to staff without the handling permission", async () => {
    expect(await statusOf(load(env, registerAction, env.users.viewer.id, staffPath(env, "/register")))).toBe(403);
  });
});

describe("letters to the applicant", () => {
  it("default to the language the applicant applied in", async () => {
    const ctx = env.systemContext(env.office.id);
    const created = await ctx.withTenant((trx) =>
      createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm()), channel: "in_person", receipt: { submittedOn: today }, locale: "zh-TW" }),
    );
    if (!created.ok) throw new Error(created.error);
    const id = created.id;
    const form = await load<{ letterLocale: string }>(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/supplement"), { id, kind: "supplement" });
    expect(form.letterLocale).toBe("zh-TW");
  });
});

describe("a request handled from receipt to reply", () => {
  it("补正 pauses the clock once sent, the supplement restarts it, and a 部分公开 reply released through 保密审查 closes it redacted", async () => {
    const id = await register();
    // The 补正 notice, approved by the chain (no 保密审查 for a notice), is sent and pauses the clock.
    const form = await load<{ values: { dueOn: string } }>(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/supplement"), { id, kind: "supplement" });
    expect(form.values.dueOn > today).toBe(true);
    const noticeDoc = await draft(id, "supplement", { items: "请写明监测报告所属的企业名称", dueOn: form.values.dueOn, title: "", body: "" });
    let v = await view(id);
    expect(v.application.status).toBe("processing");
    expect(v.steps).not.toContain("notice.supplement");
    await approveChain(env, noticeDoc);
    v = await view(id);
    expect(v.application.status).toBe("awaiting_supplement");
    expect(v.notices[0]!.sentOn).toBe(today);
    expect(v.notices[0]!.body).toContain("请写明监测报告所属的企业名称");
    expect(v.clock?.openPause?.reason).toBe("supplement");
    // A second 补正 is not offered: the office asks once.
    expect(await statusOf(load(env, noticeLoader, env.users.officer.id, appPath(id, "/notices/supplement"), { id, kind: "supplement" }))).toBe(409);

    const supplemented = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "supplement.receive", body: "企业为示范市某化工有限公司", receivedOn: today }, { id });
    expect(supplemented.status, JSON.stringify(supplemented.data)).toBe(200);
    v = await view(id);
    expect(v.application.status).toBe("processing");
    expect(v.clock?.restarted).toBe(true);

    // The reply releases a document with an ID number in it; 保密审查 redacts it before it is sent.
    const replyDoc = await draft(id, "reply", {
      replyType: "partly_disclosed",
      "released.0.title": "监督性监测报告（2025年第三季度）",
      "released.0.body": `监测结果达标。现场联系人身份证号${ID}。`,
      "withheld.0.description": "企业工艺参数",
      "withheld.0.groundKey": "art15.third_party",
      title: "",
      body: "",
    });
    await approveChain(env, replyDoc);
    v = await view(id);
    expect(v.application.status).toBe("closed");
    expect(v.application.replyType).toBe("partly_disclosed");
    expect(v.clock?.stop?.reason).toBe("replied");
    const reply = v.notices.find((n) => n.kind === "reply")!;
    expect(reply.sentOn).toBe(today);
    expect(reply.released[0]!.body).not.toContain(ID);
    expect(reply.released[0]!.body).toContain("110101********4514");
    expect(reply.body).toContain("行政复议");
  });

  it("refuses a partial release that does not say what is withheld (Art 37), drafting nothing", async () => {
    const id = await register();
    const r = await post(env, noticeAction, env.users.officer.id, appPath(id, "/notices/reply"), { intent: "submit", replyType: "partly_disclosed", "released.0.title": "报告", "released.0.body": "内容", title: "", body: "" }, { id, kind: "reply" });
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string[]> }).errors.withheld).toEqual(["requests:errors.withheldRequired"]);
    expect((await view(id)).notices).toEqual([]);
  });

  it("an extension approved by the chain adds its days once; a consultation pauses until answered", async () => {
    const id = await register();
    const before = (await view(id)).clock!.dueDate!;
    await approveChain(env, await draft(id, "extension", { days: "10", reason: "需调取档案", title: "", body: "" }));
    let v = await view(id);
    expect(v.clock?.extension?.days).toBe(10);
    expect(v.clock!.dueDate! > before).toBe(true);
    expect(v.steps).not.toContain("notice.extension");

    await approveChain(env, await draft(id, "third_party", { party: "示范市某化工有限公司", title: "", body: "" }));
    v = await view(id);
    expect(v.application.status).toBe("consulting");
    expect(v.clock?.openPause?.reason).toBe("third-party");
    const consultation = v.consultations[0]!;
    const answered = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "consultation.answer", consultationId: consultation.id, answer: "objection", answeredOn: today }, { id });
    expect(answered.status).toBe(200);
    v = await view(id);
    expect(v.application.status).toBe("processing");
    expect(v.clock?.openPause).toBeNull();
  });
});

describe("the staff list", () => {
  it("puts overdue applications first and says so in words", async () => {
    const id = await register({ channel: "in_person", submittedOn: "2026-09-01" });
    const list = await load<Awaited<ReturnType<typeof listLoader>>>(env, listLoader, env.users.viewer.id, staffPath(env));
    expect(list.rows[0]!.id).toBe(id);
    expect(list.rows[0]!.urgency).toBe("overdue");
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
    const clock = await env.systemContext(env.office.id).withTenant((trx) => env.systemContext(env.office.id).clocks.status(trx, clockId(id)));
    expect(clock?.state).toBe("overdue");
  });

  it("shows applicants masked, and opening an identity is audited", async () => {
    const id = await register();
    const v = await view(id);
    expect(v.application.applicantMasked).toBe("李*");
    const opened = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "reveal" }, { id });
    expect((opened.data as { applicant: { idNumber: string } }).applicant.idNumber).toBe(ID);
    const reads = await audited(env, "requests.applicant.read");
    expect(reads.at(-1)?.target_id).toBe(id);
    const denied = await post(env, applicationAction, env.users.viewer.id, appPath(id), { intent: "reveal" }, { id });
    expect(denied.status).toBe(403);
  });
});
