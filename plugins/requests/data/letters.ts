import { computeFee, formatYuan } from "../law/fees";
import type { ReplyTypeKey } from "../law/reply-types";
import type { NoticeKind } from "../db/schema";

/** Short letters for the demo's sent notices and replies, with the statutory points each must make. */

export const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const REGULATION = "《中华人民共和国政府信息公开条例》";

export const NOTICE_TITLES: Record<NoticeKind, string> = {
  supplement: "政府信息公开申请补正告知书",
  extension: "政府信息公开申请延期答复告知书",
  third_party: "征求第三方意见告知书",
  other_agency: "征求其他机关意见告知书",
  fee: "信息处理费缴纳通知书",
  reply: "政府信息公开申请答复书",
};

/** The opening every letter shares: the application it answers. */
const opening = (trackingNo: string, receivedOn: string) => `你（单位）于${zhDate(receivedOn)}提出的政府信息公开申请（申请编号：${trackingNo}）收悉。`;

export type LetterFacts =
  | { kind: "supplement"; items: string; dueOn: string }
  | { kind: "extension"; days: number; reason: string; dueOn: string }
  | { kind: "third_party" | "other_agency"; party: string; sentOn: string }
  | { kind: "fee"; fee: ReturnType<typeof computeFee>; pages?: number; dueOn: string }
  | { kind: "reply"; replyType: ReplyTypeKey; subject: string; extra?: string };

/** The letter addressed to the applicant: `{applicant}` is their masked name on lists and their full name when printed (server/letters). */
export function addressedLetter(trackingNo: string, receivedOn: string, f: LetterFacts): string {
  return `{applicant}：\n${letterBody(trackingNo, receivedOn, f)}`;
}

export function letterBody(trackingNo: string, receivedOn: string, f: LetterFacts): string {
  const head = opening(trackingNo, receivedOn);
  switch (f.kind) {
    case "supplement":
      return `${head}经审查，你（单位）的申请内容不够明确。根据${REGULATION}第三十条的规定，请于${zhDate(f.dueOn)}前补正以下内容：${f.items}\n答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    case "extension":
      return `${head}因${f.reason}，本机关不能在法定期限内作出答复。根据${REGULATION}第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长${f.days}个工作日，本机关将于${zhDate(f.dueOn)}前作出答复。`;
    case "third_party":
      return `${head}你（单位）申请公开的信息涉及第三方合法权益。根据${REGULATION}第三十二条的规定，本机关已于${zhDate(f.sentOn)}书面征求第三方意见，第三方应自收到征求意见书之日起15个工作日内提出意见。根据第三十三条第三款的规定，征求意见所需时间不计算在答复期限内。`;
    case "other_agency":
      return `${head}你（单位）申请公开的信息由本机关与${f.party}共同制作。根据${REGULATION}第三十四条的规定，本机关已于${zhDate(f.sentOn)}征求其意见，被征求意见机关应自收到征求意见书之日起15个工作日内提出意见。征求意见所需时间不计算在答复期限内。`;
    case "fee": {
      const how = f.fee.method === "per_page" ? `按量计收，提供信息共${f.pages}页` : "按件计收，你（单位）本月申请数量已超过10件";
      return `${head}根据${REGULATION}第四十二条和《政府信息公开信息处理费管理办法》的规定，本次申请应缴纳信息处理费${formatYuan(f.fee.fen)}（${how}）。请于${zhDate(f.dueOn)}前缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。收费期间不计算在答复期限内。`;
    }
    case "reply":
      return `${head}${replyText(f.replyType, f.subject)}${f.extra ?? ""}\n如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。`;
  }
}

function replyText(type: ReplyTypeKey, subject: string): string {
  const asked = `你（单位）申请获取的“${subject}”`;
  switch (type) {
    case "disclosed":
      return `经审查，${asked}属于可以公开的政府信息。根据${REGULATION}第三十六条第（二）项的规定，现予以提供，详见附件。`;
    case "partly_disclosed":
      return `经审查，${asked}中部分内容依法不予公开。根据${REGULATION}第三十七条的规定，本机关对可以公开的部分予以提供（详见附件），对不予公开的部分作区分处理并说明理由。`;
    case "unavailable.not_held":
      return `经检索，本机关未制作或者获取${asked}。根据${REGULATION}第三十六条第（四）项的规定，告知你（单位）该政府信息不存在。`;
    case "unavailable.needs_creation":
      return `经审查，${asked}需要本机关对现有信息进行加工、分析，根据${REGULATION}第三十八条的规定，本机关不予提供。`;
    case "unavailable.still_unclear":
      return `你（单位）补正后，申请内容仍不明确，本机关无法确定所需信息，故无法提供。`;
    case "not_processed.petition":
      return `经审查，你（单位）的申请实为信访、投诉、举报事项。根据${REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，请通过信访渠道或12369环保举报热线反映，本机关将依法处理。`;
    case "not_processed.repeated":
      return `经审查，你（单位）此前已提出相同申请，本机关已依法作出答复。根据${REGULATION}第三十六条第（六）项的规定，不予重复处理。`;
    case "not_processed.publication":
      return `经审查，${asked}属于公开出版物。根据${REGULATION}第三十九条第二款的规定，请通过本机关门户网站或公共图书馆查阅获取。`;
    case "not_processed.excessive":
      return `你（单位）申请的数量明显超过合理范围，经本机关要求说明理由，所说明理由不合理。根据${REGULATION}第三十五条的规定，本机关不予处理。`;
    case "not_processed.reissue":
      return `你（单位）要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的范围，本机关不予处理。`;
    case "other.no_supplement":
      return `你（单位）未在本机关告知的期限内补正申请，亦无正当理由。根据${REGULATION}第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    case "other.fee_unpaid":
      return `你（单位）未在收费通知要求的期限内缴纳信息处理费。根据《政府信息公开信息处理费管理办法》的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`;
    case "other.other":
      return `你（单位）已撤回该政府信息公开申请，本机关终止办理。`;
    default: {
      // 不予公开: one of the Art 14–16 grounds, or an administrative query.
      const [why, article] = WITHHELD[type];
      return `经审查，${asked}${why}。根据${REGULATION}${article ? `${article}和` : ""}第三十六条第（三）项的规定，本机关决定不予公开。`;
    }
  }
}

const WITHHELD: Record<Extract<ReplyTypeKey, `withheld.${string}`>, [string, string]> = {
  "withheld.state_secret": ["属于国家秘密", "第十四条"],
  "withheld.prohibited_by_law": ["属于法律、行政法规禁止公开的信息", "第十四条"],
  "withheld.security_stability": ["公开后可能危及国家安全、公共安全、经济安全和社会稳定", "第十四条"],
  "withheld.third_party": ["涉及商业秘密，经征求意见第三方不同意公开，且不公开不会对公共利益造成重大影响", "第十五条"],
  "withheld.internal_affairs": ["属于人事管理、内部工作流程等内部事务信息", "第十六条第一款"],
  "withheld.process_information": ["属于履行行政管理职能过程中形成的讨论记录、请示报告等过程性信息", "第十六条第二款"],
  "withheld.enforcement_case_file": ["属于行政执法案卷信息", "第十六条第二款"],
  "withheld.administrative_query": ["属于行政查询事项，并非获取政府信息", ""],
};
