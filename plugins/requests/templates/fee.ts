import { COMMON, letter, RECEIVED, sentences, TO_APPLICANT, type TemplateDef } from "./common";

/** 收费通知 (条例第四十二条, 国办函〔2020〕109号): basis, amount, how to pay, 20 working days; unpaid, not processed. */
export const FEE_TEMPLATE: TemplateDef = {
  title: { "zh-CN": "政府信息公开信息处理费收费通知", "zh-TW": "政府信息公開信息處理費收費通知", en: "Notice of Information-Processing Fee" },
  placeholders: [...COMMON, "method", "amount", "lines", "dueOn", "payDays", "payment"],
  required: ["basis", "amount", "dueOn", "payDays", "payment"],
  body: letter({
    to: TO_APPLICANT,
    paragraphs: [
      sentences(RECEIVED, {
        "zh-CN": "根据{basis}的规定，本机关对您的申请收取信息处理费，计收方式为{method}，金额共计{amount}，明细如下：\n{lines}",
        "zh-TW": "根據{basis}的規定，本機關對您的申請收取信息處理費，計收方式為{method}，金額共計{amount}，明細如下：\n{lines}",
        en: "Under the {basis}, this office charges an information-processing fee for your application, calculated {method}: {amount} in total, as follows:\n{lines}",
      }),
      {
        "zh-CN":
          "\u3000\u3000请您自收到本通知之日起{payDays}个工作日内、即{dueOn}前，按以下方式缴纳：{payment}。自本通知发出之日起至您缴纳费用之日止的期间，不计算在答复期限内。您逾期未缴纳的，本机关不再处理该政府信息公开申请。",
        "zh-TW":
          "\u3000\u3000請您自收到本通知之日起{payDays}個工作日內、即{dueOn}前，按以下方式繳納：{payment}。自本通知發出之日起至您繳納費用之日止的期間，不計算在答覆期限內。您逾期未繳納的，本機關不再處理該政府信息公開申請。",
        en: "Please pay within {payDays} working days of receiving this notice, that is by {dueOn}, as follows: {payment}. The time from this notice until you pay does not count toward the time limit for our reply. If you do not pay in time, this office will not process the application further.",
      },
    ],
  }),
};
