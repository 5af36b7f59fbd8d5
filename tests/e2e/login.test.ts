import { expect, test } from "vitest";
import { DEMO_PASSWORD, login, newContext, screenshot, textOf, useBrowser, watch } from "./browser";

const browser = useBrowser();

test("signing in works with JavaScript turned off", async () => {
  const context = await newContext(browser(), { javaScriptEnabled: false });
  const page = await context.newPage();
  // Chromium without JavaScript refuses the <link rel="modulepreload"> fetches, reason "csp".
  const console = watch(page, [".js: csp"]);

  await page.goto("/login");
  // The page's own scripts did not run (Remix would have set up its context).
  expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
  await login(page, "donghu.drafter");
  await page.waitForURL("**/t/demo-donghu/admin");
  await page.getByRole("heading", { level: 1, name: "工作台" }).waitFor();
  expect(await textOf(page, ".shell-org")).toBe("示范市生态环境局东湖分局");
  await screenshot(page, "staff-no-js");

  console.expectClean();
  await context.close();
});

test("a wrong password is refused with a message, and the form is shown again", async () => {
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);

  await page.goto("/login");
  await login(page, "xishan.viewer", "Not-The-Password-1");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  expect(await alert.innerText()).toBe("用户名或密码错误。");
  expect(page.url()).toMatch(/\/login$/);
  await screenshot(page, "login-wrong-password");

  // The same form still signs in with the right password.
  await login(page, "xishan.viewer");
  await page.waitForURL("**/t/demo-xishan/admin");

  console.expectClean();
  await context.close();
});

test("five wrong passwords lock the account: the right one is then refused with the lock message", async () => {
  // nanling.viewer is used by no other test: after this it stays locked for 15 minutes.
  const context = await newContext(browser());
  const page = await context.newPage();
  const console = watch(page);

  // Each attempt from a freshly loaded form, so the message read is the answer to that attempt.
  const attempt = async (password: string) => {
    await page.goto("/login");
    expect(await page.getByRole("alert").count()).toBe(0);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login"));
    await login(page, "nanling.viewer", password);
    expect((await answered).status()).toBeLessThan(400);
    await page.getByRole("alert").waitFor();
    return page.getByRole("alert").innerText();
  };
  const answers: string[] = [];
  for (let i = 1; i <= 5; i++) answers.push(await attempt(`Wrong-Password-${i}`));
  expect(answers.slice(0, 4)).toEqual(Array(4).fill("用户名或密码错误。"));

  expect(answers[4]).toMatch(/^(用户名或密码错误。|账户已锁定)/);

  // The sixth, with the right password: refused, and the reader is told why and until when.
  const message = await attempt(DEMO_PASSWORD);
  expect(message).toContain("账户已锁定");
  // The time to try again is a real time, not an empty placeholder.
  expect(message).toMatch(/请于 \S.* 后再试/);
  expect(page.url()).toMatch(/\/login$/);
  await screenshot(page, "login-locked");

  // Still locked on a fresh visit: no session was created.
  const response = await page.goto("/t/demo-nanling/admin");
  expect(page.url()).toContain("/login");
  expect(response?.status()).toBe(200);

  console.expectClean();
  await context.close();
});
