import { COMMON, letter, RECEIVED_FROM_SOMEONE, sentences, TO_PARTY, type TemplateDef } from "./common";

const PLACEHOLDERS = [...COMMON, "party", "answerDue", "answerDays"];
const REQUIRED = ["basis", "party", "answerDue", "answerDays"];

/** 征求第三方意见函 (条例第三十二条): in writing; 15 working days to answer; no answer, the office decides. */
export const THIRD_PARTY_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "政府信息公开征求第三方意见函", "zh-TW": "政府信息公開徵求第三方意見函", en: "Consultation of a Third Party on Disclosure" },
  placeholders: PLACEHOLDERS,
  required: REQUIRED,
  body: letter({
    to: TO_PARTY,
    paragraphs: [
      sentences(RECEIVED_FROM_SOMEONE, {
        "zh-CN": "经审查，该政府信息可能涉及贵方商业秘密、个人隐私等合法权益，公开可能损害贵方合法权益。根据{basis}的规定，现书面征求贵方意见。",
        "zh-TW": "經審查，該政府信息可能涉及貴方商業秘密、個人隱私等合法權益，公開可能損害貴方合法權益。根據{basis}的規定，現書面徵求貴方意見。",
        en: "The information may concern your trade secrets, personal privacy or other lawful rights and interests, which disclosure could harm. Under the {basis}, this office consults you in writing.",
      }),
      {
        "zh-CN":
          "\u3000\u3000请贵方自收到本函之日起{answerDays}个工作日内、即{answerDue}前书面答复是否同意公开；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《政府信息公开条例》的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
        "zh-TW":
          "\u3000\u3000請貴方自收到本函之日起{answerDays}個工作日內、即{answerDue}前書面答覆是否同意公開；不同意公開的，請說明理由。逾期未提出意見的，由本機關依照《政府信息公開條例》的規定決定是否公開。第三方不同意公開且有合理理由的，本機關不予公開；但本機關認為不公開可能對公共利益造成重大影響的，可以決定予以公開，並將決定公開的政府信息內容和理由書面告知貴方。",
        en: "Please answer in writing within {answerDays} working days of receiving this letter, that is by {answerDue}, whether you consent to disclosure, giving your reasons if you do not. If you do not answer in time, this office will decide on disclosure under the Regulation on Open Government Information. If you object on reasonable grounds, the information will not be disclosed, unless this office considers that withholding it would seriously affect the public interest; it may then disclose it and will tell you in writing what is disclosed and why.",
      },
    ],
  }),
};

/** 征求意见函 to another agency that made the information jointly (条例第三十四条): 15 working days; silence is consent. */
export const OTHER_AGENCY_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "政府信息公开征求意见函", "zh-TW": "政府信息公開徵求意見函", en: "Consultation of Another Agency on Disclosure" },
  placeholders: PLACEHOLDERS,
  required: REQUIRED,
  body: letter({
    to: TO_PARTY,
    paragraphs: [
      sentences(RECEIVED_FROM_SOMEONE, {
        "zh-CN": "该政府信息由本机关与贵机关共同制作。根据{basis}的规定，现征求贵机关对公开该政府信息的意见。",
        "zh-TW": "該政府信息由本機關與貴機關共同製作。根據{basis}的規定，現徵求貴機關對公開該政府信息的意見。",
        en: "The information was made jointly by this office and your agency. Under the {basis}, this office asks for your opinion on its disclosure.",
      }),
      {
        "zh-CN": "\u3000\u3000请贵机关自收到本函之日起{answerDays}个工作日内、即{answerDue}前提出意见。逾期未提出意见的，视为同意公开。",
        "zh-TW": "\u3000\u3000請貴機關自收到本函之日起{answerDays}個工作日內、即{answerDue}前提出意見。逾期未提出意見的，視為同意公開。",
        en: "Please give your opinion within {answerDays} working days of receiving this letter, that is by {answerDue}. If you give none in time, you are deemed to consent to disclosure.",
      },
    ],
  }),
};
