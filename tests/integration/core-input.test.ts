import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import { PLATFORM_SCOPE, withScope } from "../../db/scope";
import { requireStaff, withTenant } from "../../app/core/tenancy/staff.server";
import { createDocument } from "../../app/core/workflow/service.server";
import * as audit from "../../app/routes/admin.audit";
import * as plugins from "../../app/routes/admin.plugins";
import * as settings from "../../app/routes/admin.plugins.$pluginId.$tenant";
import * as roles from "../../app/routes/admin.roles";
import * as chains from "../../app/routes/t.$tenant.admin.chains";
import * as documents from "../../app/routes/t.$tenant.admin.documents.$id";
import * as inbox from "../../app/routes/t.$tenant.admin.inbox";
import * as words from "../../app/routes/t.$tenant.admin.sensitive-words";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";
import { runAction } from "../helpers/routes";

/**
 * Bad input on the core's own pages (platform console and office workspace): a NUL, another
 * control character or a bidi override anywhere, an impossible date, is a 400 with a localised
 * message at the field, and nothing is written (issue 13, failure 6).
 */
const TYPE = "fixture-notes.memo";

let handle: DatabaseHandle;
let context: AppLoadContext;
let office: { id: string; code: string };
const users = {} as Record<"sysadmin" | "secadmin" | "auditor" | "drafter" | "dept" | "principal" | "classifier", { id: string }>;
let docId: string;

type Fn = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

async function post(fn: Fn, userId: string, path: string, fields: [string, string][] | Record<string, string>, params: Record<string, string> = {}) {
  const get = await signedInRequest(context, userId, path);
  const request = new Request(get.url, { method: "POST", headers: { Cookie: get.headers.get("Cookie")! }, body: new URLSearchParams(fields) });
  return runAction<Record<string, unknown>>(fn as never, request, params, context);
}

async function load(fn: Fn, userId: string, path: string, params: Record<string, string> = {}) {
  const request = await signedInRequest(context, userId, path);
  const res = (await fn({ request, params, context })) as { data?: unknown; init?: { status?: number } | null } | Record<string, unknown>;
  if (res && typeof res === "object" && "init" in res && "data" in res) return { status: (res.init as { status?: number } | null)?.status ?? 200, data: res.data as Record<string, unknown> };
  return { status: 200, data: res as Record<string, unknown> };
}

const count = (table: "sensitive_words" | "workflow_chains" | "role_permissions" | "audit_events") =>
  withScope(handle.db, { ...PLATFORM_SCOPE, readTenantIds: [office.id] }, async (trx) =>
    Number((await trx.selectFrom(table).select((e) => e.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n),
  );

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await fixtureWithDocumentTypes([{ key: TYPE, label: "fixture-notes:name", requiresClassification: true, payload: z.object({ body: z.string() }) }]);
  const tree = await createTenantTree(handle, 1);
  office = tree.offices[0]!;
  await switchPlugin(handle, office.id);
  context = await testContext(handle, {}, registry);
  users.sysadmin = await createUser(handle, {}, ["sysadmin"]);
  users.secadmin = await createUser(handle, {}, ["secadmin"]);
  users.auditor = await createUser(handle, {}, ["auditor"]);
  users.drafter = await createUser(handle, { [office.id]: ["drafter"] });
  users.dept = await createUser(handle, { [office.id]: ["dept_reviewer"] });
  users.principal = await createUser(handle, { [office.id]: ["principal"] });
  users.classifier = await createUser(handle, { [office.id]: ["classifier"] });
  const staff = await requireStaff(await signedInRequest(context, users.drafter.id, `/t/${office.code}/admin`), context, office.code);
  const created = await withTenant(staff, async (trx) => {
    const doc = await createDocument(trx, staff, { documentType: TYPE, title: "关于监测数据的说明", payload: { body: "正文" } });
    if (!doc.ok) throw new Error(doc.refusal.code);
    return doc;
  });
  docId = created.document.id;
  const submitted = await post(documents.action as Fn, users.drafter.id, `/t/${office.code}/admin/documents/${docId}`, { intent: "submit", version: "1" }, { tenant: office.code, id: docId });
  expect(submitted.status).toBe(200);
});
afterAll(() => handle?.close());

