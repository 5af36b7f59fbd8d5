import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { totpCode } from "../helpers/totp";

type Entry = { secret: string; lastStep: number };

/**
 * The secret each account enrolled, per server (callers key it "<server URL> <username>"), and the
 * last time step a code of it was used. Kept in a file of the run, not in memory: the test files
 * run one after another in forks of one vitest process (their parent), and an administrator one
 * file enrolled on the shared server must be signed in by the next file with the same secret.
 */
const storePath = join(tmpdir(), `gongkai-e2e-totp-${process.ppid}.json`);
const readStore = (): Record<string, Entry> => {
  try {
    return JSON.parse(readFileSync(storePath, "utf8")) as Record<string, Entry>;
  } catch {
    return {};
  }
};
const enrolled = {
  get: (key: string): Entry | undefined => readStore()[key],
  set: (key: string, entry: Entry) => writeFileSync(storePath, JSON.stringify({ ...readStore(), [key]: entry })),
};

/**
 * A code the server has not seen yet: the current one, or the next step's (accepted as one step
 * of clock drift) when the current one was just used; waits only if even that one was.
 */
async function freshCode(key: string, entry: Entry): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= entry.lastStep) step = entry.lastStep + 1;
  const wait = step * 30_000 - Date.now() - 30_000;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 500));
  entry.lastStep = step;
  enrolled.set(key, entry);
  return totpCode(entry.secret, step * 30_000);
}

/** The page the password form led to: a step of the pending sign-in, or somewhere past the sign-in. */
export async function afterPassword(page: Page): Promise<"enrol" | "verify" | "done"> {
  await page.waitForURL((url) => url.pathname !== "/login");
  const path = new URL(page.url()).pathname;
  return path === "/login/enrol" ? "enrol" : path === "/login/verify" ? "verify" : "done";
}

/**
 * Enrols an authenticator as a person would, from the secret the page shows beside its QR code,
 * and returns the recovery codes it shows once; the session starts on "continue".
 */
export async function enrolAuthenticator(page: Page, key: string): Promise<string[]> {
  const secret = (await page.locator("code.totp-secret").innerText()).replace(/\s/g, "");
  const entry = { secret, lastStep: 0 };
  enrolled.set(key, entry);
  await page.locator('input[name="code"]').fill(await freshCode(key, entry));
  await page.locator('input[name="code"]').press("Enter");
  await page.waitForURL("**/login/recovery-codes");
  const codes = await page.locator(".recovery-codes code").allInnerTexts();
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return codes;
}

/** Types the current code on the verification page. */
export async function enterCode(page: Page, key: string): Promise<void> {
  const entry = enrolled.get(key);
  if (!entry) throw new Error(`no authenticator enrolled for ${key} in this run`);
  await page.locator('input[name="code"]').fill(await freshCode(key, entry));
  await page.locator('input[name="code"]').press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** After the password: enrols (first time) or enters a code, whichever the server asks for. */
export async function passSecondFactor(page: Page, key: string): Promise<void> {
  const step = await afterPassword(page);
  if (step === "enrol") await enrolAuthenticator(page, key);
  else if (step === "verify") await enterCode(page, key);
}
