import type { AppLoadContext } from "@remix-run/node";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_CHAIN } from "../../db/roles";
import { withScope } from "../../db/scope";
import { CORE_AUDIT_EVENTS } from "../../app/core/audit/labels";
import { AuditPresenter, auditPlugins } from "../../app/core/audit/present.server";
import { auditEventBatches } from "../../app/core/audit/query.server";
import { recordAudit } from "../../app/core/audit/record.server";
import { verifyJobOf } from "../../app/core/audit/verify-jobs.server";
import { discoverPlugins } from "../../app/plugin-host/discover";
import * as overview from "../../app/routes/admin._index";
import * as page from "../../app/routes/admin.audit";
import * as csv from "../../app/routes/admin.audit[.]csv";
import { createUser, signedInRequest, testContext } from "../helpers/context";
import { createTenantTree, openTestDatabase, uniq } from "../helpers/db";

/**
 * The audit log as the 安全审计员 reads it (issue 16): events by their names in three locales,
 * people by display name, offices by name, details as labelled fields; filters by person, office,
 * event (one or a whole module) and date; the filtered set as a CSV; and only the auditor sees any of it.
 */
let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
let auditor: { id: string; username: string };
let sysadmin: { id: string; username: string };
let secadmin: { id: string; username: string };
let actor: { id: string; username: string };
let dataDir: string;
const displayName = `审计测试员${uniq().slice(0, 6)}`;

type Fn = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;
type View = { office: string; person: { name: string; username: string | null }; event: { label: string; code: string; known: boolean }; fields: { label: string; value: string; full?: string }[]; outcome: string };
type PageData = { rows: View[]; errors: Record<string, string[]>; exportHref: string | null; groups: { value: string; label: string; events: { value: string }[] }[] };

async function load(userId: string, path: string): Promise<{ status: number; data: PageData }> {
  const request = await signedInRequest(context, userId, path);
  const res = (await (page.loader as Fn)({ request, params: {}, context })) as { data: PageData; init: { status?: number } | null };
  return { status: res.init?.status ?? 200, data: res.data };
}

async function download(userId: string, path: string): Promise<Response> {
  const request = await signedInRequest(context, userId, path);
  return (await (csv.loader as Fn)({ request, params: {}, context })) as Response;
}

const record = (tenantId: string, event: Parameters<typeof recordAudit>[1]) =>
  withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) => recordAudit(trx, event));

