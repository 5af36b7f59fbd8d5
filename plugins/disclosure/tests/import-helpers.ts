import {
  actOn,
  approveChain,
  classify as classifyDocument,
  documentOf,
  publicSearch,
  type ReviewRecord,
  type WorkflowDocument,
} from "../../../app/plugin-api/testing";
import { action, loader } from "../routes/admin/import";
import { importJobSettled } from "../server/import/jobs.server";
import { csvField } from "../server/staff/csv";
import { IMPORT_COLUMNS } from "../server/staff/import.server";
import { load, post, type StaffEnv } from "./staff-helpers";

export const HEADER = IMPORT_COLUMNS.map((c) => c.header);
export type Cells = Partial<Record<(typeof HEADER)[number], string>>;
export const row = (cells: Cells) => HEADER.map((h) => cells[h as keyof Cells] ?? "");

/** A row that passes the check; override what a test is about. */
export const good = (title: string, publishedOn: string, extra: Cells = {}): Cells => ({
  标题: title,
  类别: "环境质量",
  发布机构: "测试分局",
  文号: "",
  成文日期: publishedOn,
  信息形成日期: publishedOn,
  发布日期: publishedOn,
  主题分类: "环境监测、保护与治理",
  正文: "第一段。\n第二段。",
  ...extra,
});

export const csv = (rows: string[][], header = HEADER, name = "items.csv") =>
  new File([`\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`], name, { type: "text/csv" });

export type ImportResult = {
  ok: boolean;
  mode: string;
  total: number;
  valid: number;
  errors: { row: number; column: string; message: string; params?: Record<string, string> }[];
  missing: string[];
  preview: { row: number; title: string; indexNumber?: string }[];
  submitted: { ok: true; id: string; title: string; url: string; count: number } | { ok: false; error: string } | null;
  fileError?: string;
};

export type ImportJob = { id: string; stage: string; done: number; total: number | null; running: boolean; report: ImportResult | null };
type PageData = { job: ImportJob | null; jobMissing: boolean };
type ImportPage = PageData | { type: "DataWithResponseInit"; data: PageData; init: { status?: number } | null };

/** The import page with `?job=<id>` as `userId` reads it: the job, and the status the page answers with. */
export async function jobPage(env: StaffEnv, userId: string, id: string) {
  const page = await load<ImportPage>(env, loader, userId, `/import?job=${id}`);
  const [status, read] = "type" in page ? [page.init?.status ?? 200, page.data] : [200, page];
  return { status, job: read.job, missing: read.jobMissing };
}

/**
 * The import page's action as the drafter (or `userId`) posts it, followed to its job's page once
 * the job has ended: the report in the shape (and with the status) the one-request import answered.
 */
export async function runAs(env: StaffEnv, userId: string, file: File, intent: "check" | "submit" = "check") {
  const posted = await post<ImportResult>(env, action, userId, "/import", { file, intent });
  const id = posted.location?.match(/[?&]job=([0-9a-f-]{36})$/)?.[1];
  if (posted.status !== 303 || !id) return { ...posted, jobId: null };
  await importJobSettled(id);
  const { status, job } = await jobPage(env, userId, id);
  return { status, data: job!.report!, location: null, jobId: id };
}

/** The office's items as staff read them (published and not public alike). */
export const storedItems = (env: StaffEnv) =>
  env
    .asStaff(env.users.viewer.id, (trx) =>
      trx
        .selectFrom("disclosure_items")
        .select(["title", "index_number", "published_on", "written_on", "body_html", "attribute", "status"])
        .where("tenant_id", "=", env.office.id)
        .execute(),
    )
    .then((rows) => rows.map((r) => ({ ...r, published_on: day(r.published_on), written_on: day(r.written_on) })));

const day = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d)).slice(0, 10);

/** What an anonymous reader of the portal finds: the office's items readable without signing in, and search hits. */
export async function publicView(env: StaffEnv, q: string) {
  const items = await env.publicRead([env.office.id], (trx) => trx.selectFrom("disclosure_items").select(["title", "body_html", "index_number"]).execute());
  const hits = await publicSearch(env, env.office.id, { q, sources: ["disclosure.item"], limit: 50, offset: 0 });
  return { items, hits: hits.hits };
}

export const batch = (env: StaffEnv, id: string) => documentOf(env, id);

/** One decision on the batch as `userId`; the refusal's code when refused. */
export async function decide(env: StaffEnv, userId: string, id: string, action: "approve" | "return" | "withdraw", comment?: string): Promise<WorkflowDocument | string> {
  const r = await actOn(env, userId, id, action, comment);
  return r.ok ? r.document : r.refusal.code;
}

/** 保密审查 of the batch: every finding decided as `resolution`, then the record (主动公开 unless given). */
export function classify(env: StaffEnv, id: string, resolution: "redact" | "keep" = "redact", review: ReviewRecord = { attribute: "proactive" }) {
  return classifyDocument(env, id, { decision: resolution === "keep" ? { action: "keep", reason: "已公开的单位联系方式" } : { action: "redact" }, review });
}

/** The whole default chain after submission: 科室负责人, 保密审查 (every finding redacted), 分管领导. */
export function approveThrough(env: StaffEnv, id: string, review?: ReviewRecord): Promise<WorkflowDocument> {
  return approveChain(env, id, { review });
}
