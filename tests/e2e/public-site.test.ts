import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { hydrated, newContext, screenshot, useBrowser, watch } from "./browser";

/** Issue 16: an office's public pages as one site — its one navigation, breadcrumbs and footer — on a phone, in 长者模式 and on a desktop. */
const browser = useBrowser();

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const OFFICE = "/t/demo-donghu";
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(主导航|主導航|Main navigation)$/ });

async function serious(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.each([
  { name: "office", path: OFFICE },
  { name: "requests", path: `${OFFICE}/requests` },
  { name: "requests-elder", path: `${OFFICE}/requests?elder=1` },
  { name: "catalogue-elder-en", path: `${OFFICE}/disclosure/catalogue?elder=1&lng=en` },
  { name: "apply-elder", path: `${OFFICE}/requests/new?elder=1` },
  { name: "not-found-elder", path: `${OFFICE}/no/such/page?elder=1`, status: 404 },
])("on a phone, $path: the nav scrolls inside its box, the page starts on the first screen, the footer stacks", async ({ name, path, status }) => {
  const context = await newContext(browser(), PHONE);
  const page = await context.newPage();
  const console = watch(page, status ? ["404"] : []);
  const response = await page.goto(path);
  expect(response?.status()).toBe(status ?? 200);
  await hydrated(page);
  await screenshot(page, `public-site-phone-${name}`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  // One navigation, all of it reachable: its list may be wider than the screen, but it scrolls inside its box.
  await expect.poll(() => mainNav(page).count()).toBe(1);
  const list = mainNav(page).locator("ul");
  const box = await list.evaluate((ul) => ({ width: ul.clientWidth, scroll: ul.scrollWidth, overflowX: getComputedStyle(ul).overflowX }));
  expect(box.width).toBeLessThanOrEqual(360);
  if (box.scroll > box.width) expect(box.overflowX).toBe("auto");
  // The current entry (依申请公开 lies past the first screen's width) is scrolled into view.
  const here = mainNav(page).locator("a[aria-current]");
  if ((await here.count()) > 0) {
    const link = (await here.boundingBox())!;
    expect(link.x).toBeGreaterThanOrEqual(0);
    expect(link.x + link.width).toBeLessThanOrEqual(360);
  }
  // The page's heading is on the first screen: no menu pushes it away.
  const h1 = await page.locator("main h1").first().boundingBox();
  expect(h1).not.toBeNull();
  expect(h1!.y + h1!.height).toBeLessThan(740);
  // The footer's office contact and platform line sit one above the other.
  const [office, platform] = await Promise.all([page.locator(".public-site-footer section").boundingBox(), page.locator(".public-site-footer-platform").boundingBox()]);
  expect(platform!.y).toBeGreaterThanOrEqual(office!.y + office!.height - 1);
  console.expectClean();
  await context.close();
});

test("on a desktop the navigation moves with the reader: entry current, breadcrumbs, 申请查询 reached from the portal", async () => {
  const context = await newContext(browser(), { viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const console = watch(page);
  await page.goto(`${OFFICE}/disclosure`);
  await hydrated(page);
  const nav = mainNav(page);
  expect(await nav.getByRole("link", { name: "政府信息公开", exact: true }).getAttribute("aria-current")).toBe("page");
  // Client-side navigation (hydrated): the current entry and the breadcrumbs follow.
  await nav.getByRole("link", { name: "申请查询", exact: true }).click();
  await page.waitForURL(`**${OFFICE}/requests/track`);
  await expect.poll(() => nav.getByRole("link", { name: "申请查询", exact: true }).getAttribute("aria-current")).toBe("page");
  expect(await nav.getByRole("link", { name: "政府信息公开", exact: true }).getAttribute("aria-current")).toBeNull();
  const crumbs = page.getByRole("navigation", { name: "当前位置" });
  expect((await crumbs.locator("li").allInnerTexts()).map((t) => t.trim())).toEqual(["本机关首页", "申请查询"]);
  // From the request pages back to the portal, and into a page below a section.
  await nav.getByRole("link", { name: "依申请公开", exact: true }).click();
  await page.waitForURL(`**${OFFICE}/requests`);
  await page.getByRole("main").getByRole("link", { name: "在线提交申请" }).click();
  await page.waitForURL(`**${OFFICE}/requests/new`);
  await expect.poll(() => nav.getByRole("link", { name: "依申请公开", exact: true }).getAttribute("aria-current")).toBe("true");
  expect((await crumbs.locator("li").allInnerTexts()).map((t) => t.trim())).toEqual(["本机关首页", "依申请公开", "政府信息公开申请"]);
  // The whole navigation fits one line at 1366 px.
  const tops = await nav.locator("li").evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await screenshot(page, "public-site-desktop-apply");
  console.expectClean();
  await context.close();
});

test.each([
  { name: "requests", path: `${OFFICE}/requests` },
  { name: "catalogue-zh-TW", path: `${OFFICE}/disclosure/catalogue?lng=zh-TW` },
  { name: "not-found", path: `${OFFICE}/no/such/page`, status: 404 },
])("axe finds nothing serious or critical on $path", async ({ path, status }) => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page, status ? ["404"] : []);
  const response = await page.goto(path);
  expect(response?.status()).toBe(status ?? 200);
  await hydrated(page);
  if (status === 404) expect(await page.title()).toBe("页面不存在 · 公开 · 生态环境政务公开平台");
  expect(await serious(page)).toEqual([]);
  console.expectClean();
  await context.close();
});
