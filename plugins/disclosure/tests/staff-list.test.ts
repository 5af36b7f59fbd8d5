import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../../../app/plugin-api";
import { action as editorAction } from "../routes/admin/editor";
import { action as catalogueAction, loader as catalogueLoader } from "../routes/admin/catalogue";
import { action as listAction, loader as listLoader } from "../routes/admin/list";
import { audited, draftForm, load, openStaff, post, publishedItem, statusOf, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;

beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

type Entry = { title: string; dueOn: string; daysLate: number; publishedOn: string | null };
type ListData = { manage: boolean; rows: { key: string; removable: boolean; status: { published: number; latest: string | null; due: Entry[]; late: Entry[] } }[] };
type Failure = { errors: Record<string, string[]>; message?: string };

const calendar = () => env.systemContext(env.office.id).calendar;
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const listRows = () => env.systemContext(env.office.id).withTenant((trx) => trx.selectFrom("disclosure_list_rows").selectAll().where("tenant_id", "=", env.office.id).execute());
const categories = (tenantId = env.office.id) =>
  env.systemContext(tenantId).withTenant((trx) => trx.selectFrom("disclosure_categories").selectAll().where("tenant_id", "=", tenantId).execute());

const rowForm = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "add",
  key: "local.noise",
  categoryKey: "supervision",
  firstLevel: "环境监管",
  secondLevel: "噪声投诉处理情况",
  content: "噪声投诉受理和办理结果",
  basis: "《中华人民共和国噪声污染防治法》",
  timeLimit: "自该信息形成或者变更之日起20个工作日内",
  timeLimitWorkdays: "20",
  responsible: "本级生态环境部门",
  channels: ["政府网站", "两微一端"],
  audience: "全社会",
  mode: "主动",
  position: "",
  ...overrides,
});

