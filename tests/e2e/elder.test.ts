import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { hydrated, newContext, screenshot, textOf, useBrowser, watch } from "./browser";

const browser = useBrowser();

const rootFontPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const htmlClass = (page: Page) => page.evaluate(() => document.documentElement.className);

test("长者模式: ?elder=1 turns on large type, it holds on the next page, and it can be turned off", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);

  await page.goto("/");
  await hydrated(page);
  const normal = await rootFontPx(page);
  expect(await htmlClass(page)).not.toContain("elder");
  const normalH1 = (await page.locator("h1").boundingBox())!.height;

  await page.goto("/?elder=1");
  await hydrated(page);
  expect((await htmlClass(page)).split(" ")).toContain("elder");
  const elder = await rootFontPx(page);
  expect(elder).toBeGreaterThanOrEqual(normal * 1.25);
  expect((await page.locator("h1").boundingBox())!.height).toBeGreaterThan(normalH1);
  expect(await textOf(page, ".elder-toggle")).toBe("退出长者模式");
  await screenshot(page, "elder-home");

  // Follow a link, as a reader would: the next page remembers the choice.
  await page.getByRole("link", { name: "示范市生态环境局东湖分局" }).click();
  await page.waitForURL("**/t/demo-donghu");
  await page.getByRole("heading", { level: 1, name: "示范市生态环境局东湖分局" }).waitFor();
  expect((await htmlClass(page)).split(" ")).toContain("elder");
  expect(await rootFontPx(page)).toBe(elder);

  // And on a full load of another page.
  await page.goto("/login");
  expect((await htmlClass(page)).split(" ")).toContain("elder");
  await screenshot(page, "elder-login");

  // The toggle turns it off again, and that too is remembered.
  await page.getByRole("link", { name: "退出长者模式" }).click();
  await page.waitForURL(/elder=0/);
  expect(await htmlClass(page)).not.toContain("elder");
  await page.goto("/");
  expect(await htmlClass(page)).not.toContain("elder");
  expect(await rootFontPx(page)).toBe(normal);

  console.expectClean();
  await context.close();
});
