import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import type { NoticeKind } from "../db/schema";
import { loader as letterLoader } from "../routes/admin/letter";
import { loader as docxLoader } from "../routes/admin/letter-docx";
import { loader as applicationLoader } from "../routes/admin/application";
import { action as noticeAction } from "../routes/admin/notice";
import { action as registerAction } from "../routes/admin/register";
import { describeNotice } from "../server/describe.server";
import { GBT9704 } from "../server/letters/layout";
import type { LetterView } from "../server/letters/letter.server";
import { applicationForm, approveChain, audited, load, post, staffPath, statusOf, openRequests, type RequestsEnv } from "./setup";

/**
 * Letters to the applicant name them in full, with their address, for post and in-person delivery
 * (issue 14); lists, the history and the tracking page keep the masked name. The printable page
 * and the .docx are for those who handle applications or read applicants, and reading the name
 * for a letter is audited as reading the applicant is.
 */
let env: RequestsEnv;
let appId: string;
let feeNotice: string;
let draftNotice: string;
const today = chinaDate();

const appPath = (id: string, sub = "") => staffPath(env, `/applications/${id}${sub}`);
const letterPath = (noticeId: string, query = "") => appPath(appId, `/notices/${noticeId}/letter${query}`);
const openLetter = (userId: string, noticeId: string, query = "") => load<{ letter: LetterView; address: string | null }>(env, letterLoader, userId, letterPath(noticeId, query), { id: appId, noticeId });

async function draft(id: string, kind: string, fields: Record<string, string>) {
  const r = await post(env, noticeAction, env.users.officer.id, appPath(id, `/notices/${kind}`), { intent: "submit", title: "", body: "", ...fields }, { id, kind });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  return r.location!.split("/").pop()!;
}

const noticeIdOf = (kind: NoticeKind) =>
  env.systemContext(env.office.id).withTenant(async (trx) => (await trx.selectFrom("requests_notices").select("id").where("application_id", "=", appId).where("kind", "=", kind).executeTakeFirstOrThrow()).id);

beforeAll(async () => {
  env = await openRequests();
  const r = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: today, delivery: "post" });
  expect(r.status, JSON.stringify(r.data)).toBe(302);
  appId = r.location!.split("/").pop()!;
  await draft(appId, "third_party", { party: "示范市某化工有限公司" });
  draftNotice = await noticeIdOf("third_party");
  await approveChain(env, await draft(appId, "fee", { method: "per_page", pages: "120" }));
  feeNotice = await noticeIdOf("fee");
});

