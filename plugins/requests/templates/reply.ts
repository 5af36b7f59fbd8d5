import type { Localized } from "../../../app/plugin-api";
import type { ReplyTypeKey } from "../law/reply-types";
import { COMMON, letter, RECEIVED, sentences, TO_APPLICANT, type TemplateDef } from "./common";

/**
 * The reply (答复书 / 告知书), one template per reply type of table 三, plus `not_responsible`: the
 * (四)1 reply where another agency is responsible for the information (条例第三十六条第（五）项),
 * which must name that agency and how to reach it. Every reply cites its basis and ends with the
 * remedy clause.
 */
export type ReplyTemplateId = ReplyTypeKey | "not_responsible";

export const REPLY_PLACEHOLDERS = [...COMMON, "documents", "obtain", "withheld", "responsibleAgency", "responsibleContact", "note", "remedy"] as const;

const ANSWER: Localized = { "zh-CN": "政府信息公开申请答复书", "zh-TW": "政府信息公開申請答覆書", en: "Reply to an Application for Government Information" };
const NOTICE: Localized = { "zh-CN": "政府信息公开申请告知书", "zh-TW": "政府信息公開申請告知書", en: "Notice on an Application for Government Information" };

const HEREBY: Localized = { "zh-CN": "经审查，现答复如下：", "zh-TW": "經審查，現答覆如下：", en: "Having examined it, this office replies as follows." };
const NOTE: Localized = { "zh-CN": "\u3000\u3000{note}", "zh-TW": "\u3000\u3000{note}", en: "{note}" };
const REMEDY: Localized = { "zh-CN": "{remedy}", "zh-TW": "{remedy}", en: "{remedy}" };

function reply(title: Localized, decision: Localized, required: string[] = []): TemplateDef {
  return {
    title,
    placeholders: REPLY_PLACEHOLDERS,
    required: ["basis", "remedy", ...required],
    body: letter({ to: TO_APPLICANT, paragraphs: [sentences(RECEIVED, HEREBY), decision, NOTE, REMEDY] }),
  };
}

const t = (zhCN: string, zhTW: string, en: string): Localized => ({ "zh-CN": `\u3000\u3000${zhCN}`, "zh-TW": `\u3000\u3000${zhTW}`, en });

/** 不予公开 on an Art 14–16 ground: what the information is, the decision, and each withheld part with its reason. */
function withheld(zhCN: string, zhTW: string, en: string): TemplateDef {
  return reply(
    ANSWER,
    t(
      `您申请获取的政府信息${zhCN}。根据{basis}的规定，本机关决定不予公开。不予公开的内容及理由如下：\n{withheld}`,
      `您申請獲取的政府信息${zhTW}。根據{basis}的規定，本機關決定不予公開。不予公開的內容及理由如下：\n{withheld}`,
      `The information you asked for ${en}. Under the {basis}, this office has decided not to disclose it. What is withheld, and why:\n{withheld}`,
    ),
    ["withheld"],
  );
}

