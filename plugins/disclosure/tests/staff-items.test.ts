import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaYear } from "../../../app/plugin-api";
import { loader as catalogueLoader } from "../routes/admin/catalogue";
import { loader as dashboardLoader } from "../routes/admin/dashboard";
import { action as editorAction, loader as editorLoader } from "../routes/admin/editor";
import { loader as importLoader } from "../routes/admin/import";
import { action as itemAction, loader as itemLoader } from "../routes/admin/item";
import { action as itemsAction, loader as itemsLoader } from "../routes/admin/items";
import { loader as listLoader } from "../routes/admin/list";
import { audited, draftForm, load, openStaff, post, publishedItem, statusOf, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;

beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

type Row = { kind: string; id: string; title: string; status: string; href: string; withdrawable: boolean };
type ItemsData = { can: { edit: boolean; import: boolean; withdraw: boolean }; rows: Row[]; total: number };
type Failure = { ok: false; errors: Record<string, string[]>; message?: string };

const statusOfItem = (id: string) =>
  env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_items").select(["status", "withdrawal_reason"]).where("id", "=", id).executeTakeFirstOrThrow());

describe(`staff item list, item page, withdrawal, dashboard (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let a: { id: string };
  let b: { id: string };
  let draftId = "";
  let otherDraftId = "";

  beforeAll(async () => {
    a = await publishedItem(env, { title: "关于2026年10月空气质量状况的通报", formedOn: "2026-11-02", publishedOn: "2026-11-05" });
    b = await publishedItem(env, { title: "关于印发噪声污染防治实施方案的通知", formedOn: "2026-11-03", publishedOn: "2026-11-06", docNumber: "东环发〔2026〕3号", categoryKey: "policy.normative", validity: "valid" });
    const mine = await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ title: "经办人自己的草稿" }));
    draftId = /drafts\/([0-9a-f-]{36})/.exec(mine.location!)![1]!;
    const theirs = await post(env, editorAction, env.users.drafter2.id, "/new", draftForm({ title: "另一位经办人的草稿" }));
    otherDraftId = /drafts\/([0-9a-f-]{36})/.exec(theirs.location!)![1]!;
  });

  it("lists documents in the workflow and published items, each linking where its reader can act", async () => {
    const page = await load<ItemsData>(env, itemsLoader, env.users.drafter.id);
    expect(page.can).toEqual({ edit: true, import: true, withdraw: false });
    const byTitle = Object.fromEntries(page.rows.map((r) => [r.title, r]));
    expect(byTitle["经办人自己的草稿"]).toMatchObject({ kind: "document", status: "draft", href: `/t/${env.office.code}/admin/disclosure/drafts/${draftId}` });
    expect(byTitle["另一位经办人的草稿"]).toMatchObject({ kind: "document", href: `/t/${env.office.code}/admin/documents/${otherDraftId}` });
    expect(byTitle["关于2026年10月空气质量状况的通报"]).toMatchObject({ kind: "item", status: "published", href: `/t/${env.office.code}/admin/disclosure/items/${a.id}`, withdrawable: false });
    expect(page.rows[0]!.kind).toBe("document");
  });

  it("filters by 文号 or title, status, category and year", async () => {
    const byNumber = await load<ItemsData>(env, itemsLoader, env.users.viewer.id, "?q=东环发");
    expect(byNumber.rows.map((r) => r.title)).toEqual(["关于印发噪声污染防治实施方案的通知"]);
    const drafts = await load<ItemsData>(env, itemsLoader, env.users.viewer.id, "?status=draft");
    expect(drafts.rows.every((r) => r.kind === "document" && r.status === "draft")).toBe(true);
    expect(drafts.total).toBe(0);
    const policy = await load<ItemsData>(env, itemsLoader, env.users.viewer.id, "?category=policy");
    expect(policy.rows.map((r) => r.title)).toEqual(["关于印发噪声污染防治实施方案的通知"]);
    const earlier = await load<ItemsData>(env, itemsLoader, env.users.viewer.id, "?year=2019");
    expect(earlier.rows).toEqual([]);
  });

  it("withdraws only with the permission, a reason and the confirmation", async () => {
    expect((await post(env, itemsAction, env.users.drafter.id, "", { ids: [a.id], reason: "依据已调整", confirm: "on" })).status).toBe(403);
    const noReason = await post<Failure>(env, itemsAction, env.users.leader.id, "", { ids: [a.id], reason: " ", confirm: "on" });
    expect(noReason).toMatchObject({ status: 400, data: { errors: { reason: ["disclosure:staff.withdraw.errors.reason"] } } });
    const unconfirmed = await post<Failure>(env, itemsAction, env.users.leader.id, "", { ids: [a.id], reason: "依据已调整" });
    expect(unconfirmed.data.errors).toEqual({ confirm: ["disclosure:staff.withdraw.errors.confirm"] });
    const none = await post<Failure>(env, itemsAction, env.users.leader.id, "", { reason: "依据已调整", confirm: "on" });
    expect(none.data.errors).toEqual({ ids: ["disclosure:staff.withdraw.errors.none"] });
    expect((await statusOfItem(a.id)).status).toBe("published");
    expect((await load<ItemsData>(env, itemsLoader, env.users.leader.id)).can.withdraw).toBe(true);
  });

  it("withdraws the selected items together with one reason, audited each, or none of them", async () => {
    const done = await post(env, itemsAction, env.users.leader.id, "", { ids: [a.id, b.id], reason: "所依据的监测方案已调整", confirm: "on" });
    expect(done).toMatchObject({ status: 200, data: { ok: true, count: 2 } });
    expect(await statusOfItem(a.id)).toEqual({ status: "withdrawn", withdrawal_reason: "所依据的监测方案已调整" });
    expect((await statusOfItem(b.id)).status).toBe("withdrawn");
    expect((await audited(env, "disclosure.item.withdraw")).map((e) => e.target_id).sort()).toEqual([a.id, b.id].sort());

    const c = await publishedItem(env, { title: "关于某项目环评受理情况的公示", formedOn: "2026-11-09", publishedOn: "2026-11-10" });
    const mixed = await post<Failure>(env, itemsAction, env.users.leader.id, "", { ids: [c.id, a.id], reason: "重复发布", confirm: "on" });
    expect(mixed).toMatchObject({ status: 409, data: { message: "disclosure:staff.withdraw.errors.notPublished" } });
    expect((await statusOfItem(c.id)).status).toBe("published");
    expect(await audited(env, "disclosure.item.withdraw")).toHaveLength(2);
  });

  it("shows one item's record, history and timeliness, and withdraws it from its page", async () => {
    const late = await publishedItem(env, { title: "关于2026年第三季度环境信访办理情况的通报", formedOn: "2026-09-01", publishedOn: "2026-10-20" });
    await env.systemContext(env.office.id).withTenant((trx) =>
      trx.insertInto("disclosure_item_versions").values({ tenant_id: env.office.id, item_id: late.id, version: 1, snapshot: JSON.stringify({ title: "旧标题" }), reason: "更正笔误" }).execute(),
    );
    type ItemData = { timeliness: { late: boolean; daysLate: number; dueOn: string }; versions: { reason: string; title: string }[]; publicUrl: string; can: { withdraw: boolean; correct: boolean } };
    const page = await load<ItemData>(env, itemLoader, env.users.viewer.id, `/items/${late.id}`, { id: late.id });
    expect(page.timeliness).toMatchObject({ late: true, dueOn: env.systemContext(env.office.id).calendar.addWorkdays("2026-09-01", 20).value });
    expect(page.versions).toEqual([expect.objectContaining({ reason: "更正笔误", title: "旧标题" })]);
    expect(page.publicUrl).toBe(`/t/${env.office.code}/disclosure/items/${late.id}`);
    expect(page.can).toEqual({ withdraw: false, correct: false });
    expect((await load<ItemData>(env, itemLoader, env.users.drafter.id, `/items/${late.id}`, { id: late.id })).can).toEqual({ withdraw: false, correct: true });

    expect((await post(env, itemAction, env.users.viewer.id, `/items/${late.id}`, { reason: "x", confirm: "on" }, { id: late.id })).status).toBe(403);
    const refused = await post<Failure>(env, itemAction, env.users.leader.id, `/items/${late.id}`, { reason: "", confirm: "on" }, { id: late.id });
    expect(refused.data.errors).toEqual({ reason: ["disclosure:staff.withdraw.errors.reason"] });
    const done = await post(env, itemAction, env.users.leader.id, `/items/${late.id}`, { reason: "信息有误，重新发布", confirm: "on" }, { id: late.id });
    expect(done.data).toEqual({ ok: true });
    expect((await statusOfItem(late.id)).status).toBe("withdrawn");
    expect(await statusOf(load(env, itemLoader, env.users.viewer.id, "/items/00000000-0000-4000-8000-000000000000", { id: "00000000-0000-4000-8000-000000000000" }))).toBe(404);
  });

  it("counts by category, timeliness and table 二 for a year", async () => {
    const year = chinaYear();
    await publishedItem(env, { title: "关于规范建设项目环评审批的若干规定", formedOn: `${year}-02-02`, publishedOn: `${year}-02-06`, categoryKey: "policy.normative", validity: "valid" });
    type Dash = { timeliness: { published: number; late: { title: string }[] }; tableTwo: { kind: string; values: number[] }[]; categories: { rows: { key: string; year: number; all: number }[] } };
    const dash = await load<Dash>(env, dashboardLoader, env.users.viewer.id, `/dashboard?year=${year}`);
    expect(dash.timeliness.late.map((i) => i.title)).toContain("关于2026年第三季度环境信访办理情况的通报");
    const normative = dash.tableTwo.find((r) => r.kind === "normative")!;
    // Two normative documents this year, one of them withdrawn: a withdrawn record counts in no column (law/table-two.ts).
    expect(normative.values).toEqual([1, 0, 1]);
    const policy = dash.categories.rows.find((r) => r.key === "policy")!;
    expect(policy).toMatchObject({ year: 1, all: 1 });
  });

  it("lets a city supervisor read every staff page of the office, and change nothing", async () => {
    const s = env.users.supervisor.id;
    const page = await load<ItemsData>(env, itemsLoader, s);
    expect(page.can).toEqual({ edit: false, import: false, withdraw: false });
    expect(page.rows.map((r) => r.title)).toContain("关于某项目环评受理情况的公示");
    expect((await load<{ manage: boolean }>(env, listLoader, s, "/list")).manage).toBe(false);
    expect(await statusOf(load(env, dashboardLoader, s, "/dashboard"))).toBe(200);
    expect(await statusOf(load(env, editorLoader, s, "/new"))).toBe(403);
    expect(await statusOf(load(env, importLoader, s, "/import"))).toBe(403);
    expect(await statusOf(load(env, catalogueLoader, s, "/catalogue"))).toBe(403);
    const c = page.rows.find((r) => r.title === "关于某项目环评受理情况的公示")!;
    expect((await post(env, itemsAction, s, "", { ids: [c.id], reason: "督察要求", confirm: "on" })).status).toBe(403);
    expect((await post(env, editorAction, s, "/new", draftForm())).status).toBe(403);
    expect((await statusOfItem(c.id)).status).toBe("published");
  });
});
