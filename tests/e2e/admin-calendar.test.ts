import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { baseUrl, hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";
import { passSecondFactor } from "./second-factor";

const browser = useBrowser();

// 2096 is a year no holiday data covers and no other test uses; 2096-01-01 is a Sunday, 09-29 a Saturday.
const YEAR = "2096";
const NOTICE = ["一、元旦：1月1日（周日）至2日（周一）放假，共2天。", "二、国庆节：10月1日（周一）至7日（周日）放假调休，共7天。9月29日（周六）上班。"].join("\n");

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function signIn(page: Page) {
  await page.goto("/login?lng=zh-CN");
  await login(page, "platform.sysadmin");
  await passSecondFactor(page, `${baseUrl} platform.sysadmin`);
  await page.waitForURL("**/admin**");
}

test("without JavaScript, the sysadmin pastes a year's notice, checks the preview and imports it in one step", async () => {
  const context = await newContext(browser(), { javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/admin/calendar");

  const pasteForm = page.locator("form").filter({ has: page.locator('input[name="source"][value="text"]') });
  // A mistake first: the notice's total does not match its dates. Nothing is stored, the text is kept.
  await pasteForm.getByLabel("通知所属年份").fill(YEAR);
  await pasteForm.getByLabel("通知正文").fill(NOTICE.replace("共7天", "共6天"));
  await pasteForm.getByRole("button", { name: "预览" }).click();
  await expect.poll(() => page.locator('[role="alert"]').first().innerText()).toContain("第 2 行写明共 6 天");
  expect(await page.locator("#calendar-preview").count()).toBe(0);

  const again = page.locator("form").filter({ has: page.locator('input[name="source"][value="text"]') });
  expect(await again.getByLabel("通知正文").inputValue()).toContain("共6天");
  await again.getByLabel("通知正文").fill(NOTICE);
  await again.getByRole("button", { name: "预览" }).click();
  const preview = page.locator("#calendar-preview").locator("..");
  await expect.poll(() => preview.innerText()).toContain("将为 2096 年设置 9 个休息日和 1 个调休上班日");
  expect(await preview.locator("tbody tr").count()).toBe(10);
  expect(await preview.locator("tbody tr", { hasText: "2096-09-29" }).innerText()).toContain("调休上班日");
  await screenshot(page, "admin-calendar-preview");

  await page.getByRole("button", { name: "确认导入 2096 年放假安排（10 天）" }).click();
  await expect.poll(() => page.locator('[role="status"]').first().innerText()).toContain("已导入 2096 年放假安排，共 10 天");
  const imported = page.locator("#calendar-overrides").locator("..").locator("tbody tr", { hasText: "2096-10-07" });
  expect(await imported.innerText()).toContain("2096 年通知（导入）");
  await context.close();
});

test("with JavaScript, a notice refused for its own faults lists them in the form's summary, which takes focus and links to the text", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page, ["status of 400"]);
  await signIn(page);
  await page.goto("/admin/calendar");
  await hydrated(page);
  const pasteForm = page.locator("form").filter({ has: page.locator('input[name="source"][value="text"]') });
  await pasteForm.getByLabel("通知所属年份").fill(YEAR);
  await pasteForm.getByLabel("通知正文").fill(NOTICE.replace("共7天", "共6天"));
  await pasteForm.getByRole("button", { name: "预览" }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  const summary = page.locator(".error-summary");
  expect(await summary.innerText()).toContain("第 2 行写明共 6 天");
  await expect(page.locator("#f-text-text").getAttribute("aria-invalid")).resolves.toBe("true");
  await summary.locator('a[href="#f-text-text"]').click();
  await page.waitForFunction(() => document.activeElement?.id === "f-text-text");
  // The same notice again: the same faults, focus back on the summary.
  await pasteForm.getByRole("button", { name: "预览" }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
  await screenshot(page, "admin-calendar-notice-refused");
  console.expectClean();
  await context.close();
});

test("the calendar page fits a phone's width and a desktop's", async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1366, height: 768 }]) {
    const context = await newContext(browser(), { viewport });
    const page = await context.newPage();
    const console = watch(page);
    await signIn(page);
    await page.goto("/admin/calendar");
    await hydrated(page);
    await screenshot(page, `admin-calendar-${viewport.width}`);
    expect(await overflow(page), `${viewport.width} px`).toBeLessThanOrEqual(0);
    console.expectClean();
    await context.close();
  }
});
