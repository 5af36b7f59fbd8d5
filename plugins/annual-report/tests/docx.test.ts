import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { reportDocx } from "../server/docx/report-docx.server";
import type { AnnualReportModel } from "../server/report/model";
import { fixtureReport } from "./docx-fixture";

/**
 * The annual report's .docx in 公文 layout (GB/T 9704-2012), read back from the file's XML: the page,
 * the grid, the official font of each element, the 「— N —」 page numbers, and the three tables with
 * their merged headers rebuilt from Word's vMerge cells as the model's HTML-style spans.
 */
let files: Record<string, Uint8Array>;
let xml: string;

const PARAGRAPH = /<w:p[ >][\s\S]*?<\/w:p>/g;
const textOf = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
function paragraph(text: string, within = xml): string {
  const p = (within.match(PARAGRAPH) ?? []).find((x) => unescape(textOf(x)) === text);
  if (!p) throw new Error(`no paragraph reads "${text}"`);
  return p;
}
const attr = (fragment: string, element: string, name: string) => new RegExp(`<w:${element} [^>]*w:${name}="([^"]*)"`).exec(fragment)?.[1];

/** One cell of a table read back from the file, with the spans HTML would give it. */
interface ReadCell {
  text: string;
  row: number;
  column: number;
  colSpan: number;
  rowSpan: number;
}
interface ReadTable {
  columns: number[];
  width: string | undefined;
  layout: string | undefined;
  rows: { header: boolean; cantSplit: boolean; columns: number }[];
  cells: ReadCell[];
}