describe(`bad input on the core's pages (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("the audit trail's filters: a control character or an impossible date is a 400 naming the field", async () => {
    const nul = await load(audit.loader as Fn, users.auditor.id, "/admin/audit?actor=%00");
    expect(nul).toMatchObject({ status: 400, data: { errors: { actor: ["errors.text.control"] }, rows: [] } });
    const day = await load(audit.loader as Fn, users.auditor.id, "/admin/audit?from=2026-13-01&to=2026-01-32");
    expect(day).toMatchObject({ status: 400, data: { errors: { from: ["errors.date"], to: ["errors.date"] } } });
    expect((await load(audit.loader as Fn, users.auditor.id, "/admin/audit?from=2026-01-01")).status).toBe(200);
    const choice = await load(audit.loader as Fn, users.auditor.id, "/admin/audit?outcome=no-such-option&page=%E5%8D%81%E4%BA%8C");
    expect(choice).toMatchObject({ status: 400, data: { errors: { outcome: ["errors.invalid"], page: ["errors.invalid"] } } });
  });

  it("the roles page ignores an unusable office with a note, and refuses a bad grant with a message", async () => {
    const page = await load(roles.loader as Fn, users.secadmin.id, "/admin/roles?tenant=%00");
    expect(page.data).toMatchObject({ ignored: { tenant: ["errors.text.control"] } });
    const before = await count("role_permissions");
    const refused = await post(roles.action as Fn, users.secadmin.id, "/admin/roles", [["intent", "save"], ["tenant", office.id], ["grant", "drafter|core.workspace.view\u0000"]]);
    expect(refused).toMatchObject({ status: 400, data: { errors: { _form: ["errors.text.control"] } } });
    expect((await post(roles.action as Fn, users.secadmin.id, "/admin/roles", [["intent", "save"], ["tenant", "x"]])).status).toBe(400);
    expect(await count("role_permissions")).toBe(before);
  });

  it("the plugin switch and a plugin's settings refuse control characters with a localised message, storing nothing", async () => {
    const toggled = await post(plugins.action as Fn, users.sysadmin.id, "/admin/plugins", { intent: "toggle", tenant: `${office.code}\u0000`, plugin: "fixture-notes", enabled: "off" });
    expect(toggled.status).toBe(400);
    expect(toggled.data.message).toEqual(expect.stringMatching(/\p{Script=Han}/u));
    const path = `/admin/plugins/fixture-notes/${office.code}`;
    const params = { pluginId: "fixture-notes", tenant: office.code };
    const saved = await post(settings.action as Fn, users.sysadmin.id, path, { publicIntro: "本局\u0000说明", maxNotes: "10" }, params);
    expect(saved).toMatchObject({ status: 400, data: { errors: { publicIntro: ["core:errors.text.control"] } } });
    const bidi = await post(settings.action as Fn, users.sysadmin.id, path, { publicIntro: "\u202E明说", maxNotes: "10" }, params);
    expect(bidi).toMatchObject({ status: 400, data: { errors: { publicIntro: ["core:errors.text.bidi"] } } });
    expect(context.services.tenants.byId(office.id)?.plugins).toContain("fixture-notes");
    const stored = await withScope(handle.db, PLATFORM_SCOPE, (trx) =>
      trx.selectFrom("tenant_plugins").select("settings").where("tenant_id", "=", office.id).where("plugin_id", "=", "fixture-notes").executeTakeFirst(),
    );
    expect(JSON.stringify(stored?.settings ?? {})).not.toContain("本局");
  });

  it("sensitive words: a bidi override or a control character is refused at the field", async () => {
    const path = `/t/${office.code}/admin/sensitive-words`;
    const params = { tenant: office.code };
    const before = await count("sensitive_words");
    expect(await post(words.action as Fn, users.principal.id, path, { intent: "add", word: "专\u202E案" }, params)).toMatchObject({
      status: 400,
      data: { errors: { word: ["errors.text.bidi"] } },
    });
    expect(await post(words.action as Fn, users.principal.id, path, { intent: "add", word: "专案\u0000" }, params)).toMatchObject({
      status: 400,
      data: { errors: { word: ["errors.text.control"] } },
    });
    expect(await count("sensitive_words")).toBe(before);
  });

  it("the chain editor names the row's field that carried a control character", async () => {
    const path = `/t/${office.code}/admin/chains`;
    const before = await count("workflow_chains");
    const r = await post(chains.action as Fn, users.principal.id, path, { intent: "save", documentType: TYPE, "steps.0.order": "1", "steps.0.key": "review", "steps.0.role": "dept_reviewer", "steps.0.label": "审核\u0000", "steps.0.dueWorkdays": "3" }, { tenant: office.code });
    expect(r).toMatchObject({ status: 400, data: { ok: false, fieldErrors: { "steps.0.label": ["errors.text.control"] } } });
    const row = { intent: "save", documentType: TYPE, "steps.0.order": "1", "steps.0.key": "review", "steps.0.role": "dept_reviewer", "steps.0.dueWorkdays": "3" };
    // A box ticked sends "on"; anything else is not this page's form. A blank row's position must still be a number.
    expect((await post(chains.action as Fn, users.principal.id, path, { ...row, "steps.0.onlyIfImportant": "no-such-option" }, { tenant: office.code })).status).toBe(400);
    const blank = await post(chains.action as Fn, users.principal.id, path, { ...row, "steps.1.order": "十二", "steps.1.key": "", "steps.1.role": "" }, { tenant: office.code });
    expect(blank).toMatchObject({ status: 400, data: { fieldErrors: { "steps.1.order": ["chains.errors.order"] } } });
    expect(await count("workflow_chains")).toBe(before);
  });

  it("a decision's comment with a control character or a bidi override is refused on the document page and decides nothing", async () => {
    const events = await count("audit_events");
    // The inbox takes no decision (it only opens the document): it has no action to attack.
    expect("action" in inbox).toBe(false);
    const control = await post(documents.action as Fn, users.dept.id, `/t/${office.code}/admin/documents/${docId}`, { intent: "approve", version: "2", comment: "同意\u0000" }, { tenant: office.code, id: docId });
    expect(control).toMatchObject({ status: 400, data: { ok: false, message: "errors.text.control", errors: { comment: "errors.text.control" } } });
    const path = `/t/${office.code}/admin/documents/${docId}`;
    const fromPage = await post(documents.action as Fn, users.dept.id, path, { intent: "return", version: "2", comment: "\u202E退回" }, { tenant: office.code, id: docId });
    expect(fromPage).toMatchObject({ status: 400, data: { ok: false, message: "errors.text.bidi", errors: { comment: "errors.text.bidi" } } });
    expect(await count("audit_events")).toBe(events);
    const page = (await load(documents.loader as Fn, users.dept.id, path, { tenant: office.code, id: docId })).data as { document: { status: string; version: number } };
    expect(page.document).toMatchObject({ status: "in_review", version: 2 });
  });
});