describe("the printable letter", () => {
  it("addresses the applicant by full name and address, and audits the read", async () => {
    const before = (await audited(env, "requests.applicant.read")).length;
    const { letter, address } = await openLetter(env.users.officer.id, feeNotice);
    expect(letter.salutation).toBe("李明：");
    expect(letter.masked).toBe(false);
    expect(letter.paragraphs.join("\n")).not.toMatch(/\{[A-Za-z]+\}/);
    expect(letter.sentOn).toBe(today);
    expect(address).toBe("送达地址：示范市东湖区湖滨路1号（邮政编码：361001）");
    expect(letter.office).toBe(env.context.services.tenants.byId(env.office.id)!.name["zh-CN"]);
    const reads = await audited(env, "requests.applicant.read");
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({ target_id: appId, actor_id: env.users.officer.id, data: { letter: feeNotice } });
  });

  it("keeps the masked name on the staff page's history and the public tracking page", async () => {
    const v = await load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, env.users.officer.id, appPath(appId), { id: appId });
    const sent = v.notices.find((n) => n.kind === "fee")!;
    expect(sent.body.startsWith("李*：")).toBe(true);
    expect(sent.body).not.toContain("李明");
    expect(v.canPrintLetters).toBe(true);
    const viewer = await load<Awaited<ReturnType<typeof applicationLoader>>>(env, applicationLoader, env.users.viewer.id, appPath(appId), { id: appId });
    expect(viewer.canPrintLetters).toBe(false);
  });

  it("shows a letter still in approval with the dates it would have if sent today, marked provisional, and to its addressee without opening the applicant", async () => {
    const before = (await audited(env, "requests.applicant.read")).length;
    const { letter, address } = await openLetter(env.users.officer.id, draftNotice);
    expect(letter.sentOn).toBeNull();
    expect(letter.salutation).toBe("示范市某化工有限公司：");
    expect(address).toBeNull();
    expect(letter.masked).toBe(false);
    expect(letter.paragraphs.join("\n")).not.toMatch(/\{[A-Za-z]+\}/);
    expect(letter.paragraphs.join("\n")).toContain("15个工作日内");
    expect((await audited(env, "requests.applicant.read")).length).toBe(before);
  });

  it("downloads as a .docx in 公文 layout: A4, GB/T 9704 margins in twips, the title, the full name", async () => {
    const res = (await load(env, docxLoader, env.users.officer.id, letterPath(feeNotice, "/docx"), { id: appId, noticeId: feeNotice })) as unknown as Response;
    expect(res).toBeInstanceOf(Response);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("李明：");
    expect(xml).toContain("政府信息公开信息处理费收费通知");
    expect(xml).toContain("示范市东湖区湖滨路1号");
    expect(xml).not.toContain("李*");
    const twips = (mm: number) => String(Math.round((mm / 25.4) * 1440));
    const pgMar = /<w:pgMar [^>]*\/>/.exec(xml)![0];
    expect(pgMar).toContain(`w:top="${twips(GBT9704.margins.top)}"`);
    expect(pgMar).toContain(`w:bottom="${twips(GBT9704.margins.bottom)}"`);
    expect(pgMar).toContain(`w:left="${twips(GBT9704.margins.left)}"`);
    expect(pgMar).toContain(`w:right="${twips(GBT9704.margins.right)}"`);
    expect(twips(37)).toBe("2098");
    expect(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/.test(xml) || /<w:pgSz [^>]*w:h="16838"[^>]*w:w="11906"/.test(xml)).toBe(true);
    // The page number 「— N —」 is in the footers.
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => strFromU8(files[f]!));
    expect(footers.some((f) => f.includes("— ") && f.includes("PAGE"))).toBe(true);
  });

  it("is for those who handle applications or read applicants: the principal may, a viewer or a drafter may not, nor another office's supervisor", async () => {
    expect((await openLetter(env.users.principal.id, feeNotice)).letter.salutation).toBe("李明：");
    for (const user of [env.users.viewer, env.users.drafter, env.users.dept]) {
      expect(await statusOf(openLetter(user.id, feeNotice))).toBe(403);
      expect(await statusOf(load(env, docxLoader, user.id, letterPath(feeNotice, "/docx"), { id: appId, noticeId: feeNotice }))).toBe(403);
    }
    expect(await statusOf(openLetter(env.users.supervisor.id, feeNotice))).toBe(403);
  });

  it("answers 404 for a letter of another application or an id that is none", async () => {
    const other = await post(env, registerAction, env.users.officer.id, staffPath(env, "/register"), { ...applicationForm(), channel: "in_person", submittedOn: today });
    const otherId = other.location!.split("/").pop()!;
    expect(await statusOf(load(env, letterLoader, env.users.officer.id, appPath(otherId, `/notices/${feeNotice}/letter`), { id: otherId, noticeId: feeNotice }))).toBe(404);
    expect(await statusOf(load(env, letterLoader, env.users.officer.id, letterPath("not-a-uuid"), { id: appId, noticeId: "not-a-uuid" }))).toBe(404);
  });

  it("shows the chain a draft's addressee masked and its sending dates as fixed on sending", async () => {
    const described = await env.systemContext(env.office.id).withTenant((trx) =>
      describeNotice({ trx, tenantId: env.office.id, locale: "zh-CN" }, { applicationId: appId, kind: "fee", fen: 100, dueOn: "2025-04-15", body: "{applicant}：\n请于{dueOn}前缴纳。\n{issuedOn}" }),
    );
    expect(described["payload.body"]).toBe("李*：\n请于〔发出时确定〕前缴纳。\n〔发出时确定〕");
    expect(described["payload.dueOn"]).toBe("2025-04-15（按起草之日计算；发出时自发出之日起重新确定）");
  });

  // Last: it changes the office's grants.
  it("gives someone who handles applications without the reveal permission the letter with the name masked, reading nothing", async () => {
    await env.handle.db.insertInto("role_permissions").values({ tenant_id: env.office.id, role: "viewer", permission: "requests.applications.handle", granted: true }).execute();
    const before = (await audited(env, "requests.applicant.read")).length;
    const { letter, address } = await openLetter(env.users.viewer.id, feeNotice);
    expect(letter.masked).toBe(true);
    expect(letter.salutation).toBe("李*：");
    expect(address).toBeNull();
    const res = (await load(env, docxLoader, env.users.viewer.id, letterPath(feeNotice, "/docx"), { id: appId, noticeId: feeNotice })) as unknown as Response;
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))["word/document.xml"]!);
    expect(xml).toContain("李*：");
    expect(xml).not.toContain("李明");
    expect((await audited(env, "requests.applicant.read")).length).toBe(before);
  });
});
