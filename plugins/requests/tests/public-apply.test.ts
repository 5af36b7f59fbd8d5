import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCreditCode } from "../../../app/plugin-api/testing";
import { clockId } from "../db/schema";
import { action, loader } from "../routes/public/apply";
import { openApplicant } from "../server/applications.server";
import { MAX_ATTACHMENT_BYTES, openAttachment } from "../server/attachments.server";
import type { ApplyAnswer } from "../server/public/apply.server";
import { applicationForm, audited, load, openRequests, post, publicPath, type RequestsEnv } from "./setup";

let env: RequestsEnv;
beforeAll(async () => {
  env = await openRequests();
});
afterAll(async () => {
  await env?.handle.close();
});

// Each test applies from its own address, so the hourly allowance is only exhausted where a test means to.
let ipCount = 0;
const freshIp = () => `198.51.${Math.floor(++ipCount / 250)}.${(ipCount % 250) + 1}`;
const apply = (fields: Record<string, string | File>, ip = freshIp()) => post<ApplyAnswer>(env, action, null, publicPath(env, "/new"), { intent: "submit", ...fields }, {}, ip);
const pdf = (size = 2000, name = "身份证.pdf") => new File([Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size - 9, 0x20)])], name, { type: "application/pdf" });

/** What an application leaves behind in the office: rows, files, audit events. */
async function stored() {
  const ctx = env.systemContext(env.office.id);
  const [apps, files, audit] = await ctx.withTenant(async (trx) =>
    Promise.all([
      trx.selectFrom("requests_applications").select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      trx.selectFrom("requests_attachments").select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      trx.selectFrom("audit_events").select((e) => e.fn.countAll<string>().as("n")).where("tenant_id", "=", env.office.id).executeTakeFirstOrThrow(),
    ]),
  );
  return { applications: Number(apps.n), attachments: Number(files.n), audit: Number(audit.n) };
}

function rowByTracking(trackingNo: string) {
  return env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("requests_applications").selectAll().where("tracking_no", "=", trackingNo).executeTakeFirstOrThrow());
}

function submitted(r: { status: number; data: ApplyAnswer }) {
  expect(r.status).toBe(200);
  if (r.data.outcome !== "submitted") throw new Error(`not submitted: ${JSON.stringify(r.data)}`);
  return r.data;
}

