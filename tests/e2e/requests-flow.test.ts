import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { hydrated, login, newContext, screenshot, useBrowser, watch } from "./browser";

/**
 * Issue 6's acceptance: a citizen applies in 繁體中文, the officer confirms receipt and asks for a
 * 补正 through the approval chain, the citizen sees it and supplements on the tracking page, the
 * officer replies 部分公开 through 科室负责人 → 保密审查 → 分管领导, and the citizen reads the reply
 * and the released document with the personal data masked.
 */
const browser = useBrowser();
const OFFICE = "/t/demo-donghu";
const APPLICANT_ID = "110101199003074514";
// The released document names a third party: their ID number and mobile, which 保密审查 masks.
const THIRD_ID = "361202198506123028";
const THIRD_ID_MASKED = "361202********3028";
const THIRD_MOBILE = "13912345678";
const THIRD_MOBILE_MASKED = "139****5678";
const stamp = Date.now().toString(36).slice(-4).toUpperCase();
const SUBJECT = `東湖區湖濱路餐飲油煙投訴處理結果（${stamp}）`;
const ITEMS = ["请写明投诉的具体时间（年月）", "请写明被投诉餐饮店的名称或门牌号"];
const SUPPLEMENT = "投訴時間為2026年9月，被投訴的是湖濱路18號的餐飲店。";
const RELEASED_TITLE = `湖滨路18号餐饮油烟投诉处理情况（${stamp}）`;
const RELEASED_BODY = `经现场检查，该店油烟净化设施未正常运行，已责令整改并复查合格。举报人身份证号${THIRD_ID}，联系电话${THIRD_MOBILE}。`;
const WITHHELD = "现场检查笔录中店主的个人信息";

async function signedIn(b: Browser, username: string): Promise<Page> {
  const context = await newContext(b);
  const page = await context.newPage();
  await page.goto("/login");
  await login(page, username);
  await page.waitForURL(`**${OFFICE}/admin`);
  return page;
}

async function approveOn(page: Page, documentUrl: string) {
  await page.goto(documentUrl);
  await page.getByRole("button", { name: "同意", exact: true }).click();
  // The message says where the document went, or what the last approval did (published, sent).
  await page.getByText(/^已同意/).waitFor();
}

/** One step of the chain: the approver signs in, approves on the document page, and the browser stays clean. */
async function approveAs(b: Browser, username: string, documentUrl: string) {
  const page = await signedIn(b, username);
  const console = watch(page);
  await approveOn(page, documentUrl);
  console.expectClean();
  await page.context().close();
}

/** The citizen's look-up on the tracking page: a POST with the number and the code. */
async function lookUp(page: Page, trackingNo: string, queryCode: string) {
  await page.goto(`${OFFICE}/requests/track`);
  await hydrated(page);
  await page.getByLabel("申請編號", { exact: true }).fill(trackingNo);
  await page.getByLabel("查詢碼", { exact: true }).fill(queryCode);
  await page.getByRole("button", { name: "查詢", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "辦理情況" }).waitFor();
}

