import { describe, expect, it } from "vitest";
import { validateSettings } from "../../../app/plugin-api/testing";
import { computeFee } from "../law/fees";
import { replyTypes, type ReplyTypeKey } from "../law/reply-types";
import { RequestsSettings } from "../server/settings";
import { renderNotice, TemplateError, type NoticeVars } from "../templates";

const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
const letter = {
  office: "示范市生态环境局东湖分局",
  applicant: "李*",
  trackingNo: "YSQ202500012",
  receivedOn: "2025-09-26",
  subject: "2025年第三季度重点排污单位监督性监测报告",
  issuedOn: "2025-09-30",
};

/** A reply with everything any reply type may need. */
const reply = (replyType: ReplyTypeKey, extra: Partial<NoticeVars["reply"]> = {}): NoticeVars["reply"] => ({
  ...letter,
  replyType,
  documents: ["《东湖区2025年第三季度重点排污单位监督性监测报告》"],
  obtain: "随本答复书以电子邮件发送",
  withheld: [{ description: "附件2中企业联系人的姓名和电话", groundLabel: "个人隐私（第十五条）" }],
  note: "具体情况说明。",
  ...(replyType === "other.other" ? { basis: "《政府信息公开条例》第三十六条第（七）项" } : {}),
  ...extra,
});

const REG = "《政府信息公开条例》";
/** The basis each reply cites, worked out from the 条例 by hand (the table 三 row's articles, never the report format). */
const ZH_CN_BASIS: Record<ReplyTypeKey, string> = {
  disclosed: `${REG}第三十六条第（二）项、第三十六条第（一）项`,
  partly_disclosed: `${REG}第三十七条`,
  "withheld.state_secret": `${REG}第十四条、第三十六条第（三）项`,
  "withheld.prohibited_by_law": `${REG}第十四条、第三十六条第（三）项`,
  "withheld.security_stability": `${REG}第十四条、第三十六条第（三）项`,
  "withheld.third_party": `${REG}第十五条、第三十六条第（三）项`,
  "withheld.internal_affairs": `${REG}第十六条、第三十六条第（三）项`,
  "withheld.process_information": `${REG}第十六条、第三十六条第（三）项`,
  "withheld.enforcement_case_file": `${REG}第十六条、第三十六条第（三）项`,
  "withheld.administrative_query": `${REG}第三十六条第（三）项`,
  "unavailable.not_held": `${REG}第三十六条第（四）项`,
  "unavailable.needs_creation": `${REG}第三十八条`,
  "unavailable.still_unclear": `${REG}第三十条`,
  "not_processed.petition": `${REG}第三十九条`,
  "not_processed.repeated": `${REG}第三十六条第（六）项`,
  "not_processed.publication": `${REG}第三十九条`,
  "not_processed.excessive": `${REG}第三十五条`,
  "not_processed.reissue": REG,
  "other.no_supplement": `${REG}第三十条`,
  "other.fee_unpaid": `${REG}第四十二条、国办函〔2020〕109号《政府信息公开信息处理费管理办法》`,
  "other.other": `${REG}第三十六条第（七）项`,
};

const REMEDY = {
  "zh-CN":
    "　　如对本答复不服，可以依照《中华人民共和国行政复议法》第二十条的规定，自收到本答复之日起60日内依法申请行政复议；或者依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本答复之日起6个月内依法向人民法院提起行政诉讼。",
  "zh-TW":
    "　　如對本答覆不服，可以依照《中華人民共和國行政復議法》第二十條的規定，自收到本答覆之日起60日內依法申請行政復議；或者依照《中華人民共和國行政訴訟法》第四十六條的規定，自收到本答覆之日起6個月內依法向人民法院提起行政訴訟。",
  en: "If you disagree with this reply, you may apply for administrative reconsideration within 60 days of receiving it under the Administrative Reconsideration Law of the People's Republic of China, Art. 20, or bring an administrative lawsuit before a people's court within 6 months of receiving it under the Administrative Litigation Law of the People's Republic of China, Art. 46.",
};
const SIGNED = { "zh-CN": "\n\n示范市生态环境局东湖分局\n2025年9月30日", "zh-TW": "\n\n示范市生态环境局东湖分局\n2025年9月30日", en: "\n\n示范市生态环境局东湖分局\n30 September 2025" };

