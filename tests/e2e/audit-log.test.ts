import { expect, test } from "vitest";
import { baseUrl, hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";
import { passSecondFactor } from "./second-factor";

const browser = useBrowser();

/** The page's width beyond the window, in pixels (0 when it fits). */
const overflow = (page: import("playwright-core").Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));

test("the auditor reads the audit log at 1366 px: names not codes, filters, CSV, the verification's progress; and on a phone as cards", async () => {
  const context = await newContext(browser(), { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, "platform.auditor");
  await passSecondFactor(page, `${baseUrl} platform.auditor`);
  await page.waitForURL("**/admin");

  // The overview: each link says what it is for, 工作日历 is not "管理单位与模块" (that is the sysadmin's), and the latest events read as names.
  // After a code typed with JavaScript on, the address changes a moment before the page renders: wait for the cards.
  const cards = page.locator(".overview-links li");
  await cards.first().waitFor();
  expect(await page.locator(".overview-links").innerText()).toContain("核验哈希链");

  await page.goto("/admin/audit");
  await hydrated(page);
  await page.getByRole("heading", { level: 1, name: "审计日志" }).waitFor();
  expect(await overflow(page)).toBe(0);
  const table = page.locator("table.audit-table");
  const text = await table.innerText();
  // Names, not codes: the demo's sign-ins and seeding read in words; no JSON column.
  expect(text).toContain("登录");
  expect(text).not.toMatch(/\{"/);
  expect(await table.locator("thead th").allInnerTexts()).toEqual(["时间", "单位", "操作人", "事件", "详情"]);
  await screenshot(page, "audit-log-1366");

  // Filter to one module: only its events remain, and the filter stays in the address.
  await page.getByLabel("事件").selectOption("group:signIn");
  await page.getByRole("search").getByRole("button", { name: "筛选" }).click();
  await page.waitForURL("**/admin/audit?*action=group%3AsignIn*");
  // The address changes as the filtered rows arrive; the table follows a moment later.
  const codes = () => page.locator("table.audit-table td code").allInnerTexts();
  await expect.poll(async () => (await codes()).filter((c) => !c.startsWith("auth.")), { timeout: 10_000 }).toEqual([]);
  expect((await codes()).length).toBeGreaterThan(0);

  // The export of that filtered set.
  const href = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(href).toBe("/admin/audit.csv?action=group%3AsignIn");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain("时间（北京时间）,单位,操作人,用户名,事件,事件代码");

  // The verification shows its progress while it runs, then its result.
  await page.getByRole("button", { name: "核验哈希链" }).click();
  await page.getByText(/核验通过|核验未通过/).waitFor({ timeout: 30_000 });
  expect(await overflow(page)).toBe(0);

  // A phone: the rows stack as cards, nothing wider than the window.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/admin/audit");
  expect(await overflow(page)).toBe(0);
  expect(await page.locator("table.audit-table thead").isVisible()).toBe(false);
  await screenshot(page, "audit-log-360");

  console.expectClean();
  await context.close();
});
