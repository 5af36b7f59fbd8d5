import type { Browser, Locator, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { chinaYear } from "../../app/core/calendar/china-time";
import { approveWith, hydrated, newContext, screenshot, signedIn, useBrowser, watch } from "./browser";

/**
 * Issue 17's acceptance point 2: the donghu drafter prepares this year's report (the demo begins it
 * with two of table 二's four manual cells entered and the narrative as drafted), fills the cells
 * left with their sources and completes the paragraphs left for the drafter, submits; 科室负责人,
 * 保密审查 (主动公开 and the declaration) and 分管领导 approve; the report is then in the portal's
 * 年度报告 with its 索引号, on its year's page, in the catalogue's 年度报告 category, and its .docx
 * downloads. The staff and public year pages are photographed at 1366×768, the public one at 390 px.
 */
const browser = useBrowser();
const OFFICE = "/t/demo-donghu";
// The demo begins the report of the current year in China, as the seed computes it.
const YEAR = chinaYear();
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const NOTE = "本机关行政执法和财务台账，经法制科核对";
// What the drafter writes in place of each placeholder: 【待补充】 (words), and 0 in a blank left for a figure.
const WRITTEN = "已按年度政务公开工作要点逐项落实，全年运行平稳";
const complete = (text: string) => text.replace(/【\u3000】/g, "0").replace(/【[^】]*】/g, WRITTEN);
const OFFICE_SCREEN = { width: 1366, height: 768 };

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** One step of the chain taken by `username` on the document page with a written opinion. */
async function approveAs(b: Browser, username: string, documentUrl: string, opinion: string, said: string | RegExp) {
  const page = await signedIn(b, username);
  const console = watch(page);
  await page.goto(documentUrl);
  await approveWith(page, opinion, said);
  console.expectClean();
  await page.context().close();
}

/** The value beside a label in a description list (the list's meta-table, the report's 索引号 table). */
async function metaValue(scope: Page | Locator, label: string): Promise<string> {
  const dd = scope.locator("dl dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  return (await dd.first().innerText()).trim();
}

describe("the annual report from the drafter to the portal", () => {
  test(`the donghu drafter completes and submits ${YEAR}'s report, the chain approves, the portal shows it with its 索引号 and its .docx downloads`, async () => {
    // 1. The drafter opens this year's report, begun by the demo: still in drafting.
    const drafter = await signedIn(browser(), "donghu.drafter");
    const drafterConsole = watch(drafter, ["status of 400"]);
    const staffUrl = `${OFFICE}/admin/annual-report/${YEAR}`;
    await drafter.goto(staffUrl);
    await hydrated(drafter);
    await drafter.getByText("起草中", { exact: true }).first().waitFor();
    // Nothing the drafted paragraphs quote has changed since they were drafted: none is flagged.
    const STALE = "表格数据已变化，请核对本段";
    expect(await drafter.getByText(STALE).count()).toBe(0);

    // 2. The manual cells: two entered by the demo, two left. A figure without its source is refused and said.
    const cells = drafter.getByRole("region", { name: "手填数据" });
    const groups = cells.getByRole("group");
    const empty: Locator[] = [];
    for (let i = 0; i < (await groups.count()); i++) {
      if ((await groups.nth(i).getByLabel("数值", { exact: true }).inputValue()) === "") empty.push(groups.nth(i));
    }
    expect(await groups.count()).toBe(4);
    expect(empty).toHaveLength(2);
    await empty[0]!.getByLabel("数值", { exact: true }).fill("3");
    await cells.getByRole("button", { name: "保存手填数据", exact: true }).click();
    await cells.getByText("请注明手填数据的来源").first().waitFor();
    for (const [i, group] of empty.entries()) {
      await group.getByLabel("数值", { exact: true }).fill(String(3 - i));
      await group.getByLabel("数据来源", { exact: true }).fill(NOTE);
    }
    await cells.getByRole("button", { name: "保存手填数据", exact: true }).click();
    await drafter.getByText("已保存。", { exact: true }).waitFor();
    await hydrated(drafter);
    for (let i = 0; i < 4; i++) expect(await groups.nth(i).getByLabel("数值", { exact: true }).inputValue()).not.toBe("");

    // 3. The narrative: every paragraph left for the drafter (marked, with 【】 placeholders) written.
    const narrative = drafter.getByRole("region", { name: "一、五、六部分正文" });
    const todo = narrative.getByRole("textbox", { name: /待起草人补充/ });
    const count = await todo.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) expect(await todo.nth(i).inputValue()).toMatch(/【[^】]*】/);
    for (const paragraph of await todo.all()) await paragraph.fill(complete(await paragraph.inputValue()));
    await narrative.getByRole("button", { name: "保存正文", exact: true }).click();
    await drafter.getByText("已保存。", { exact: true }).waitFor();
    await hydrated(drafter);
    await expect.poll(() => narrative.getByRole("textbox", { name: /待起草人补充/ }).count()).toBe(0);
    expect(await narrative.getByText(/尚未完成/).count()).toBe(0);
    // Saved with today's figures, no paragraph quotes a figure that changed since.
    expect(await narrative.getByText(STALE).count()).toBe(0);
    await drafter.getByText("报告已通过校验。", { exact: true }).waitFor();
    expect(await overflow(drafter)).toBeLessThanOrEqual(0);
    await screenshot(drafter, "annual-report-staff-1366");

    // 4. Submitted: the page links the approval document.
    await drafter.getByRole("region", { name: "提交审批" }).getByRole("button", { name: "提交审批", exact: true }).click();
    await drafter.getByText("年度报告已提交审批。").waitFor();
    const documentUrl = (await drafter.getByRole("link", { name: "打开审批文件", exact: true }).first().getAttribute("href"))!;
    expect(documentUrl).toMatch(new RegExp(`^${OFFICE}/admin/documents/`));
    drafterConsole.expectClean();

    // 5. The chain: 科室负责人, 保密审查 with 主动公开 and the declaration, 分管领导 whose approval publishes it.
    await approveAs(browser(), "donghu.dept_reviewer", documentUrl, "拟同意", "已同意，已送往下一环节：保密审查。");
    const classifier = await signedIn(browser(), "donghu.classifier");
    const classifierConsole = watch(classifier);
    await classifier.goto(documentUrl);
    await hydrated(classifier);
    // The report is proposed 主动公开 (条例第四十九条); the reviewer records it with the declaration.
    expect(await classifier.getByLabel("主动公开", { exact: true }).isChecked()).toBe(true);
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.getByText("审查意见已保存。").waitFor();
    await expect.poll(() => classifier.getByRole("button", { name: "同意", exact: true }).isDisabled()).toBe(false);
    await approveWith(classifier, "同意", "已同意，已送往下一环节：分管领导审批。");
    classifierConsole.expectClean();
    await classifier.context().close();
    await approveAs(browser(), "donghu.leader", documentUrl, "同意发布", "年度报告已公开到政府信息公开目录");

    // 6. The drafter's page now says it is published, with its 索引号 and the public page.
    await drafter.goto(staffUrl);
    await hydrated(drafter);
    const published = await drafter.getByText(/^已于\d{4}-\d{2}-\d{2}公开，索引号/).innerText();
    const indexNumber = /索引号(\S+?)。/.exec(published)![1]!;
    expect(indexNumber).toMatch(new RegExp(`^11361202015721089A/${YEAR}-\\d{5}$`));
    expect(await drafter.getByRole("textbox", { name: /第\d+段/ }).count()).toBe(0);
    drafterConsole.expectClean();
    await drafter.context().close();

    // 7. The public: 年度报告 in the office's navigation lists the year with its 索引号 and its Word file.
    const readerContext = await newContext(browser(), { viewport: OFFICE_SCREEN });
    const reader = await readerContext.newPage();
    const readerConsole = watch(reader);
    await reader.goto(OFFICE);
    await reader.getByRole("navigation").getByRole("link", { name: "年度报告", exact: true }).first().click();
    await reader.waitForURL(`**${OFFICE}/annual-report`);
    const listed = reader.locator(".report-list > li", { has: reader.locator("dd", { hasText: new RegExp(`^${YEAR}$`) }) });
    expect(await metaValue(listed, "索引号")).toBe(indexNumber);
    const title = (await listed.getByRole("heading", { level: 2 }).innerText()).trim();
    expect(title).toContain(`${YEAR}年`);
    await listed.getByRole("link", { name: title, exact: true }).click();

    // 8. The year's page: title, 索引号, the note of the cells entered here, the Word file.
    await reader.waitForURL(`**${OFFICE}/annual-report/${YEAR}`);
    await hydrated(reader);
    expect((await reader.getByRole("heading", { level: 1 }).innerText()).trim()).toBe(title);
    expect(await metaValue(reader, "索引号")).toBe(indexNumber);
    await reader.getByText(NOTE).first().waitFor();
    await reader.getByText(WRITTEN).first().waitFor();
    expect(await reader.getByText(/【[^】]*】/).count()).toBe(0);
    await screenshot(reader, "annual-report-public-1366");
    const download = reader.waitForEvent("download");
    await reader.getByRole("link", { name: "下载Word版（.docx）", exact: true }).click();
    const file = await (await download).createReadStream();
    const head: Buffer = await new Promise((resolve, reject) => file.once("data", (chunk) => resolve(Buffer.from(chunk))).once("error", reject));
    expect(head.subarray(0, 2).toString("latin1")).toBe("PK");
    const answer = await reader.request.get(`${OFFICE}/annual-report/${YEAR}/report.docx`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe(DOCX);
    expect((await answer.body()).subarray(0, 2).toString("latin1")).toBe("PK");

    // 9. On a phone the page fits its width (the tables scroll in their own region).
    await reader.setViewportSize({ width: 390, height: 844 });
    await reader.reload();
    await hydrated(reader);
    expect(await overflow(reader)).toBeLessThanOrEqual(0);
    await screenshot(reader, "annual-report-public-390");
    await reader.setViewportSize(OFFICE_SCREEN);

    // 10. The catalogue's 年度报告 category lists it, and its item page gives the same 索引号.
    await reader.goto(`${OFFICE}/disclosure/categories/annual-report`);
    await reader.getByRole("link", { name: title, exact: true }).first().click();
    await reader.waitForURL(`**${OFFICE}/disclosure/items/**`);
    await reader.getByText(indexNumber, { exact: true }).first().waitFor();
    readerConsole.expectClean();
    await readerContext.close();
  });
  test("the city supervisor's consolidation: every demo office's status and the tables summed, each total opening the offices' parts", async () => {
    const page = await signedIn(browser(), "city.supervisor", { office: "/t/demo-city" });
    const console = watch(page);
    // Last year's reports: the demo published each office's through its chain in January.
    await page.goto(`/t/demo-city/admin/annual-report/consolidation/${YEAR - 1}`);
    await hydrated(page);
    const offices = page.locator("table", { has: page.locator("caption", { hasText: /^各机关/ }) }).locator("tbody tr");
    expect(await offices.count()).toBe(4);
    for (const row of await offices.all()) {
      expect(await row.locator("td").first().innerText()).toContain("已公开");
      expect(await row.locator("td").nth(2).innerText()).toMatch(new RegExp(`/${YEAR}-\\d{5}$`));
    }
    // 行政许可 is a manual cell in every office: its total opens each office's value, which add up to it.
    const permits = page.locator("tr", { has: page.locator("th, td", { hasText: /^行政许可$/ }) }).locator("a").first();
    const total = Number(await permits.innerText());
    await permits.click();
    const drill = page.locator("#drill");
    await drill.waitFor();
    const parts = await drill.locator("tbody td.num").allInnerTexts();
    expect(parts).toHaveLength(4);
    expect(parts.map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    expect(Number(await drill.locator("tfoot td.num").innerText())).toBe(total);
    await screenshot(page, "annual-report-consolidation-1366");
    console.expectClean();
    await page.context().close();
  });
});
