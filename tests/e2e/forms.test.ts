import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

/**
 * Issue 16's forms: a refused form says everything wrong at once in its error summary, which takes
 * focus (again after an identical second refusal), each entry linking to its field; a long import
 * runs as a job whose page shows its progress, then its report, with or without JavaScript.
 */
const browser = useBrowser();
const OFFICE = "/t/demo-donghu";
// A refused submit answers 400, which Chromium logs as a failed resource.
const REFUSED = ["status of 400"];

const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");
const summaryLinks = (page: Page) => page.locator(".error-summary li a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

describe("the public application form", () => {
  test("lists every error at once, the person's 证件 included, moves focus to the summary after each refused submit, and links each error to its field", async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const console = watch(page, REFUSED);
    await page.goto(`${OFFICE}/requests/new`);
    await hydrated(page);
    // Required fields say so: the person's 证件 too, in the group that needs them.
    await page.getByLabel("证件号码（必填）", { exact: true }).waitFor();
    await expect(page.getByRole("group", { name: "证件类型（必填）" }).count()).resolves.toBe(1);

    await page.getByLabel("自然人", { exact: true }).check();
    await page.getByLabel("联系电话（必填）", { exact: true }).fill("12345");
    await page.getByRole("button", { name: "提交申请", exact: true }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await focusedClass(page)).toContain("error-summary");
    // One submit, every problem: the applicant's own fields, the request's and the choices below.
    const links = await summaryLinks(page);
    for (const field of ["name", "idType", "idNumber", "phone", "subject", "description", "form", "delivery"]) expect(links).toContain(`#f-${field}`);
    expect(links.indexOf("#f-name")).toBeLessThan(links.indexOf("#f-idNumber"));
    await screenshot(page, "forms-application-errors");

    // The reader goes to a field, changes nothing that matters, and submits again: the same errors, focus back on the summary.
    await page.getByLabel("姓名（必填）", { exact: true }).focus();
    expect(await focusedClass(page)).not.toContain("error-summary");
    await page.getByRole("button", { name: "提交申请", exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    expect(await summaryLinks(page)).toEqual(links);

    // An entry leads to its field, and the errors stay (a hash change would be a navigation that drops them).
    await summary.locator('a[href="#f-idNumber"]').click();
    await page.waitForFunction(() => document.activeElement?.id === "f-idNumber");
    await expect(page.locator("#f-idNumber").getAttribute("aria-invalid")).resolves.toBe("true");
    await summary.locator('a[href="#f-idType"]').click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "idType");
    expect(await summaryLinks(page)).toEqual(links);
    console.expectClean();
    await context.close();
  });

  test("without JavaScript the server's page lists the same errors", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${OFFICE}/requests/new`);
    await page.getByLabel("自然人", { exact: true }).check();
    await page.getByRole("button", { name: "提交申请", exact: true }).click();
    await page.locator(".error-summary").waitFor();
    const links = await summaryLinks(page);
    for (const field of ["name", "idType", "idNumber", "phone", "subject", "description", "form", "delivery"]) expect(links).toContain(`#f-${field}`);
    await context.close();
  });
});

/** A register of `n` good rows, as the import's template has it. */
function register(n: number, stamp: string): string {
  const header = ["标题", "类别", "发布机构", "文号", "成文日期", "信息形成日期", "发布日期", "主题分类", "正文"];
  const rows = Array.from({ length: n }, (_, i) => [`关于${stamp}第${i + 1}号监测点位的通报`, "环境质量", "东湖分局", "", "2019-03-02", "2019-03-02", "2019-03-04", "环境监测、保护与治理", "第一段。"]);
  return `\uFEFF${[header, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`;
}

describe("the register import", () => {
  for (const js of [true, false]) {
    test(`runs as a job: the page follows it to its report ${js ? "with" : "without"} JavaScript`, async () => {
      const context = await newContext(browser(), { javaScriptEnabled: js });
      const page = await context.newPage();
      const console = watch(page);
      await page.goto("/login");
      await login(page, "donghu.drafter");
      await page.waitForURL(`**${OFFICE}/admin`);
      await page.goto(`${OFFICE}/admin/disclosure/import`);
      if (js) await hydrated(page);
      const stamp = Date.now().toString(36);
      await page.getByLabel("电子表格文件", { exact: true }).setInputFiles({ name: `register-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(register(2_000, stamp)) });
      await page.getByRole("button", { name: "检查（不提交）", exact: true }).click();
      await page.waitForURL(/\/import\?job=[0-9a-f-]{36}$/);
      // Until it ends the page shows a progress bar (and, without JavaScript, refreshes itself); then the report.
      const report = page.getByRole("heading", { level: 2, name: `“register-${stamp}.csv”的检查结果` });
      const bar = page.locator(".progress progress");
      await Promise.race([bar.waitFor(), report.waitFor()]);
      if (await bar.count()) await screenshot(page, `forms-import-progress${js ? "" : "-nojs"}`);
      await report.waitFor({ timeout: 60_000 });
      await page.getByText(/2,?000/).first().waitFor();
      expect(await bar.count()).toBe(0);
      if (js) console.expectClean();
      await context.close();
    });
  }
});