/** Word's rows (every grid position present, vMerge continue where HTML writes nothing) back to HTML-style cells with rowSpan. */
function readTable(tbl: string): ReadTable {
  const columns = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const cells: ReadCell[] = [];
  const rows = [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr], r) => {
    let column = 0;
    for (const [tc] of tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const colSpan = Number(attr(tc, "gridSpan", "val") ?? 1);
      const merge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
      if (merge && merge[1] !== "restart") {
        const above = cells.find((c) => c.column === column && c.row + c.rowSpan === r);
        if (!above) throw new Error(`row ${r + 1}, column ${column + 1}: a continued cell with nothing above`);
        expect(above.colSpan, `row ${r + 1}: the continued cell is as wide as the one it continues`).toBe(colSpan);
        above.rowSpan++;
      } else {
        cells.push({ text: unescape(textOf(tc)), row: r, column, colSpan, rowSpan: 1 });
      }
      column += colSpan;
    }
    return { header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(tr), cantSplit: /<w:cantSplit\/>|<w:cantSplit w:val="(true|1|on)"\/>/.test(tr), columns: column };
  });
  return { columns, width: attr(tbl, "tblW", "w"), layout: attr(tbl, "tblLayout", "type"), rows, cells };
}
const tables = () => (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map(readTable);
const cell = (t: ReadTable, text: string) => {
  const c = t.cells.find((x) => x.text === text);
  if (!c) throw new Error(`no cell reads "${text}"`);
  return c;
};

async function open(model: AnnualReportModel) {
  const unzipped = unzipSync(new Uint8Array(await reportDocx(model)));
  return { files: unzipped, xml: strFromU8(unzipped["word/document.xml"]!) };
}

beforeAll(async () => {
  ({ files, xml } = await open(fixtureReport));
});

describe("the annual report .docx: the 公文 page", () => {
  it("is A4 with the GB/T 9704 margins, in twips, and the 22-line grid", () => {
    const pgSz = /<w:pgSz [^>]*\/>/.exec(xml)![0];
    expect(attr(pgSz, "pgSz", "w")).toBe("11906");
    expect(attr(pgSz, "pgSz", "h")).toBe("16838");
    const pgMar = /<w:pgMar [^>]*\/>/.exec(xml)![0];
    // 37, 26, 35 and 28 mm; the page number's line 28 mm above the page's bottom edge.
    expect({ top: attr(pgMar, "pgMar", "top"), right: attr(pgMar, "pgMar", "right"), bottom: attr(pgMar, "pgMar", "bottom"), left: attr(pgMar, "pgMar", "left"), footer: attr(pgMar, "pgMar", "footer") }).toEqual({
      top: "2098",
      right: "1474",
      bottom: "1984",
      left: "1587",
      footer: "1587",
    });
    // 225 mm of type area (12756 twips) in 22 lines.
    expect(attr(xml, "docGrid", "type")).toBe("lines");
    expect(attr(xml, "docGrid", "linePitch")).toBe("579");
  });

  it("names the official font and size of each element", () => {
    const title = paragraph(fixtureReport.title);
    expect(attr(title, "rFonts", "eastAsia")).toBe("方正小标宋简体");
    expect(attr(title, "sz", "val")).toBe("44");
    expect(attr(title, "jc", "val")).toBe("center");

    for (const heading of ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]) {
      const p = paragraph(heading);
      expect(attr(p, "rFonts", "eastAsia"), heading).toBe("黑体");
      expect(attr(p, "sz", "val"), heading).toBe("32");
    }
    for (const heading of ["（一）主动公开", "（五）监督保障", "（二）改进情况"]) {
      const p = paragraph(heading);
      expect(attr(p, "rFonts", "eastAsia"), heading).toBe("楷体_GB2312");
      expect(attr(p, "sz", "val"), heading).toBe("32");
    }

    const body = paragraph("本机关无其他需要报告的事项。");
    expect(attr(body, "rFonts", "eastAsia")).toBe("仿宋_GB2312");
    expect(attr(body, "rFonts", "ascii")).toBe("Times New Roman");
    expect(attr(body, "sz", "val")).toBe("32");
    // Exactly one grid line; the first line indented two of the 28 characters of the 156 mm line.
    expect(attr(body, "spacing", "line")).toBe("579");
    expect(attr(body, "spacing", "lineRule")).toBe("exact");
    expect(attr(body, "jc", "val")).toBe("both");
    expect(attr(body, "ind", "firstLine")).toBe(String(Math.round((8844 / 28) * 2)));
    // 28 characters of 16 pt (320 twips) would take 8960 twips: set 5 twips closer, 28 fit the 8844 of the line.
    expect(attr(body, "spacing", "val")).toBe("-5");
    // The drafter's full-width spaces give way to the layout's indent.
    const opening = (xml.match(PARAGRAPH) ?? []).map(textOf).find((t) => t.includes("本报告根据"));
    expect(opening?.startsWith("本报告根据")).toBe(true);

    const tableLabel = paragraph("三、本年度办理结果");
    expect(attr(tableLabel, "rFonts", "eastAsia")).toBe("宋体");
    expect(Number(attr(tableLabel, "sz", "val"))).toBeLessThan(32);
  });

  it("numbers the pages 「— N —」 in 4号宋体 under the type area, right on odd pages and left on even ones", () => {
    expect(strFromU8(files["word/settings.xml"]!)).toContain("<w:evenAndOddHeaders/>");
    const refs = Object.fromEntries([...xml.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
    expect(Object.keys(refs).sort()).toEqual(["default", "even"]);
    const rels = strFromU8(files["word/_rels/document.xml.rels"]!);
    const footer = (id: string) => strFromU8(files[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]!);
    for (const [kind, side] of [["default", "right"], ["even", "left"]] as const) {
      const f = footer(refs[kind]!);
      expect(textOf(f), kind).toBe("—  —");
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(/<w:t[^>]*>— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —<\/w:t>/.test(f), kind).toBe(true);
      expect(attr(f, "jc", "val"), kind).toBe(side);
      // One 4号 character (14 pt) in from the edge of the type area.
      expect(attr(f, "ind", side), kind).toBe("280");
      expect(attr(f, "rFonts", "eastAsia"), kind).toBe("宋体");
      expect(attr(f, "sz", "val"), kind).toBe("28");
    }
  });

  it("ends with the office and the 成文日期, right-aligned", () => {
    const office = paragraph("示范市生态环境局东湖分局");
    const date = paragraph("2026年1月20日");
    expect(attr(office, "jc", "val")).toBe("right");
    expect(attr(date, "jc", "val")).toBe("right");
    expect(xml.indexOf(textOf(date))).toBeGreaterThan(xml.indexOf("本机关无其他需要报告的事项。"));
    // Four characters from the right edge for the date, the office centred over it.
    expect(Number(attr(date, "ind", "right"))).toBe(Math.round((8844 / 28) * 4));
    expect(Number(attr(office, "ind", "right"))).toBeGreaterThan(0);
  });

  it("keeps the signature on the page of the report's last paragraph", () => {
    const all = xml.match(PARAGRAPH)!;
    const office = all.findIndex((p) => textOf(p) === "示范市生态环境局东湖分局");
    const last = all.findIndex((p) => textOf(p) === "本机关无其他需要报告的事项。");
    expect(office).toBe(last + 3);
    for (const p of all.slice(last, office + 1)) expect(p).toContain("<w:keepNext/>");
    expect(all[office + 1]).not.toContain("<w:keepNext/>");
  });

  it("sets the title and the tables off the grid, on their own line height, in a style LibreOffice honours too", () => {
    const styles = strFromU8(files["word/styles.xml"]!);
    expect(styles).toMatch(/<w:style [^>]*w:styleId="GongwenOffGrid"[^>]*>[\s\S]*?<w:snapToGrid w:val="0"\/>[\s\S]*?<\/w:style>/);
    // docx's own styles stay, and the document defaults name the body font.
    expect(styles).toContain('w:styleId="Normal"');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"/);
    expect(paragraph(fixtureReport.title)).toContain('<w:pStyle w:val="GongwenOffGrid"/>');
    expect(paragraph("申请人情况")).toContain('<w:pStyle w:val="GongwenOffGrid"/>');
    expect(paragraph("本机关无其他需要报告的事项。")).not.toContain("GongwenOffGrid");
  });

  it("ends with the office alone while the date is not fixed", async () => {
    const draft = await open({ ...fixtureReport, issuedOn: undefined });
    const last = draft.xml.match(PARAGRAPH)!.filter((p) => textOf(p)).at(-1)!;
    expect(textOf(last)).toBe("示范市生态环境局东湖分局");
    expect(attr(last, "jc", "val")).toBe("right");
  });
});

describe("the annual report .docx: the tables", () => {
  it("fits the three tables to the 156 mm type area with fixed column widths from the model", () => {
    const [t2, t3, t4] = tables();
    expect(tables()).toHaveLength(3);
    for (const [t, n] of [[t2!, 4], [t3!, 10], [t4!, 15]] as const) {
      expect(t.columns).toHaveLength(n);
      expect(t.columns.reduce((a, b) => a + b, 0)).toBe(8844);
      expect(t.width).toBe("8844");
      expect(t.layout).toBe("fixed");
      // Every row fills the grid: the spans converted left no hole and nothing runs over.
      for (const row of t.rows) expect(row.columns).toBe(n);
    }
    // Table 三's widths keep the format's proportions (3 : 4 : 12 : 3 × 7).
    expect(t3!.columns[2]! / t3!.columns[3]!).toBeCloseTo(12 / 3, 1);
    expect(t4!.columns.every((w) => Math.abs(w - 8844 / 15) < 1)).toBe(true);
  });

  it("repeats the header rows on every page and never splits a row across pages", () => {
    const [t2, t3, t4] = tables();
    expect(t3!.rows.map((r) => r.header)).toEqual([true, true, true, ...new Array(25).fill(false)]);
    expect(t4!.rows.map((r) => r.header)).toEqual([true, true, true, false]);
    // Table 二 has no header row of its own: each block carries its 第二十条 heading.
    expect(t2!.rows.filter((r) => r.header)).toHaveLength(0);
    for (const t of [t2!, t3!, t4!]) expect(t.rows.every((r) => r.cantSplit)).toBe(true);
  });

  it("keeps a header with the row under it, a short table whole, and lets table 三 break between rows", () => {
    const rowsOf = (i: number) => (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [])[i]!.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)!;
    const kept = (rows: string[]) => rows.map((r) => r.includes("<w:keepNext/>"));
    // Table 二 (14 rows) and 四 (4 rows): every row kept with the next but the last.
    for (const i of [0, 2]) expect(kept(rowsOf(i)), `table ${i}`).toEqual(rowsOf(i).map((_, k, all) => k < all.length - 1));
    // Table 三 (28 rows): only its three header rows.
    expect(kept(rowsOf(1))).toEqual([true, true, true, ...new Array(25).fill(false)]);
    // Each section heading stays with what follows it.
    expect(paragraph("三、收到和处理政府信息公开申请情况")).toContain("<w:keepNext/>");
  });

  it("rebuilds table 三's merged header and row labels exactly: the spans HTML omits are Word's continued cells", () => {
    const t3 = tables()[1]!;
    expect(t3.rows).toHaveLength(28);
    const at = (text: string) => {
      const { row, column, colSpan, rowSpan } = cell(t3, text);
      return { row, column, colSpan, rowSpan };
    };
    expect(at("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")).toEqual({ row: 0, column: 0, colSpan: 3, rowSpan: 3 });
    expect(at("申请人情况")).toEqual({ row: 0, column: 3, colSpan: 7, rowSpan: 1 });
    expect(at("自然人")).toEqual({ row: 1, column: 3, colSpan: 1, rowSpan: 2 });
    expect(at("法人或其他组织")).toEqual({ row: 1, column: 4, colSpan: 5, rowSpan: 1 });
    expect(at("总计")).toEqual({ row: 1, column: 9, colSpan: 1, rowSpan: 2 });
    expect(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((t) => at(t).column)).toEqual([4, 5, 6, 7, 8]);
    expect(at("一、本年新收政府信息公开申请数量")).toEqual({ row: 3, column: 0, colSpan: 3, rowSpan: 1 });
    expect(at("三、本年度办理结果")).toEqual({ row: 5, column: 0, colSpan: 1, rowSpan: 22 });
    expect(at("（一）予以公开")).toEqual({ row: 5, column: 1, colSpan: 2, rowSpan: 1 });
    expect(at("（三）不予公开")).toEqual({ row: 7, column: 1, colSpan: 1, rowSpan: 8 });
    expect(at("1.属于国家秘密")).toEqual({ row: 7, column: 2, colSpan: 1, rowSpan: 1 });
    expect(at("8.属于行政查询事项")).toEqual({ row: 14, column: 2, colSpan: 1, rowSpan: 1 });
    expect(at("（四）无法提供")).toEqual({ row: 15, column: 1, colSpan: 1, rowSpan: 3 });
    expect(at("（五）不予处理")).toEqual({ row: 18, column: 1, colSpan: 1, rowSpan: 5 });
    expect(at("（六）其他处理")).toEqual({ row: 23, column: 1, colSpan: 1, rowSpan: 3 });
    expect(at("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")).toEqual({ row: 24, column: 2, colSpan: 1, rowSpan: 1 });
    expect(at("（七）总计")).toEqual({ row: 26, column: 1, colSpan: 2, rowSpan: 1 });
    expect(at("四、结转下年度继续办理")).toEqual({ row: 27, column: 0, colSpan: 3, rowSpan: 1 });
    // Figures sit in the seven applicant columns of their row.
    const row = (label: string) => t3.cells.filter((c) => c.row === cell(t3, label).row && c.column >= 3).map((c) => c.text);
    expect(row("（七）总计")).toEqual(["42", "10", "1", "0", "3", "1", "57"]);
    expect(row("一、本年新收政府信息公开申请数量")).toEqual(["43", "9", "1", "0", "4", "1", "58"]);
    expect(row('3.危及"三安全一稳定"')).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
  });

  it("rebuilds table 四's two-level header and prints its fifteen figures in order", () => {
    const t4 = tables()[2]!;
    const at = (text: string) => {
      const { row, column, colSpan, rowSpan } = cell(t4, text);
      return { row, column, colSpan, rowSpan };
    };
    expect(at("行政复议")).toEqual({ row: 0, column: 0, colSpan: 5, rowSpan: 1 });
    expect(at("行政诉讼")).toEqual({ row: 0, column: 5, colSpan: 10, rowSpan: 1 });
    expect(at("未经复议直接起诉")).toEqual({ row: 1, column: 5, colSpan: 5, rowSpan: 1 });
    expect(at("复议后起诉")).toEqual({ row: 1, column: 10, colSpan: 5, rowSpan: 1 });
    // 行政复议's outcomes stand under it through the two header rows; 行政诉讼's under each of its halves.
    const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    expect(t4.cells.filter((c) => c.row === 1 && c.column < 5).map((c) => [c.text, c.column, c.rowSpan])).toEqual(outcomes.map((t, i) => [t, i, 2]));
    expect(t4.cells.filter((c) => c.row === 2).map((c) => [c.text, c.column])).toEqual([...outcomes, ...outcomes].map((t, i) => [t, i + 5]));
    expect(t4.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(["2", "1", "0", "0", "3", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0"]);
  });

  it("prints table 二's block headings across the table, a manual figure as just its number across three columns, decimals in 万元, an unfilled cell as nothing", () => {
    const t2 = tables()[0]!;
    for (const group of ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]) expect(cell(t2, group).colSpan, group).toBe(4);
    expect(cell(t2, "本年收费金额（单位：万元）").colSpan).toBe(3);
    const figuresOf = (label: string) => t2.cells.filter((c) => c.row === cell(t2, label).row && c.column > 0).map((c) => c.text);
    expect(figuresOf("行政规范性文件")).toEqual(["3", "1", "17"]);
    expect(figuresOf("行政许可")).toEqual(["126"]);
    expect(cell(t2, "126").colSpan).toBe(3);
    expect(figuresOf("行政强制")).toEqual([""]);
    expect(figuresOf("行政事业性收费")).toEqual(["0.35"]);
    // The drafter's note on a manual figure is for the staff view, not the published file.
    expect(xml).not.toContain("行政审批科台账");
  });

  it("refuses a table whose spans leave a hole, naming the row", async () => {
    const t4 = fixtureReport.sections[3]!;
    if (t4.kind !== "table") throw new Error("section 四 is a table");
    const broken: AnnualReportModel = { ...fixtureReport, sections: [{ ...t4, table: { ...t4.table, body: [t4.table.body[0]!.slice(1)] } }] };
    await expect(reportDocx(broken)).rejects.toThrow(/table row 1: column 15 has no cell/);
  });
});
