/**
 * Acceptance test of the plugin contract, as a newcomer lives it: in a copy of the repository,
 * `npm run plugin:new field-notes` adds a folder and touches nothing else; the new plugin's own test
 * passes; the app builds and serves it; a sysadmin switches it on for two offices; staff use it in
 * two languages; the security admin sees its permission; switching it off in one office makes its
 * pages there 404 while the other office keeps them.
 *
 * It runs its own server (from the copy) next to the one tests/e2e/server.ts starts for the others.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, copyFileSync, createWriteStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, hydrated, login, newContext, screenshot, textOf, useBrowser, watch } from "./browser";
import { cleanEnv, errorLines, exited, freePort, waitForHealth } from "./processes";
import { passSecondFactor } from "./second-factor";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ID = "field-notes";
const TITLE = "Field Notes";

/** What the scaffolded plugin says, per language (app/plugin-host/template/locales). */
const UI = {
  "zh-CN": { title: `${TITLE} 记录`, body: "内容", isPublic: "对外公开", add: "添加", saved: "已保存。", list: "记录列表", yes: "是", empty: "暂无记录。" },
  en: { title: `${TITLE} notes`, body: "Text", isPublic: "Public", add: "Add", saved: "Saved.", list: "Notes", yes: "Yes", empty: "No notes yet." },
} as const;

const PERMISSION_LABELS = {
  "zh-CN": { view: `查看 ${TITLE} 记录`, manage: `管理 ${TITLE} 记录` },
  en: { view: `See ${TITLE} notes`, manage: `Manage ${TITLE} notes` },
} as const;

interface Ran {
  code: number | null;
  out: string;
}