describe("replies: one per table 三 reply type, each with its basis and the remedy clause", () => {
  it("covers exactly the outcome rows of the 2021 format", () => {
    expect(Object.keys(ZH_CN_BASIS).sort()).toEqual(replyTypes("2021").map((r) => r.key).sort());
  });

  for (const row of replyTypes("2021")) {
    it(`${row.ref} ${row.key} renders in every locale`, () => {
      const key = row.key as ReplyTypeKey;
      for (const locale of LOCALES) {
        const { title, body } = renderNotice("reply", reply(key), locale);
        expect(title).toMatch(locale === "en" ? /Application for Government Information$/ : /^政府信息公[开開]申[请請](答[复覆]书|答覆書|告知[书書])$/);
        expect(body.startsWith(locale === "en" ? "To: 李*\n" : "李*：\n")).toBe(true);
        expect(body).toContain(`${REMEDY[locale]}${SIGNED[locale]}`);
        expect(body.endsWith(SIGNED[locale])).toBe(true);
        expect(body).not.toMatch(/[{}]|undefined/);
        // Each article of the row's basis is cited (the report format never is); (四)1 without a
        // responsible agency is the "does not exist" reply of Art 36(四) only, see below for (五).
        for (const b of row.basis.filter((x) => x.article !== undefined && !(key === "unavailable.not_held" && x.item === 5))) {
          const cite = b.cite[locale];
          const article = locale === "en" ? cite.replace(/^Regulation on Open Government Information, /, "") : cite.replace(/^《[^》]+》/, "");
          expect(body).toContain(article);
        }
        expect(body).not.toContain("30号");
      }
      expect(renderNotice("reply", reply(key), "zh-CN").body).toContain(`根据${ZH_CN_BASIS[key]}的规定`);
    });
  }

  it("a partial release lists what is released, how to obtain it, and each withheld part with its reason (Art 37)", () => {
    const { title, body } = renderNotice("reply", reply("partly_disclosed", { note: "" }), "zh-CN");
    expect(title).toBe("政府信息公开申请答复书");
    expect(body).toBe(
      [
        "李*：",
        "　　本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号：YSQ202500012），您申请获取“2025年第三季度重点排污单位监督性监测报告”。经审查，现答复如下：",
        "　　您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分，公开的政府信息如下：",
        "　　1. 《东湖区2025年第三季度重点排污单位监督性监测报告》",
        "　　获取方式：随本答复书以电子邮件发送",
        "　　下列内容不予公开，理由如下：",
        "　　1. 附件2中企业联系人的姓名和电话（理由：个人隐私（第十五条））",
        REMEDY["zh-CN"],
        "",
        "示范市生态环境局东湖分局",
        "2025年9月30日",
      ].join("\n"),
    );
  });

  it("a (四)1 reply naming the responsible agency cites Art 36(五) and gives its name and contact", () => {
    const vars = reply("unavailable.not_held", { responsible: { agency: "示范市自然资源局", contact: "0592-5550101" }, note: "该信息由自然资源部门制作。" });
    const { body } = renderNotice("reply", vars, "zh-TW");
    expect(body).toContain("根據《政府信息公開條例》第三十六條第（五）項的規定，現告知您：負責公開該政府信息的行政機關為示范市自然资源局，聯繫方式：0592-5550101。理由如下：\n　　该信息由自然资源部门制作。");
    expect(renderNotice("reply", reply("unavailable.not_held"), "zh-TW").body).toContain("該政府信息不存在。根據《政府信息公開條例》第三十六條第（四）項的規定");
    expect(() => renderNotice("reply", { ...vars, note: "" }, "zh-CN")).toThrow(/\{note\}/);
    expect(() => renderNotice("reply", { ...vars, replyType: "disclosed" }, "zh-CN")).toThrow(RangeError);
  });
});

