import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { clockId, type NoticeKind } from "../db/schema";
import { loader as applicationLoader } from "../routes/admin/application";
import { action as noticeAction } from "../routes/admin/notice";
import { action as registerAction } from "../routes/admin/register";
import { applicationForm, approveChain, load, post, staffPath, type RequestsEnv, openRequests } from "./setup";

/**
 * Dates in letters are fixed when the letter is sent, from the ledger the clock uses (issue 14): a
 * notice drafted on Monday 2025-03-17 and approved on Thursday 03-20 gives the applicant 20
 * working days from 03-20 (清明 on 04-04 is a holiday), not from the day it was drafted.
 */
let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterEach(() => {
  vi.useRealTimers();
});

/** 10:00 in China on `date`. */
function on(date: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(`${date}T02:00:00Z`));
}

const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);
const system = <T>(fn: (trx: Parameters<Parameters<ReturnType<RequestsEnv["systemContext"]>["withTenant"]>[0]>[0]) => Promise<T>) => env.systemContext(env.office.id).withTenant(fn);

async function register(receivedOn: string) {
  const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: receivedOn });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

async function draft(id: string, kind: string, fields: Record<string, string>) {
  const r = await post(env, noticeAction, env.users.officer.id, appPath(id, `/notices/${kind}`), { intent: "submit", title: "", body: "", ...fields }, { id, kind });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

async function sentNotice(id: string, kind: NoticeKind) {
  const rows = await system((trx) => trx.selectFrom("requests_notices").selectAll().where("application_id", "=", id).where("kind", "=", kind).execute());
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const clockOf = (id: string) => system((trx) => env.systemContext(env.office.id).clocks.status(trx, clockId(id), "2025-03-20"));

describe("dates in letters are fixed when the letter is sent", () => {
  it("a fee notice drafted on 03-17 and approved on 03-20 says pay by 04-18, the ledger's date, in the letter and on the clock", async () => {
    on("2025-03-10");
    const id = await register("2025-03-10");
    on("2025-03-17");
    const doc = await draft(id, "fee", { method: "per_page", pages: "300" });
    const drafted = await sentNotice(id, "fee");
    expect(drafted.sent_on).toBeNull();
    // The draft does not claim a date it cannot know: the chain approves the wording, the date comes on sending.
    expect(drafted.body).toContain("{dueOn}");
    expect(drafted.body).not.toContain("2025年4月15日");
    on("2025-03-20");
    await approveChain(env, doc);
    const sent = await sentNotice(id, "fee");
    expect(sent.sent_on).toBe("2025-03-20");
    expect(sent.body).toContain("即2025年4月18日前");
    expect(sent.body).toContain("2025年3月20日");
    expect(sent.body).not.toMatch(/\{[A-Za-z]+\}/);
    const app = await system((trx) => trx.selectFrom("requests_applications").select(["fee_due", "status"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(app).toEqual({ fee_due: "2025-04-18", status: "awaiting_fee" });
    const clock = await clockOf(id);
    expect(clock?.openPause).toMatchObject({ reason: "fee-notice", since: "2025-03-20", answerDue: "2025-04-18" });
    // The staff page shows the sent letter with the applicant masked.
    on("2025-03-20");
    const v = await load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, env.users.officer.id, appPath(id), { id });
    const shown = v.notices.find((n) => n.kind === "fee")!;
    expect(shown.body).toContain("李*");
    expect(shown.body).not.toContain("李明");
  });

  it("a consultation letter's answer date and the consultation's record are counted from the sending day", async () => {
    on("2025-03-10");
    const id = await register("2025-03-10");
    on("2025-03-17");
    const doc = await draft(id, "third_party", { party: "示范市某化工有限公司" });
    on("2025-03-20");
    await approveChain(env, doc);
    // 15 working days from 03-20: 03-21, 03-24…28, 03-31…04-03, 04-07…04-11 (04-04 清明).
    const sent = await sentNotice(id, "third_party");
    expect(sent.body).toContain("即2025年4月11日前");
    const consultation = await system((trx) => trx.selectFrom("requests_consultations").select(["sent_on", "answer_due"]).where("application_id", "=", id).executeTakeFirstOrThrow());
    expect(consultation).toEqual({ sent_on: "2025-03-20", answer_due: "2025-04-11" });
    expect((await clockOf(id))?.openPause?.answerDue).toBe("2025-04-11");
  });

  it("a 补正 deadline keeps the working days the draft gave, counted from the sending day", async () => {
    on("2025-03-10");
    const id = await register("2025-03-10");
    on("2025-03-11");
    // Drafted on 03-11 with 5 working days (to 03-18); sent on 03-13, the applicant still has 5: to 03-20.
    const doc = await draft(id, "supplement", { items: "请写明企业名称", dueOn: "2025-03-18" });
    on("2025-03-13");
    await approveChain(env, doc);
    const sent = await sentNotice(id, "supplement");
    expect(sent.body).toContain("请您于2025年3月20日前");
    const app = await system((trx) => trx.selectFrom("requests_applications").select(["supplement_due"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(app.supplement_due).toBe("2025-03-20");
  });

  it("an extension's new reply date is the extended clock's due date on the sending day", async () => {
    on("2025-03-10");
    const id = await register("2025-03-10");
    on("2025-03-17");
    const doc = await draft(id, "extension", { days: "10", reason: "需调取档案" });
    on("2025-03-20");
    await approveChain(env, doc);
    const due = (await clockOf(id))!.dueDate!;
    const sent = await sentNotice(id, "extension");
    expect(sent.body).toContain(`将于${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日前作出答复`);
    // 20 working days from 03-10 is 04-08 (04-04 清明); 10 more: 04-22.
    expect(due).toBe("2025-04-22");
  });
});