/** Runs a command to completion without blocking the test worker; fails with its output when it fails. */
function run(cmd: string, args: string[], cwd: string, env = cleanEnv()): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve({ code, out });
      else reject(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${out}`));
    });
  });
}

const browser = useBrowser();

describe(`npm run plugin:new ${ID}, from scaffold to a page two offices use`, () => {
  const copy = mkdtempSync(join(tmpdir(), "gongkai-scaffold-"));
  const logPath = join(copy, "server.log");
  let baseURL = "";
  let server: ChildProcess | undefined;
  const log = () => (existsSync(logPath) ? readFileSync(logPath, "utf8") : "");
  const timings: string[] = [];
  const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await fn();
    } finally {
      timings.push(`${what} ${((Date.now() - start) / 1000).toFixed(1)} s`);
    }
  };

  beforeAll(async () => {
    // The repository as a clone would have it (tracked files), plus files not yet committed but not
    // ignored, so the test sees the working tree the other browser tests see.
    await timed("copy", async () => {
      const { out } = await run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root);
      for (const file of new Set(out.split("\0").filter(Boolean))) {
        if (file === "node_modules" || !existsSync(join(root, file))) continue; // deleted in the working tree
        const stat = lstatSync(join(root, file));
        mkdirSync(dirname(join(copy, file)), { recursive: true });
        if (stat.isSymbolicLink()) symlinkSync(readlinkSync(join(root, file)), join(copy, file));
        else if (stat.isFile()) copyFileSync(join(root, file), join(copy, file));
      }
      symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
      const git = ["-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "-c", "commit.gpgsign=false"];
      await run("git", ["init", "-q"], copy);
      // A symlink is not matched by .gitignore's "node_modules/".
      appendFileSync(join(copy, ".git", "info", "exclude"), "\n/node_modules\n");
      await run("git", [...git, "add", "-A"], copy);
      await run("git", [...git, "commit", "-q", "--no-verify", "-m", "copy"], copy);
    });
  }, 60_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill("SIGKILL");
      await exited(server);
    }
    console.log(`plugin-scaffold: ${timings.join(", ")}${process.env.E2E_KEEP ? ` (copy kept in ${copy})` : ""}`);
    if (!process.env.E2E_KEEP) rmSync(copy, { recursive: true, force: true });
  });

  test("npm run plugin:new adds plugins/field-notes/ and changes nothing else", async () => {
    const { out } = await timed("plugin:new", () => run("npm", ["run", "--silent", "plugin:new", ID], copy));
    expect(out).toContain(`created plugins/${ID}/manifest.ts`);

    const { out: status } = await run("git", ["status", "--porcelain", "--untracked-files=all"], copy);
    const changed = status.split("\n").filter(Boolean);
    const outside = changed.filter((line) => !line.slice(3).startsWith(`plugins/${ID}/`));
    expect(outside, "files changed outside the new plugin's folder").toEqual([]);
    expect(changed.map((line) => line.slice(3)).sort()).toEqual(
      expect.arrayContaining([`plugins/${ID}/manifest.ts`, `plugins/${ID}/locales/zh-CN.json`, `plugins/${ID}/tests/${ID}.test.ts`]),
    );
    expect(changed.every((line) => line.startsWith("?? ")), `only new files:\n${status}`).toBe(true);
  });

  test("the new plugin's own test passes: its table keeps offices apart under row-level security", async () => {
    // On PostgreSQL too when the browser tests run against it.
    const env = cleanEnv(process.env.TEST_DATABASE_URL ? { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL } : {});
    const { out } = await timed("plugin test", () => run("npx", ["vitest", "run", `plugins/${ID}`], copy, env));
    expect(out).toMatch(/Tests\s+[1-9]\d* passed/);
    expect(out).not.toMatch(/failed|skipped/);
  }, 60_000);

  test("the copy builds and its server starts with the plugin discovered", async () => {
    await timed("build", () => run("npm", ["run", "build", "--silent"], copy));
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    const logFile = createWriteStream(logPath);
    await timed("server start", async () => {
      server = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
        cwd: copy,
        env: cleanEnv({
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(port),
          GONGKAI_DATA_DIR: join(copy, "data"),
          GONGKAI_DEMO_PASSWORD: DEMO_PASSWORD,
          LOGIN_RATE_LIMIT: "1000",
        }),
        stdio: ["ignore", "pipe", "pipe"],
      });
      server.stdout!.pipe(logFile, { end: false });
      server.stderr!.pipe(logFile, { end: false });
      await waitForHealth(baseURL, server, log);
    });
    // Not yet enabled anywhere: its public page is a 404 in every office.
    expect((await fetch(`${baseURL}/t/demo-donghu/${ID}`)).status).toBe(404);
  }, 90_000);

  /** A signed-in page of `username` on the copy's server. */
  async function signedIn(b: Browser, username: string, lands: string, locale: "zh-CN" | "en" = "zh-CN"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(b, { baseURL, locale });
    const page = await context.newPage();
    await page.goto("/login?lng=zh-CN");
    await login(page, username);
    // Platform administrators sign in with a second factor: enrolled the first time, a code after.
    await passSecondFactor(page, `${baseURL} ${username}`);
    await page.waitForURL(`**${lands}`);
    return { context, page };
  }

  /** The sysadmin's switch for this plugin in one office, found by the form's fields (intent, tenant, plugin, enabled). */
  async function toggle(page: Page, tenant: string, to: "on" | "off") {
    await page.goto("/admin/plugins");
    await hydrated(page);
    const form = page
      .locator("form")
      .filter({ has: page.locator('input[name="intent"][value="toggle"]') })
      .filter({ has: page.locator(`input[name="tenant"][value="${tenant}"]`) })
      .filter({ has: page.locator(`input[name="plugin"][value="${ID}"]`) });
    expect(await form.count(), `one switch for ${ID} in ${tenant} on /admin/plugins`).toBe(1);
    expect(await form.locator('input[name="enabled"]').inputValue(), `the switch for ${tenant} offers "${to}"`).toBe(to);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/admin/plugins"));
    await form.locator('button[type="submit"], input[type="submit"]').first().click();
    const response = await answered;
    expect(response.status(), `POST /admin/plugins ${tenant} ${to}`).toBeLessThan(400);
    if (to === "off") {
      // Disabling asks first, saying what the office loses; only the confirming submit disables.
      const step = page.getByRole("region", { name: /^确认为.*停用/ });
      await step.waitFor();
      const confirmed = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/admin/plugins"));
      await step.getByRole("button", { name: "确认停用", exact: true }).click();
      expect((await confirmed).status(), `POST /admin/plugins ${tenant} off, confirmed`).toBeLessThan(400);
    }
    const message = page.locator('[role="status"], [role="alert"]').first();
    await message.waitFor();
    expect(await message.getAttribute("role"), `the console's answer: ${await message.innerText()}`).toBe("status");
    // Shown again, the switch now offers the opposite.
    await page.goto("/admin/plugins");
    expect(await form.locator('input[name="enabled"]').inputValue(), `after switching ${tenant} ${to}, /admin/plugins shows the new state`).toBe(
      to === "on" ? "off" : "on",
    );
  }

  test("platform.sysadmin enables it for demo-donghu and demo-xishan on /admin/plugins", async () => {
    const { context, page } = await signedIn(browser(), "platform.sysadmin", "/admin");
    const console = watch(page);
    await toggle(page, "demo-donghu", "on");
    await toggle(page, "demo-xishan", "on");
    await screenshot(page, "plugin-scaffold-sysadmin");
    console.expectClean();
    await context.close();
  });

  const NOTE = `巡查记录 ${Date.now().toString(36)}`;

  test("donghu.drafter finds it in the menu and adds a note, in Chinese; the page reads in English too", async () => {
    const { context, page } = await signedIn(browser(), "donghu.drafter", "/t/demo-donghu/admin");
    const console = watch(page);
    await hydrated(page);

    const entry = page.locator(".shell-nav").getByRole("link", { name: TITLE, exact: true });
    await entry.click();
    await page.waitForURL(`**/t/demo-donghu/admin/${ID}`);
    const zh = UI["zh-CN"];
    await page.getByRole("heading", { level: 1, name: zh.title }).waitFor();
    expect(await entry.getAttribute("aria-current")).toBe("page");
    expect(await textOf(page, "main table caption")).toBe(zh.list);
    await page.getByText(zh.empty, { exact: true }).waitFor();

    await page.getByLabel(zh.body, { exact: true }).fill(NOTE);
    await page.getByLabel(zh.isPublic).check();
    await page.getByRole("button", { name: zh.add, exact: true }).click();
    expect(await page.getByRole("status").innerText()).toBe(zh.saved);
    const row = page.getByRole("row").filter({ hasText: NOTE });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(1).innerText()).toBe(zh.yes);
    await screenshot(page, "plugin-scaffold-zh-CN");

    // The same page in English: the plugin's own en.json, and the note is still there after a full load.
    await page.goto(`/t/demo-donghu/admin/${ID}?lng=en`);
    const en = UI.en;
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await textOf(page, "main h1")).toBe(en.title);
    expect(await textOf(page, "main table caption")).toBe(en.list);
    await page.getByLabel(en.body, { exact: true }).waitFor();
    await page.getByLabel(en.isPublic).waitFor();
    await page.getByRole("button", { name: en.add, exact: true }).waitFor();
    expect(await page.getByRole("row").filter({ hasText: NOTE }).getByRole("cell").nth(1).innerText()).toBe(en.yes);
    expect(await page.locator(".shell-nav").getByRole("link", { name: TITLE, exact: true }).count()).toBe(1);
    await screenshot(page, "plugin-scaffold-en");

    console.expectClean();
    await context.close();
  });

  test("the public page of demo-donghu shows the note marked public, to anyone", async () => {
    const context = await newContext(browser(), { baseURL });
    const page = await context.newPage();
    const console = watch(page);
    const response = await page.goto(`/t/demo-donghu/${ID}`);
    expect(response?.status()).toBe(200);
    expect(await textOf(page, "main h1")).toBe(UI["zh-CN"].title);
    await page.getByText(NOTE, { exact: true }).waitFor();
    console.expectClean();
    await context.close();
  });

  test("platform.secadmin sees the plugin's permissions, with their translated labels, in the role editor", async () => {
    const { context, page } = await signedIn(browser(), "platform.secadmin", "/admin");
    const console = watch(page);
    for (const lng of ["zh-CN", "en"] as const) {
      await page.goto(`/admin/roles?tenant=demo-donghu&lng=${lng}`);
      for (const [action, label] of Object.entries(PERMISSION_LABELS[lng])) {
        const header = page.getByRole("rowheader").filter({ hasText: `${ID}.notes.${action}` });
        expect(await header.count(), `a row for ${ID}.notes.${action} in ${lng}`).toBe(1);
        expect(await header.innerText()).toContain(label);
      }
    }
    console.expectClean();
    await context.close();
  });

  /** The HTTP status of the plugin's admin and public pages in an office, asked for by the page's user. */
  async function statuses(page: Page, tenant: string) {
    const admin = await page.goto(`/t/${tenant}/admin/${ID}`);
    const pub = await page.goto(`/t/${tenant}/${ID}`);
    return { admin: admin?.status(), public: pub?.status() };
  }

  test("disabled for demo-xishan: its pages there 404 while demo-donghu keeps them; enabled again, xishan's data is still there", async () => {
    const xishan = await signedIn(browser(), "xishan.drafter", "/t/demo-xishan/admin");
    const donghu = await signedIn(browser(), "donghu.drafter", "/t/demo-donghu/admin");
    const zh = UI["zh-CN"];
    const xishanNote = `西山${NOTE}`;
    await xishan.page.goto(`/t/demo-xishan/admin/${ID}`);
    await hydrated(xishan.page);
    await xishan.page.getByLabel(zh.body, { exact: true }).fill(xishanNote);
    await xishan.page.getByRole("button", { name: zh.add, exact: true }).click();
    await xishan.page.getByRole("row").filter({ hasText: xishanNote }).waitFor();
    // Each office sees only its own notes.
    expect(await xishan.page.getByRole("row").filter({ hasText: NOTE }).count()).toBe(1);
    expect(await statuses(xishan.page, "demo-xishan"), "xishan before the switch").toEqual({ admin: 200, public: 200 });
    expect(await statuses(donghu.page, "demo-donghu"), "donghu before the switch").toEqual({ admin: 200, public: 200 });

    const sys = await signedIn(browser(), "platform.sysadmin", "/admin");
    await toggle(sys.page, "demo-xishan", "off");

    const xConsole = watch(xishan.page, ["404"]);
    expect(await statuses(xishan.page, "demo-xishan"), "xishan after the switch").toEqual({ admin: 404, public: 404 });
    // Nor is it in xishan's menu any more.
    await xishan.page.goto("/t/demo-xishan/admin");
    expect(await xishan.page.locator(".shell-nav").getByRole("link", { name: TITLE }).count()).toBe(0);

    expect(await statuses(donghu.page, "demo-donghu"), "donghu after the switch").toEqual({ admin: 200, public: 200 });
    await donghu.page.goto(`/t/demo-donghu/admin/${ID}`);
    await donghu.page.getByRole("row").filter({ hasText: NOTE }).waitFor();

    // Switched back on, xishan finds its note: disabling hides a plugin, it deletes nothing.
    await toggle(sys.page, "demo-xishan", "on");
    await sys.context.close();
    await xishan.page.goto(`/t/demo-xishan/admin/${ID}`);
    await xishan.page.getByRole("row").filter({ hasText: xishanNote }).waitFor();

    xConsole.expectClean();
    await xishan.context.close();
    await donghu.context.close();
  });

  test("the copy's server stops cleanly on SIGTERM, having logged no errors", async () => {
    expect(server, "the server was started").toBeDefined();
    server!.kill("SIGTERM");
    const result = await exited(server!);
    expect(result, `exit on SIGTERM:\n${log().slice(-3000)}`).toEqual({ code: 0, signal: null });
    expect(errorLines(log())).toEqual([]);
  }, 20_000);
});
