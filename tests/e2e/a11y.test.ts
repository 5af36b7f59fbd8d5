import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** A readable list of what axe found, one line per offending node. */
function describe(violations: Result["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n");
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length) console.log(`axe on ${page.url()}:\n${describe(serious)}`);
  return { serious, passes: result.passes.length };
}

/**
 * Public pages in the variants the sweep (sweep.test.ts) does not run axe in: it checks every public
 * page once per width in zh-CN, English and zh-CN 长者模式, at its address without a query, so
 * zh-TW, English in 长者模式 and a search with results are checked here.
 */
const PAGES = [
  { name: "login-elder-zh-TW", path: "/login?elder=1&lng=zh-TW" },
  { name: "disclosure-guide-zh-TW", path: "/t/demo-donghu/disclosure/guide?lng=zh-TW" },
  { name: "disclosure-search", path: "/t/demo-donghu/disclosure/search?q=%E7%9B%91%E6%B5%8B" },
  { name: "disclosure-category-en-elder", path: "/t/demo-donghu/disclosure/categories/policy?lng=en&elder=1" },
  { name: "requests-apply-elder-zh-TW", path: "/t/demo-donghu/requests/new?elder=1&lng=zh-TW" },
];

test.each(PAGES)("axe finds nothing serious or critical on $path", async ({ name, path }) => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);
  await page.goto(path);
  await hydrated(page);
  await screenshot(page, `public-${name}`);

  const { serious, passes } = await seriousViolations(page);
  expect(passes, "axe ran its checks").toBeGreaterThan(10);
  expect(serious.map((v) => `${v.id} (${v.nodes.length})`), describe(serious)).toEqual([]);

  console.expectClean();
  await context.close();
});

// Axe on the platform's 404 page is the sweep's (/no-such-page, both widths).
test("the 404 page has a title and hydrates without a console error", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page, ["404"]);
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await hydrated(page);
  expect(await page.title()).toBe("页面不存在 · 公开 · 生态环境政务公开平台");
  console.expectClean();
  await context.close();
});

test("the staff shell, with the office switcher open, has nothing serious for axe", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, "city.supervisor");
  await page.waitForURL("**/t/demo-city/admin");
  await hydrated(page);
  await page.locator("details.switcher summary").click();
  const { serious } = await seriousViolations(page);
  expect(serious.map((v) => `${v.id} (${v.nodes.length})`), describe(serious)).toEqual([]);
  console.expectClean();
  await context.close();
});

test("the disclosure staff pages have nothing serious for axe", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, "donghu.drafter");
  await page.waitForURL("**/t/demo-donghu/admin");
  for (const path of ["/t/demo-donghu/admin/disclosure", "/t/demo-donghu/admin/disclosure/new", "/t/demo-donghu/admin/disclosure/list", "/t/demo-donghu/admin/disclosure/dashboard"]) {
    await page.goto(path);
    await hydrated(page);
    const { serious } = await seriousViolations(page);
    expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.length})`), describe(serious)).toEqual([]);
  }
  await screenshot(page, "disclosure-dashboard");
  console.expectClean();
  await context.close();
});

test("the requests staff pages have nothing serious for axe", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, "donghu.requests_officer");
  await page.waitForURL("**/t/demo-donghu/admin");
  for (const path of ["/t/demo-donghu/admin/requests", "/t/demo-donghu/admin/requests?urgency=overdue", "/t/demo-donghu/admin/requests/register"]) {
    await page.goto(path);
    await hydrated(page);
    const { serious } = await seriousViolations(page);
    expect(serious.map((v) => `${path}: ${v.id} (${v.nodes.length})`), describe(serious)).toEqual([]);
  }
  await page.goto("/t/demo-donghu/admin/requests");
  await page.locator("table a").first().click();
  await page.waitForURL("**/admin/requests/applications/**");
  await hydrated(page);
  const { serious } = await seriousViolations(page);
  expect(serious.map((v) => `application page: ${v.id} (${v.nodes.length})`), describe(serious)).toEqual([]);
  await screenshot(page, "requests-application");
  console.expectClean();
  await context.close();
});

test("the skip link is the first stop for the keyboard and leads to the main content", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  await page.goto("/t/demo-donghu");
  await hydrated(page);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute("href") }));
  expect(focused).toEqual({ text: "跳到主要内容", href: "#main" });
  // Visible when focused, so a sighted keyboard user can see it.
  const box = await page.locator(".skip-link").boundingBox();
  expect(box && box.x >= 0 && box.width > 0).toBe(true);
  await page.keyboard.press("Enter");
  expect(page.url()).toMatch(/#main$/);
  await context.close();
});
