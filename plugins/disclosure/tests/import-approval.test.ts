import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundsFor } from "../../../app/plugin-api";
import { documentPage, recordReview } from "../../../app/plugin-api/testing";
import { loader as apiItemsLoader } from "../routes/api/items";
import { loader as csvLoader } from "../routes/api/items-csv";
import { loader as feedLoader } from "../routes/public/feed";
import { loader as searchLoader } from "../routes/public/search";
import { approveThrough, batch, classify, csv, decide, good, publicView, row, runAs, storedItems } from "./import-helpers";
import { audited, openStaff, publishedItem, type StaffEnv } from "./staff-helpers";

/**
 * Issue 13, failure 3: an import published at once, with no approval and no 保密审查. Now a file
 * is one batch document in the office's chain, scanned row by row, public only once the leader
 * approves it, and written from the redacted rendition.
 */

const ID = "110101199003074514";
const MOBILE = "13812345678";

let env: StaffEnv;
beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

const submit = async (file: File) => {
  const res = await runAs(env, env.users.drafter.id, file, "submit");
  if (!res.data.submitted?.ok) throw new Error(JSON.stringify(res.data));
  return res.data.submitted.id;
};

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const call = (loader: Loader, path: string, params: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost${path}`), params: { tenant: env.office.code, ...params }, context: env.context });
const text = async (answer: unknown) => (answer instanceof Response ? await answer.text() : JSON.stringify(answer));

/** Everything a member of the public can read of the office: the items, the search, the API, the CSV, the feed, the search page. */
async function everythingPublic(word: string): Promise<string> {
  const { items, hits } = await publicView(env, word);
  const portal = `/t/${env.office.code}/disclosure`;
  const api = `/api/v1/t/${env.office.code}/disclosure`;
  return [
    JSON.stringify(items),
    JSON.stringify(hits),
    await text(await call(apiItemsLoader as Loader, `${api}/items?pageSize=100`)),
    await text(await call(csvLoader as Loader, `${api}/items.csv`)),
    await text(await call(feedLoader as Loader, `${portal}/feeds/all`, { key: "all" })),
    await text(await call(searchLoader as Loader, `${portal}/search?q=${encodeURIComponent(word)}`)),
  ].join("\n");
}

describe(`import through approval (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("keeps a drafter's import of personal data off every public surface until 保密审查 has decided each finding and the leader approved; then publishes it redacted, with its original 索引号 and dates", async () => {
    const file = csv([
      row(good("关于信访人反映噪声问题的答复", "2019-03-15", { 成文日期: "2019-03-11", 信息形成日期: "2019-03-12", 正文: `信访人（身份证号${ID}，手机${MOBILE}）反映的噪声问题已处理。`, 索引号: "000014349/2019-00123" })),
      row(good("关于2019年第一季度空气质量的通报", "2019-04-02")),
    ]);
    const id = await submit(file);
    const before = await everythingPublic("噪声");
    expect(before).not.toContain("关于信访人反映噪声问题的答复");
    expect(before).not.toContain(ID);
    expect(await storedItems(env)).toEqual([]);

    expect(await decide(env, env.users.dept.id, id, "approve")).toMatchObject({ status: "in_review" });
    // The scan found both numbers in the row's 正文, addressed by row.
    const page = await documentPage(env, env.users.classifier.id, id, "zh-CN");
    expect(page!.classification!.findings.map((f) => [f.field, f.kind])).toEqual([
      ["payload.rows.0.body", "id_number"],
      ["payload.rows.0.body", "mobile"],
    ]);
    // The 公开属性 recorded, the findings not yet decided: the classifier cannot approve.
    const recorded = await recordReview(env, id, { attribute: "proactive" });
    expect(recorded.ok).toBe(true);
    expect(await decide(env, env.users.classifier.id, id, "approve")).toBe("findingsUnresolved");
    await classify(env, id, "redact");
    expect(await decide(env, env.users.classifier.id, id, "approve")).toMatchObject({ status: "in_review" });
    expect(await everythingPublic("噪声")).not.toContain("关于信访人反映噪声问题的答复");

    expect(await decide(env, env.users.leader.id, id, "approve")).toMatchObject({ status: "published" });
    const after = await everythingPublic("噪声");
    expect(after).toContain("关于信访人反映噪声问题的答复");
    expect(after).toContain("110101********4514");
    expect(after).not.toContain(ID);
    expect(after).not.toContain(MOBILE);
    const stored = await storedItems(env);
    expect(stored.find((i) => i.title === "关于信访人反映噪声问题的答复")).toMatchObject({ index_number: "000014349/2019-00123", published_on: "2019-03-15", written_on: "2019-03-11", attribute: "proactive" });
    expect(stored.find((i) => i.title === "关于2019年第一季度空气质量的通报")?.index_number).toMatch(/\/2019-00001$/);
    expect((await audited(env, "disclosure.import.run")).at(-1)!.data).toMatchObject({ count: 2, kept: 1 });
  });

  it("shows reviewers of a large batch a summary and only the rows with findings", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(good(`关于第${i + 1}号排污许可证核发情况的公告`, "2020-05-06", i === 216 ? { 正文: `联系人手机 ${MOBILE}。` } : {})));
    const id = await submit(csv(rows));
    await decide(env, env.users.dept.id, id, "approve");
    const page = (await documentPage(env, env.users.classifier.id, id, "zh-CN"))!;
    const paths = page.fields.map((f) => f.path);
    expect(paths).toContain("payload.rows");
    expect(page.fields.find((f) => f.path === "payload.rows")!.segments[0]!.text).toMatch(/^本批次共 300 条信息/);
    expect(paths.filter((p) => p.startsWith("payload.rows.")).every((p) => p.startsWith("payload.rows.216."))).toBe(true);
    expect(page.fields.find((f) => f.path === "payload.rows.216.categoryKey")!.segments[0]!.text).toBe("环境质量");
    // Each of the 299 other rows has 8 texts: title, category, issuer, three dates, subject, 正文.
    expect(page.omitted).toBe(299 * 8);
    expect(page.classification!.findings.map((f) => f.field)).toEqual(["payload.rows.216.body"]);
    // Withdrawn, its rows can be imported again.
    await decide(env, env.users.classifier.id, id, "return", "请核实联系人信息后重新导入");
    expect(await decide(env, env.users.drafter.id, id, "withdraw")).toMatchObject({ status: "withdrawn" });
  });

  it("refuses rows already waiting in a batch, until that batch is withdrawn", async () => {
    const rows = [row(good("关于2021年度环境状况公报的发布", "2021-06-05")), row(good("关于2021年第二季度水质的通报", "2021-07-01", { 索引号: "OLD/2021-0042" }))];
    const first = await submit(csv(rows));
    const again = await runAs(env, env.users.drafter.id, csv(rows, undefined, "again.csv"), "submit");
    const title = (await batch(env, first)).title;
    expect(again.status).toBe(400);
    expect(again.data.errors).toEqual([
      { row: 2, column: "", message: "disclosure:staff.import.errors.pending", params: { batch: title } },
      { row: 3, column: "", message: "disclosure:staff.import.errors.pending", params: { batch: title } },
      { row: 3, column: "索引号", message: "disclosure:staff.import.errors.pending", params: { batch: title } },
    ]);
    await decide(env, env.users.dept.id, first, "return", "日期有误");
    await decide(env, env.users.drafter.id, first, "withdraw");
    const second = await submit(csv(rows, undefined, "again.csv"));
    await approveThrough(env, second);
    expect((await storedItems(env)).find((i) => i.title === "关于2021年第二季度水质的通报")?.index_number).toBe("OLD/2021-0042");
  });

  it("refuses an original 索引号 the file repeats or the office already uses, and numbers nothing later with one the batch kept", async () => {
    const existing = await publishedItem(env, { title: "已发布的通报", formedOn: "2022-01-04", publishedOn: "2022-01-05" });
    const credit = env.context.services.tenants.byId(env.office.id)!.creditCode;
    const res = await runAs(
      env,
      env.users.drafter.id,
      csv([
        row(good("甲通报", "2022-02-01", { 索引号: existing.index_number })),
        row(good("乙通报", "2022-02-02", { 索引号: "OLD/2022-1" })),
        row(good("丙通报", "2022-02-03", { 索引号: "OLD/2022-1" })),
        row(good("丁通报", "2022-02-04", { 索引号: "OLD 2022 2" })),
      ]),
      "check",
    );
    expect(res.data.errors).toEqual([
      { row: 2, column: "索引号", message: "disclosure:staff.import.errors.indexNumberExists" },
      { row: 4, column: "索引号", message: "disclosure:staff.import.errors.indexNumberDuplicate" },
      { row: 5, column: "索引号", message: "disclosure:staff.import.errors.indexNumberFormat" },
    ]);
    // An old number in this office's own pattern: the counter of its year moves past it.
    const id = await submit(csv([row(good("戊通报", "2022-03-01", { 索引号: `${credit}/2022-00007` })), row(good("己通报", "2022-03-02"))]));
    const { number } = await env.systemContext(env.office.id).withTenant((trx) => env.systemContext(env.office.id).numbering.next(trx, "core.index", { year: 2022 }));
    expect(number).toBe(`${credit}/2022-00008`);
    await approveThrough(env, id);
    expect((await storedItems(env)).find((i) => i.title === "己通报")?.index_number).toBe(`${credit}/2022-00009`);
  });

  it("leaves nothing behind when the workflow refuses the batch: an office that lets its principal import, who drafts nothing", async () => {
    await env.asStaff(env.users.principal.id, (trx) =>
      trx.insertInto("role_permissions").values({ tenant_id: env.office.id, role: "principal", permission: "disclosure.items.import", granted: true }).execute(),
    );
    const res = await runAs(env, env.users.principal.id, csv([row(good("关于2017年环境状况公报的发布", "2017-06-05"))]), "submit");
    expect(res.status).toBe(400);
    expect(res.data.submitted).toEqual({ ok: false, error: "core:workflow.errors.missingRole" });
    const drafts = await env.asStaff(env.users.viewer.id, (trx) => trx.selectFrom("workflow_documents").select("id").where("tenant_id", "=", env.office.id).where("created_by", "=", env.users.principal.id).execute());
    expect(drafts).toEqual([]);
  });

  it("applies the 公开属性 保密审查 records to the whole batch: 依申请公开 rows are not public, a 不予公开 batch writes nothing", async () => {
    const onRequest = await submit(csv([row(good("关于2018年排污费征收情况的统计", "2018-12-20"))]));
    expect((await approveThrough(env, onRequest, { attribute: "on_request", ground: groundsFor("on_request")[0]!.key })).status).toBe("published");
    expect((await storedItems(env)).find((i) => i.title === "关于2018年排污费征收情况的统计")?.attribute).toBe("on_request");
    expect(await everythingPublic("排污费")).not.toContain("关于2018年排污费征收情况的统计");

    const withheld = await submit(csv([row(good("关于2018年内部人事安排的通知", "2018-12-21"))]));
    expect((await approveThrough(env, withheld, { attribute: "withheld", ground: groundsFor("withheld")[0]!.key })).status).toBe("approved");
    expect((await storedItems(env)).map((i) => i.title)).not.toContain("关于2018年内部人事安排的通知");
  });
});
