import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { actOn, decideFinding, documentOf, formBody, recordReview, reviewOf, type FindingDecision } from "../../../app/plugin-api/testing";
import { action as applicationAction, loader as applicationLoader } from "../routes/admin/application";
import { action as noticeAction, loader as noticeLoader } from "../routes/admin/notice";
import { loader as staffFileLoader } from "../routes/admin/reply-file";
import { action as applyAction } from "../routes/public/apply";
import { action as fileAction } from "../routes/public/reply-file";
import { action as trackAction } from "../routes/public/track";
import { describeNotice } from "../server/describe.server";
import type { ApplyAnswer } from "../server/public/apply.server";
import type { TrackAnswer } from "../server/public/track.server";
import { file, pdfWithText, png, programAsPdf, xlsxWithRows } from "./reply-file-fixtures";
import { applicationForm, load, openRequests, post, publicPath, staffPath, type RequestsEnv } from "./setup";
import type { RequestsTransaction } from "../server/context";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterAll(async () => {
  await env?.handle.close();
});

const today = chinaDate();
const ID = "110101199003074514";
const PHONE = "13912345678";
let ipCount = 0;
const freshIp = () => `198.51.${Math.floor(++ipCount / 250)}.${(ipCount % 250) + 1}`;
const system = <T,>(fn: (trx: RequestsTransaction) => Promise<T>) => env.systemContext(env.office.id).withTenant(fn);
const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);

/** An application sent on the public form and confirmed as received by the officer. */
async function applied() {
  const r = await post<ApplyAnswer>(env, applyAction, null, publicPath(env, "/new"), { intent: "submit", ...applicationForm() }, {}, freshIp());
  if (r.data.outcome !== "submitted") throw new Error(JSON.stringify(r.data));
  const { trackingNo, queryCode } = r.data;
  const { id } = await system((trx) => trx.selectFrom("requests_applications").select("id").where("tracking_no", "=", trackingNo).executeTakeFirstOrThrow());
  const confirmed = await post(env, applicationAction, env.users.officer.id, appPath(id), { intent: "confirm", confirmedOn: today }, { id });
  expect(confirmed.status, JSON.stringify(confirmed.data)).toBe(200);
  return { id, trackingNo, queryCode };
}

const storedFiles = (applicationId: string) =>
  system((trx) => trx.selectFrom("requests_reply_files").select(["id", "name", "released_on", "withheld"]).where("application_id", "=", applicationId).orderBy("created_at").execute());

/** The file download as the browser posts it from the tracking page: the raw Response. */
async function download(fields: Record<string, string>): Promise<Response> {
  const request = new Request(`http://localhost${publicPath(env, "/track/file")}`, { method: "POST", body: formBody(fields) });
  return (await fileAction({ request, params: { tenant: env.office.code }, context: { ...env.context, clientIp: freshIp() } })) as Response;
}

const step = (documentId: string) => documentOf(env, documentId);
const approve = (userId: string, documentId: string) => actOn(env, userId, documentId, "approve");