describe("the public application form", () => {
  it("opens without an account and names the office", async () => {
    const data = await load<{ office: { code: string; name: Record<string, string> }; title: string }>(env, loader, null, publicPath(env, "/new"));
    expect(data.office.code).toBe(env.office.code);
    expect(data.title).toContain("政府信息公开申请");
  });

  it("stores a valid application with the applicant sealed, gives a tracking number and query code once, and audits without personal data", async () => {
    const before = await stored();
    const answer = submitted(await apply(applicationForm()));
    expect(answer.trackingNo).toMatch(/^YSQ\d{4}\d{5}$/);
    expect(answer.queryCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);

    const row = await rowByTracking(answer.trackingNo);
    expect(row).toMatchObject({ channel: "internet", status: "unconfirmed", received_on: null, applicant_type: "natural", applicant_masked: "李*", form: "electronic", delivery: "email" });
    for (const clear of ["110101199003074514", "李明", "13800138000", "liming@example.com"]) {
      expect(row.applicant_sealed).not.toContain(clear);
      expect(JSON.stringify(row)).not.toContain(clear);
    }
    expect(row.query_code_hash).not.toContain(answer.queryCode);
    const ctx = env.systemContext(env.office.id);
    expect(openApplicant(ctx, row.applicant_sealed)).toMatchObject({ name: "李明", idType: "resident_id", idNumber: "110101199003074514", phone: "13800138000" });
    // Not received until the office confirms (条例第三十一条): no reply clock yet.
    expect(await ctx.withTenant((trx) => ctx.clocks.status(trx, clockId(row.id)))).toBeNull();

    const events = (await audited(env, "requests.application.submit")).filter((e) => e.target_id === row.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: null, actor_name: "public", data: { trackingNo: answer.trackingNo } });
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/李明|110101|13800138000/);
    expect(await stored()).toEqual({ ...before, applications: before.applications + 1, audit: before.audit + 1 });
  });

  it("remembers the language the applicant wrote in, so letters to them default to it", async () => {
    const answer = submitted(await post<ApplyAnswer>(env, action, null, `${publicPath(env, "/new")}?lng=zh-TW`, { intent: "submit", ...applicationForm() }, {}, freshIp()));
    expect((await rowByTracking(answer.trackingNo)).locale).toBe("zh-TW");
    expect((await rowByTracking(submitted(await apply(applicationForm())).trackingNo)).locale).toBe("zh-CN");
  });

  it("counts a description's line breaks as typed, although the browser sends them as CRLF", async () => {
    const description = "监测\n".repeat(666) + "数据";
    expect(description).toHaveLength(2000);
    const answer = submitted(await apply(applicationForm({ description })));
    expect((await rowByTracking(answer.trackingNo)).description).toBe(description);
  });

  it("keeps an attached PDF sealed and returns its bytes unchanged to the office", async () => {
    const file = pdf(3000);
    const answer = submitted(await apply({ ...applicationForm(), attachment: file }));
    const row = await rowByTracking(answer.trackingNo);
    const ctx = env.systemContext(env.office.id);
    const files = await ctx.withTenant((trx) => trx.selectFrom("requests_attachments").selectAll().where("application_id", "=", row.id).execute());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: "身份证.pdf", mime: "application/pdf", size: 3000 });
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(files[0]!.content_sealed).not.toContain(bytes.toString("base64").slice(0, 40));
    const opened = await ctx.withTenant((trx) => openAttachment(ctx, trx, files[0]!.id));
    expect(opened!.bytes.equals(bytes)).toBe(true);
  });

  it("takes an organisation's name and credit code, ignoring the person's fields it does not use", async () => {
    const creditCode = testCreditCode("350200");
    const answer = submitted(
      await apply(applicationForm({ applicantType: "legal_service", name: "王律师", organisation: "示范律师事务所", creditCode, idType: "", idNumber: "not an id" })),
    );
    const row = await rowByTracking(answer.trackingNo);
    expect(row).toMatchObject({ applicant_type: "legal_service", applicant_masked: "示范*师事务所" });
    const details = openApplicant(env.systemContext(env.office.id), row.applicant_sealed);
    expect(details).toMatchObject({ name: "王律师", organisation: "示范律师事务所", creditCode });
    expect(details.idNumber).toBeUndefined();
  });

  describe("refuses bad input field by field, with its message, and stores nothing", () => {
    const cases: [string, Record<string, string | File>, string, string][] = [
      ["an ID number with a wrong check digit", applicationForm({ idNumber: "110101199003074515" }), "idNumber", "requests:errors.residentId"],
      ["no phone number", applicationForm({ phone: "" }), "phone", "requests:errors.contactRequired"],
      ["a malformed phone number", applicationForm({ phone: "12345" }), "phone", "requests:errors.phone"],
      ["a description over 2000 characters", applicationForm({ description: "监".repeat(2001) }), "description", "requests:errors.tooLong"],
      ["no subject", applicationForm({ subject: "  " }), "subject", "requests:errors.subjectRequired"],
      ["an unknown applicant type", applicationForm({ applicantType: "company" }), "applicantType", "requests:errors.applicantType"],
      ["no applicant type", { ...applicationForm(), applicantType: "" }, "applicantType", "requests:errors.applicantType"],
      ["a person without a document type", applicationForm({ idType: "" }), "idType", "requests:errors.idType"],
      ["a business without its name", applicationForm({ applicantType: "business", organisation: "", creditCode: testCreditCode("350200") }), "organisation", "requests:errors.organisationRequired"],
      ["a research institution without a credit code", applicationForm({ applicantType: "research", organisation: "示范环境科学研究院", creditCode: "" }), "creditCode", "requests:errors.creditCodeRequired"],
      ["an organisation with a wrong credit code", applicationForm({ applicantType: "public_interest", organisation: "示范环保志愿者协会", creditCode: "91350200MA2Y0000X0" }), "creditCode", "requests:errors.creditCode"],
      ["e-mail delivery without an address", applicationForm({ email: "", delivery: "email" }), "email", "requests:errors.emailForDelivery"],
      ["no form chosen", applicationForm({ form: "" }), "form", "requests:errors.form"],
      ["an upload over 5 MB", { ...applicationForm(), attachment: pdf(MAX_ATTACHMENT_BYTES + 1) }, "attachment", "requests:public.errors.fileTooLarge"],
      ["an upload that is not a PDF, JPEG or PNG", { ...applicationForm(), attachment: new File(["MZ\x90\x00 not a pdf"], "scan.pdf", { type: "application/pdf" }) }, "attachment", "requests:public.errors.fileType"],
    ];
    it.each(cases)("%s", async (_name, fields, field, key) => {
      const before = await stored();
      const r = await apply(fields);
      expect(r.status).toBe(400);
      if (r.data.outcome !== "refused") throw new Error(JSON.stringify(r.data));
      expect(r.data.message).toBe("requests:public.errors.fixFields");
      expect(r.data.errors[field]).toEqual([key]);
      // The form comes back as it was typed.
      expect(r.data.values.subject).toBe(typeof fields.subject === "string" ? fields.subject : "");
      expect(await stored()).toEqual(before);
    });
  });

  it("lists every error of a form at once, the applicant type's own fields and a bad upload included, in the page's order", async () => {
    const before = await stored();
    // No form chosen used to stop the check before the person's 证件 and the delivery's e-mail were looked at.
    const fields = { ...applicationForm({ name: "", idType: "", idNumber: "", phone: "12345", email: "", form: "", subject: "" }), attachment: pdf(MAX_ATTACHMENT_BYTES + 1) };
    const r = await apply(fields);
    expect(r.status).toBe(400);
    if (r.data.outcome !== "refused") throw new Error(JSON.stringify(r.data));
    expect(r.data.errors).toEqual({
      name: ["requests:errors.nameRequired"],
      idType: ["requests:errors.idType"],
      idNumber: ["requests:errors.idNumberRequired"],
      phone: ["requests:errors.phone"],
      email: ["requests:errors.emailForDelivery"],
      subject: ["requests:errors.subjectRequired"],
      form: ["requests:errors.form"],
      attachment: ["requests:public.errors.fileTooLarge"],
    });
    expect(Object.keys(r.data.errors)).toEqual(["name", "idType", "idNumber", "phone", "email", "subject", "form", "attachment"]);
    // An organisation with nothing chosen hears about its name and credit code too, not the person's fields.
    const org = await apply(applicationForm({ applicantType: "business", organisation: "", creditCode: "", delivery: "", form: "" }));
    if (org.data.outcome !== "refused") throw new Error(JSON.stringify(org.data));
    expect(Object.keys(org.data.errors)).toEqual(["organisation", "creditCode", "form", "delivery"]);
    expect(await stored()).toEqual(before);
  });

  it("refuses a filled honeypot like any failed submission and stores nothing", async () => {
    const before = await stored();
    const r = await apply({ ...applicationForm(), website: "http://cheap-pills.example" });
    expect(r.status).toBe(400);
    expect(r.data).toMatchObject({ outcome: "refused", message: "requests:public.errors.notAccepted", errors: {} });
    expect(await stored()).toEqual(before);
  });

  it("accepts five applications an hour from one connection and refuses the sixth with 429, storing nothing", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) submitted(await apply(applicationForm(), ip));
    const before = await stored();
    const sixth = await apply(applicationForm(), ip);
    expect(sixth.status).toBe(429);
    expect(sixth.data).toMatchObject({ outcome: "refused", message: "requests:public.errors.tooManyApplications" });
    expect(await stored()).toEqual(before);
    // Another connection is not affected.
    submitted(await apply(applicationForm()));
  });

  it("does not count refused mistakes against the allowance", async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++) expect((await apply(applicationForm({ phone: "" }), ip)).status).toBe(400);
    submitted(await apply(applicationForm(), ip));
  });
});

