import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { hydrated, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const OFFICE = { viewport: { width: 1366, height: 768 } };

test.each([
  { name: "phone-elder", options: PHONE, query: "?elder=1" },
  { name: "phone-en", options: PHONE, query: "?lng=en" },
  { name: "office-zh-TW", options: OFFICE, query: "?lng=zh-TW" },
])("the open-data page lists datasets that download at the size it shows ($name)", async ({ name, options, query }) => {
  const context = await newContext(browser(), options);
  const page = await context.newPage();
  const console = watch(page);
  await page.goto(`/t/demo-donghu/disclosure/open-data${query}`);
  await hydrated(page);
  await page.locator("#od-datasets").scrollIntoViewIfNeeded();
  await screenshot(page, `open-data-${name}`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  const links = page.locator(".dataset-table a[download]");
  expect(await links.count()).toBeGreaterThan(2);
  // A set under a dotted category code, and the first set: their files are as large as the page says.
  const dotted = page.locator('.dataset-table a[download][href*="/datasets/policy.normative/"]').first();
  for (const link of [links.first(), links.nth(1), dotted]) {
    const [href, bytes] = await Promise.all([link.getAttribute("href"), link.getAttribute("data-bytes")]);
    const res = await page.request.get(href!);
    expect(res.status(), href!).toBe(200);
    const body = await res.body();
    expect(body.length, href!).toBe(Number(bytes));
    if (href!.endsWith(".xlsx")) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(body as unknown as ArrayBuffer);
      expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe("索引号");
    } else {
      expect(body.subarray(3, 14).toString("utf8")).toBe('"索引号"');
    }
  }

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  console.expectClean();
  await context.close();
});

test("a dataset that does not exist is a JSON 404 in the reader's language, a malformed one a 400", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const missing = await page.request.get("/api/v1/t/demo-donghu/disclosure/datasets/quality/1990.csv?lng=en");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toMatch(/no such dataset/i);
  const malformed = await page.request.get("/api/v1/t/demo-donghu/disclosure/datasets/quality/latest.xlsx");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error).toMatchObject({ code: "invalid_parameter", parameter: "file" });
  await context.close();
});
