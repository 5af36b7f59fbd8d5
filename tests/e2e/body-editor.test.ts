import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

const browser = useBrowser();
const ID = "110101199003074514";
const MASKED = "110101********4514";
const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const TITLE = `关于东江流域水质监测工作情况的通报（${stamp}）`;
/** What Word puts on the clipboard: MsoNormal paragraphs, <o:p>, mso-list paragraphs, a table. */
const WORD = readFileSync(new URL("../fixtures/word-clipboard.html", import.meta.url), "utf8");

async function signedIn(b: Browser, username: string): Promise<Page> {
  const context = await newContext(b);
  const page = await context.newPage();
  await page.goto("/login");
  await login(page, username);
  await page.waitForURL("**/t/demo-donghu/admin");
  return page;
}

const BODY = '[data-rendition="payload.body"]';

/** The body's structure as a reader sees it: its headings, paragraphs, lists and tables. */
function structure(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => ({
    headings: [...el.querySelectorAll("h2, h3, h4")].map((h) => `${h.tagName}:${h.textContent}`),
    paragraphs: [...el.querySelectorAll(":scope > p")].map((p) => p.textContent),
    lists: [...el.querySelectorAll("ol, ul")].map((l) => `${l.tagName}:${[...l.querySelectorAll("li")].map((li) => li.textContent).join("|")}`),
    tables: [...el.querySelectorAll("table")].map((t) => [...t.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent).join("|"))),
    strong: [...el.querySelectorAll("strong")].map((s) => s.textContent),
  }));
}

const EXPECTED = {
  headings: ["H2:工作概况", "H2:一、监测结果"],
  paragraphs: ["第一段：本季度开展东江流域水质监测。", `第二段：举报人身份证号${MASKED}，已回复。`, "第三段：监测结果总体稳定。", "本季度全市地表水国控断面水质优良比例为86.7%，同比上升3.3个百分点。"],
  lists: ["OL:加强监测|严格执法", "OL:加强饮用水水源地保护|推进入河排污口整治", "UL:责任单位：各区生态环境分局"],
  tables: [
    ["断面|水质|备注", "东江桥|Ⅱ类|", "||"],
    ["断面|水质类别", "东江桥|Ⅱ类"],
  ],
  strong: ["86.7%", "断面", "水质类别"],
};

async function approveOn(page: Page, documentUrl: string) {
  await page.getByRole("button", { name: "同意", exact: true }).click();
  // The message says where the document went, or what the last approval did (published, sent).
  await page.getByText(/^已同意/).waitFor();
  await page.goto(documentUrl);
}