describe("suggestions of published information before applying", () => {
  const suggest = (fields: Record<string, string>, ip = freshIp()) => post<ApplyAnswer>(env, action, null, publicPath(env, "/new"), { ...applicationForm(), ...fields, intent: "suggest" }, {}, ip);
  const itemUrl = (tenantCode: string, id: string) => `/t/${tenantCode}/disclosure/items/${id}`;

  beforeAll(async () => {
    const index = (tenant: { id: string; code: string }, id: string, title: string) => {
      const ctx = env.systemContext(tenant.id, "disclosure");
      return ctx.withTenant((trx) =>
        ctx.search.index(trx, { source: "disclosure.item", sourceId: id, title, body: "监督性监测结果", url: itemUrl(tenant.code, id), publishedAt: new Date("2025-10-15T02:00:00Z") }),
      );
    };
    await index(env.office, "monitoring", "2025年东湖区重点排污单位监督性监测数据（第三季度）");
    await index(env.office, "permit", "示环发〔2025〕12号 关于排污许可证核发情况的公告");
    await index(env.tree.offices[1]!, "elsewhere", "2025年东湖区重点排污单位监督性监测数据（另一分局）");
  });

  it("lists this office's published items that match the subject, keeps the form, and stores nothing", async () => {
    const before = await stored();
    const r = await suggest({ subject: "东湖区重点排污单位监督性监测数据" });
    expect(r.status).toBe(200);
    if (r.data.outcome !== "suggested") throw new Error(JSON.stringify(r.data));
    expect(r.data.suggestions).toEqual([{ title: "2025年东湖区重点排污单位监督性监测数据（第三季度）", url: itemUrl(env.office.code, "monitoring"), publishedOn: "2025-10-15" }]);
    expect(r.data.values).toMatchObject({ subject: "东湖区重点排污单位监督性监测数据", name: "李明", idNumber: "110101199003074514" });
    expect(await stored()).toEqual(before);
  });

  it("finds an item by a subject's parts when the whole subject appears nowhere, and by 文号", async () => {
    const byParts = await suggest({ subject: "关于东湖区的重点排污单位" });
    expect(byParts.data.outcome === "suggested" && byParts.data.suggestions.map((s) => s.url)).toEqual([itemUrl(env.office.code, "monitoring")]);
    const byNumber = await suggest({ subject: "", docNumber: "示环发〔2025〕12号" });
    expect(byNumber.data.outcome === "suggested" && byNumber.data.suggestions.map((s) => s.url)).toEqual([itemUrl(env.office.code, "permit")]);
  });

  it("says so when nothing matches, and asks for a subject when there is none", async () => {
    const none = await suggest({ subject: "噪声投诉处理记录" });
    expect(none.data).toMatchObject({ outcome: "suggested", suggestions: [], errors: {} });
    const empty = await suggest({ subject: "", docNumber: "" });
    expect(empty.data).toMatchObject({ outcome: "suggested", suggestions: [], errors: { subject: ["requests:public.errors.suggestNeedsSubject"] } });
  });

  it("does not use up the application allowance", async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await suggest({ subject: "监测数据" }, ip);
    submitted(await apply(applicationForm(), ip));
  });
});
