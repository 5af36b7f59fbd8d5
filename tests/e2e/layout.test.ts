import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();

/** Pixels the page is wider than the window: a phone reader would have to scroll sideways (WCAG 1.4.10). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test.each([
  { name: "home", path: "/" },
  { name: "home-elder", path: "/?elder=1" },
  { name: "office-en", path: "/t/demo-donghu?lng=en" },
  { name: "login", path: "/login" },
  { name: "disclosure-portal", path: "/t/demo-donghu/disclosure" },
  { name: "disclosure-search-elder", path: "/t/demo-donghu/disclosure/search?q=%E7%9B%91%E6%B5%8B&elder=1" },
  { name: "disclosure-category", path: "/t/demo-donghu/disclosure/categories/policy" },
  { name: "disclosure-open-data", path: "/t/demo-donghu/disclosure/open-data" },
])("on a phone, $path fits the width of the screen", async ({ name, path }) => {
  const context = await newContext(browser(), PHONE);
  const page = await context.newPage();
  const console = watch(page);
  await page.goto(path);
  await hydrated(page);
  await screenshot(page, `phone-${name}`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  console.expectClean();
  await context.close();
});

test("on a phone, the staff shell fits the width of the screen", async () => {
  const context = await newContext(browser(), PHONE);
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, "city.drafter");
  await page.waitForURL("**/t/demo-city/admin");
  await hydrated(page);
  await screenshot(page, "phone-staff");
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  console.expectClean();
  await context.close();
});

/** An environmental-impact report's 受理情况公示 of the demo, which carries a real PDF attachment. */
async function itemPath(page: Page): Promise<string> {
  await page.goto("/t/demo-donghu/disclosure/categories/permits.eia?lng=zh-CN");
  const href = await page.locator('main a[href*="/disclosure/items/"]', { hasText: "受理情况公示" }).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

test.each([
  { name: "item", query: "" },
  { name: "item-elder", query: "?elder=1" },
  { name: "item-elder-en", query: "?elder=1&lng=en" },
])("on a phone, an item page ($name) fits the screen, its information table label over value", async ({ name, query }) => {
  const context = await newContext(browser(), PHONE);
  const page = await context.newPage();
  const console = watch(page);
  await page.goto(`${await itemPath(page)}${query}`);
  await hydrated(page);
  await screenshot(page, `phone-${name}`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  // Each label sits above its value, as wide as the table: never squeezed to one character a line.
  const pairs = await page.locator(".item-meta dl > div").evaluateAll((divs) =>
    divs.map((d) => {
      const [dt, dd] = [d.querySelector("dt")!.getBoundingClientRect(), d.querySelector("dd")!.getBoundingClientRect()];
      return { dtBottom: dt.bottom, ddTop: dd.top, dtWidth: dt.width };
    }),
  );
  expect(pairs.length).toBeGreaterThan(5);
  for (const p of pairs) {
    expect(p.dtBottom).toBeLessThanOrEqual(p.ddTop + 1);
    expect(p.dtWidth).toBeGreaterThan(200);
  }
  // The attachment says what it is: a PDF, with a human size.
  expect(await page.locator("#item-attachments ~ ul .file-meta").first().textContent()).toMatch(query.includes("en") ? /^PDF document · [\d.]+\sKB$/ : /^PDF 文档 · [\d.]+\sKB$/);
  console.expectClean();
  await context.close();
});

test("on a desktop, an item's information table has two label–value pairs a row, as portals show it", async () => {
  const context = await newContext(browser(), { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(await itemPath(page));
  const tops = await page.locator(".item-meta dl > div").evaluateAll((divs) => divs.map((d) => d.getBoundingClientRect().top));
  expect(tops[0]).toBe(tops[1]);
  expect(tops[2]).toBeGreaterThan(tops[0]!);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await screenshot(page, "desktop-item");
  await context.close();
});
