import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { FORMAT_2021 } from "../law/format-2021";
import { T2_KEYS } from "../law/table-two-2021";
import { t3Key } from "../law/table-three-2021";
import { reportDocx } from "../server/docx/report-docx.server";
import { draftNarrative } from "../server/narrative/draft";
import { type AssembleInput, assembleReport, assembleReportFor } from "../server/report/assemble";
import { valueCells } from "../server/report/fill";
import type { ReportSection } from "../server/report/model";
import { consistentFigures, MANUAL } from "./fixtures";
import { realisticFigures } from "./narrative-fixture";

const OFFICE = "示范市生态环境局东湖分局";

function input(overrides: Partial<AssembleInput> = {}): AssembleInput {
  const figures = { ...consistentFigures(2), ...realisticFigures() };
  return {
    office: OFFICE,
    year: 2025,
    format: FORMAT_2021,
    figures,
    manual: MANUAL,
    narrative: draftNarrative({ office: OFFICE, year: 2025, figures }),
    ...overrides,
  };
}

const table = (s: ReportSection | undefined) => (s?.kind === "table" ? s.table : null);

describe("the whole report assembled", () => {
  it("has the title and the six sections of the 2021 format in order: narrative, three tables, narrative twice", () => {
    const model = assembleReport(input({ meta: [{ label: "索引号", value: "DH-2026-000012" }], issuedOn: "2026-01-20" }));
    expect(model.title).toBe("示范市生态环境局东湖分局2025年政府信息公开工作年度报告");
    expect(model.officeName).toBe(OFFICE);
    expect(model.issuedOn).toBe("2026-01-20");
    expect(model.meta).toEqual([{ label: "索引号", value: "DH-2026-000012" }]);
    expect(model.sections.map((s) => [s.heading, s.kind])).toEqual([
      ["一、总体情况", "narrative"],
      ["二、主动公开政府信息情况", "table"],
      ["三、收到和处理政府信息公开申请情况", "table"],
      ["四、政府信息公开行政复议、行政诉讼情况", "table"],
      ["五、存在的主要问题及改进情况", "narrative"],
      ["六、其他需要报告的事项", "narrative"],
    ]);
    expect(model.sections.map((s) => s.key)).toEqual(FORMAT_2021.sections.map((s) => s.key));
  });

  it("fills the tables from the figures and the drafter's manual cells, marking the manual ones", () => {
    const model = assembleReport(input());
    const t3 = table(model.sections[2])!;
    expect(valueCells(t3).find((c) => c.key === t3Key("received", "total"))).toMatchObject({ value: 58, manual: false });
    const t2 = table(model.sections[1])!;
    expect(valueCells(t2).find((c) => c.key === T2_KEYS.permits)).toMatchObject({ value: 12, manual: true, note: "行政许可科台账" });
    expect(valueCells(t2).find((c) => c.key === T2_KEYS.normativeValid)).toMatchObject({ value: 17, manual: false });
  });

  it("prints the narrative as edited, under the format's own heading", () => {
    const base = input();
    const other = { ...base.narrative.other, heading: "六、其他事项", parts: [{ paragraphs: [{ text: "本机关无其他需要报告的事项。" }] }] };
    const model = assembleReport({ ...base, narrative: { ...base.narrative, other } });
    expect(model.sections[5]).toEqual({ key: "other", kind: "narrative", heading: "六、其他需要报告的事项", parts: other.parts });
    expect(model.sections[0]).toEqual(base.narrative.overview);
  });

  it("refuses a narrative without one of its sections", () => {
    const base = input();
    const { problems: _dropped, ...rest } = base.narrative;
    expect(() => assembleReport({ ...base, narrative: rest as typeof base.narrative })).toThrow("五、存在的主要问题及改进情况");
  });

  it("is official Chinese in traditional characters for a zh-TW page, untouched for zh-CN and en", () => {
    const tw = assembleReportFor("zh-TW", input());
    expect(tw.title).toBe("示範市生態環境局東湖分局2025年政府信息公開工作年度報告");
    expect(tw.sections[0]!.heading).toBe("一、總體情況");
    expect(assembleReportFor("en", input()).title).toBe("示范市生态环境局东湖分局2025年政府信息公开工作年度报告");
    expect(assembleReportFor("zh-CN", input())).toEqual(assembleReport(input()));
  });

  it("renders through the .docx in 公文 layout, the drafted sentences and the three tables in it", async () => {
    const model = assembleReport(input({ issuedOn: "2026-01-20" }));
    const xml = strFromU8(unzipSync(new Uint8Array(await reportDocx(model)))["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain(model.title);
    expect(text).toContain("2025年，本机关新收政府信息公开申请58件，其中通过网络等电子形式提出51件、以书面形式提出7件；上年结转3件。");
    expect(text).toContain("本年度共收取信息处理费43.5元，涉及2件申请。");
    expect(text).toContain("（五）监督保障");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
  });
});
