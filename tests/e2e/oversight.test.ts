import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();

/** Pixels the page is wider than the window (WCAG 1.4.10). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const OFFICE = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function signedIn(options: typeof OFFICE | typeof PHONE, username: string, path: string) {
  const context = await newContext(browser(), options);
  const page = await context.newPage();
  const console = watch(page);
  await page.goto("/login");
  await login(page, username);
  await page.waitForURL("**/admin**");
  await page.goto(path);
  await hydrated(page);
  return { context, page, console };
}

/** The table's geometry: the office column's width, the tallest body row, and whether the figures fit without scrolling inside the table box. */
const tableGeometry = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector<HTMLTableElement>(".oversight-table")!;
    const box = table.closest<HTMLElement>(".table-scroll")!;
    const rows = [...table.tBodies[0]!.rows];
    const lastHeader = table.tHead!.rows[0]!.cells[table.tHead!.rows[0]!.cells.length - 1]!;
    return {
      officeWidth: rows[0]!.cells[0]!.getBoundingClientRect().width,
      tallestRow: Math.max(...rows.map((r) => r.getBoundingClientRect().height)),
      innerScroll: box.scrollWidth - box.clientWidth,
      lastHeaderRight: lastHeader.getBoundingClientRect().right,
      boxRight: box.getBoundingClientRect().right,
      charts: document.querySelectorAll("figure.chart svg[role=img][aria-label]").length,
      dataTables: document.querySelectorAll("figure.chart details table").length,
    };
  });

test("at 1366 px the oversight table fits: office names whole, rows one line, the last column in view; charts as SVG with data tables", async () => {
  const { context, page, console } = await signedIn(OFFICE, "city.supervisor", "/t/demo-city/admin/oversight");
  await screenshot(page, "oversight-1366");
  const g = await tableGeometry(page);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(g.officeWidth).toBeGreaterThan(140);
  expect(g.tallestRow).toBeLessThan(80);
  expect(g.innerScroll).toBeLessThanOrEqual(0);
  expect(g.lastHeaderRight).toBeLessThanOrEqual(g.boxRight + 1);
  expect(g.charts).toBeGreaterThan(0);
  expect(g.dataTables).toBe(g.charts);
  // No direction is claimed for a count: the applications received carry no 越高越好.
  const receivedHeader = await page.locator(".oversight-table thead th", { hasText: "本年收到政府信息公开申请" }).innerText();
  expect(receivedHeader).not.toMatch(/越高越好|越低越好/);
  console.expectClean();
  await context.close();
});

test("in 长者模式 at 1366 px and on a 360 px phone, the oversight page does not overflow", async () => {
  for (const [options, name, path] of [
    [OFFICE, "oversight-1366-elder", "/t/demo-city/admin/oversight?elder=1"],
    [PHONE, "oversight-360", "/t/demo-city/admin/oversight"],
    [PHONE, "oversight-360-elder", "/t/demo-city/admin/oversight?elder=1"],
  ] as const) {
    const { context, page, console } = await signedIn(options, "city.supervisor", path);
    await screenshot(page, name);
    expect(await overflow(page), name).toBeLessThanOrEqual(0);
    const g = await tableGeometry(page);
    expect(g.tallestRow, name).toBeLessThan(name.includes("elder") ? 140 : 100);
    console.expectClean();
    await context.close();
  }
});

test("an office's workspace and 公开统计 show their trends as SVG charts with data tables", async () => {
  const { context, page, console } = await signedIn(OFFICE, "donghu.principal", "/t/demo-donghu/admin");
  await screenshot(page, "workspace-1366");
  expect(await page.locator("figure.chart svg[role=img]").count()).toBeGreaterThan(0);
  await expect(page.locator(".widget-card .widget-description").first().innerText()).resolves.not.toBe("");
  await page.goto("/t/demo-donghu/admin/disclosure/dashboard");
  await hydrated(page);
  await screenshot(page, "disclosure-dashboard-1366");
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  console.expectClean();
  await context.close();
});