export const REPLY_TEMPLATES: Record<ReplyTemplateId, TemplateDef> = {
  disclosed: reply(
    ANSWER,
    t(
      "您申请获取的政府信息属于公开范围。根据{basis}的规定，本机关予以公开，公开的政府信息如下：\n{documents}\n\u3000\u3000获取方式：{obtain}",
      "您申請獲取的政府信息屬於公開範圍。根據{basis}的規定，本機關予以公開，公開的政府信息如下：\n{documents}\n\u3000\u3000獲取方式：{obtain}",
      "The information you asked for can be disclosed. Under the {basis}, this office discloses it:\n{documents}\nHow to obtain it: {obtain}",
    ),
    ["documents", "obtain"],
  ),
  partly_disclosed: reply(
    ANSWER,
    t(
      "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{basis}的规定，本机关向您提供可以公开的部分，公开的政府信息如下：\n{documents}\n\u3000\u3000获取方式：{obtain}\n\u3000\u3000下列内容不予公开，理由如下：\n{withheld}",
      "您申請獲取的政府信息中含有不應當公開的內容，但能夠作區分處理。根據{basis}的規定，本機關向您提供可以公開的部分，公開的政府信息如下：\n{documents}\n\u3000\u3000獲取方式：{obtain}\n\u3000\u3000下列內容不予公開，理由如下：\n{withheld}",
      "Part of the information you asked for may not be disclosed, but it can be separated from the rest. Under the {basis}, this office provides the part that can be disclosed:\n{documents}\nHow to obtain it: {obtain}\nThe following is withheld, for the reasons given:\n{withheld}",
    ),
    ["documents", "obtain", "withheld"],
  ),
  "withheld.state_secret": withheld("属于依法确定为国家秘密的政府信息", "屬於依法確定為國家秘密的政府信息", "has been lawfully classified as a state secret"),
  "withheld.prohibited_by_law": withheld(
    "属于法律、行政法规禁止公开的政府信息",
    "屬於法律、行政法規禁止公開的政府信息",
    "is information whose disclosure a law or administrative regulation prohibits",
  ),
  "withheld.security_stability": withheld(
    "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "公開後可能危及國家安全、公共安全、經濟安全、社會穩定",
    "could, if disclosed, endanger national, public or economic security or social stability",
  ),
  "withheld.third_party": withheld(
    "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
    "涉及商業秘密、個人隱私等，公開會對第三方合法權益造成損害",
    "concerns trade secrets, personal privacy or the like, and disclosing it would harm a third party's lawful rights and interests",
  ),
  "withheld.internal_affairs": withheld(
    "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
    "屬於人事管理、後勤管理、內部工作流程等方面的內部事務信息",
    "is internal affairs information (personnel management, logistics, internal working procedures)",
  ),
  "withheld.process_information": withheld(
    "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息",
    "屬於行政機關在履行行政管理職能過程中形成的討論記錄、過程稿、磋商信函、請示報告等過程性信息",
    "is process information formed in performing administrative functions (records of discussions, drafts, consultation letters, requests for instructions and reports)",
  ),
  "withheld.enforcement_case_file": withheld("属于行政执法案卷信息", "屬於行政執法案卷信息", "is part of an administrative enforcement case file"),
  "withheld.administrative_query": reply(
    ANSWER,
    t(
      "您的申请是要求本机关查询、核实有关事项，属于行政查询事项，不属于申请获取政府信息。根据{basis}的规定，本机关不予公开。",
      "您的申請是要求本機關查詢、核實有關事項，屬於行政查詢事項，不屬於申請獲取政府信息。根據{basis}的規定，本機關不予公開。",
      "Your application asks this office to look up or verify a matter: it is an administrative query, not a request for government information. Under the {basis}, this office discloses nothing in reply to it.",
    ),
  ),
  "unavailable.not_held": reply(
    NOTICE,
    t(
      "经检索，本机关没有您申请获取的政府信息，该政府信息不存在。根据{basis}的规定，特此告知。",
      "經檢索，本機關沒有您申請獲取的政府信息，該政府信息不存在。根據{basis}的規定，特此告知。",
      "This office has searched and holds no such information: the information you asked for does not exist. This notice is given under the {basis}.",
    ),
  ),
  not_responsible: reply(
    NOTICE,
    t(
      "您申请获取的政府信息不属于本机关负责公开。根据{basis}的规定，现告知您：负责公开该政府信息的行政机关为{responsibleAgency}，联系方式：{responsibleContact}。理由如下：",
      "您申請獲取的政府信息不屬於本機關負責公開。根據{basis}的規定，現告知您：負責公開該政府信息的行政機關為{responsibleAgency}，聯繫方式：{responsibleContact}。理由如下：",
      "This office is not responsible for disclosing the information you asked for. Under the {basis}, we inform you that the agency responsible for disclosing it is {responsibleAgency}, contact: {responsibleContact}. Our reasons:",
    ),
    ["responsibleAgency", "responsibleContact", "note"],
  ),
  "unavailable.needs_creation": reply(
    NOTICE,
    t(
      "您申请获取的信息需要本机关对现有政府信息进行加工、分析或者另行制作，本机关没有现成的信息。根据{basis}的规定，本机关不予提供。",
      "您申請獲取的信息需要本機關對現有政府信息進行加工、分析或者另行製作，本機關沒有現成的信息。根據{basis}的規定，本機關不予提供。",
      "No existing information answers your application: providing it would require this office to process, analyse or create information. Under the {basis}, this office does not provide it.",
    ),
  ),
  "unavailable.still_unclear": reply(
    NOTICE,
    t(
      "本机关已告知您补正申请内容，您补正后的申请内容仍不明确，本机关无法确定您申请获取的政府信息。根据{basis}的规定，本机关无法提供。",
      "本機關已告知您補正申請內容，您補正後的申請內容仍不明確，本機關無法確定您申請獲取的政府信息。根據{basis}的規定，本機關無法提供。",
      "This office asked you to supplement your application, and the supplemented application is still not clear enough to identify the information you want. Under the {basis}, this office cannot provide it.",
    ),
  ),
  "not_processed.petition": reply(
    NOTICE,
    t(
      "您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{basis}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
      "您的申請屬於以政府信息公開申請的形式進行信訪、投訴、舉報等活動。根據{basis}的規定，本機關不作為政府信息公開申請處理，您可以通過相應渠道提出。",
      "Your application is in substance a petition, complaint or report made in the form of an application for government information. Under the {basis}, this office does not treat it as such an application; you may raise the matter through the proper channel.",
    ),
  ),
  "not_processed.repeated": reply(
    NOTICE,
    t(
      "您的申请与本机关已答复的您此前的申请内容相同，属于重复申请。根据{basis}的规定，本机关不予重复处理。",
      "您的申請與本機關已答覆的您此前的申請內容相同，屬於重複申請。根據{basis}的規定，本機關不予重複處理。",
      "Your application repeats one of yours this office has already replied to. Under the {basis}, this office does not process it again.",
    ),
  ),
  "not_processed.publication": reply(
    NOTICE,
    t(
      "您申请获取的是政府公报、报刊、书籍等公开出版物。根据{basis}的规定，本机关告知您获取途径：{obtain}",
      "您申請獲取的是政府公報、報刊、書籍等公開出版物。根據{basis}的規定，本機關告知您獲取途徑：{obtain}",
      "You asked for published material (a government gazette, newspaper, periodical, book or the like). Under the {basis}, this office tells you where to obtain it: {obtain}",
    ),
    ["obtain"],
  ),
  "not_processed.excessive": reply(
    NOTICE,
    t(
      "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，您未说明理由或者理由不合理。根据{basis}的规定，本机关不予处理。",
      "您申請公開政府信息的數量、頻次明顯超過合理範圍，本機關已要求您說明理由，您未說明理由或者理由不合理。根據{basis}的規定，本機關不予處理。",
      "The number or frequency of your applications clearly exceeds a reasonable range. This office asked you for your reasons, and none were given or they were not reasonable. Under the {basis}, this office does not process the application.",
    ),
  ),
  "not_processed.reissue": reply(
    NOTICE,
    t(
      "您的申请是要求本机关确认或者重新出具您已获取的政府信息，不属于申请获取政府信息。根据{basis}的规定，本机关不予处理。",
      "您的申請是要求本機關確認或者重新出具您已獲取的政府信息，不屬於申請獲取政府信息。根據{basis}的規定，本機關不予處理。",
      "Your application asks this office to confirm or reissue information you have already obtained: it is not a request for government information. Under the {basis}, this office does not process it.",
    ),
  ),
  "other.no_supplement": reply(
    NOTICE,
    t(
      "本机关已告知您在规定期限内补正申请，您无正当理由逾期未补正。根据{basis}的规定，您的申请视为放弃，本机关不再处理该政府信息公开申请。",
      "本機關已告知您在規定期限內補正申請，您無正當理由逾期未補正。根據{basis}的規定，您的申請視為放棄，本機關不再處理該政府信息公開申請。",
      "This office asked you to supplement your application by a set date, and you did not, without good reason. Under the {basis}, the application is deemed withdrawn and this office will not process it further.",
    ),
  ),
  "other.fee_unpaid": reply(
    NOTICE,
    t(
      "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费。根据{basis}的规定，本机关不再处理该政府信息公开申请。",
      "本機關已向您發出收費通知，您逾期未按收費通知要求繳納信息處理費。根據{basis}的規定，本機關不再處理該政府信息公開申請。",
      "This office sent you a fee notice, and you did not pay the information-processing fee as it required in time. Under the {basis}, this office will not process the application further.",
    ),
  ),
  "other.other": reply(
    NOTICE,
    t("根据{basis}的规定，本机关对您的申请处理如下：", "根據{basis}的規定，本機關對您的申請處理如下：", "Under the {basis}, this office has handled your application as follows:"),
    ["note"],
  ),
};
