import { approveChain as approveThroughChain, openTestbed, type Testbed } from "../../../app/plugin-api/testing";
import type { RequestsDatabase } from "../db/schema";

/**
 * A test database with the requests plugin (and disclosure, whose published items the application
 * form suggests) migrated and enabled for a city and two offices, and staff in the first office.
 * `demo` makes them demo offices, whose seeds also write demo data (disclosure's published items).
 */
export async function openRequests(options: { demo?: boolean } = {}) {
  const env = await openTestbed<RequestsDatabase>({ plugins: ["disclosure", "requests"], demo: options.demo });
  const m = env.member;
  const users = {
    officer: m("requests_officer"),
    dept: m("dept_reviewer"),
    classifier: m("classifier"),
    leader: m("leader"),
    principal: m("principal"),
    drafter: m("drafter"),
    viewer: m("viewer"),
    supervisor: m("supervisor"),
  };
  return { ...env, users };
}

export type RequestsEnv = Awaited<ReturnType<typeof openRequests>>;
export { audited, load, post, statusOf, type Posted } from "../../../app/plugin-api/testing";

export const staffPath = (env: RequestsEnv, sub = "") => `/t/${env.office.code}/admin/requests${sub}`;
export const publicPath = (env: RequestsEnv, sub = "") => `/t/${env.office.code}/requests${sub}`;

/** 保密审查's record of a reply: the declaration alone (a reply is sent to its applicant, it carries no 公开属性). */
export const REPLY_REVIEW = {};

/** Every step of the office's chain approves the document, 保密审查 redacting what the scan found. */
export async function approveChain(env: Pick<Testbed, "handle" | "context" | "office" | "member">, documentId: string): Promise<void> {
  await approveThroughChain(env, documentId, { review: REPLY_REVIEW });
}

/** A valid application form as a citizen fills it in (a natural person with a resident ID). */
export function applicationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    applicantType: "natural",
    name: "李明",
    idType: "resident_id",
    idNumber: "110101199003074514",
    phone: "13800138000",
    email: "liming@example.com",
    address: "示范市东湖区湖滨路1号",
    postcode: "361001",
    subject: "2025年东湖区重点排污单位监督性监测数据",
    docNumber: "",
    description: "请提供2025年第三季度东湖区重点排污单位的监督性监测报告。",
    form: "electronic",
    delivery: "email",
    ...overrides,
  };
}