describe("notices carry their numbers, dates and statutory consequences", () => {
  it("补正: the items, the deadline, deemed withdrawal without supplement, the period running anew (Art 30)", () => {
    const vars: NoticeVars["supplement"] = { ...letter, items: ["请明确所需监测报告的时间范围", "请说明所需信息的文号"], dueOn: "2025-10-21" };
    const zh = renderNotice("supplement", vars, "zh-CN");
    expect(zh.title).toBe("政府信息公开申请补正告知书");
    expect(zh.body).toBe(
      [
        "李*：",
        "　　本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号：YSQ202500012），您申请获取“2025年第三季度重点排污单位监督性监测报告”。经审查，您的申请内容不明确。根据《政府信息公开条例》第三十条的规定，请您对下列事项作出补正：",
        "　　1. 请明确所需监测报告的时间范围",
        "　　2. 请说明所需信息的文号",
        "　　请您于2025年10月21日前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        "　　如对补正事项有疑问，请与本机关联系，本机关将给予指导和释明。",
        "",
        "示范市生态环境局东湖分局",
        "2025年9月30日",
      ].join("\n"),
    );
    const en = renderNotice("supplement", vars, "en").body;
    expect(en).toContain("Under the Regulation on Open Government Information, Art. 30, please supplement it as follows:\n1. 请明确所需监测报告的时间范围\n2. 请说明所需信息的文号");
    expect(en).toContain("by 21 October 2025");
    expect(en).toContain("deemed withdrawn");
    expect(renderNotice("supplement", vars, "zh-TW").body).toContain("請您於2025年10月21日前向本機關提交補正後的申請。");
  });

  it("延期: the days, the new due date, the reason and the consent of the head of the disclosure office (Art 33)", () => {
    const vars: NoticeVars["extension"] = { ...letter, days: 15, newDueDate: "2025-11-20", reason: "所申请信息数量较大，需要逐项检索核对" };
    expect(renderNotice("extension", vars, "zh-CN").body).toContain(
      "因所申请信息数量较大，需要逐项检索核对，本机关不能在规定期限内作出答复。根据《政府信息公开条例》第三十三条的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长15个工作日，本机关将于2025年11月20日前作出答复。",
    );
    expect(renderNotice("extension", vars, "en").body).toContain(
      "with the consent of the head of this office's government information disclosure unit, the time limit is extended by 15 working days; we will reply by 20 November 2025.",
    );
    expect(renderNotice("extension", vars, "zh-TW").title).toBe("政府信息公開申請延期答覆告知書");
    expect(() => renderNotice("extension", { ...vars, days: 21 }, "zh-CN")).toThrow(RangeError);
  });

  it("收费: basis, method, amount with its lines, how to pay, 20 working days, unpaid not processed (国办函〔2020〕109号)", () => {
    const fee = computeFee({ method: "per_page", pages: 120 });
    const vars: NoticeVars["fee"] = { ...letter, ...fee, dueOn: "2025-10-29", payment: "通过非税收入缴款系统缴纳" };
    const body = renderNotice("fee", vars, "zh-CN").body;
    expect(body).toContain(
      "根据《政府信息公开条例》第四十二条、国办函〔2020〕109号《政府信息公开信息处理费管理办法》的规定，本机关对您的申请收取信息处理费，计收方式为按量计收，金额共计¥1100.00，明细如下：\n" +
        "　　1. 第1至30页，30页×¥0.00＝¥0.00\n　　2. 第31至100页，70页×¥10.00＝¥700.00\n　　3. 第101至120页，20页×¥20.00＝¥400.00\n" +
        "　　请您自收到本通知之日起20个工作日内、即2025年10月29日前，按以下方式缴纳：通过非税收入缴款系统缴纳。",
    );
    expect(body).toContain("您逾期未缴纳的，本机关不再处理该政府信息公开申请。");
    const perApplication = computeFee({ method: "per_application", ordinalInMonth: 12 });
    const en = renderNotice("fee", { ...vars, ...perApplication }, "en").body;
    expect(en).toContain("calculated per application: ¥100.00 in total, as follows:\n1. application 12 this calendar month: 1 × ¥100.00 = ¥100.00");
    expect(en).toContain("within 20 working days of receiving this notice, that is by 29 October 2025");
    expect(() => renderNotice("fee", { ...vars, fen: 100 }, "zh-CN")).toThrow(/add up/);
  });

  it("征求意见: 15 working days; the third party's silence leaves the decision to the office (Art 32), another agency's counts as consent (Art 34); neither letter names the applicant", () => {
    const vars: NoticeVars["third_party"] = { ...letter, party: "示范化工有限公司", answerDue: "2025-10-31" };
    const third = renderNotice("third_party", vars, "zh-CN");
    expect(third.title).toBe("政府信息公开征求第三方意见函");
    expect(third.body.startsWith("示范化工有限公司：\n")).toBe(true);
    expect(third.body).toContain("根据《政府信息公开条例》第三十二条的规定，现书面征求贵方意见。");
    expect(third.body).toContain("请贵方自收到本函之日起15个工作日内、即2025年10月31日前书面答复是否同意公开；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《政府信息公开条例》的规定决定是否公开。");
    const agency = renderNotice("other_agency", { ...vars, party: "示范市水利局" }, "zh-TW");
    expect(agency.body).toContain("根據《政府信息公開條例》第三十四條的規定");
    expect(agency.body).toContain("15個工作日內、即2025年10月31日前提出意見。逾期未提出意見的，視為同意公開。");
    expect(renderNotice("other_agency", vars, "en").body).toContain("If you give none in time, you are deemed to consent to disclosure.");
    for (const body of [third.body, agency.body]) expect(body).not.toContain("李*");
  });
});

