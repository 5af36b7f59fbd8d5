import { COMMON, letter, RECEIVED, sentences, TO_APPLICANT, type TemplateDef } from "./common";

/** 补正告知书 (条例第三十条): once, within 7 working days of receipt; what to supplement, by when, and what happens otherwise. */
export const SUPPLEMENT_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "政府信息公开申请补正告知书", "zh-TW": "政府信息公開申請補正告知書", en: "Notice to Supplement an Application for Government Information" },
  placeholders: [...COMMON, "items", "dueOn"],
  required: ["basis", "items", "dueOn"],
  body: letter({
    to: TO_APPLICANT,
    paragraphs: [
      sentences(RECEIVED, {
        "zh-CN": "经审查，您的申请内容不明确。根据{basis}的规定，请您对下列事项作出补正：\n{items}",
        "zh-TW": "經審查，您的申請內容不明確。根據{basis}的規定，請您對下列事項作出補正：\n{items}",
        en: "Your application is not clear enough to be processed. Under the {basis}, please supplement it as follows:\n{items}",
      }),
      {
        "zh-CN": "\u3000\u3000请您于{dueOn}前向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        "zh-TW": "\u3000\u3000請您於{dueOn}前向本機關提交補正後的申請。答覆期限自本機關收到補正後的申請之日起計算。您無正當理由逾期不補正的，視為放棄申請，本機關不再處理該政府信息公開申請。",
        en: "Please send the supplemented application to this office by {dueOn}. The time limit for our reply runs from the day we receive the supplemented application. If you do not supplement the application by then without good reason, it is deemed withdrawn and this office will not process it further.",
      },
      {
        "zh-CN": "\u3000\u3000如对补正事项有疑问，请与本机关联系，本机关将给予指导和释明。",
        "zh-TW": "\u3000\u3000如對補正事項有疑問，請與本機關聯繫，本機關將給予指導和釋明。",
        en: "If anything in this notice is unclear, please contact this office; we will guide you and explain what is needed.",
      },
    ],
  }),
};
