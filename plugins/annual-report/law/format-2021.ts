import type { FormatSection, ReportFormat } from "./format";
import { CROSS_YEAR_2021, IDENTITIES_2021 } from "./identities-2021";
import { TABLE_THREE_2021 } from "./table-three-2021";
import { TABLE_FOUR_2021 } from "./table-four-2021";
import { TABLE_TWO_2021 } from "./table-two-2021";

/**
 * 国办公开办函〔2021〕30号 (2021-09-26), the national format of the annual report that 条例第四十九条
 * requires by 31 January and 第五十条 gives the contents of (legal-spec §1.4, §2): six sections, three
 * of them tables.
 */

const SECTIONS_2021: FormatSection[] = [
  { key: "overview", heading: "一、总体情况", gloss: "I. Overview" },
  { key: "proactive", heading: "二、主动公开政府信息情况", gloss: "II. Government information disclosed proactively", table: "t2" },
  { key: "requests", heading: "三、收到和处理政府信息公开申请情况", gloss: "III. Applications for government information received and handled", table: "t3" },
  {
    key: "remedies",
    heading: "四、政府信息公开行政复议、行政诉讼情况",
    gloss: "IV. Administrative reviews and lawsuits about government information disclosure",
    table: "t4",
  },
  { key: "problems", heading: "五、存在的主要问题及改进情况", gloss: "V. Main problems and improvements" },
  { key: "other", heading: "六、其他需要报告的事项", gloss: "VI. Other matters to report" },
];

export const FORMAT_2021: ReportFormat = {
  key: "2021",
  source: {
    instrument: "国办公开办函〔2021〕30号",
    issued: "2021-09-26",
    basis: "《中华人民共和国政府信息公开条例》第四十九条、第五十条",
  },
  sections: SECTIONS_2021,
  tables: { t2: TABLE_TWO_2021, t3: TABLE_THREE_2021, t4: TABLE_FOUR_2021 },
  identities: IDENTITIES_2021,
  crossYear: CROSS_YEAR_2021,
};

/** Every figure key the format binds, table by table, in reading order. */
export function boundKeys(format: ReportFormat = FORMAT_2021): string[] {
  return Object.values(format.tables).flatMap((t) => [...t.head, ...t.body].flat().flatMap((c) => (c.kind === "value" ? [c.key] : [])));
}
