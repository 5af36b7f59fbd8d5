import i18next from "i18next";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locales } from "../locales";
import ReportYear from "../routes/admin/year";
import { approveChain, documentPage, load, openTestbed, post, statusOf, type Testbed } from "../../../app/plugin-api/testing";
import type { AnnualReportDatabase } from "../db/schema";
import { T2_KEYS } from "../law/table-two-2021";
import { t3Key } from "../law/table-three-2021";
import manifest from "../manifest";
import { noteField, valueField } from "../server/workflow/manual-cells";
import { action as indexAction, loader as indexLoader } from "../routes/admin/index";
import { action as yearAction, loader as yearLoader } from "../routes/admin/year";
import type { YearActionResult } from "../routes/admin/_parts/year-action.server";
import type { YearView } from "../routes/admin/_parts/year-view.server";
import type { ReportYearStatus } from "../server/status.server";
import { MANUAL, manualFormFields } from "./fixtures";

/*
 * The staff pages through their loaders and actions, in an office without the requests plugin: tables
 * 三 and 四 are manual cells there, so the drafter enters them (and can get one wrong).
 */

const STAFF_ROUTES = [
  { area: "admin" as const, path: "", file: "routes/admin/index.tsx", permission: "annual-report.reports.view" },
  { area: "admin" as const, path: ":year", file: "routes/admin/year.tsx", permission: "annual-report.reports.view" },
];
const withPages = { ...manifest, routes: [...(manifest.routes ?? []).filter((r) => r.area !== "admin"), ...STAFF_ROUTES] };
const YEAR = 2025;

let env: Testbed<AnnualReportDatabase>;
const base = () => `/t/${env.office.code}/admin/annual-report`;
const yearPath = (code = env.office.code) => `/t/${code}/admin/annual-report/${YEAR}`;
const viewOf = (userId: string, code = env.office.code) => load<{ view: YearView; canDraft: boolean; status: ReportYearStatus }>({ ...env, office: { code } }, yearLoader, userId, yearPath(code), { tenant: code, year: String(YEAR) });
const send = (userId: string, fields: Record<string, string>) => post<YearActionResult>(env, yearAction, userId, yearPath(), fields, { year: String(YEAR) });
const rowOf = () => env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("annual_report_reports").selectAll().where("tenant_id", "=", env.office.id).where("year", "=", YEAR).orderBy("version", "desc").executeTakeFirst());

/** The manual-cell form as the year page posts it (intent "cells"); `tamper` breaks one figure. */
const manualForm = (tamper?: { key: string; by: number }) => ({ intent: "cells", ...manualFormFields(tamper) });

