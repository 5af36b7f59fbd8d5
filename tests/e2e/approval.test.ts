import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { approveWith, hydrated, screenshot, signedIn, useBrowser, watch } from "./browser";

/**
 * Issue 16, "Staff: Approval": the inbox only opens a document; 同意 takes an opinion (quick
 * choices fill it) that the 办理记录 keeps; 保密审查's 同意 stays disabled while a finding is open,
 * the reason linked beside it, with the drafter's 公开属性 preselected; a refused record is shown
 * beside its form with the summary focused; the last approval says it published, with the 索引号.
 * The document at the classification step is photographed at 1366×768 and 360×740.
 */
const browser = useBrowser();
const OFFICE = "/t/demo-donghu";
const ID = "110101199003074514";
const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const TITLE = `关于东湖区饮用水水源地巡查情况的通报（${stamp}）`;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("approval as leaders expect it", () => {
  test("opened from the inbox, decided with an opinion, 保密审查 guided to what is left, published with its 索引号", async () => {
    // 1. The drafter writes an item with an ID number in it and submits it.
    const drafter = await signedIn(browser(), "donghu.drafter");
    await drafter.goto(`${OFFICE}/admin/disclosure/new`);
    await hydrated(drafter);
    await drafter.locator("#f-title").fill(TITLE);
    await drafter.locator("#f-categoryKey").selectOption("supervision");
    await drafter.locator("#f-writtenOn").fill("2026-11-16");
    await drafter.locator("#f-formedOn").fill("2026-11-16");
    await drafter.locator("#f-topic").selectOption({ index: 1 });
    await drafter.getByRole("textbox", { name: "正文" }).click();
    await drafter.keyboard.type(`巡查发现水源地保护区内有违规垂钓，举报人身份证号${ID}。`);
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    await drafter.waitForURL("**/admin/disclosure/drafts/**");
    await drafter.getByText("居民身份证号码").first().waitFor();
    await drafter.getByRole("button", { name: "保存并提交审核" }).click();
    await drafter.waitForURL("**/admin/documents/**");
    const documentUrl = new URL(drafter.url()).pathname;
    await drafter.context().close();

    // 2. 科室负责人: the inbox row offers 办理 only; 同意 is on the document page, with 拟同意 first.
    const dept = await signedIn(browser(), "donghu.dept_reviewer");
    const deptConsole = watch(dept);
    await dept.goto(`${OFFICE}/admin/inbox`);
    const row = dept.locator("tr", { has: dept.getByRole("link", { name: TITLE, exact: true }) });
    await row.waitFor();
    expect(await row.getByRole("button").count()).toBe(0);
    await row.getByRole("link", { name: `办理：${TITLE}` }).click();
    await dept.waitForURL(`**${documentUrl}`);
    const choices = await dept.getByRole("group", { name: "常用意见" }).getByRole("button").allInnerTexts();
    expect(choices).toEqual(["拟同意", "同意", "同意发布"]);
    await approveWith(dept, "拟同意", "已同意，已送往下一环节：保密审查。");
    deptConsole.expectClean();
    await dept.context().close();

    // 3. 保密审查, at an office screen and on a phone: 同意 disabled with the reason linked beside it.
    for (const [viewport, name] of [
      [{ width: 1366, height: 768 }, "approval-classification-1366"],
      [{ width: 360, height: 740 }, "approval-classification-360"],
    ] as const) {
      const page = await signedIn(browser(), "donghu.classifier", { viewport });
      const console = watch(page);
      await page.goto(documentUrl);
      await hydrated(page);
      expect(await page.getByRole("button", { name: "同意", exact: true }).isDisabled()).toBe(true);
      const reason = page.getByRole("link", { name: "还有 1 条扫描发现未处理" });
      expect(await reason.getAttribute("href")).toBe("#resolve-1");
      // The drafter's 公开属性 is preselected; the reviewer decides.
      expect(await page.getByLabel("主动公开", { exact: true }).isChecked()).toBe(true);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, name);
      console.expectClean();
      await page.context().close();
    }

    const classifier = await signedIn(browser(), "donghu.classifier");
    const classifierConsole = watch(classifier, ["status of 400"]);
    await classifier.goto(documentUrl);
    await hydrated(classifier);
    // 依申请公开 without its legal ground is refused by the server: the summary beside the form takes focus.
    await classifier.getByLabel("依申请公开", { exact: true }).check();
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.locator("#classify-error-summary").waitFor();
    await expect.poll(() => classifier.evaluate(() => document.activeElement?.getAttribute("aria-labelledby"))).toBe("classify-error-summary");
    await classifier.getByRole("link", { name: /不予主动公开的依据/ }).waitFor();
    const finding = classifier.locator("tr[id^=resolve-]").first();
    await finding.getByRole("button", { name: "脱敏", exact: true }).click();
    await expect.poll(() => finding.locator("td").last().locator("p").first().innerText()).toBe("脱敏");
    await classifier.getByLabel("主动公开", { exact: true }).check();
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.getByText("审查意见已保存。").waitFor();
    await expect.poll(() => classifier.getByRole("button", { name: "同意", exact: true }).isDisabled()).toBe(false);
    await approveWith(classifier, "同意", "已同意，已送往下一环节：分管领导审批。");
    classifierConsole.expectClean();
    await classifier.context().close();

    // 4. 分管领导: 同意发布 first; the message says it was published and gives the 索引号.
    const leader = await signedIn(browser(), "donghu.leader");
    await leader.goto(documentUrl);
    await hydrated(leader);
    expect(await leader.getByRole("group", { name: "常用意见" }).getByRole("button").first().innerText()).toBe("同意发布");
    await approveWith(leader, "同意发布", /^已同意，已发布，索引号 11361202015721089A\/2026-\d{5}。$/);

    // 5. The 办理记录 keeps each opinion with who gave it and when.
    await leader.goto(documentUrl);
    const history = leader.getByRole("table", { name: "办理记录" });
    const rows = await history.locator("tbody tr").allInnerTexts();
    expect(rows.some((r) => r.includes("拟同意") && r.includes("科室负责人审核"))).toBe(true);
    expect(rows.some((r) => r.includes("同意发布") && r.includes("分管领导审批"))).toBe(true);
    await leader.context().close();
  });
});
