import type { Browser, Page } from "playwright-core";
import { hydrated, login, newContext } from "../browser";

async function signedIn(b: Browser, username: string): Promise<Page> {
  const context = await newContext(b);
  const page = await context.newPage();
  await page.goto("/login?lng=zh-CN");
  await login(page, username);
  await page.waitForURL("**/t/demo-donghu/admin");
  return page;
}

async function fillItem(page: Page, title: string) {
  await page.goto("/t/demo-donghu/admin/disclosure/new?lng=zh-CN");
  await hydrated(page);
  await page.locator("#f-title").fill(title);
  await page.locator("#f-categoryKey").selectOption("supervision");
  await page.locator("#f-writtenOn").fill("2026-11-16");
  await page.locator("#f-formedOn").fill("2026-11-16");
  await page.locator("#f-topic").selectOption({ index: 1 });
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("巡查发现湿地周边存在违规倾倒现象，已责令清理。");
}

/**
 * The pages a fresh demo has none of yet: a drafter's saved draft, and a document waiting at
 * 保密审查 (drafted, submitted, approved by 科室负责人). Made once, as people make them, so that the
 * sweep reaches the editor of a draft and the document page at the classification step whether it
 * runs alone or after the other browser files.
 */
export async function prepareDemoState(b: Browser): Promise<void> {
  const stamp = Date.now().toString(36).slice(-4).toUpperCase();
  const drafter = await signedIn(b, "donghu.drafter");
  await fillItem(drafter, `关于东湖区湿地巡查情况的通报（草稿 ${stamp}）`);
  await drafter.getByRole("button", { name: "保存草稿" }).click();
  await drafter.waitForURL("**/admin/disclosure/drafts/**");

  await fillItem(drafter, `关于东湖区湿地巡查情况的通报（${stamp}）`);
  await drafter.getByRole("button", { name: "保存并提交审核" }).click();
  await drafter.waitForURL("**/admin/documents/**");
  const documentUrl = new URL(drafter.url()).pathname;
  await drafter.context().close();

  const dept = await signedIn(b, "donghu.dept_reviewer");
  await dept.goto(documentUrl);
  await dept.getByRole("button", { name: "同意", exact: true }).click();
  await dept.getByText(/^已同意/).waitFor();
  await dept.context().close();
}
