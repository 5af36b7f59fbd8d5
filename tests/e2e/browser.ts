import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { DEMO_PASSWORD } from "./env";

export { DEMO_PASSWORD };

/** The production server started by ./server.ts. */
export const baseUrl: string = inject("baseUrl");

/** Debian's chromium, as root, with nothing phoning home (stack.md trap 11). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** One browser for the test file; each test opens its own context (cookies, language). */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("browser not launched");
    return browser;
  };
}

/** A fresh context as a reader in mainland China would have it: Chinese UI, a desktop window. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  // Waits for something that never comes fail well inside the test's own timeout.
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Collects what would show up in the browser's console as a failure: uncaught exceptions,
 * console errors (hydration mismatches, CSP refusals) and failed requests. `allow` lists
 * substrings of messages that the test expects (a 404 it asked for).
 */
export function watch(page: Page, allow: string[] = []) {
  const problems: string[] = [];
  const allowed = (text: string) => allow.some((a) => text.includes(a));
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !allowed(msg.text())) problems.push(`console.error: ${msg.text()}`);
  });
  page.on("requestfailed", (req) => {
    // A request cut short because the page moved on (the favicon of a page just left) is no fault.
    if (req.failure()?.errorText === "net::ERR_ABORTED") return;
    const text = `${req.method()} ${req.url()}: ${req.failure()?.errorText}`;
    if (!allowed(text)) problems.push(`requestfailed: ${text}`);
  });
  return {
    problems,
    expectClean() {
      expect(problems, "browser console problems").toEqual([]);
    },
  };
}

/** Waits until the client build has hydrated the document (it fetches its translations first). */
export async function hydrated(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"));
}

/** Signs in through the form, as a person would: labels, not selectors. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, labels = { username: "用户名", password: "密码", submit: "登录" }) {
  await page.getByLabel(labels.username, { exact: true }).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

/** A fresh context at an office screen (1366×768), signed in as `username` and landed on their office's 工作台. */
export async function signedIn(b: Browser, username: string, options: { office?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await newContext(b, { viewport: options.viewport ?? { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto("/login");
  await login(page, username);
  await page.waitForURL(`**${options.office ?? "/t/demo-donghu"}/admin`);
  return page;
}

/** 同意 on a document page with the quick choice `opinion` (拟同意, 同意 …), then the message says what happened. */
export async function approveWith(page: Page, opinion: string, said: string | RegExp) {
  await hydrated(page);
  await page.getByRole("button", { name: `填入意见：${opinion}`, exact: true }).click();
  expect(await page.getByLabel("审批意见", { exact: true }).inputValue()).toBe(opinion);
  await page.getByRole("button", { name: "同意", exact: true }).click();
  await page.getByText(said).waitFor();
}

const shots = fileURLToPath(new URL("./screenshots/", import.meta.url));

/** A full-page screenshot in tests/e2e/screenshots/ (gitignored) to look at after a run. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
}

/** The visible text of the first match, whitespace collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).first().innerText();
  return text.replace(/\s+/g, " ").trim();
}
