import { COMMON, letter, RECEIVED, sentences, TO_APPLICANT, type TemplateDef } from "./common";

/** 延期答复告知书 (条例第三十三条): once, at most 20 working days, with the consent of the head of the disclosure office. */
export const EXTENSION_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "政府信息公开申请延期答复告知书", "zh-TW": "政府信息公開申請延期答覆告知書", en: "Notice of Extension of the Time Limit for Reply" },
  placeholders: [...COMMON, "days", "newDueDate", "reason"],
  required: ["basis", "days", "newDueDate", "reason"],
  body: letter({
    to: TO_APPLICANT,
    paragraphs: [
      sentences(RECEIVED, {
        "zh-CN":
          "因{reason}，本机关不能在规定期限内作出答复。根据{basis}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{days}个工作日，本机关将于{newDueDate}前作出答复。",
        "zh-TW":
          "因{reason}，本機關不能在規定期限內作出答覆。根據{basis}的規定，經本機關政府信息公開工作機構負責人同意，答覆期限延長{days}個工作日，本機關將於{newDueDate}前作出答覆。",
        en: "This office cannot reply within the time limit because {reason}. Under the {basis}, with the consent of the head of this office's government information disclosure unit, the time limit is extended by {days} working days; we will reply by {newDueDate}.",
      }),
      { "zh-CN": "\u3000\u3000特此告知。", "zh-TW": "\u3000\u3000特此告知。", en: "This notice is given accordingly." },
    ],
  }),
};