beforeAll(async () => {
  handle = await openTestDatabase();
  const tree = await createTenantTree(handle, 1);
  office = tree.offices[0]!;
  // Its own data directory: the verification reads the anchor file there, not the demo's.
  dataDir = await mkdtemp(join(tmpdir(), "gk-audit-log-"));
  context = await testContext(handle, { GONGKAI_DATA_DIR: dataDir }, await discoverPlugins());
  auditor = await createUser(handle, {}, ["auditor"]);
  sysadmin = await createUser(handle, {}, ["sysadmin"]);
  secadmin = await createUser(handle, {}, ["secadmin"]);
  actor = await createUser(handle, { [office.id]: ["leader"] });
  await handle.db.updateTable("users").set({ display_name: displayName }).where("id", "=", actor.id).execute();
  const who = { id: actor.id, name: actor.username };
  await record(office.id, {
    tenantId: office.id,
    actor: who,
    action: "workflow.approve",
    target: { type: "workflow_document", id: "00000000-0000-4000-8000-000000000001" },
    data: { documentType: "requests.reply", step: "leader", comment: "同意发布。".repeat(30) },
  });
  await record(office.id, {
    tenantId: office.id,
    actor: who,
    action: "classification.resolve",
    data: { field: "payload.released.0.body", kind: "id_card", action: "keep", reason: "申请人本人的信息" },
  });
  await record(office.id, { tenantId: office.id, actor: who, action: "requests.application.confirm", data: { receivedOn: "2026-12-07" } });
  await record(PLATFORM_CHAIN, { tenantId: PLATFORM_CHAIN, actor: who, action: "auth.login", outcome: "failure", data: { reason: "bad_password", consecutiveFailures: 2 } });
});
afterAll(async () => {
  await handle?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe(`the audit log (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("names every core event and every plugin's declared event in all three locales, and every module", async () => {
    const registry = await discoverPlugins();
    const codes = [...CORE_AUDIT_EVENTS, ...registry.plugins.flatMap((p) => p.manifest.auditEvents)];
    for (const lng of ["zh-CN", "zh-TW", "en"] as const) {
      const presenter = new AuditPresenter(context.services.translators[lng], lng, auditPlugins(registry.plugins), []);
      const unnamed = codes.filter((c) => !presenter.eventLabel(c).known);
      expect(unnamed, lng).toEqual([]);
      for (const g of presenter.groups()) expect(g.label, `${lng} ${g.value}`).not.toMatch(/^(audit\.|[a-z-]+:)/);
      expect(presenter.eventLabel("no.such.event")).toEqual({ label: presenter.t("audit.unknownEvent"), known: false });
    }
  });

  it("shows names, not codes: the event's label, the person's display name, the office's name, the details as labelled fields", async () => {
    const { status, data } = await load(auditor.id, `/admin/audit?actor=${encodeURIComponent(displayName)}`);
    expect(status).toBe(200);
    expect(data.rows.map((r) => r.event.code)).toEqual(["auth.login", "requests.application.confirm", "classification.resolve", "workflow.approve"]);
    const [login, confirm, resolve, approve] = data.rows as [View, View, View, View];
    expect(login).toMatchObject({ office: "平台", person: { name: displayName, username: actor.username }, event: { label: "登录", known: true }, outcome: "failure" });
    expect(login.fields).toContainEqual({ label: "原因", value: "bad_password" });
    expect(login.fields).toContainEqual({ label: "连续失败次数", value: "2" });
    expect(confirm.event.label).toBe("确认收到申请");
    expect(confirm.fields).toContainEqual({ label: "收到日期", value: "2026-12-07" });
    expect(resolve.fields).toContainEqual({ label: "位置", value: "发布内容 › 第 1 项 › 正文" });
    expect(approve).toMatchObject({ office: "测试分局1", event: { label: "审批同意" } });
    // The document type by the plugin's own name for it, not its key.
    expect(approve.fields.find((f) => f.label === "文件类型")?.value).toMatch(/^[^.]+$/);
    expect(approve.fields).toContainEqual({ label: "环节", value: "leader" });
    // A long opinion is shortened on the page, whole on demand.
    const opinion = approve.fields.find((f) => f.label === "意见")!;
    expect(opinion.value.length).toBeLessThan(90);
    expect(opinion.full).toBe("同意发布。".repeat(30));
    // English: the same events in English words.
    const en = await load(auditor.id, `/admin/audit?lng=en&actor=${encodeURIComponent(actor.username)}&action=classification.resolve`);
    expect(en.data.rows[0]!.fields).toContainEqual({ label: "Where", value: "Released material › item 1 › Body" });
    expect(en.data.rows[0]!.event.label).toBe("Review finding resolved");
  });

  it("filters by person (name or username), office, event, a whole module, outcome and date; refuses a value it does not offer", async () => {
    const codes = async (query: string) => (await load(auditor.id, `/admin/audit?actor=${encodeURIComponent(actor.username)}&${query}`)).data.rows.map((r) => r.event.code);
    expect(await codes(`tenant=${office.code}`)).toEqual(["requests.application.confirm", "classification.resolve", "workflow.approve"]);
    expect(await codes("tenant=platform")).toEqual(["auth.login"]);
    expect(await codes("action=workflow.approve")).toEqual(["workflow.approve"]);
    expect(await codes("action=group:workflow")).toEqual(["classification.resolve", "workflow.approve"]);
    expect(await codes("action=group:requests")).toEqual(["requests.application.confirm"]);
    expect(await codes("outcome=failure")).toEqual(["auth.login"]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(await codes(`from=${today}&to=${today}`)).toHaveLength(4);
    expect(await codes("to=2020-01-01")).toEqual([]);

    for (const [query, field] of [
      ["action=workflow.", "action"],
      ["action=group:nothing", "action"],
      ["tenant=no-such-office", "tenant"],
      ["from=2026-12-08&to=2026-12-01", "to"],
      ["from=2026-02-30", "from"],
    ] as const) {
      const refused = await load(auditor.id, `/admin/audit?${query}`);
      expect(refused.status, query).toBe(400);
      expect(Object.keys(refused.data.errors), query).toEqual([field]);
      expect(refused.data.rows).toEqual([]);
      const file = await download(auditor.id, `/admin/audit.csv?${query}`);
      expect(file.status, query).toBe(400);
    }
  });

  it("exports the filtered set as UTF-8 CSV with a BOM, labels and codes, readable details and the chain's hash, and records the export", async () => {
    const before = await handle.db.selectFrom("audit_events").select("seq").where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", "audit.export").execute();
    const listed = await load(auditor.id, `/admin/audit?actor=${encodeURIComponent(actor.username)}&tenant=${office.code}`);
    expect(listed.data.exportHref).toBe(`/admin/audit.csv?tenant=${office.code}&actor=${encodeURIComponent(actor.username)}`);
    const res = await download(auditor.id, listed.data.exportHref!);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("时间（北京时间）,单位,操作人,用户名,事件,事件代码,结果,详情,链内序号,哈希值");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},测试分局1,${displayName},${actor.username},确认收到申请,requests\\.application\\.confirm,成功,收到日期: 2026-12-07,3,[0-9a-f]{64}$`));
    expect(lines[2]).toContain("位置: 发布内容 › 第 1 项 › 正文");
    // The whole opinion, not the page's shortening, and quoted because the details hold commas or quotes only when they must be.
    expect(lines[3]).toContain(`意见: ${"同意发布。".repeat(30)}`);
    const after = await handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", "audit.export").orderBy("seq", "desc").execute();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ actor_id: auditor.id, data: { format: "csv", filters: { tenant: office.code, actor: actor.username } } });
  });

  it("reads a large trail in batches continued from the last row, every event once", async () => {
    const chain = office.id;
    const many = `batch-${uniq()}`;
    for (let i = 0; i < 23; i++) await record(chain, { tenantId: chain, actor: { id: null, name: many }, action: "tenant.sync", data: { i } });
    const seen: number[][] = [];
    for await (const batch of auditEventBatches(handle.db, { userId: null, readTenantIds: [chain] }, { actor: many }, 5)) seen.push(batch.map((e) => e.data.i as number));
    expect(seen.map((b) => b.length)).toEqual([5, 5, 5, 5, 3]);
    expect(seen.flat()).toEqual([...Array(23).keys()].reverse());
  });

  it("a formula-like value is written as text, never as a formula", async () => {
    const sly = `sly-${uniq()}`;
    await record(office.id, { tenantId: office.id, actor: { id: null, name: sly }, action: "sensitive_word.add", data: { word: '=HYPERLINK("http://x")' } });
    const res = await download(auditor.id, `/admin/audit.csv?actor=${sly}`);
    const text = await res.text();
    expect(text).toContain(`"词语: =HYPERLINK(""http://x"")"`);
    const row = text.trimEnd().split("\r\n")[1]!;
    expect(row.split(",")[2]).toBe(sly);
  });

  it("verifies the chains in the background and shows the progress, then the result; the verification is audited", async () => {
    const get = await signedInRequest(context, auditor.id, "/admin/audit");
    const request = new Request(get.url, { method: "POST", headers: get.headers, body: new URLSearchParams({ intent: "verify" }) });
    const res = (await (page.action as Fn)({ request, params: {}, context })) as Response;
    expect(res.status).toBe(302);
    const job = verifyJobOf(auditor.id)!;
    await job.finished;
    expect(job.progress.total).toBeGreaterThan(0);
    expect(job.progress).toMatchObject({ done: job.progress.total, chain: null });
    const shown = (await load(auditor.id, "/admin/audit")).data as unknown as { verification: { running: boolean; done: number; total: number; report: { breaks: unknown[] } } };
    expect(shown.verification).toMatchObject({ running: false, report: { breaks: [] } });
    const last = await handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", PLATFORM_CHAIN).where("action", "=", "audit.verify").orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(last).toMatchObject({ actor_id: auditor.id, outcome: "success" });
  });

  it("the overview describes each of an administrator's links in its own words (工作日历 is not 管理单位与模块)", async () => {
    for (const user of [sysadmin, secadmin, auditor]) {
      const request = await signedInRequest(context, user.id, "/admin");
      const { links } = (await (overview.loader as Fn)({ request, params: {}, context })) as { links: { key: string }[] };
      const zh = context.services.translators["zh-CN"].getFixedT("zh-CN", "platform");
      const words = links.map((l) => zh(`overview.links.${l.key}`));
      expect(new Set(words).size, user.username).toBe(links.length);
      for (const w of words) expect(w).not.toMatch(/^overview\./);
    }
  });

  it("is the auditor's alone: the system and security administrators get 403 on the page, the export and the verification", async () => {
    for (const user of [sysadmin, secadmin, actor]) {
      await expect(load(user.id, "/admin/audit")).rejects.toMatchObject({ status: 403 });
      await expect(download(user.id, "/admin/audit.csv")).rejects.toMatchObject({ status: 403 });
      const get = await signedInRequest(context, user.id, "/admin/audit");
      const request = new Request(get.url, { method: "POST", headers: get.headers, body: new URLSearchParams({ intent: "verify" }) });
      await expect((page.action as Fn)({ request, params: {}, context })).rejects.toMatchObject({ status: 403 });
      expect(verifyJobOf(user.id)).toBeNull();
    }
  });
});
