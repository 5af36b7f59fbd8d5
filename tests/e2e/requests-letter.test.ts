import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

/**
 * Issue 14: the officer prints a letter to the applicant in 公文 layout — full name, the office and
 * date as signature, no staff frame on paper — and downloads it as Word; the page fits 1366 px and
 * 360 px.
 */
const browser = useBrowser();
const OFFICE = "/t/demo-donghu";
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const shots = fileURLToPath(new URL("./screenshots/", import.meta.url));

describe("a printable letter", () => {
  test("the officer opens a sent reply's letter, prints it without the staff frame and downloads the .docx", async () => {
    const context = await newContext(browser(), { viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const console = watch(page);
    await page.goto("/login");
    await login(page, "donghu.requests_officer");
    await page.waitForURL(`**${OFFICE}/admin`);
    // A closed application of the demo: its reply was sent to the applicant.
    await page.goto(`${OFFICE}/admin/requests?status=closed`);
    await page.locator("table a[href*='/admin/requests/applications/']").first().click();
    await page.waitForURL("**/admin/requests/applications/**");
    await hydrated(page);
    await page.getByRole("link", { name: "打印或下载" }).first().click();
    await page.waitForURL("**/letter");
    await hydrated(page);

    const letter = page.locator("article.gongwen-letter");
    await letter.waitFor();
    const salutation = (await letter.locator(".gongwen-salutation").innerText()).trim();
    expect(salutation).toMatch(/：$/);
    expect(salutation).not.toContain("*");
    // In the applicant's script: the first closed application may be another test's zh-TW one.
    expect(await letter.locator(".gongwen-signature").innerText()).toMatch(/示[范範]市生[态態][环環]境局[东東]湖分局[\s\S]*\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "打印", exact: true }).waitFor();
    await screenshot(page, "requests-letter-1366");

    // On paper: the letter alone, on A4 with the GB/T 9704 margins.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".shell-header, .shell-nav").evaluateAll((els) => els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
    expect(await page.getByRole("button", { name: "打印", exact: true }).isVisible()).toBe(false);
    mkdirSync(shots, { recursive: true });
    await page.pdf({ path: `${shots}requests-letter.pdf`, preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Word 文件（.docx）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await download.saveAs(`${shots}requests-letter.docx`);

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "requests-letter-360");
    console.expectClean();
    await context.close();
  });
});
