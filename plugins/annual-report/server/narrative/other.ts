import { BLANK, FEES_BASIS, TODO_SENTENCES } from "../../law/narrative-2021";
import type { Figures } from "../report/fill";
import type { ReportParagraph } from "../report/model";
import type { Part } from "./overview";
import { FACT_KEYS } from "./keys";
import { pick, quoting, todo } from "./paragraph";
import { formatYuan } from "./yuan";

/** The 信息处理费 actually collected in the year (paid in the year, the requests plugin's 分) in yuan. */
function fees(figures: Figures): ReportParagraph {
  const f = pick(figures, [FACT_KEYS.feesFen, FACT_KEYS.feesCharged]);
  if (!f) return todo(`依据${FEES_BASIS}，本年度共收取信息处理费${BLANK}元。`);
  const fen = f[FACT_KEYS.feesFen]!;
  if (fen === 0) return quoting(`依据${FEES_BASIS}，本年度未收取信息处理费。`, f);
  const count = f[FACT_KEYS.feesCharged]!;
  return quoting(`依据${FEES_BASIS}，本年度共收取信息处理费${formatYuan(fen)}元${count > 0 ? `，涉及${count}件申请` : ""}。`, f);
}

/** 六、其他需要报告的事项: the fees from the data, the other matters the format names for the drafter. */
export function draftOther(figures: Figures): Part[] {
  return [{ paragraphs: [fees(figures), todo(TODO_SENTENCES.otherMatters)] }];
}
