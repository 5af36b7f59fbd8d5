import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../routes/admin/import";
import { importJobOf, importJobSettled, STALE_MS } from "../server/import/jobs.server";
import { approveThrough, csv, good, HEADER, jobPage, publicView, row, runAs, storedItems, type ImportResult } from "./import-helpers";
import { audited, load, openStaff, post, statusOf, type StaffEnv } from "./staff-helpers";

let env: StaffEnv;

beforeAll(async () => {
  env = await openStaff();
}, 60_000);
afterAll(() => env.handle.close());

const run = (file: File, intent: "check" | "submit" = "check") => runAs(env, env.users.drafter.id, file, intent);
const items = () => storedItems(env);

describe(`staff import (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("reports each row's problems by row number and column on a dry run, and writes nothing", async () => {
    const file = csv([
      row(good("关于2024年1月空气质量的通报", "2024-02-05")),
      row(good("", "2024-02-06")),
      row(good("日期写错的通报", "2024-13-40")),
      row(good("类别不存在的通报", "2024-02-07", { 类别: "不存在的类别" })),
      row(good("已废止的规范性文件", "2024-02-08", { 类别: "policy.normative", 有效性: "废止" })),
      row(good("发布早于形成", "2024-02-09", { 信息形成日期: "2024-03-01" })),
      row(good("关于2024年1月空气质量的通报", "2024-02-05")),
    ]);
    const res = await run(file, "submit");
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ total: 7, valid: 1, submitted: null });
    expect(res.data.errors).toEqual([
      { row: 3, column: "标题", message: "errors.required" },
      { row: 4, column: "成文日期", message: "disclosure:errors.date" },
      { row: 4, column: "信息形成日期", message: "disclosure:errors.date" },
      { row: 4, column: "发布日期", message: "disclosure:errors.date" },
      { row: 5, column: "类别", message: "disclosure:staff.import.errors.unknownCategory" },
      { row: 6, column: "失效或废止日期", message: "disclosure:errors.endedOnRequired" },
      { row: 7, column: "发布日期", message: "disclosure:staff.import.errors.publishedBeforeFormed" },
      { row: 8, column: "", message: "disclosure:staff.import.errors.duplicate" },
    ]);
    expect(await items()).toEqual([]);
    expect(await audited(env, "disclosure.import.run")).toEqual([]);
  });

  it("refuses a NUL or other control character and a bidi override in any cell, naming row and column, in the dry run and the real run alike", async () => {
    const rows = [
      row(good("含有空字符的通报", "2024-03-01", { 正文: "第一段\u0000第二段" })),
      row(good("方向\u202E反转的通报", "2024-03-02")),
      row(good("正常的通报", "2024-03-03", { 发布机构: "测试\u0007分局" })),
      row(good("没有问题的通报", "2024-03-04")),
    ];
    const expected = [
      { row: 2, column: "正文", message: "errors.text.control" },
      { row: 3, column: "标题", message: "errors.text.bidi" },
      { row: 4, column: "发布机构", message: "errors.text.control" },
    ];
    for (const intent of ["check", "submit"] as const) {
      const res = await run(csv(rows), intent);
      expect(res.status).toBe(400);
      expect(res.data).toMatchObject({ valid: 1, errors: expected, submitted: null });
    }
    // An Excel cell goes through the same check. A workbook stores a control character as _xHHHH_
    // (XML cannot hold it), which reading turns back into the character.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("信息");
    sheet.addRow(HEADER);
    sheet.addRow(row(good("表格中的通报", "2024-03-05", { 主题分类: "环境_x0000_监测" })));
    const xlsx = await run(new File([new Uint8Array(await book.xlsx.writeBuffer())], "items.xlsx"), "submit");
    expect(xlsx.data.errors).toEqual([{ row: 2, column: "主题分类", message: "errors.text.control" }]);
    expect(await items()).toEqual([]);
    expect((await load<{ batches: unknown[] }>(env, loader, env.users.drafter.id, "/import")).batches).toEqual([]);
  });

  it("names the required columns a file lacks", async () => {
    const res = await run(csv([["只有标题"]], ["标题"]));
    expect(res.data.missing).toEqual(["类别", "发布机构", "成文日期", "信息形成日期", "发布日期", "主题分类"]);
  });

  it("submits a good file for approval, publishes nothing before the leader approves, then numbers every row consecutively in publication order, searchable, audited once", async () => {
    const rows = [
      row(good("关于2025年3月空气质量的通报", "2025-04-03")),
      row(good("关于2024年12月空气质量的通报", "2025-01-06", { 成文日期: "2025/1/3", 信息形成日期: "2025年1月3日" })),
      row(good("关于2024年第二季度水质的通报", "2024-07-08")),
      row(good("关于印发环评审批规定的通知", "2024-05-10", { 类别: "policy.normative", 文号: "测环发〔2024〕2号", 有效性: "有效" })),
      row(good("关于2024年第一季度水质的通报", "2024-04-09", { 正文: "<p>水质<strong>稳定</strong><script>x</script></p>" })),
    ];
    const check = await run(csv(rows));
    expect(check).toMatchObject({ status: 200, data: { mode: "check", valid: 5, errors: [], submitted: null } });
    expect(check.data.preview.map((p) => p.row)).toEqual([2, 3, 4, 5, 6]);
    expect(await items()).toEqual([]);

    const done = await run(csv(rows), "submit");
    expect(done).toMatchObject({ status: 200, data: { submitted: { ok: true, count: 5 } } });
    const submitted = done.data.submitted as { id: string; url: string };
    expect(submitted.url).toBe(`/t/${env.office.code}/admin/documents/${submitted.id}`);
    // In the chain: not in the items, not on the portal, not in the search.
    expect(await items()).toEqual([]);
    expect(await publicView(env, "环评审批")).toEqual({ items: [], hits: [] });
    const page = await load<{ batches: { id: string; status: string }[] }>(env, loader, env.users.drafter.id, "/import");
    expect(page.batches).toEqual([expect.objectContaining({ id: submitted.id, status: "in_review" })]);

    expect((await approveThrough(env, submitted.id)).status).toBe("published");
    const stored = await items();
    const numbered = stored.sort((x, y) => x.index_number.localeCompare(y.index_number)).map((i) => [i.index_number.split("/").at(-1), i.published_on]);
    expect(numbered).toEqual([
      ["2024-00001", "2024-04-09"],
      ["2024-00002", "2024-05-10"],
      ["2024-00003", "2024-07-08"],
      ["2025-00001", "2025-01-06"],
      ["2025-00002", "2025-04-03"],
    ]);
    expect(stored.find((i) => i.title === "关于2024年第一季度水质的通报")?.body_html).toBe("<p>水质<strong>稳定</strong></p>");
    expect(stored.find((i) => i.title === "关于2025年3月空气质量的通报")?.body_html).toBe("<p>第一段。<br />第二段。</p>"); // one newline in a cell is a line break, a blank line a new paragraph, as in the editor
    expect((await publicView(env, "环评审批")).hits.map((h) => h.title)).toEqual(["关于印发环评审批规定的通知"]);
    const events = await audited(env, "disclosure.import.run");
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ count: 5, years: { "2024": 3, "2025": 2 }, attribute: "proactive" });

    const again = await run(csv(rows), "submit");
    expect(again.data.errors.map((e) => e.message)).toEqual(Array(5).fill("disclosure:staff.import.errors.exists"));
    expect(await items()).toHaveLength(5);
  });

  it("reads an Excel file, dates as date cells included", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("信息");
    sheet.addRow(HEADER);
    const cells = row(good("关于2023年环境状况公报的发布", "2023-06-05")) as (string | Date)[];
    cells[HEADER.indexOf("发布日期")] = new Date(Date.UTC(2023, 5, 5));
    sheet.addRow(cells);
    const file = new File([new Uint8Array(await book.xlsx.writeBuffer())], "items.xlsx");
    const res = await run(file, "submit");
    expect(res.data).toMatchObject({ errors: [], submitted: { ok: true, count: 1 } });
    await approveThrough(env, (res.data.submitted as { id: string }).id);
    expect((await items()).find((i) => i.title === "关于2023年环境状况公报的发布")?.published_on).toBe("2023-06-05");
  });

  it("refuses a file over 10,000 rows, a CSV not in UTF-8, and other file types, with a clear message", async () => {
    const many = csv(Array.from({ length: 10_001 }, (_, i) => row(good(`第${i}条`, "2024-01-02"))));
    expect((await run(many)).data).toMatchObject({ ok: false, fileError: "disclosure:staff.import.errors.tooManyRows", count: 10_001 });
    const gbk = new File([new Uint8Array([0xb1, 0xea, 0xcc, 0xe2, 0x0d, 0x0a])], "gbk.csv");
    expect((await run(gbk)).data).toMatchObject({ ok: false, fileError: "disclosure:staff.import.errors.notUtf8" });
    expect((await run(new File(["x"], "items.txt"))).data).toMatchObject({ ok: false, fileError: "disclosure:staff.import.errors.fileType" });
    const empty = await post<ImportResult>(env, action, env.users.drafter.id, "/import", { intent: "check" });
    expect(empty.data).toMatchObject({ ok: false, fileError: "errors.required" });
  });

  it("runs as a job whose stage and rows checked another request reads as it goes, for the member who started it only", async () => {
    const rows = Array.from({ length: 1_200 }, (_, i) => row(good(`关于第${i + 1}号监测点位的通报`, "2020-03-02")));
    const before = await items();
    const posted = await post(env, action, env.users.drafter.id, "/import", { file: csv(rows, undefined, "large.csv"), intent: "check" });
    expect(posted.status).toBe(303);
    const id = posted.location!.match(/job=([0-9a-f-]{36})$/)![1]!;
    const seen: { stage: string; done: number; total: number | null; running: boolean; status: number }[] = [];
    for (;;) {
      const { status, job } = await jobPage(env, env.users.drafter.id, id);
      seen.push({ stage: job!.stage, done: job!.done, total: job!.total, running: job!.running, status });
      if (!job!.running) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await importJobSettled(id);
    // Read while it ran (answered 200, no report yet), then its end: every row checked, the report as the one-request import gave it.
    expect(seen[0]).toMatchObject({ running: true, status: 200 });
    expect(seen.at(-1)).toMatchObject({ stage: "done", done: 1_200, total: 1_200, running: false, status: 200 });
    const dones = seen.map((s) => s.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const stored = await env.asStaff(env.users.drafter.id, (trx) => trx.selectFrom("disclosure_import_jobs").select(["stage", "done", "total", "mode", "file_name"]).where("id", "=", id).executeTakeFirstOrThrow());
    expect(stored).toEqual({ stage: "done", done: 1_200, total: 1_200, mode: "check", file_name: "large.csv" });
    const { job } = await jobPage(env, env.users.drafter.id, id);
    expect(job!.report).toMatchObject({ ok: true, mode: "check", total: 1_200, valid: 1_200, errorCount: 0, submitted: null });
    expect(job!.report!.preview).toHaveLength(20);
    expect(await items()).toEqual(before);

    // Another member of the office, an id that is no id, and a stranger's id find nothing, answered 404.
    expect(await jobPage(env, env.users.drafter2.id, id)).toMatchObject({ status: 404, job: null, missing: true });
    expect(await jobPage(env, env.users.drafter.id, "not-a-uuid")).toMatchObject({ status: 404, job: null, missing: true });
    expect(await jobPage(env, env.users.drafter.id, "00000000-0000-4000-8000-000000000000")).toMatchObject({ status: 404, job: null });
  });

  it("shows a job its process stopped hearing from as interrupted, not as running for ever", async () => {
    const ctx = { tenant: { id: env.office.id }, user: { id: env.users.drafter.id }, withTenant: <T,>(fn: (trx: never) => Promise<T>) => env.asStaff(env.users.drafter.id, fn as never) } as never;
    const { id } = await env.asStaff(env.users.drafter.id, (trx) =>
      trx.insertInto("disclosure_import_jobs").values({ tenant_id: env.office.id, started_by: env.users.drafter.id, file_name: "lost.csv", mode: "submit" }).returning("id").executeTakeFirstOrThrow(),
    );
    expect(await importJobOf(ctx, id)).toMatchObject({ stage: "reading", running: true, report: null });
    expect(await importJobOf(ctx, id, Date.now() + STALE_MS + 1_000)).toMatchObject({ stage: "failed", running: false, report: { ok: false, failed: "disclosure:staff.import.job.interrupted" } });
  });

  it("is for those who hold the import permission", async () => {
    expect(await statusOf(load(env, loader, env.users.viewer.id, "/import"))).toBe(403);
    expect((await post(env, action, env.users.leader.id, "/import", { file: csv([]), intent: "submit" })).status).toBe(403);
  });
});
