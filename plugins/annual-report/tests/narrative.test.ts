import { describe, expect, it } from "vitest";
import { BLANK } from "../law/narrative-2021";
import { t3Key } from "../law/table-three-2021";
import { t4Key } from "../law/table-four-2021";
import { type Narrative, draftNarrative } from "../server/narrative/draft";
import { unfinishedParagraphs } from "../server/narrative/stale";
import { formatYuan } from "../server/narrative/yuan";
import type { Figures } from "../server/report/fill";
import type { ReportParagraph } from "../server/report/model";
import { realisticFigures, without } from "./narrative-fixture";

const draft = (figures: Figures, lastYear?: Parameters<typeof draftNarrative>[0]["lastYear"]) =>
  draftNarrative({ office: "示范市生态环境局东湖分局", year: 2025, figures, lastYear });

/** The paragraphs under a part heading of a narrative section ("" for the unheaded part). */
function part(n: Narrative, section: keyof Narrative, heading: string): ReportParagraph[] {
  const found = n[section].parts.find((p) => (p.heading ?? "") === heading);
  if (!found) throw new Error(`no part ${heading} in ${section}`);
  return found.paragraphs;
}
const texts = (ps: ReportParagraph[]) => ps.map((p) => p.text);
const FEES = "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），";

describe("一、总体情况 drafted from a year's figures", () => {
  const n = draft(realisticFigures());

  it("has the preamble and the five subjects the 2021 format names, in its order", () => {
    expect(n.overview.heading).toBe("一、总体情况");
    expect(n.overview.parts.map((p) => p.heading ?? "")).toEqual(["", "（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]);
    expect(texts(part(n, "overview", ""))).toEqual([
      "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，报告示范市生态环境局东湖分局2025年度政府信息公开工作情况。所列数据的统计期限自2025年1月1日起至2025年12月31日止。",
    ]);
  });

  it("states what was published, with the catalogue's columns, interpretations and table 二's documents", () => {
    const ps = part(n, "overview", "（一）主动公开");
    expect(texts(ps)).toEqual([
      "2025年，本机关通过政府信息公开平台主动公开政府信息412条，涉及政府信息公开目录23个栏目，其中发布政策解读9条。",
      "本年制发行政规范性文件3件、废止1件，现行有效17件，具体数据见本报告第二部分。",
    ]);
    expect(ps[0]!.quoted).toEqual({ "disclosure.facts.published": 412, "disclosure.facts.categories": 23, "disclosure.facts.interpretations": 9 });
    expect(ps[1]!.quotes).toEqual(expect.arrayContaining(["disclosure.normative.issued", "disclosure.normative.valid", "disclosure.rules.issued"]));
    expect(ps.some((p) => p.todo)).toBe(false);
  });

  it("states applications received by form, carried over, handled, their results, reviews and suits", () => {
    const ps = part(n, "overview", "（二）依申请公开");
    expect(texts(ps)).toEqual([
      "2025年，本机关新收政府信息公开申请58件，其中通过网络等电子形式提出51件、以书面形式提出7件；上年结转3件。全年办结57件，结转下年度继续办理4件。",
      "办结的申请中，予以公开31件，部分公开4件，不予公开3件，无法提供13件，不予处理3件，其他处理3件。",
      "本年度因政府信息公开工作被申请行政复议3件（结果维持2件、结果纠正1件），被提起行政诉讼1件（未经复议直接起诉1件），具体情况见本报告第四部分。",
    ]);
    expect(ps[0]!.quoted).toMatchObject({ [t3Key("received", "total")]: 58, [t3Key("carried_forward", "total")]: 4, "requests.facts.electronic": 51 });
    expect(ps[1]!.quotes).toContain(t3Key("withheld.process_information", "total"));
    expect(ps[2]!.quotes).toEqual(expect.arrayContaining([t4Key("review", "total"), t4Key("suit_after_review", "total")]));
  });

  it("states the catalogue facts of 管理 and 平台建设 and leaves the rest, and 监督保障, to the drafter", () => {
    expect(texts(part(n, "overview", "（三）政府信息管理"))[0]).toBe(
      "本机关主动公开的政府信息均在政府信息公开平台逐条编制索引号，纳入政府信息公开目录管理；本年度撤回已公开的政府信息2条。",
    );
    expect(texts(part(n, "overview", "（四）政府信息公开平台建设"))[0]).toBe(
      "本机关依托政府信息公开平台发布政府信息、维护政府信息公开目录，受理政府信息公开申请，申请人可在线提交申请并查询办理进度。",
    );
    for (const heading of ["（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]) {
      const last = part(n, "overview", heading).at(-1)!;
      expect(last.todo, heading).toBe(true);
      expect(last.text, heading).toContain("【待补充】");
    }
    expect(texts(part(n, "overview", "（五）监督保障"))).toEqual(["2025年，本机关政府信息公开工作的考核、社会评议、责任追究及业务培训情况：【待补充】。"]);
  });
});

describe("六、其他需要报告的事项", () => {
  const fees = (fen: number, charged: number) =>
    draft({ ...realisticFigures(), "requests.facts.feesFen": fen, "requests.facts.feesCharged": charged }).other.parts[0]!.paragraphs[0]!;

  it("reports the 信息处理费 actually collected in yuan, or that none was", () => {
    expect(fees(4350, 2)).toEqual({
      text: `${FEES}本年度共收取信息处理费43.5元，涉及2件申请。`,
      quotes: ["requests.facts.feesFen", "requests.facts.feesCharged"],
      quoted: { "requests.facts.feesFen": 4350, "requests.facts.feesCharged": 2 },
    });
    expect(fees(40_000, 1).text).toBe(`${FEES}本年度共收取信息处理费400元，涉及1件申请。`);
    expect(fees(0, 0).text).toBe(`${FEES}本年度未收取信息处理费。`);
  });

  it("leaves the other matters the format names to the drafter", () => {
    const n = draft(realisticFigures());
    expect(n.other.heading).toBe("六、其他需要报告的事项");
    const other = n.other.parts[0]!.paragraphs[1]!;
    expect(other.todo).toBe(true);
    expect(other.text).toContain("人大代表建议和政协提案办理结果公开");
  });
});

describe("yuan from 分", () => {
  it("prints the amount exactly, without trailing zeros or grouping", () => {
    expect(formatYuan(0)).toBe("0");
    expect(formatYuan(4350)).toBe("43.5");
    expect(formatYuan(40_000)).toBe("400");
    expect(formatYuan(4305)).toBe("43.05");
    expect(formatYuan(1)).toBe("0.01");
    expect(formatYuan(123_456_789)).toBe("1234567.89");
  });

  it("refuses what is not an amount in 分", () => {
    expect(() => formatYuan(-100)).toThrow(RangeError);
    expect(() => formatYuan(43.5)).toThrow(RangeError);
  });
});

describe("a plugin's figures missing", () => {
  it("without the requests plugin: 依申请公开 and the fee become placeholders for the drafter; no result sentence is invented", () => {
    const n = draft(without(realisticFigures(), "requests"));
    const ps = part(n, "overview", "（二）依申请公开");
    expect(texts(ps)).toEqual([
      "2025年，本机关新收政府信息公开申请【　】件，上年结转【　】件；全年办结【　】件，结转下年度继续办理【　】件。",
      "本年度因政府信息公开工作被申请行政复议【　】件，被提起行政诉讼【　】件。",
    ]);
    expect(ps.every((p) => p.todo && !p.quotes)).toBe(true);
    expect(n.other.parts[0]!.paragraphs[0]).toEqual({ text: `${FEES}本年度共收取信息处理费${BLANK}元。`, todo: true });
    expect(texts(part(n, "overview", "（四）政府信息公开平台建设"))[0]).toBe("本机关依托政府信息公开平台发布政府信息、维护政府信息公开目录。");
    expect(part(n, "overview", "（一）主动公开")[0]!.todo).toBeUndefined();
  });

  it("without the disclosure plugin: 主动公开 is a placeholder and table 二's document sentence is left out", () => {
    const n = draft(without(realisticFigures(), "disclosure"));
    const ps = part(n, "overview", "（一）主动公开");
    expect(ps).toEqual([{ text: "2025年，本机关主动公开政府信息【　】条，其中发布政策解读【　】条。", todo: true }]);
    expect(part(n, "overview", "（三）政府信息管理").every((p) => p.todo)).toBe(true);
    expect(part(n, "overview", "（二）依申请公开").some((p) => p.todo)).toBe(false);
  });

  it("with neither, every required subject is still there, and each placeholder is listed as unfinished", () => {
    const n = draft({});
    expect(n.overview.parts).toHaveLength(6);
    const sections = [n.overview, n.problems, n.other];
    const unfinished = unfinishedParagraphs(sections);
    const all = sections.flatMap((s) => s.parts.flatMap((p) => p.paragraphs));
    expect(unfinished).toHaveLength(all.filter((p) => p.todo).length);
    expect(unfinished).toContainEqual({ section: "overview", part: 1, paragraph: 0 });
    expect(all.filter((p) => !p.todo).map((p) => p.text)).toEqual([n.overview.parts[0]!.paragraphs[0]!.text]);
  });

  it("prints the split by form only when it adds up to table 三's count", () => {
    const n = draft({ ...realisticFigures(), "requests.facts.paper": 6 });
    const first = part(n, "overview", "（二）依申请公开")[0]!;
    expect(first.text).toBe("2025年，本机关新收政府信息公开申请58件；上年结转3件。全年办结57件，结转下年度继续办理4件。");
    expect(first.quotes).not.toContain("requests.facts.paper");
  });

  it("leaves out table 二's sentence on decisions until the register provides them, then states those it has", () => {
    expect(part(draft(realisticFigures()), "overview", "（一）主动公开").some((p) => p.text.includes("行政许可"))).toBe(false);
    const n = draft({ ...realisticFigures(), "pollution-sources.t2.permits": 126, "pollution-sources.t2.penalties": 48 });
    expect(texts(part(n, "overview", "（一）主动公开"))[2]).toBe("本年作出行政许可决定126件、行政处罚决定48件，具体数据见本报告第二部分。");
  });
});

describe("a quiet year", () => {
  it("says there were no applications, reviews, suits or fees", () => {
    const zero = Object.fromEntries(Object.entries(realisticFigures()).map(([k]) => [k, 0]));
    const n = draft(zero);
    expect(texts(part(n, "overview", "（一）主动公开"))[0]).toBe("2025年，本机关未通过政府信息公开平台主动公开政府信息。");
    expect(texts(part(n, "overview", "（二）依申请公开"))).toEqual([
      "2025年，本机关未收到政府信息公开申请，也无上年结转的申请。",
      "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
    ]);
    expect(texts(part(n, "overview", "（三）政府信息管理"))[0]).toBe("本机关主动公开的政府信息均在政府信息公开平台逐条编制索引号，纳入政府信息公开目录管理。");
    expect(n.other.parts[0]!.paragraphs[0]!.text).toBe(`${FEES}本年度未收取信息处理费。`);
  });
});

describe("五、存在的主要问题及改进情况", () => {
  it("without last year's report: placeholders for the follow-up, the problems and the measures", () => {
    const n = draft(realisticFigures());
    expect(n.problems.heading).toBe("五、存在的主要问题及改进情况");
    expect(n.problems.parts.map((p) => p.heading)).toEqual(["（一）上年度问题改进情况", "（二）存在的主要问题及改进措施"]);
    expect(texts(n.problems.parts[0]!.paragraphs)).toEqual(["上年度报告所列问题的改进情况：【待补充】。"]);
    expect(n.problems.parts.flatMap((p) => p.paragraphs).every((p) => p.todo)).toBe(true);
  });

  it("follows up each of last year's problems and measures, not last year's own follow-up", () => {
    const lastYear = draft(realisticFigures()).problems;
    lastYear.parts[0]!.paragraphs = [{ text: "针对2023年度报告提出的问题，已完成整改。" }];
    lastYear.parts[1]!.paragraphs = [{ text: "\u3000\u3000一是政策解读形式较为单一。" }, { text: "下一步，本机关将丰富解读形式。" }, { text: " " }];
    const n = draft(realisticFigures(), { problems: lastYear });
    expect(texts(n.problems.parts[0]!.paragraphs)).toEqual([
      "上年度报告提出：“一是政策解读形式较为单一。”改进情况：【待补充】。",
      "上年度报告提出：“下一步，本机关将丰富解读形式。”改进情况：【待补充】。",
    ]);
  });

  it("takes last year's paragraphs as given when they come without their section", () => {
    const n = draft(realisticFigures(), { problems: [{ text: "栏目更新不及时。" }] });
    expect(texts(n.problems.parts[0]!.paragraphs)).toEqual(["上年度报告提出：“栏目更新不及时。”改进情况：【待补充】。"]);
  });
});