describe("a reply that provides files", () => {
  it("scans each file's text in 保密审查, sends the files only on approval, and gives them to the applicant with the tracking number and query code", async () => {
    const app = await applied();
    const xlsx = await xlsxWithRows([
      ["点位", "联系电话"],
      ["东湖排口", PHONE],
    ]);
    const posted = await post(
      env,
      noticeAction,
      env.users.officer.id,
      appPath(app.id, "/notices/reply"),
      { intent: "submit", replyType: "disclosed", title: "", body: "", upload: [file(pdfWithText(`Monitoring report. Contact ID ${ID}.`), "监测报告.pdf"), file(xlsx, "监测数据.xlsx"), file(png(), "现场照片.png")] },
      { id: app.id, kind: "reply" },
    );
    expect(posted.status, JSON.stringify(posted.data)).toBe(302);
    const documentId = posted.location!.split("/").pop()!;
    const stored = await storedFiles(app.id);
    expect(stored.map((f) => f.name)).toEqual(["监测报告.pdf", "监测数据.xlsx", "现场照片.png"]);
    const [pdf, sheet, image] = stored;

    // The letter lists the files; the classifier is told the image has no text to scan.
    const doc = await step(documentId);
    const payload = doc.payload as { body: string; files: { id: string; text: string }[] };
    expect(payload.files.map((f) => f.id)).toEqual([pdf!.id, sheet!.id, image!.id]);
    expect(payload.files[1]!.text).toContain(PHONE);
    expect(payload.body).toContain("监测数据.xlsx");
    const described = await env.asStaff(env.users.classifier.id, (trx) => describeNotice({ trx, tenantId: env.office.id, locale: "zh-CN" }, doc.payload));
    expect(described["payload.files.2.name"]).toContain("图片");

    // Nothing can be downloaded while the reply is in approval, even with the right keys.
    expect((await download({ trackingNo: app.trackingNo, queryCode: app.queryCode, file: pdf!.id })).status).toBe(404);

    expect((await approve(env.users.dept.id, documentId)).ok).toBe(true);
    const inReview = await step(documentId);
    const state = await reviewOf(env, inReview.id);
    const fields = state.findings.map((f) => f.field);
    expect(fields).toContain("payload.files.0.text");
    expect(fields).toContain("payload.files.1.text");
    // 保密审查 cannot pass the reply while a file's finding is open.
    expect((await approve(env.users.classifier.id, documentId)).ok).toBe(false);
    for (const f of state.findings) {
      const decision: FindingDecision = f.field === "payload.files.1.text" ? { action: "redact" } : { action: "keep", reason: "申请人本人的证件号码，向申请人提供" };
      const r = await decideFinding(env, documentId, f, decision);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    // A reply carries no 公开属性: the record is the declaration alone, and an attribute is refused.
    expect(await recordReview(env, documentId, { attribute: "on_request", ground: "art15.third_party" })).toMatchObject({ ok: false, errors: { attribute: "classification.errors.attributeNotAsked" } });
    const recorded = await recordReview(env, documentId, {});
    expect(recorded.ok, JSON.stringify(recorded)).toBe(true);
    expect((await approve(env.users.classifier.id, documentId)).ok).toBe(true);
    expect((await approve(env.users.leader.id, documentId)).ok).toBe(true);

    // Sent: the PDF and the image are files; the workbook, redacted, is sent as its redacted text only.
    const sent = await storedFiles(app.id);
    expect(sent.map((f) => [f.released_on, f.withheld])).toEqual([
      [today, false],
      [today, true],
      [today, false],
    ]);
    const tracked = await post<TrackAnswer>(env, trackAction, null, publicPath(env, "/track"), { intent: "lookup", trackingNo: app.trackingNo, queryCode: app.queryCode }, {}, freshIp());
    if (tracked.data.outcome !== "found") throw new Error(JSON.stringify(tracked.data));
    const reply = tracked.data.view.notices.find((n) => n.kind === "reply")!;
    expect(reply.files.map((f) => f.name)).toEqual(["监测报告.pdf", "现场照片.png"]);
    const asText = reply.released.find((d) => d.title === "监测数据.xlsx")!;
    expect(asText.body).toContain("东湖排口");
    expect(asText.body).not.toContain(PHONE);

    const got = await download({ trackingNo: app.trackingNo, queryCode: app.queryCode, file: pdf!.id });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(got.headers.get("Content-Type")).toBe("application/pdf");
    expect(got.headers.get("Cache-Control")).toBe("no-store");
    expect(got.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("监测报告.pdf")}`);

    // A wrong code, a withheld file, or a file id of this application guessed with another's keys: the same localised 404.
    const wrong = await download({ trackingNo: app.trackingNo, queryCode: "WRONG-CODE", file: pdf!.id });
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get("Content-Type")).toContain("text/html");
    expect(await wrong.text()).toContain("申请编号或查询码不正确");
    expect((await download({ trackingNo: app.trackingNo, queryCode: app.queryCode, file: sheet!.id })).status).toBe(404);
    const other = await applied();
    expect((await download({ trackingNo: other.trackingNo, queryCode: other.queryCode, file: pdf!.id })).status).toBe(404);

    // Staff open any of the application's files (the classifier looks at an image by eye).
    const staffGot = (await load(env, staffFileLoader, env.users.classifier.id, appPath(app.id, `/files/${sheet!.id}`), { id: app.id, fileId: sheet!.id })) as unknown as Response;
    expect(staffGot.status).toBe(200);
    const page = await load<{ replyFiles: { name: string; state: string; hasText: boolean }[] }>(env, applicationLoader, env.users.classifier.id, appPath(app.id), { id: app.id });
    expect(page.replyFiles.map((f) => [f.name, f.state, f.hasText])).toEqual([
      ["监测报告.pdf", "sent", true],
      ["监测数据.xlsx", "sentAsText", true],
      ["现场照片.png", "sent", false],
    ]);
  });

  it("refuses a file that is not a PDF, Word, Excel file or image by its content, with a localised message, storing nothing", async () => {
    const app = await applied();
    const r = await post(
      env,
      noticeAction,
      env.users.officer.id,
      appPath(app.id, "/notices/reply"),
      { intent: "submit", replyType: "disclosed", title: "", body: "", upload: [file(pdfWithText("fine"), "报告.pdf"), file(programAsPdf(), "说明.pdf")] },
      { id: app.id, kind: "reply" },
    );
    expect(r.status).toBe(400);
    expect((r.data as { errors: Record<string, string[]> }).errors.upload).toEqual(["requests:replyFiles.errors.fileType"]);
    expect(await storedFiles(app.id)).toEqual([]);
    const notices = await system((trx) => trx.selectFrom("requests_notices").select("id").where("application_id", "=", app.id).execute());
    expect(notices).toEqual([]);
  });

  it("keeps an uploaded file across a refresh of the editor, and refuses files on a reply that releases nothing", async () => {
    const app = await applied();
    const refreshed = await post(env, noticeAction, env.users.officer.id, appPath(app.id, "/notices/reply"), { intent: "refresh", replyType: "disclosed", title: "", body: "", upload: file(pdfWithText("report"), "报告.pdf") }, { id: app.id, kind: "reply" });
    expect(refreshed.status).toBe(200);
    const [kept] = await storedFiles(app.id);
    const editor = await load<{ files: { id: string }[] }>(env, noticeLoader, env.users.officer.id, appPath(app.id, "/notices/reply"), { id: app.id, kind: "reply" });
    expect(editor.files.map((f) => f.id)).toEqual([kept!.id]);
    const refused = await post(env, noticeAction, env.users.officer.id, appPath(app.id, "/notices/reply"), { intent: "submit", replyType: "unavailable.not_held", title: "", body: "", file: kept!.id }, { id: app.id, kind: "reply" });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, string[]> }).errors.files).toEqual(["requests:errors.releasedNotAllowed"]);
    // A ticked value that is not one of this application's unsent files refuses the form and stores nothing.
    const other = await applied();
    const forged = await post(env, noticeAction, env.users.officer.id, appPath(other.id, "/notices/reply"), { intent: "refresh", replyType: "disclosed", title: "", body: "", file: kept!.id, upload: file(pdfWithText("x"), "x.pdf") }, { id: other.id, kind: "reply" });
    expect(forged.status).toBe(400);
    expect((forged.data as { errors: Record<string, string[]> }).errors.upload).toEqual(["requests:replyFiles.errors.unknownFile"]);
    expect(await storedFiles(other.id)).toEqual([]);
  });
});