/** The value next to a label in the tracking result's table. */
async function trackedValue(page: Page, label: string): Promise<string> {
  const dd = page.locator("dl.meta-table dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  return (await dd.innerText()).replace(/\s+/g, " ").trim();
}

/** The labels and headings of the tracking page: the application's own text (subject, letters) aside. */
async function trackingLabels(page: Page): Promise<string> {
  return (await page.locator("h1, h2, dl.meta-table dt, legend, label, button").allInnerTexts()).join(" ");
}

/** The application page of the officer, found through the list by its tracking number. */
async function openApplication(page: Page, trackingNo: string): Promise<string> {
  await page.goto(`${OFFICE}/admin/requests?q=${trackingNo}`);
  await page.getByRole("link", { name: trackingNo, exact: true }).click();
  await page.waitForURL("**/admin/requests/applications/**");
  await page.getByRole("heading", { level: 1, name: SUBJECT }).waitFor();
  return new URL(page.url()).pathname;
}

describe("依申请公开 from the public form to a 部分公开 reply", () => {
  test("apply in zh-TW, 补正 notice approved and seen, supplement, 部分公开 through 保密审查, reply and masked document on the tracking page", async () => {
    // 1. The citizen applies in 繁體中文, as a natural person, delivery by e-mail.
    const citizenContext = await newContext(browser());
    const citizen = await citizenContext.newPage();
    const citizenConsole = watch(citizen);
    await citizen.goto(`${OFFICE}/requests/new?lng=zh-TW`);
    await hydrated(citizen);
    await citizen.getByRole("heading", { level: 1, name: "政府信息公開申請" }).waitFor();
    await citizen.getByLabel("自然人", { exact: true }).check();
    await citizen.getByLabel("姓名（必填）", { exact: true }).fill("林曉雯");
    await citizen.getByRole("group", { name: "證件類型" }).getByLabel("居民身份證", { exact: true }).check();
    await citizen.getByLabel("證件號碼（必填）", { exact: true }).fill(APPLICANT_ID);
    await citizen.getByLabel("聯繫電話（必填）", { exact: true }).fill("13800138000");
    await citizen.getByLabel("電子郵箱", { exact: true }).fill("lin.xiaowen@example.com");
    await citizen.getByLabel("所需信息的名稱（必填）", { exact: true }).fill(SUBJECT);
    await citizen.getByLabel("所需信息的特徵性描述（必填）", { exact: true }).fill("本人曾投訴湖濱路一家餐飲店油煙擾民，申請公開貴局的調查處理結果。");
    await citizen.getByLabel("電子", { exact: true }).check();
    await citizen.getByLabel("電子郵件", { exact: true }).check();
    await citizen.getByRole("button", { name: "提交申請", exact: true }).click();

    const confirmation = citizen.getByRole("status").filter({ has: citizen.getByRole("heading", { name: "申請已提交" }) });
    await confirmation.waitFor();
    const trackingNo = (await confirmation.locator("dt", { hasText: "申請編號" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
    const queryCode = (await confirmation.locator("dt", { hasText: "查詢碼" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
    expect(trackingNo).toMatch(/^YSQ\d{4}\d{5}$/);
    expect(queryCode).toMatch(/^[0-9A-Za-z]{8}$/);
    await screenshot(citizen, "requests-confirmation");

    // Before the office confirms receipt, the tracking page says so, in traditional characters.
    await lookUp(citizen, trackingNo, queryCode);
    expect(await trackedValue(citizen, "當前狀態")).toBe("等待本機關確認收到");
    citizenConsole.expectClean();

    // 2. The officer confirms receipt (today) and drafts the 补正 notice.
    const officer = await signedIn(browser(), "donghu.requests_officer");
    const officerConsole = watch(officer);
    // The 收件箱 lists the office's applications that are overdue or due soon, with words for how urgent.
    await officer.goto(`${OFFICE}/admin/inbox`);
    const urgent = officer.getByRole("region", { name: "依申请公开：即将到期和已逾期的申请" });
    await expect.poll(() => urgent.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await urgent.getByRole("listitem").first().innerText()).toMatch(/已逾期\d+个工作日|剩余\d+个工作日/);
    await screenshot(officer, "requests-inbox");
    const applicationUrl = await openApplication(officer, trackingNo);
    await officer.getByText("待确认收到", { exact: true }).waitFor();
    await officer.getByRole("button", { name: "确认收到", exact: true }).click();
    await officer.getByText("已确认收到，答复期限开始计算。").waitFor();
    await expect.poll(() => officer.locator(".lead").first().innerText()).toContain("办理中");

    await officer.getByRole("link", { name: "补正告知", exact: true }).click();
    await officer.waitForURL("**/notices/supplement");
    await hydrated(officer);
    await officer.getByLabel("需要补正的事项", { exact: true }).fill(ITEMS.join("\n"));
    const dueOn = await officer.getByLabel("补正期限", { exact: true }).inputValue();
    expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await officer.getByRole("button", { name: "重新生成正文", exact: true }).click();
    await expect.poll(() => officer.getByLabel("正文", { exact: true }).inputValue()).toContain(ITEMS[1]);
    await officer.getByRole("button", { name: "提交审批", exact: true }).click();
    await officer.waitForURL("**/admin/documents/**");
    const noticeUrl = new URL(officer.url()).pathname;

    // 3. 科室负责人, then 分管领导: the last approval sends the notice and pauses the clock.
    await approveAs(browser(), "donghu.dept_reviewer", noticeUrl);
    await approveAs(browser(), "donghu.leader", noticeUrl);
    await officer.goto(applicationUrl);
    await expect.poll(() => officer.locator(".lead").first().innerText()).toContain("等待补正");

    // 4. The citizen sees the notice on the tracking page and supplements.
    await lookUp(citizen, trackingNo, queryCode);
    expect(await trackedValue(citizen, "當前狀態")).toBe("等待您補正申請");
    expect(await trackedValue(citizen, "補正期限")).toBe(dueOn);
    const notices = citizen.locator("section[aria-labelledby=notices]");
    await notices.getByText("補正通知", { exact: false }).first().waitFor();
    for (const item of ITEMS) await expect.poll(() => notices.innerText()).toContain(item);
    const labels = await trackingLabels(citizen);
    expect(labels).toContain("申請編號");
    expect(labels).toContain("已發出的通知和告知書");
    expect(labels).not.toMatch(/申请|办理|状态|补正|查询/);
    await screenshot(citizen, "requests-track-supplement-notice");

    await citizen.getByLabel("補正內容", { exact: true }).fill(SUPPLEMENT);
    await citizen.getByRole("button", { name: "提交補正", exact: true }).click();
    await citizen.getByText("補正已收到。答覆期限自今天起重新計算。").waitFor();
    expect(await trackedValue(citizen, "當前狀態")).toBe("辦理中");
    expect(await trackedValue(citizen, "答覆期限")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    citizenConsole.expectClean();

    // 5. The officer sees the supplement and drafts the 部分公开 reply with one released document.
    await officer.goto(applicationUrl);
    await expect.poll(() => officer.locator(".lead").first().innerText()).toContain("办理中");
    await officer.getByText(SUPPLEMENT).waitFor();
    await officer.getByRole("link", { name: "起草答复书", exact: true }).click();
    await officer.waitForURL("**/notices/reply");
    await hydrated(officer);
    await officer.getByLabel("答复类型", { exact: true }).selectOption({ value: "partly_disclosed" });
    expect(await officer.getByLabel("答复类型", { exact: true }).locator("option:checked").innerText()).toContain("部分公开");
    await officer.getByLabel("信息标题", { exact: true }).first().fill(RELEASED_TITLE);
    await officer.getByLabel("信息内容", { exact: true }).first().fill(RELEASED_BODY);
    await officer.getByLabel("不予公开的内容", { exact: true }).first().fill(WITHHELD);
    await officer.getByLabel("理由", { exact: true }).first().selectOption({ label: "第十五条：商业秘密、个人隐私等" });
    await officer.getByRole("button", { name: "重新生成正文", exact: true }).click();
    await expect.poll(() => officer.getByLabel("正文", { exact: true }).inputValue()).toContain(WITHHELD);
    await screenshot(officer, "requests-reply-editor");
    await officer.getByRole("button", { name: "提交审批", exact: true }).click();
    await officer.waitForURL("**/admin/documents/**");
    const replyUrl = new URL(officer.url()).pathname;
    officerConsole.expectClean();

    // 6. 科室负责人 approves.
    await approveAs(browser(), "donghu.dept_reviewer", replyUrl);

    // 7. 保密审查: the scan found the third party's ID number and mobile in the released document;
    //    同意 is disabled before deciding; each is redacted, the declaration recorded (a reply has no
    //    公开属性), then approved.
    const classifier = await signedIn(browser(), "donghu.classifier");
    const classifierConsole = watch(classifier);
    await classifier.goto(replyUrl);
    await classifier.locator("tr[id^=resolve-]").getByText("居民身份证号码").first().waitFor();
    await classifier.getByText(THIRD_ID_MASKED).first().waitFor();
    expect(await classifier.getByRole("button", { name: "同意", exact: true }).isDisabled()).toBe(true);
    await classifier.getByRole("link", { name: /^还有 \d+ 条扫描发现未处理$/ }).waitFor();
    const findings = classifier.locator("tr[id^=resolve-]");
    const count = await findings.count();
    const found = (await findings.allInnerTexts()).join(" ");
    expect(found).toContain("居民身份证号码");
    expect(found).toContain("手机号码");
    expect(found).toContain(THIRD_MOBILE_MASKED);
    for (let i = 0; i < count; i++) {
      await findings.nth(i).getByRole("button", { name: "脱敏", exact: true }).click();
      await expect.poll(() => findings.nth(i).locator("td").last().locator("p").first().innerText()).toBe("脱敏");
    }
    expect(await classifier.getByLabel("依申请公开", { exact: true }).count()).toBe(0);
    await classifier.getByLabel("经审查，本文件不涉及国家秘密。").check();
    await classifier.getByRole("button", { name: "保存审查意见" }).click();
    await classifier.getByText("审查意见已保存。").waitFor();
    // The record shows once the page has reloaded its data after the save.
    await classifier.getByText("经审查，不涉及国家秘密", { exact: true }).waitFor();
    await screenshot(classifier, "requests-reply-classification");
    await approveOn(classifier, replyUrl);
    classifierConsole.expectClean();
    await classifier.context().close();

    // 8. 分管领导 approves: the reply is sent and the application closed.
    await approveAs(browser(), "donghu.leader", replyUrl);
    await officer.goto(applicationUrl);
    await expect.poll(() => officer.locator(".lead").first().innerText()).toContain("已办结");
    expect(await officer.locator(".lead").first().innerText()).toContain("部分公开");
    officerConsole.expectClean();
    await officer.context().close();

    // 9. The citizen reads the reply and the released document, masked, in traditional characters.
    await lookUp(citizen, trackingNo, queryCode);
    expect(await trackedValue(citizen, "當前狀態")).toBe("已答覆");
    expect(await trackedValue(citizen, "辦理結果")).toBe("部分公開");
    expect(await trackedValue(citizen, "答覆日期")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reply = citizen.locator("article", { has: citizen.getByText("答覆告知書", { exact: false }) });
    await reply.waitFor();
    expect(await reply.innerText()).toContain(WITHHELD);
    const released = reply.getByRole("region", { name: RELEASED_TITLE });
    await released.waitFor();
    const releasedText = await released.innerText();
    expect(releasedText).toContain(THIRD_ID_MASKED);
    expect(releasedText).toContain(THIRD_MOBILE_MASKED);
    expect(releasedText).toContain("已责令整改并复查合格");
    const page = await citizen.content();
    expect(page).not.toContain(THIRD_ID);
    expect(page).not.toContain(THIRD_MOBILE);
    expect(page).not.toContain(APPLICANT_ID);
    const finalLabels = await trackingLabels(citizen);
    expect(finalLabels).toContain("申請編號");
    expect(finalLabels).not.toMatch(/申请|办理|状态|答复|查询/);
    expect(await citizen.getByRole("heading", { name: "提交補正" }).count()).toBe(0);
    await screenshot(citizen, "requests-track-reply");
    citizenConsole.expectClean();
    await citizenContext.close();
  });
});