/** The year page as the server sends it, for the loader's data. */
async function rendered(loaded: object): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: "zh-CN", interpolation: { escapeValue: false }, defaultNS: "annual-report", ns: ["annual-report"], resources: { "zh-CN": { "annual-report": locales["zh-CN"] } } });
  const handler = createStaticHandler([{ id: "year", path: "/", loader: () => loaded, Component: ReportYear }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(h(I18nextProvider, { i18n }, h(StaticRouterProvider, { router, context, hydrate: false })));
}

beforeAll(async () => {
  env = await openTestbed<AnnualReportDatabase>({ plugins: ["disclosure", withPages] });
  for (const office of env.tree.offices) await env.seed("disclosure", office.id);
}, 180_000);
afterAll(() => env.close(), 60_000);

describe("the years page", { timeout: 180_000 }, () => {
  it("lists this year and the last years with their status and due date, and a start button for drafters only", async () => {
    const page = await load<{ rows: { year: number; status: ReportYearStatus }[]; canDraft: boolean }>(env, indexLoader, env.member("drafter").id, base());
    expect(page.rows.length).toBe(5);
    const row = page.rows.find((r) => r.year === YEAR);
    expect(row?.status).toMatchObject({ dueDate: `${YEAR + 1}-01-31`, version: 0 });
    expect(["not_started", "late"]).toContain(row?.status.state);
    expect(page.canDraft).toBe(true);
    expect((await load<{ canDraft: boolean }>(env, indexLoader, env.member("viewer").id, base())).canDraft).toBe(false);
  });

  it("lets a drafter start a year's draft, refuses a bad year with its message and a viewer with 403", async () => {
    expect(await post(env, indexAction, env.member("viewer").id, base(), { year: String(YEAR) })).toMatchObject({ status: 403 });
    const bad = await post<{ errors: Record<string, string[]> }>(env, indexAction, env.member("drafter").id, base(), { year: "20x5" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.year).toEqual(["annual-report:errors.year"]);
    expect(await rowOf()).toBeUndefined();
    const started = await post(env, indexAction, env.member("drafter").id, base(), { year: String(YEAR) });
    expect(started).toMatchObject({ status: 302, location: yearPath() });
    expect(await rowOf()).toMatchObject({ status: "drafting", version: 1 });
    const page = await load<{ rows: { year: number; status: ReportYearStatus }[] }>(env, indexLoader, env.member("viewer").id, base());
    expect(page.rows.find((r) => r.year === YEAR)?.status.version).toBe(1);
  });

  it("shows a supervisor the offices under the city", async () => {
    const city = env.tree.city;
    const page = await load<{ subordinates: { code: string }[] }>({ ...env, office: city }, indexLoader, env.member("supervisor").id, `/t/${city.code}/admin/annual-report`);
    expect(page.subordinates.map((o) => o.code).sort()).toEqual(env.tree.offices.map((o) => o.code).sort());
  });
});

describe("the year's report page", { timeout: 180_000 }, () => {
  it("shows the draft: the tables, the manual cells with nothing entered, the narrative drafted, the checks", async () => {
    const { view, canDraft } = await viewOf(env.member("drafter").id);
    expect(canDraft).toBe(true);
    expect(view.editable).toBe(true);
    expect(view.model?.sections.map((s) => s.kind)).toEqual(["narrative", "table", "table", "table", "narrative", "narrative"]);
    expect(view.manualCells.map((c) => c.key)).toEqual(expect.arrayContaining([T2_KEYS.permits, t3Key("received", "natural")]));
    expect(view.manualCells.every((c) => c.value === "" && c.note === "")).toBe(true);
    expect(view.narrative.map((s) => s.key)).toEqual(["overview", "problems", "other"]);
    expect(view.unfinished.length).toBeGreaterThan(0);
    expect(view.problems.some((p) => p.rule === "manual.value")).toBe(true);
  });

  it("refuses manual cells with several faults all at once and saves nothing", async () => {
    const natural = t3Key("received", "natural");
    const refused = await send(env.member("drafter").id, {
      intent: "cells",
      [valueField(T2_KEYS.permits)]: "12",
      [noteField(T2_KEYS.penalties)]: "执法支队登记簿",
      [valueField(natural)]: "1.5",
      [noteField(natural)]: "台账",
      [valueField(T2_KEYS.charges)]: "abc",
      [noteField(T2_KEYS.charges)]: "财务科",
    });
    expect(refused.status).toBe(400);
    expect(refused.data.ok).toBe(false);
    const errors = refused.data.ok ? {} : refused.data.errors;
    expect(errors).toMatchObject({
      [noteField(T2_KEYS.permits)]: ["annual-report:errors.noteRequired"],
      [valueField(T2_KEYS.penalties)]: ["annual-report:errors.valueRequired"],
      [valueField(natural)]: ["annual-report:errors.wholeNumber"],
      [valueField(T2_KEYS.charges)]: ["annual-report:errors.notANumber"],
    });
    expect(refused.data.ok ? null : refused.data.values[valueField(natural)]).toBe("1.5");
    expect((await rowOf())?.manual_cells).toEqual({});
  });

  it("lets a viewer, a supervisor reading the office and a forged intent change nothing", async () => {
    expect((await send(env.member("viewer").id, manualForm())).status).toBe(403);
    expect((await send(env.member("viewer").id, { intent: "submit" })).status).toBe(403);
    const supervisor = await post(env, yearAction, env.member("supervisor").id, yearPath(), manualForm(), { year: String(YEAR) });
    expect(supervisor.status).toBe(403);
    const forged = await send(env.member("drafter").id, { intent: "drop-table" });
    expect(forged).toMatchObject({ status: 400, data: { ok: false, errors: { _form: ["core:errors.invalid"] } } });
    expect(await statusOf(load(env, yearLoader, env.member("drafter").id, `${base()}/abc`, { year: "abc" }))).toBe(404);
    expect((await rowOf())?.manual_cells).toEqual({});
  });

  it("saves good manual cells, shown marked on the page", async () => {
    const saved = await send(env.member("drafter").id, manualForm({ key: t3Key("received", "natural"), by: 1 }));
    expect(saved).toMatchObject({ status: 200, data: { ok: true, intent: "cells" } });
    expect((await rowOf())?.manual_cells[T2_KEYS.permits]).toEqual(MANUAL[T2_KEYS.permits]);
    const { view } = await viewOf(env.member("drafter").id);
    expect(view.manualCells.find((c) => c.key === T2_KEYS.permits)).toMatchObject({ value: "12", note: MANUAL[T2_KEYS.permits].note });
  });

  it("draws the draft's page: the manual cells marked 手填 with their source fields, the paragraphs as textareas, submission", async () => {
    const markup = await rendered(await viewOf(env.member("drafter").id));
    expect(markup).toContain(`name="${valueField(T2_KEYS.permits)}"`);
    expect(markup).toContain(`name="${noteField(T2_KEYS.permits)}"`);
    expect(markup).toContain("手填");
    expect(markup).toContain('name="text:overview.0.0"');
    expect(markup).toContain('value="submit"');
    expect(markup).toContain("<table");
  });

  it("saves the narrative as edited, a todo paragraph completed, a too long one refused", async () => {
    const { view } = await viewOf(env.member("drafter").id);
    const first = view.narrative[0]!.parts[0]!.paragraphs[0]!;
    const tooLong = await send(env.member("drafter").id, { intent: "narrative", [`text:${first.place}`]: "长".repeat(5001) });
    expect(tooLong).toMatchObject({ status: 400, data: { ok: false, errors: { [`text:${first.place}`]: ["annual-report:errors.paragraphTooLong"] } } });
    expect((await rowOf())?.narrative).toEqual({});

    const fields: Record<string, string> = { intent: "narrative" };
    for (const s of view.narrative) for (const part of s.parts) for (const p of part.paragraphs) fields[`text:${p.place}`] = p.todo || /【[^】]*】/.test(p.text) ? "本年度已按要求完成该项工作。" : p.text;
    fields[`text:${first.place}`] = `${first.text}（已核对）`;
    const saved = await send(env.member("drafter").id, fields);
    expect(saved).toMatchObject({ status: 200, data: { ok: true, intent: "narrative" } });
    const stored = (await rowOf())!.narrative;
    expect(stored.overview![0]!.paragraphs[0]!.text).toBe(`${first.text}（已核对）`);
    expect(Object.values(stored).flatMap((parts) => parts!.flatMap((p) => p.paragraphs)).some((p) => p.todo)).toBe(false);
    expect((await viewOf(env.member("drafter").id)).view.unfinished).toEqual([]);
  });

  it("refuses submission while an identity is broken, naming it and its cells", async () => {
    const refused = await send(env.member("drafter").id, { intent: "submit" });
    expect(refused.status).toBe(400);
    const problems = refused.data.ok ? [] : refused.data.problems;
    expect(refused.data.ok ? null : refused.data.errors._form).toEqual(["annual-report:errors.checksFailed"]);
    const broken = problems.filter((p) => p.severity === "error");
    expect(broken.map((p) => p.rule)).toEqual(expect.arrayContaining(["t3.balance", "t3.row_total"]));
    expect(broken.every((p) => p.cells.some((c) => c.key === t3Key("received", "natural")))).toBe(true);
    expect((await rowOf())?.status).toBe("drafting");
  });

  it("submits a sound report as a workflow document, then shows it read-only with a link to the document", async () => {
    expect((await send(env.member("drafter").id, manualForm())).status).toBe(200);
    const sent = await send(env.member("drafter").id, { intent: "submit" });
    expect(sent).toMatchObject({ status: 200, data: { ok: true, intent: "submit" } });
    const documentId = sent.data.ok ? sent.data.documentId : undefined;
    expect(documentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rowOf()).toMatchObject({ status: "in_approval", document_id: documentId });
    const { view } = await viewOf(env.member("viewer").id);
    expect(view).toMatchObject({ editable: false, manualCells: [], report: { status: "in_approval", documentId } });
    // What the chain decides on is shown, whatever the row says now: the document's frozen cells.
    await env.systemContext(env.office.id).withTenant((trx) =>
      trx.updateTable("annual_report_reports").set({ manual_cells: JSON.stringify({}) }).where("tenant_id", "=", env.office.id).where("document_id", "=", documentId!).execute(),
    );
    const shown = (await viewOf(env.member("leader").id)).view.model!.sections.flatMap((sec) => (sec.kind === "table" ? sec.table.body.flat() : []));
    expect(shown.find((c) => c.kind === "value" && c.key === T2_KEYS.permits)).toMatchObject({ value: MANUAL[T2_KEYS.permits].value });
    // The document page names each manual cell with its value and source, and says where the tables are.
    const page = await documentPage(env, env.member("dept_reviewer").id, documentId!);
    const text = (path: string) => page?.fields.find((f) => f.path === path)?.segments.map((x) => x.text).join("");
    expect(text("payload.officeName")).toContain("表二、表三、表四的数据随本文件冻结");
    expect(text(`payload.manual.${T2_KEYS.permits}.note`)).toBe(`第二十条第（五）项 · 行政许可 · 本年处理决定数量：12（${MANUAL[T2_KEYS.permits].note}）`);
    const again = await send(env.member("drafter").id, manualForm());
    expect(again).toMatchObject({ status: 409, data: { ok: false, errors: { _form: ["annual-report:errors.notDrafting"] } } });
  });

  it("once published shows the 索引号 and the public page, read-only, and starts a correction only with its reason", async () => {
    await approveChain(env, (await rowOf())!.document_id!);
    const { view } = await viewOf(env.member("drafter").id);
    expect(view).toMatchObject({ editable: false, report: { status: "published" }, publicUrl: `/t/${env.office.code}/annual-report/${YEAR}` });
    expect(view.report?.indexNumber).toBeTruthy();
    expect(view.model?.meta).toEqual([{ label: "索引号", value: view.report?.indexNumber }]);
    const markup = await rendered(await viewOf(env.member("drafter").id));
    expect(markup).toContain(view.report!.indexNumber!);
    expect(markup).toContain('name="reason"');
    expect(markup).not.toContain('name="text:overview.0.0"');
    expect((await send(env.member("drafter").id, { intent: "narrative", "text:overview.0.0": "改" })).status).toBe(409);
    const noReason = await send(env.member("drafter").id, { intent: "correct", reason: "  " });
    expect(noReason).toMatchObject({ status: 400, data: { ok: false, errors: { reason: ["annual-report:errors.reasonRequired"] } } });
    expect((await rowOf())?.version).toBe(1);
    const corrected = await send(env.member("drafter").id, { intent: "correct", reason: "表三数字录入有误" });
    expect(corrected).toMatchObject({ status: 200, data: { ok: true, intent: "correct" } });
    expect(await rowOf()).toMatchObject({ version: 2, status: "drafting", correction_reason: "表三数字录入有误" });
    expect((await viewOf(env.member("drafter").id)).view).toMatchObject({ editable: true, report: { version: 2, correctionReason: "表三数字录入有误" } });
  });

  it("never shows another office's report", async () => {
    const other = env.tree.offices[1]!;
    // A staff member of another office is not let in (the host answers as for a page that is not there).
    expect(await statusOf(viewOf(env.member("drafter").id, other.code))).toBe(404);
    // The supervisor may read both offices: each page shows its own office's report only.
    const theirs = await viewOf(env.member("supervisor").id, other.code);
    expect(theirs.view.report).toBeNull();
    expect(theirs.canDraft).toBe(false);
    const ours = await viewOf(env.member("supervisor").id);
    expect(ours.view.report?.version).toBe(2);
  });
});