describe("the body editor: what the reviewers approve is what is published", () => {
  test("typed and pasted-from-Word structure reaches every reviewer and the public page as one rendition", async () => {
    // 1. The drafter types a heading, three paragraphs, a list and a table, and pastes a Word fragment.
    const drafter = await signedIn(browser(), "donghu.drafter");
    const console = watch(drafter);
    await drafter.goto("/t/demo-donghu/admin/disclosure/new");
    await hydrated(drafter);
    await drafter.locator("#f-title").fill(TITLE);
    await drafter.locator("#f-categoryKey").selectOption("supervision");
    await drafter.locator("#f-writtenOn").fill("2026-11-16");
    await drafter.locator("#f-formedOn").fill("2026-11-16");
    await drafter.locator("#f-topic").selectOption({ index: 1 });

    const editor = drafter.getByRole("textbox", { name: "正文" });
    const area = drafter.locator(".rich-text-editor-area");
    // Each step waits for the editor to show it before the next key: under load, a key sent while
    // ProseMirror has not yet read the text typed before it lands in the wrong place.
    const typed = () => area.evaluate((el) => (el.textContent ?? "").length);
    const type = async (text: string) => {
      const before = await typed();
      await drafter.keyboard.type(text);
      await expect.poll(typed).toBeGreaterThanOrEqual(before + text.length);
    };
    const toolbar = async (button: string, shows: string) => {
      await drafter.getByRole("button", { name: button }).click();
      await area.locator(shows).last().waitFor();
    };
    await editor.click();
    await toolbar("一级标题", "h2");
    await type("工作概况");
    await drafter.keyboard.press("Enter");
    await type("第一段：本季度开展东江流域水质监测。");
    await drafter.keyboard.press("Enter");
    await type(`第二段：举报人身份证号${ID}，已回复。`);
    await drafter.keyboard.press("Enter");
    await type("第三段：监测结果总体稳定。");
    await drafter.keyboard.press("Enter");
    await toolbar("编号列表", "ol");
    await type("加强监测");
    await drafter.keyboard.press("Enter");
    await type("严格执法");
    await drafter.keyboard.press("Enter");
    await drafter.keyboard.press("Enter");
    await toolbar("插入表格", "table");
    for (const cell of ["断面", "水质", "备注", "东江桥", "Ⅱ类"]) {
      await type(cell);
      await drafter.keyboard.press("Tab");
    }
    await drafter.keyboard.press("Control+End");
    // The paste below is a synthetic event, read at ProseMirror's selection: wait until the caret has
    // left the table (ProseMirror takes a key's move of the caret from the browser a moment later).
    const inTable = () => editor.evaluate((el) => (el as HTMLElement & { editor: { isActive(node: string): boolean } }).editor.isActive("table"));
    await expect.poll(inTable).toBe(false);
    // Pasting from Word: the browser hands the editor the clipboard's HTML.
    await editor.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "一、监测结果");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD);
    await drafter.locator(".rich-text-editor-area table").nth(1).waitFor();

    // 预览 shows the rendition through the server's one renderer, the ID still as written (nothing decided yet).
    await drafter.getByRole("button", { name: "预览", exact: true }).click();
    await drafter.locator('[data-rendition="preview"] table').nth(1).waitFor();
    expect(await structure(drafter, '[data-rendition="preview"]')).toEqual({ ...EXPECTED, paragraphs: EXPECTED.paragraphs.map((p) => p.replace(MASKED, ID)) });
    await screenshot(drafter, "body-editor-preview");

    // The scan holds the first submission for the ID number; the second sends it on.
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    await drafter.waitForURL("**/admin/disclosure/drafts/**");
    await drafter.getByText("居民身份证号码").first().waitFor();
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    await drafter.waitForURL("**/admin/documents/**");
    const documentUrl = new URL(drafter.url()).pathname;
    console.expectClean();
    await drafter.context().close();

    // 2. Each reviewer reads the same structure, the open finding already masked as it will be published.
    const renditions: string[] = [];
    const dept = await signedIn(browser(), "donghu.dept_reviewer");
    await dept.goto(documentUrl);
    expect(await structure(dept, BODY)).toEqual(EXPECTED);
    renditions.push(await dept.locator(BODY).innerHTML());
    await screenshot(dept, "body-editor-reviewer");
    await approveOn(dept, documentUrl);
    await dept.context().close();

    const classifier = await signedIn(browser(), "donghu.classifier");
    await classifier.goto(documentUrl);
    expect(await structure(classifier, BODY)).toEqual(EXPECTED);
    renditions.push(await classifier.locator(BODY).innerHTML());
    await classifier.getByRole("button", { name: "脱敏", exact: true }).first().click();
    await classifier.getByText("脱敏", { exact: true }).first().waitFor();
    await classifier.getByLabel("主动公开", { exact: true }).check();
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.getByText("审查意见已保存。").waitFor();
    renditions.push(await classifier.locator(BODY).innerHTML());
    await approveOn(classifier, documentUrl);
    await classifier.context().close();

    const leader = await signedIn(browser(), "donghu.leader");
    await leader.goto(documentUrl);
    expect(await structure(leader, BODY)).toEqual(EXPECTED);
    renditions.push(await leader.locator(BODY).innerHTML());
    await approveOn(leader, documentUrl);
    await leader.context().close();
    expect(new Set(renditions).size).toBe(1);

    // 3. The public page shows the same structure: its body's HTML is the reviewers' rendition.
    const context = await newContext(browser());
    const reader = await context.newPage();
    await reader.goto(`/t/demo-donghu/disclosure/search?q=${encodeURIComponent("东江")}`);
    await reader.getByRole("link", { name: TITLE }).click();
    await reader.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await structure(reader, BODY)).toEqual(EXPECTED);
    expect(await reader.locator(BODY).innerHTML()).toBe(renditions[0]);
    expect(await reader.content()).not.toContain(ID);
    await screenshot(reader, "body-editor-public");
    await context.close();
  });

  test("without JavaScript the body is the textarea: a blank line makes a paragraph, a newline a line break", async () => {
    const context = await newContext(browser(), { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await login(page, "donghu.drafter");
    await page.waitForURL("**/t/demo-donghu/admin");
    await page.goto("/t/demo-donghu/admin/disclosure/new");
    await page.locator("#f-title").fill(`关于无脚本正文的说明（${stamp}）`);
    await page.locator("#f-categoryKey").selectOption("supervision");
    await page.locator("#f-writtenOn").fill("2026-11-16");
    await page.locator("#f-formedOn").fill("2026-11-16");
    await page.locator("#f-topic").selectOption({ index: 1 });
    const typed = "第一段第一行\n第一段第二行\n\n第二段 <b>不是标记</b>";
    await page.locator("#f-body").fill(typed);
    await page.getByRole("button", { name: "预览", exact: true }).click();
    await page.locator('[data-rendition="preview"]').waitFor();
    expect(await page.locator('[data-rendition="preview"]').innerHTML()).toBe("<p>第一段第一行<br>第一段第二行</p><p>第二段 &lt;b&gt;不是标记&lt;/b&gt;</p>");
    // The textarea keeps what was typed, and so does the saved draft.
    expect(await page.locator("#f-body").inputValue()).toBe(typed);
    await page.getByRole("button", { name: "保存草稿", exact: true }).click();
    await page.waitForURL("**/admin/disclosure/drafts/**");
    expect(await page.locator("#f-body").inputValue()).toBe(typed);
    await screenshot(page, "body-editor-no-script");
    await context.close();
  });
});
