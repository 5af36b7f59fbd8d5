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