describe("per-tenant overrides", () => {
  const supplement: NoticeVars["supplement"] = { ...letter, items: ["请明确时间范围"], dueOn: "2025-10-21" };

  it("an override replaces the default for its template and locale only", () => {
    const templates = { "supplement.zh-CN": "{applicant}：\n　　请于{dueOn}前补正：\n{items}\n　　依据：{basis}。\n\n{office}\n{issuedOn}" };
    expect(RequestsSettings.parse({ templates }).templates).toEqual(templates);
    expect(renderNotice("supplement", supplement, "zh-CN", templates).body).toBe(
      "李*：\n　　请于2025年10月21日前补正：\n　　1. 请明确时间范围\n　　依据：《政府信息公开条例》第三十条。\n\n示范市生态环境局东湖分局\n2025年9月30日",
    );
    expect(renderNotice("supplement", supplement, "zh-TW", templates).body).toContain("請您於2025年10月21日前");
  });

  it("the remedy clause can be overridden to name the review body, and replies use it", () => {
    const templates = { "remedy.zh-CN": "　　如不服，可依{reviewBasis}在{reviewDays}日内向示范市人民政府申请行政复议，或依{suitBasis}在{suitMonths}个月内向东湖区人民法院起诉。" };
    expect(validateSettings(RequestsSettings, { templates }, "requests")).toMatchObject({ ok: true });
    expect(renderNotice("reply", reply("disclosed"), "zh-CN", templates).body).toContain("60日内向示范市人民政府申请行政复议");
  });

  it("refuses an override with an unknown placeholder, an unknown key or a required placeholder left out, with a message key", () => {
    const refused = (templates: Record<string, string>) => validateSettings(RequestsSettings, { supplementWorkdays: 15, templates }, "requests");
    expect(refused({ "supplement.zh-CN": "{applicant} {items} {dueOn} {basis} {deadline}" })).toEqual({
      ok: false,
      errors: { templates: ["requests:settings.errors.templatePlaceholder"] },
    });
    expect(refused({ "supplement.zh-CN": "{applicant} {items} {dueOn} {basis} {dueOn" })).toEqual({ ok: false, errors: { templates: ["requests:settings.errors.templatePlaceholder"] } });
    expect(refused({ "supplement.fr": "{items}" })).toEqual({ ok: false, errors: { templates: ["requests:settings.errors.templateKey"] } });
    expect(refused({ "reply.withheld.trade_secret.zh-CN": "{basis}" })).toEqual({ ok: false, errors: { templates: ["requests:settings.errors.templateKey"] } });
    // The supplement notice without its deadline, a reply without the remedy clause.
    expect(refused({ "supplement.en": "{applicant}: please supplement {items} ({basis})" })).toEqual({ ok: false, errors: { templates: ["requests:settings.errors.templateRequired"] } });
    expect(refused({ "reply.disclosed.zh-CN": "{applicant}：{basis}{documents}{obtain}" })).toEqual({ ok: false, errors: { templates: ["requests:settings.errors.templateRequired"] } });
  });

  it("an override that slipped past the settings still fails loudly when rendered", () => {
    expect(() => renderNotice("supplement", supplement, "zh-CN", { "supplement.zh-CN": "{applicant} {items} {dueOn} {basis} {deadline}" })).toThrow(TemplateError);
  });
});

describe("rendering fails loudly", () => {
  it("on a variable the caller did not give", () => {
    const { dueOn: _, ...noDue } = { ...letter, items: ["请明确时间范围"], dueOn: "2025-10-21" };
    expect(() => renderNotice("supplement", noDue as unknown as NoticeVars["supplement"], "zh-CN")).toThrow(/no value for \{dueOn\}/);
    const { office: __, ...noOffice } = { ...letter, days: 10, newDueDate: "2025-11-20", reason: "需要检索" };
    expect(() => renderNotice("extension", noOffice as unknown as NoticeVars["extension"], "en")).toThrow(/no value for \{office\}/);
  });

  it("on a reply missing what its type requires: the withheld parts, the documents, the basis of 其他", () => {
    expect(() => renderNotice("reply", reply("partly_disclosed", { withheld: [] }), "zh-CN")).toThrow(/\{withheld\}/);
    expect(() => renderNotice("reply", reply("withheld.third_party", { withheld: undefined }), "en")).toThrow(/\{withheld\}/);
    expect(() => renderNotice("reply", reply("disclosed", { documents: [] }), "zh-TW")).toThrow(/\{documents\}/);
    expect(() => renderNotice("reply", reply("other.other", { basis: undefined }), "zh-CN")).toThrow(/\{basis\}/);
    expect(() => renderNotice("supplement", { ...letter, items: [], dueOn: "2025-10-21" }, "zh-CN")).toThrow(/\{items\}/);
  });

  it("on a reply type that is not a table 三 outcome row, and on a date that is not one", () => {
    expect(() => renderNotice("reply", reply("withheld" as ReplyTypeKey), "zh-CN")).toThrow(RangeError);
    expect(() => renderNotice("supplement", { ...letter, items: ["x"], dueOn: "21/10/2025" }, "zh-CN")).toThrow(RangeError);
  });
});
