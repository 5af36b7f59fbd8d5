import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { baseUrl, hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();
const ID = "110101199003074514";
const MASKED = "110101********4514";
// A title no demo item has, with a two-character word to search for.
const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const TITLE = `关于东湖区湿地保护巡查情况的通报（${stamp}）`;

async function signedIn(b: Browser, username: string): Promise<Page> {
  const context = await newContext(b);
  const page = await context.newPage();
  await page.goto("/login");
  await login(page, username);
  await page.waitForURL("**/t/demo-donghu/admin");
  return page;
}

async function approveOn(page: Page, documentUrl: string) {
  await page.goto(documentUrl);
  await page.getByRole("button", { name: "同意", exact: true }).click();
  // The message says where the document went, or what the last approval did (published, sent).
  await page.getByText(/^已同意/).waitFor();
}

describe("an item goes from a drafter's editor to the public portal", () => {
  test("drafted with an ID number, flagged by the scan, redacted in 保密审查, approved, then public: 索引号, masked, searchable, in the feed and the API", async () => {
    // 1. The drafter writes the item; the ID number in its body is their mistake.
    const drafter = await signedIn(browser(), "donghu.drafter");
    const console = watch(drafter);
    await drafter.goto("/t/demo-donghu/admin/disclosure/new");
    await hydrated(drafter);
    await drafter.locator("#f-title").fill(TITLE);
    await drafter.locator("#f-categoryKey").selectOption("supervision");
    await drafter.locator("#f-writtenOn").fill("2026-11-16");
    await drafter.locator("#f-formedOn").fill("2026-11-16");
    await drafter.locator("#f-topic").selectOption({ index: 1 });
    // The body is the rich-text editor once the page has hydrated: two paragraphs.
    await drafter.getByRole("textbox", { name: "正文" }).click();
    await drafter.keyboard.type("巡查发现湿地周边存在违规倾倒现象，已责令清理。");
    await drafter.keyboard.press("Enter");
    await drafter.keyboard.type(`举报人身份证号${ID}，已电话回复。`);
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    // The scan holds the submission and shows what it found; submitting again sends it on.
    await drafter.waitForURL("**/admin/disclosure/drafts/**");
    await drafter.getByText("居民身份证号码").first().waitFor();
    await screenshot(drafter, "disclosure-editor-findings");
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    await drafter.waitForURL("**/admin/documents/**");
    const documentUrl = new URL(drafter.url()).pathname;
    // The drafter sees the original with the finding marked.
    await expect.poll(() => drafter.locator("mark").first().innerText()).toContain(ID);
    await screenshot(drafter, "disclosure-submitted");
    console.expectClean();
    await drafter.context().close();

    // 2. 科室负责人 approves.
    const dept = await signedIn(browser(), "donghu.dept_reviewer");
    await approveOn(dept, documentUrl);
    await dept.context().close();

    // 3. 保密审查: approving before deciding the finding is refused; redact it, record 主动公开, approve.
    const classifier = await signedIn(browser(), "donghu.classifier");
    await classifier.goto(documentUrl);
    await classifier.getByText("居民身份证号码").first().waitFor();
    // 同意 stays disabled while the finding is open, the reason beside it.
    expect(await classifier.getByRole("button", { name: "同意", exact: true }).isDisabled()).toBe(true);
    await classifier.getByRole("link", { name: "还有 1 条扫描发现未处理" }).waitFor();
    await classifier.getByRole("button", { name: "脱敏", exact: true }).first().click();
    await classifier.getByText("脱敏", { exact: true }).first().waitFor();
    await classifier.getByLabel("主动公开", { exact: true }).check();
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.getByText("审查意见已保存。").waitFor();
    await screenshot(classifier, "disclosure-classification");
    await approveOn(classifier, documentUrl);
    await classifier.context().close();

    // 4. 分管领导 approves: the item is published at once.
    const leader = await signedIn(browser(), "donghu.leader");
    await approveOn(leader, documentUrl);
    await leader.goto(documentUrl);
    const indexNumber = (await leader.locator("dl.meta-table dd").nth(1).innerText()).trim();
    expect(indexNumber).toMatch(/^11361202015721089A\/2026-\d{5}$/);
    await leader.context().close();

    // 5. The public finds it by a two-character search, with the 索引号 and the ID masked.
    const context = await newContext(browser());
    const reader = await context.newPage();
    await reader.goto("/t/demo-donghu/disclosure/search?q=湿地");
    await reader.getByRole("link", { name: TITLE }).click();
    await reader.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const page = await reader.content();
    expect(page).toContain(indexNumber);
    expect(page).toContain(MASKED);
    expect(page).not.toContain(ID);
    await screenshot(reader, "disclosure-public-item");

    // 6. In the feed and the open-data API, masked there too.
    const feed = await (await fetch(`${baseUrl}/t/demo-donghu/disclosure/feeds/all`)).text();
    expect(feed).toContain(TITLE);
    expect(feed).not.toContain(ID);
    const api = (await (await fetch(`${baseUrl}/api/v1/t/demo-donghu/disclosure/items?q=${encodeURIComponent("湿地")}`)).json()) as { items: { title: string; indexNumber: string }[] };
    expect(api.items.find((i) => i.title === TITLE)?.indexNumber).toBe(indexNumber);
    await context.close();
  });
});
