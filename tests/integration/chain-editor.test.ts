import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/client";
import { withScope } from "../../db/scope";
import { DEFAULT_CHAIN, type ChainStep } from "../../app/core/workflow/chain";
import { chainFor } from "../../app/core/workflow/service.server";
import { action, loader, type RowValues } from "../../app/routes/t.$tenant.admin.chains";
import { createTenantTree, fixtureWithDocumentTypes, openTestDatabase, switchPlugin } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

/** Requires 保密审查. */
const TYPE = "fixture-notes.memo";
/** Does not. */
const PLAIN_TYPE = "fixture-notes.plain";

let handle: DatabaseHandle;
let context: AppLoadContext;
let tree: Awaited<ReturnType<typeof createTenantTree>>;
/** Has the fixture plugin enabled. */
let office: { id: string; code: string };
/** Does not. */
let other: { id: string; code: string };
let principal: { id: string };

const as = (tenantId: string) => ({ tenantId, readTenantIds: [tenantId], userId: null });

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await fixtureWithDocumentTypes([
      { key: TYPE, label: "fixture-notes:name", requiresClassification: true, payload: z.object({ body: z.string().min(1) }) },
      { key: PLAIN_TYPE, label: "fixture-notes:name", requiresClassification: false, payload: z.object({ body: z.string() }) },
    ]);
  tree = await createTenantTree(handle, 2);
  [office, other] = tree.offices as [typeof office, typeof other];
  // Before the context: its tenant directory is read when it is created.
  await switchPlugin(handle, office.id);
  context = await testContext(handle, {}, registry);
  principal = await createUser(handle, { [office.id]: ["principal"], [other.id]: ["principal"] });
});
afterAll(() => handle?.close());

const path = (code: string) => `/t/${code}/admin/chains`;

async function page(userId: string, code = office.code) {
  const request = await signedInRequest(context, userId, path(code));
  return loader({ request, context, params: { tenant: code } });
}

