import { TODO_SENTENCES } from "../law/narrative-2021";
import { T2_KEYS } from "../law/table-two-2021";

/*
 * What a demo office's drafter writes into its report: the subjects the platform knows nothing of
 * (written for the demo, in the wording offices use), and the table 二 cells no enabled plugin
 * provides, each with its source. Branch offices handle fewer cases than the city bureau.
 */

/** The todo sentence a paragraph was drafted with → what the demo drafter wrote instead. */
export function demoParagraphs(year: number): Map<string, string> {
  return new Map([
    [
      TODO_SENTENCES.management,
      "本机关在公文拟制环节同步认定公开属性，拟公开的信息全部经过保密审查后发布，全年未发生泄密事件；对现行有效的行政规范性文件开展清理，及时在政策文件库中标注文件有效性。",
    ],
    [
      TODO_SENTENCES.platform,
      "本机关依托政府门户网站政府信息公开专栏发布信息，专栏设置政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开工作年度报告等栏目，提供长者模式和无障碍浏览；政务新媒体落实“先审后发”，全年运行平稳。",
    ],
    [
      TODO_SENTENCES.oversight(year),
      `${year}年，本机关将政务公开工作纳入年度绩效考核，组织政务公开业务培训两次，通过门户网站留言和依申请公开办理回访听取社会评议意见；全年未发生因政府信息公开工作引发的责任追究情形。`,
    ],
    [
      TODO_SENTENCES.followUpNone,
      "上年度报告所列问题已按计划整改：针对政策解读形式单一的问题，增加了图文解读和问答式解读；针对个别栏目更新不及时的问题，建立了栏目责任清单并按月检查。",
    ],
    [TODO_SENTENCES.problems, "本年度政府信息公开工作仍存在以下问题：一是部分栏目更新频次不够均衡；二是政策解读的形式和深度有待提升；三是依申请公开答复文书的规范化水平需进一步提高。"],
    [TODO_SENTENCES.measures, "下一步，本机关将建立栏目更新提醒和季度自查机制，丰富图解、视频等解读形式，组织依申请公开专题培训并统一答复文书格式。"],
    [TODO_SENTENCES.otherMatters, "本机关按照上级年度政务公开工作要点的部署逐项落实，按要求公开建议提案办理结果；本年度无其他需要报告的事项。"],
  ]);
}

/** The table 二 cells the demo drafter enters (value and source); a branch office (`demo-donghu`) handles fewer cases than the city's. */
export function demoManualCells(officeCode: string): Record<string, { value: string; note: string }> {
  const branch = officeCode !== "demo-city";
  const spread = [...officeCode].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 7;
  const n = (city: number, office: number) => String(branch ? office + spread : city);
  return {
    [T2_KEYS.permits]: { value: n(86, 21), note: "本机关行政审批办理台账（建设项目环境影响评价文件审批、排污许可）" },
    [T2_KEYS.penalties]: { value: n(41, 9), note: "本机关行政处罚案件台账（以处罚决定书送达日期计）" },
    [T2_KEYS.enforcement]: { value: n(6, 1), note: "本机关查封、扣押等行政强制措施台账" },
    [T2_KEYS.charges]: { value: "0", note: "本机关未设立行政事业性收费项目，经财务科核对无收费" },
  };
}