describe(`staff disclosure list and catalogue (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("shows an item formed 30 working days before publication as late, a draft as due, and an overdue draft as late", async () => {
    const cal = calendar();
    await publishedItem(env, { title: "某项目环评批复（超期）", formedOn: "2026-03-02", publishedOn: cal.addWorkdays("2026-03-02", 30).value, listRowKey: "mee.eia" });
    await publishedItem(env, { title: "某项目环评批复（按时）", formedOn: "2026-04-01", publishedOn: cal.addWorkdays("2026-04-01", 10).value, listRowKey: "mee.eia" });
    const today = chinaDate();
    await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ title: "待发布的环评批复", listRowKey: "mee.eia", writtenOn: today, formedOn: today }));
    const old = daysBefore(today, 90);
    await post(env, editorAction, env.users.drafter.id, "/new", draftForm({ title: "拖延未发的环评批复", listRowKey: "mee.eia", writtenOn: old, formedOn: old }));

    const page = await load<ListData>(env, listLoader, env.users.viewer.id, "/list");
    const eia = page.rows.find((r) => r.key === "mee.eia")!.status;
    expect(eia.published).toBe(2);
    expect(eia.late).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: "某项目环评批复（超期）", dueOn: cal.addWorkdays("2026-03-02", 20).value, daysLate: 10 }),
        expect.objectContaining({ title: "拖延未发的环评批复", publishedOn: null }),
      ]),
    );
    expect(eia.late.map((e) => e.title)).not.toContain("某项目环评批复（按时）");
    expect(eia.due).toEqual([
      expect.objectContaining({ title: "拖延未发的环评批复", dueOn: cal.addWorkdays(old, 20).value }),
      expect.objectContaining({ title: "待发布的环评批复", dueOn: cal.addWorkdays(today, 20).value, daysLate: 0 }),
    ]);
    expect(page.manage).toBe(false);
  });

  it("lets the principal add, edit and remove an unused list row, validated and audited", async () => {
    const before = (await listRows()).length;
    const bad = await post<Failure>(env, listAction, env.users.principal.id, "/list", rowForm({ key: "Bad Key", firstLevel: "", channels: [], timeLimitWorkdays: "0" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({
      key: ["disclosure:staff.list.errors.key"],
      firstLevel: ["errors.required"],
      channels: ["disclosure:staff.list.errors.channels"],
      timeLimitWorkdays: ["disclosure:staff.list.errors.workdays"],
    });
    expect((await listRows()).length).toBe(before);

    expect((await post(env, listAction, env.users.principal.id, "/list", rowForm())).location).toMatch(/list\?done=added$/);
    expect((await listRows()).find((r) => r.key === "local.noise")).toMatchObject({ second_level: "噪声投诉处理情况", channels: ["政府网站", "两微一端"], time_limit_workdays: 20 });
    const taken = await post<Failure>(env, listAction, env.users.principal.id, "/list", rowForm());
    expect(taken.data.errors).toEqual({ key: ["disclosure:staff.list.errors.keyTaken"] });

    await post(env, listAction, env.users.principal.id, "/list", rowForm({ intent: "update", timeLimitWorkdays: "", secondLevel: "噪声投诉办理结果" }));
    expect((await listRows()).find((r) => r.key === "local.noise")).toMatchObject({ second_level: "噪声投诉办理结果", time_limit_workdays: null });

    const inUse = await post<Failure>(env, listAction, env.users.principal.id, "/list", { intent: "remove", key: "mee.eia" });
    expect(inUse).toMatchObject({ status: 409, data: { message: "disclosure:staff.list.errors.inUse" } });
    const page = await load<ListData>(env, listLoader, env.users.principal.id, "/list");
    expect(page.rows.find((r) => r.key === "mee.eia")?.removable).toBe(false);
    expect(page.rows.find((r) => r.key === "local.noise")?.removable).toBe(true);
    expect((await post(env, listAction, env.users.principal.id, "/list", { intent: "remove", key: "local.noise" })).status).toBe(302);
    expect((await listRows()).find((r) => r.key === "local.noise")).toBeUndefined();
    expect((await audited(env, "disclosure.list.update")).map((e) => [e.target_id, (e.data as { op: string }).op])).toEqual([
      ["local.noise", "add"],
      ["local.noise", "update"],
      ["local.noise", "remove"],
    ]);
  });

  it("does not let a viewer or a drafter change the list", async () => {
    expect((await post(env, listAction, env.users.viewer.id, "/list", rowForm({ key: "local.x" }))).status).toBe(403);
    expect((await post(env, listAction, env.users.drafter.id, "/list", rowForm({ key: "local.x" }))).status).toBe(403);
    expect((await listRows()).find((r) => r.key === "local.x")).toBeUndefined();
  });

  it("adds categories with their labels, refusing bad keys, taken keys and an empty name", async () => {
    const bad = await post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "Local Campaign", parentKey: "", labelZhCN: "", labelZhTW: "", labelEn: "", position: "" });
    expect(bad.data.errors).toEqual({ key: ["disclosure:staff.catalogue.errors.key"], labelZhCN: ["errors.required"] });
    const taken = await post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "quality", parentKey: "", labelZhCN: "环境质量", labelZhTW: "", labelEn: "", position: "" });
    expect(taken.data.errors).toEqual({ key: ["disclosure:staff.catalogue.errors.keyTaken"] });

    const added = await post(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "local.campaign", parentKey: "", labelZhCN: "蓝天保卫战专栏", labelZhTW: "", labelEn: "Blue-sky campaign", position: "" });
    expect(added.location).toMatch(/catalogue\?done=added$/);
    await post(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "local.campaign.2026", parentKey: "local.campaign", labelZhCN: "2026年行动", labelZhTW: "2026年行動", labelEn: "2026", position: "" });
    const own = await categories();
    expect(own.find((c) => c.key === "local.campaign")?.label).toEqual({ "zh-CN": "蓝天保卫战专栏", "zh-TW": "蓝天保卫战专栏", en: "Blue-sky campaign" });
    expect(own.find((c) => c.key === "local.campaign.2026")?.parent_key).toBe("local.campaign");
    expect((await audited(env, "disclosure.catalogue.update")).map((e) => e.target_id)).toEqual(["local.campaign", "local.campaign.2026"]);
  });

  it("removes only an own category without children, items, list rows or special meaning", async () => {
    const remove = (key: string) => post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "remove", key });
    expect((await remove("local.campaign")).data.message).toBe("disclosure:staff.catalogue.errors.hasChildren");
    expect((await remove("policy.normative")).data.message).toBe("disclosure:staff.catalogue.errors.statutory");
    await publishedItem(env, { title: "专栏里的一条信息", formedOn: "2026-05-06", publishedOn: "2026-05-08", categoryKey: "local.campaign.2026" });
    expect((await remove("local.campaign.2026")).data.message).toBe("disclosure:staff.catalogue.errors.hasItems");
    expect((await categories()).map((c) => c.key)).toEqual(expect.arrayContaining(["local.campaign", "local.campaign.2026", "policy.normative"]));

    await post(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "add", key: "local.empty", parentKey: "local.campaign", labelZhCN: "空栏目", labelZhTW: "", labelEn: "", position: "" });
    expect((await remove("local.empty")).status).toBe(302);
    expect((await categories()).map((c) => c.key)).not.toContain("local.empty");
  });

  it("shows the city's categories read-only, with the city as their origin", async () => {
    const city = env.systemContext(env.tree.city.id);
    await city.withTenant((trx) =>
      trx
        .insertInto("disclosure_categories")
        .values({ tenant_id: env.tree.city.id, key: "city.inspection", parent_key: null, label: JSON.stringify({ "zh-CN": "中央督察整改", "zh-TW": "中央督察整改", en: "Central inspection" }), position: 5000 })
        .execute(),
    );
    const page = await load<{ rows: { key: string; inherited: boolean; origin: string | null; removable: boolean }[] }>(env, catalogueLoader, env.users.principal.id, "/catalogue");
    expect(page.rows.find((r) => r.key === "city.inspection")).toMatchObject({ inherited: true, origin: `测试市${env.tree.city.code.slice(5)}`, removable: false });
    expect(page.rows.find((r) => r.key === "local.campaign")).toMatchObject({ inherited: false, origin: null });

    const edit = await post<Failure>(env, catalogueAction, env.users.principal.id, "/catalogue", { intent: "edit", key: "city.inspection", labelZhCN: "改名", labelZhTW: "", labelEn: "", position: "" });
    expect(edit).toMatchObject({ status: 409, data: { message: "disclosure:staff.catalogue.errors.notOwn" } });
    expect((await categories(env.tree.city.id)).find((c) => c.key === "city.inspection")?.label).toMatchObject({ "zh-CN": "中央督察整改" });
    expect(await statusOf(load(env, catalogueLoader, env.users.viewer.id, "/catalogue"))).toBe(403);
  });
});
