import { describe, expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, textOf, useBrowser, watch } from "./browser";

const browser = useBrowser();

const DONGHU = {
  "zh-CN": "示范市生态环境局东湖分局",
  "zh-TW": "示範市生態環境局東湖分局",
  en: "Donghu Branch, Demo City Ecology and Environment Bureau",
} as const;

/** What a person reads on the sign-in form and the staff home, per language. */
const UI = {
  "zh-CN": { loginTitle: "工作人员登录", username: "用户名", password: "密码", submit: "登录", workspace: "工作台", staffArea: "政务公开工作平台" },
  "zh-TW": { loginTitle: "工作人員登入", username: "使用者名稱", password: "密碼", submit: "登入", workspace: "工作臺", staffArea: "政務公開工作平臺" },
  en: { loginTitle: "Staff sign-in", username: "Username", password: "Password", submit: "Sign in", workspace: "Workspace", staffArea: "Disclosure workspace" },
} as const;

describe.each(Object.keys(UI) as (keyof typeof UI)[])("signing in with the interface in %s", (lng) => {
  test("lands in the staff shell of the user's office, in that language", async () => {
    // A browser set to that language, which also picks it with ?lng= on the sign-in page.
    const context = await newContext(browser(), { locale: lng });
    const page = await context.newPage();
    const console = watch(page);
    const ui = UI[lng];

    await page.goto(`/login?lng=${lng}`);
    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect(await textOf(page, "h1")).toBe(ui.loginTitle);
    await screenshot(page, `login-${lng}`);

    await login(page, "donghu.drafter", undefined, ui);
    await page.waitForURL("**/t/demo-donghu/admin");
    await page.getByRole("heading", { level: 1, name: ui.workspace }).waitFor();
    await hydrated(page);

    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect(await textOf(page, ".shell-org")).toBe(DONGHU[lng]);
    expect(await textOf(page, ".shell-title")).toContain(ui.staffArea);
    expect(await textOf(page, "main h1")).toBe(ui.workspace);
    expect(await page.title()).toBe(DONGHU[lng]);
    // A single office: nothing to switch to.
    expect(await page.locator("details.switcher").count()).toBe(0);
    await screenshot(page, `staff-${lng}`);

    // A full load of the same page (no client-side navigation) says the same.
    await page.reload();
    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect(await textOf(page, "main h1")).toBe(ui.workspace);
    expect(await textOf(page, ".shell-org")).toBe(DONGHU[lng]);

    console.expectClean();
    await context.close();
  });
});

test("a language picked with ?lng= holds on the pages that follow", async () => {
  // A Chinese browser; the reader picks English once.
  const context = await newContext(browser(), { locale: "zh-CN" });
  const page = await context.newPage();
  const console = watch(page);

  await page.goto("/?lng=en");
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await page.getByRole("link", { name: "Staff sign-in" }).first().click();
  await page.waitForURL("**/login");
  await page.locator("#f-username").waitFor();
  expect(await textOf(page, "h1")).toBe("Staff sign-in");

  await login(page, "donghu.drafter", undefined, UI.en);
  await page.waitForURL("**/t/demo-donghu/admin");
  await page.locator(".shell-org").waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await textOf(page, ".shell-org")).toBe(DONGHU.en);
  await page.reload();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await textOf(page, "main h1")).toBe("Workspace");
  expect(await textOf(page, ".shell-org")).toBe(DONGHU.en);

  console.expectClean();
  await context.close();
});