async function call(userId: string, fields: Record<string, string>, code = office.code) {
  const get = await signedInRequest(context, userId, path(code));
  const request = new Request(get.url, {
    method: "POST",
    headers: { Cookie: get.headers.get("Cookie")!, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  const res = (await action({ request, context, params: { tenant: code } })) as unknown as {
    data: Record<string, unknown>;
    init: { status?: number } | null;
  };
  return { data: res.data, status: res.init?.status ?? 200 };
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  return p.then(
    () => 200,
    (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e)),
  );
}

type Row = Partial<Omit<RowValues, "onlyIfImportant" | "classification">> & { onlyIfImportant?: boolean; classification?: boolean };

/** The editor's form as a browser sends it: unchecked boxes are absent, blank rows included. */
function saveForm(documentType: string, rows: Row[]): Record<string, string> {
  const fields: Record<string, string> = { intent: "save", documentType };
  rows.forEach((r, i) => {
    for (const f of ["order", "key", "role", "label", "labelKey", "dueWorkdays"] as const) fields[`steps.${i}.${f}`] = r[f] ?? "";
    if (r.onlyIfImportant) fields[`steps.${i}.onlyIfImportant`] = "on";
    if (r.classification) fields[`steps.${i}.classification`] = "on";
  });
  return fields;
}

/** The default chain's rows as the editor shows them, plus its two blank rows. */
function defaultRows(): Row[] {
  return [
    ...DEFAULT_CHAIN.map((s, i) => ({
      order: String(i + 1),
      key: s.key,
      role: s.role,
      labelKey: s.label,
      dueWorkdays: String(s.dueWorkdays),
      onlyIfImportant: s.onlyIfImportant,
      classification: s.classification,
    })),
    { order: String(DEFAULT_CHAIN.length + 1) },
    { order: String(DEFAULT_CHAIN.length + 2) },
  ];
}

const chainOf = (type: string, tenantId = office.id) => withScope(handle.db, as(tenantId), (trx) => chainFor(trx, tenantId, type));

const chainEvents = (tenantId = office.id) =>
  withScope(handle.db, as(tenantId), (trx) =>
    trx
      .selectFrom("audit_events")
      .select(["action", "target_id", "actor_id", "outcome", "data"])
      .where("action", "=", "workflow.chain.update")
      .orderBy("seq")
      .execute(),
  );

/** 科室负责人 → 保密审查 → 法制审核 (the office's own step) → 主要领导; 分管领导 dropped. */
const CUSTOM: ChainStep[] = [
  { key: "dept_review", role: "dept_reviewer", label: "workflow.steps.dept_review", dueWorkdays: 2 },
  { key: "classification", role: "classifier", label: "workflow.steps.classification", dueWorkdays: 3, classification: true },
  { key: "legal_review", role: "leader", label: "法制审核", dueWorkdays: 5 },
  { key: "principal", role: "principal", label: "workflow.steps.principal", dueWorkdays: 3, onlyIfImportant: true },
];

describe(`the approval-chain editor (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists the types of the plugins enabled here, each on the default chain", async () => {
    const data = await page(principal.id);
    expect(data.canEdit).toBe(true);
    expect(data.title).toBeTruthy();
    expect(data.types).toEqual([
      { key: TYPE, label: "fixture-notes:name", requiresClassification: true, own: false, storedRefused: false, steps: DEFAULT_CHAIN },
      { key: PLAIN_TYPE, label: "fixture-notes:name", requiresClassification: false, own: false, storedRefused: false, steps: DEFAULT_CHAIN },
    ]);
    // An office without the plugin has no types to configure, and cannot save one.
    expect((await page(principal.id, other.code)).types).toEqual([]);
    expect(await call(principal.id, saveForm(TYPE, defaultRows()), other.code)).toMatchObject({
      status: 404,
      data: { ok: false, errors: ["chains.errors.unknownType"] },
    });
  });

  it("saves a valid chain of the office's own, sorted by order, keeping standard labels, audited", async () => {
    const rows = defaultRows();
    rows[2] = { order: "3", key: "", role: "", labelKey: "workflow.steps.leader", dueWorkdays: "2" }; // 分管领导 cleared
    rows[4] = { order: "3", key: " legal_review ", role: "leader", label: " 法制审核 ", dueWorkdays: "5" }; // added after 保密审查
    expect(await call(principal.id, saveForm(TYPE, rows))).toEqual({ status: 200, data: { ok: true, documentType: TYPE, done: "chains.done.saved" } });

    expect(await chainOf(TYPE)).toEqual(CUSTOM);
    expect(await chainOf(PLAIN_TYPE)).toEqual(DEFAULT_CHAIN);
    expect(await chainOf(TYPE, other.id)).toEqual(DEFAULT_CHAIN);
    const listed = (await page(principal.id)).types;
    expect(listed.find((t) => t.key === TYPE)).toMatchObject({ own: true, steps: CUSTOM });
    expect(listed.find((t) => t.key === PLAIN_TYPE)).toMatchObject({ own: false });
    expect(await chainEvents()).toEqual([
      { action: "workflow.chain.update", target_id: TYPE, actor_id: principal.id, outcome: "success", data: { steps: CUSTOM } },
    ]);
  });

  it("refuses a chain without 保密审查 for a type requiring it, changing nothing", async () => {
    const rows = defaultRows();
    rows[1] = { order: "2" }; // 保密审查 cleared
    const refused = await call(principal.id, saveForm(TYPE, rows));
    expect(refused).toMatchObject({ status: 400, data: { ok: false, documentType: TYPE, errors: ["workflow.errors.chainMissingClassification"] } });
    // The rows come back as sent, for the form to show again.
    expect((refused.data.rows as RowValues[]).map((r) => r.key)).toEqual(["dept_review", "", "leader", "principal", "", ""]);
    expect(await chainOf(TYPE)).toEqual(CUSTOM);
    expect(await chainEvents()).toHaveLength(1);

    // A 保密审查 step that important documents alone pass is no 保密审查 at all.
    const skippable = defaultRows();
    skippable[1] = { ...skippable[1], onlyIfImportant: true };
    expect(await call(principal.id, saveForm(TYPE, skippable))).toMatchObject({
      status: 400,
      data: { errors: ["workflow.errors.chainClassificationSkippable"] },
    });
    // Nor may anyone but a 保密审查员 decide it.
    const wrongRole = defaultRows();
    wrongRole[1] = { ...wrongRole[1], role: "leader" };
    expect(await call(principal.id, saveForm(TYPE, wrongRole))).toMatchObject({ status: 400, data: { errors: ["workflow.errors.chainClassifierRole"] } });
    expect(await chainOf(TYPE)).toEqual(CUSTOM);

    // A type that does not require it may go without.
    expect((await call(principal.id, saveForm(PLAIN_TYPE, rows))).status).toBe(200);
    expect((await chainOf(PLAIN_TYPE)).map((s) => s.key)).toEqual(["dept_review", "leader", "principal"]);
    expect(await chainEvents()).toHaveLength(2);
  });

  it("refuses bad numbers, keys and roles field by field, and an empty chain, changing nothing", async () => {
    const rows = defaultRows();
    rows[0] = { ...rows[0], dueWorkdays: "0" };
    rows[1] = { ...rows[1], dueWorkdays: "abc" };
    rows[2] = { ...rows[2], dueWorkdays: "61", order: "x" };
    rows[3] = { ...rows[3], dueWorkdays: "2.5" };
    rows[4] = { order: "5", key: "Legal Review", role: "leader", dueWorkdays: "" };
    rows[5] = { order: "6", key: "audit", role: "", dueWorkdays: "3" };
    const refused = await call(principal.id, saveForm(TYPE, rows));
    expect(refused).toMatchObject({ status: 400, data: { ok: false, documentType: TYPE, errors: [] } });
    expect(refused.data.fieldErrors).toEqual({
      "steps.0.dueWorkdays": ["chains.errors.dueWorkdays"],
      "steps.1.dueWorkdays": ["chains.errors.dueWorkdays"],
      "steps.2.order": ["chains.errors.order"],
      "steps.2.dueWorkdays": ["chains.errors.dueWorkdays"],
      "steps.3.dueWorkdays": ["chains.errors.dueWorkdays"],
      "steps.4.key": ["workflow.errors.chainStepKey"],
      "steps.4.dueWorkdays": ["errors.required"],
      "steps.5.role": ["errors.required"],
    });
    // A standard label is only ever a `workflow.steps.…` key.
    const forged = defaultRows();
    forged[0] = { ...forged[0], labelKey: "errors.page.server.body" };
    expect(await call(principal.id, saveForm(TYPE, forged))).toMatchObject({ status: 400, data: { fieldErrors: { "steps.0.labelKey": ["errors.invalid"] } } });
    // Every row cleared: no chain at all.
    expect(await call(principal.id, saveForm(TYPE, [{ order: "1" }, { order: "2" }]))).toMatchObject({
      status: 400,
      data: { errors: ["workflow.errors.chainEmpty"] },
    });
    // Two steps under one key.
    const twice = defaultRows();
    twice[4] = { order: "5", key: "leader", role: "leader", dueWorkdays: "1" };
    expect(await call(principal.id, saveForm(TYPE, twice))).toMatchObject({ status: 400, data: { errors: ["workflow.errors.chainDuplicateKey"] } });
    // A form this page never renders.
    expect((await call(principal.id, { ...saveForm(TYPE, defaultRows()), "steps.25.key": "x" })).status).toBe(400);
    expect((await call(principal.id, { intent: "publish", documentType: TYPE })).status).toBe(400);

    expect(await chainOf(TYPE)).toEqual(CUSTOM);
    expect(await chainEvents()).toHaveLength(2);
  });

  it("restores the default chain, audited", async () => {
    expect(await call(principal.id, { intent: "reset", documentType: TYPE })).toEqual({
      status: 200,
      data: { ok: true, documentType: TYPE, done: "chains.done.reset" },
    });
    expect(await chainOf(TYPE)).toEqual(DEFAULT_CHAIN);
    expect((await page(principal.id)).types.find((t) => t.key === TYPE)).toMatchObject({ own: false, steps: DEFAULT_CHAIN });
    expect((await chainEvents()).at(-1)).toMatchObject({ target_id: TYPE, actor_id: principal.id, data: { steps: null } });
    // The other type keeps its own chain.
    expect((await page(principal.id)).types.find((t) => t.key === PLAIN_TYPE)).toMatchObject({ own: true });
  });

  it("is refused to a drafter (403)", async () => {
    const drafter = await createUser(handle, { [office.id]: ["drafter"] });
    expect(await statusOf(page(drafter.id))).toBe(403);
    expect(await statusOf(call(drafter.id, { intent: "reset", documentType: PLAIN_TYPE }))).toBe(403);
    expect((await page(principal.id)).types.find((t) => t.key === PLAIN_TYPE)).toMatchObject({ own: true });
  });

  it("lets a supervisor from the office above change nothing here", async () => {
    // Even one who is the city's 主要领导: looking at an office below, they only read.
    const supervisor = await createUser(handle, { [tree.city.id]: ["supervisor", "principal"] });
    expect(await statusOf(page(supervisor.id))).toBe(403);
    expect(await statusOf(call(supervisor.id, saveForm(TYPE, defaultRows().slice(0, 2))))).toBe(403);
    expect(await statusOf(call(supervisor.id, { intent: "reset", documentType: PLAIN_TYPE }))).toBe(403);
    expect(await chainOf(TYPE)).toEqual(DEFAULT_CHAIN);
    expect((await chainOf(PLAIN_TYPE)).map((s) => s.key)).toEqual(["dept_review", "leader", "principal"]);
    expect(await chainEvents()).toHaveLength(3);
    expect(await chainEvents(tree.city.id)).toEqual([]);
  });

  it("refuses a viewer or a supervisor as an approving step, at the row, changing nothing", async () => {
    const before = await chainOf(PLAIN_TYPE);
    const events = (await chainEvents()).length;
    for (const role of ["viewer", "supervisor"]) {
      const rows = defaultRows();
      rows[2] = { ...rows[2], role };
      const refused = await call(principal.id, saveForm(PLAIN_TYPE, rows));
      expect(refused).toMatchObject({ status: 400, data: { ok: false, fieldErrors: { "steps.2.role": ["workflow.errors.chainRoleCannotDecide"] } } });
    }
    expect(await chainOf(PLAIN_TYPE)).toEqual(before);
    expect(await chainEvents()).toHaveLength(events);
  });

  it("runs the default chain instead of a stored one with a viewer step, and says so", async () => {
    const stored = [...DEFAULT_CHAIN.slice(0, 2), { key: "viewer_ok", role: "viewer", dueWorkdays: 1 }];
    await withScope(handle.db, as(office.id), (trx) =>
      trx
        .updateTable("workflow_chains")
        .set({ steps: JSON.stringify(stored) })
        .where("tenant_id", "=", office.id)
        .where("document_type", "=", PLAIN_TYPE)
        .execute(),
    );
    expect(await chainOf(PLAIN_TYPE)).toEqual(DEFAULT_CHAIN);
    expect((await page(principal.id)).types.find((t) => t.key === PLAIN_TYPE)).toMatchObject({ own: false, storedRefused: true, steps: DEFAULT_CHAIN });
  });
});