describe("offices and who may enter them", () => {
  test("city.drafter switches from the city bureau to the Donghu branch", async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const console = watch(page);

    await page.goto("/login");
    await login(page, "city.drafter");
    await page.waitForURL("**/t/demo-city/admin");
    await hydrated(page);
    expect(await textOf(page, ".shell-org")).toBe("示范市生态环境局");

    const switcher = page.locator("details.switcher");
    await switcher.getByText("切换单位").click();
    const links = switcher.getByRole("link");
    expect(await links.allInnerTexts()).toEqual(expect.arrayContaining(["示范市生态环境局", "示范市生态环境局东湖分局"]));
    expect(await switcher.getByRole("link", { name: "示范市生态环境局", exact: true }).getAttribute("aria-current")).toBe("page");
    await screenshot(page, "switcher-open");

    await switcher.getByRole("link", { name: "示范市生态环境局东湖分局" }).click();
    await page.waitForURL("**/t/demo-donghu/admin");
    await page.getByRole("heading", { level: 1, name: "工作台" }).waitFor();
    expect(await textOf(page, ".shell-org")).toBe("示范市生态环境局东湖分局");
    // A drafter there as a member, not a supervisor: no read-only notice.
    expect(await page.locator(".notice-info").count()).toBe(0);

    console.expectClean();
    await context.close();
  });

  test("city.supervisor opens the Xishan branch read-only", async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const console = watch(page);

    await page.goto("/login");
    await login(page, "city.supervisor");
    await page.waitForURL("**/t/demo-city/admin");
    await hydrated(page);

    const switcher = page.locator("details.switcher");
    await switcher.getByText("切换单位").click();
    const xishan = switcher.getByRole("link", { name: /示范市生态环境局西山分局/ });
    expect(await xishan.locator(".badge").innerText()).toBe("只读");
    await xishan.click();
    await page.waitForURL("**/t/demo-xishan/admin");

    await page.getByText("您正以上级督查身份查看本单位，只能查阅，不能修改。").waitFor();
    expect(await textOf(page, ".shell-org")).toBe("示范市生态环境局西山分局");
    await screenshot(page, "supervisor-xishan");

    console.expectClean();
    await context.close();
  });

  test("donghu.drafter asking for another branch's admin pages gets the 404 page", async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    const console = watch(page, ["404"]);

    await page.goto("/login");
    await login(page, "donghu.drafter");
    await page.waitForURL("**/t/demo-donghu/admin");

    const response = await page.goto("/t/demo-xishan/admin");
    expect(response?.status()).toBe(404);
    expect(await textOf(page, "h1")).toBe("页面不存在");
    expect(await page.title()).toBe("页面不存在 · 公开 · 生态环境政务公开平台");
    expect(await page.locator("body").innerText()).not.toContain("示范市生态环境局西山分局");
    await screenshot(page, "not-found");

    // Same answer as for an office that does not exist at all.
    const missing = await page.goto("/t/no-such-office/admin");
    expect(missing?.status()).toBe(404);
    expect(await textOf(page, "h1")).toBe("页面不存在");

    console.expectClean();
    await context.close();
  });
});

describe("the shell at an office screen and on a phone", () => {
  test("on a phone the work comes first and the menu waits behind one button, without JavaScript too", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser(), { viewport: { width: 360, height: 740 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/login");
      await login(page, "donghu.drafter");
      await page.waitForURL("**/t/demo-donghu/admin");
      if (javaScriptEnabled) await hydrated(page);

      const heading = page.getByRole("heading", { level: 1, name: "工作台" });
      const top = (await heading.boundingBox())!.y;
      // The title bar and one line of menu button above it, not the whole menu.
      expect(top, "the page's heading is in the first screen").toBeLessThan(740 / 2);
      expect(await page.locator(".shell-nav").isVisible()).toBe(false);
      const menu = page.locator("details.shell-menu");
      const inbox = menu.getByRole("link", { name: "收件箱" });
      expect(await inbox.isVisible()).toBe(false);
      await menu.getByText("菜单", { exact: true }).click();
      expect(await inbox.isVisible()).toBe(true);
      await screenshot(page, `staff-phone-menu-${javaScriptEnabled ? "js" : "nojs"}`);
      await inbox.click();
      await page.waitForURL("**/t/demo-donghu/admin/inbox");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    }
  });

  test("at 1366 px the sidebar stands beside a work area at least 1000 px wide, in 长者模式 too", async () => {
    const context = await newContext(browser(), { viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto("/login");
    await login(page, "donghu.drafter");
    await page.waitForURL("**/t/demo-donghu/admin");
    for (const elder of ["0", "1"]) {
      await page.goto(`/t/demo-donghu/admin?elder=${elder}`);
      expect(await page.locator(".shell-nav").getByRole("link", { name: "收件箱" }).isVisible()).toBe(true);
      expect(await page.locator("details.shell-menu").isVisible()).toBe(false);
      expect((await page.locator("main#main").boundingBox())!.width, `elder=${elder}`).toBeGreaterThanOrEqual(1000);
    }
    await context.close();
  });
});
