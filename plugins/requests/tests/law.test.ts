import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { NON_DISCLOSURE_GROUNDS, groundByKey, type Localized } from "../../../app/plugin-api";
import {
  APPLICANT_HEADER,
  APPLICANT_TYPE_INFO,
  ORGANISATION_GROUP_LABEL,
  ORGANISATION_IDENTITY,
  TABLE_THREE_COLUMNS,
  TOTAL_COLUMN,
} from "../law/applicants";
import { FEE_PROCEDURE, FEE_SCHEDULES, computeFee, formatYuan, monthFee, ordinalInMonth } from "../law/fees";
import { RECEIPT_CHANNELS, RECEIPT_RULES, receiptDate } from "../law/receipt";
import { TABLE_THREE_ROWS, chineseNumeral, replyTypes, tableThreeRow, type TableThreeRowKey } from "../law/reply-types";
import { TABLE_THREE_CORNER, TABLE_THREE_TITLE, checkTableThree, dataRows, type TableThreeCells } from "../law/table-three";
import {
  REMEDY_LABELS,
  TABLE_FOUR_COLUMNS,
  TABLE_FOUR_GROUP_INFO,
  TABLE_FOUR_OUTCOME_LABELS,
  TABLE_FOUR_TITLE,
  checkTableFour,
} from "../law/table-four";

// 国办公开办函〔2021〕30号, table 三's rows as listed there, in order.
const SPEC_ROWS = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "三、本年度办理结果",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  '3.危及"三安全一稳定"',
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

function allLabels(): [string, Localized][] {
  return [
    ...TABLE_THREE_ROWS.map((r): [string, Localized] => [r.key, r.label]),
    ...TABLE_THREE_ROWS.flatMap((r) => r.basis.map((b, i): [string, Localized] => [`${r.key} basis ${i}`, b.cite])),
    ...APPLICANT_TYPE_INFO.map((t): [string, Localized] => [t.key, t.label]),
    ["applicant header", APPLICANT_HEADER],
    ["organisation group", ORGANISATION_GROUP_LABEL],
    ["total column", TOTAL_COLUMN.label],
    ["identity basis", ORGANISATION_IDENTITY.basis],
    ...RECEIPT_CHANNELS.flatMap((c): [string, Localized][] => [
      [c, RECEIPT_RULES[c].label],
      [`${c} received`, RECEIPT_RULES[c].receivedOn],
      [`${c} basis`, RECEIPT_RULES[c].basis],
    ]),
    ...Object.values(FEE_SCHEDULES).flatMap((s): [string, Localized][] => [
      [s.method, s.label],
      [`${s.method} unit`, s.unit],
    ]),
    ["table 三 title", TABLE_THREE_TITLE],
    ["table 三 corner", TABLE_THREE_CORNER],
    ["table 四 title", TABLE_FOUR_TITLE],
    ...Object.entries(REMEDY_LABELS),
    ...Object.entries(TABLE_FOUR_OUTCOME_LABELS),
    ...TABLE_FOUR_GROUP_INFO.flatMap((g): [string, Localized][] => (g.label ? [[g.key, g.label]] : [])),
  ];
}

describe("table 三 rows and reply types", () => {
  it("are the spec's rows, labels exact and in order", () => {
    expect(TABLE_THREE_ROWS.map((r) => r.label["zh-CN"])).toEqual(SPEC_ROWS);
    expect(new Set(TABLE_THREE_ROWS.map((r) => r.key)).size).toBe(TABLE_THREE_ROWS.length);
    for (const r of TABLE_THREE_ROWS) expect(r.label["zh-CN"].startsWith(r.number), r.key).toBe(true);
  });

  it("have 21 reply types in the 2021 format and 19 in the 2019 one, where （六） is one row", () => {
    expect(replyTypes()).toHaveLength(21);
    const y2019 = replyTypes("2019").map((r) => r.key);
    expect(y2019).toHaveLength(19);
    expect(y2019).toContain("other");
    expect(y2019.filter((k) => k.startsWith("other."))).toEqual([]);
    expect(dataRows()).toHaveLength(25);
  });

  it("nest each numbered row under its group, refs as the spec cites them", () => {
    expect(tableThreeRow("other.no_supplement").ref).toBe("（六）1");
    expect(tableThreeRow("not_processed.excessive").ref).toBe("（五）4");
    for (const r of TABLE_THREE_ROWS.filter((x) => /^\d\.$/.test(x.number))) {
      const parent = tableThreeRow(r.parent as TableThreeRowKey);
      expect(parent.kind, r.key).toBe("group");
      expect(r.ref).toBe(`${parent.ref}${r.number.slice(0, -1)}`);
    }
  });

  it("give every row a legal basis, and flag what the spec does not confirm", () => {
    for (const r of TABLE_THREE_ROWS) expect(r.basis.length, r.key).toBeGreaterThan(0);
    const unconfirmed = TABLE_THREE_ROWS.filter((r) => r.basis.some((b) => !b.confirmed)).map((r) => r.key);
    expect(unconfirmed).toEqual([
      "disclosed",
      "withheld.administrative_query",
      "unavailable.still_unclear",
      "not_processed.reissue",
      "other.fee_unpaid",
    ]);
    // Every unconfirmed or article-less reply says why.
    for (const r of replyTypes()) {
      if (!r.basis.some((b) => b.article !== undefined && b.confirmed)) expect(r.note, r.key).toBeTruthy();
    }
  });

  it("cite the Art 36 items and articles the spec maps each reply to", () => {
    const articles = (key: TableThreeRowKey) => tableThreeRow(key).basis.map((b) => [b.article, b.item]);
    expect(articles("disclosed")).toEqual([
      [36, 2],
      [36, 1],
    ]);
    expect(articles("partly_disclosed")).toEqual([[37, undefined]]);
    expect(articles("unavailable.not_held")).toEqual([
      [36, 4],
      [36, 5],
    ]);
    expect(articles("unavailable.needs_creation")).toEqual([[38, undefined]]);
    expect(articles("not_processed.petition")).toEqual([[39, undefined]]);
    expect(articles("not_processed.repeated")).toEqual([[36, 6]]);
    expect(articles("not_processed.publication")).toEqual([[39, undefined]]);
    expect(articles("not_processed.excessive")).toEqual([[35, undefined]]);
    expect(articles("other.no_supplement")).toEqual([[30, undefined]]);
    expect(tableThreeRow("withheld.third_party").basis.map((b) => b.cite["zh-CN"])).toEqual([
      "《政府信息公开条例》第十五条",
      "《政府信息公开条例》第三十六条第（三）项",
    ]);
    expect(tableThreeRow("other.fee_unpaid").basis[1]?.cite["zh-CN"]).toContain("国办函〔2020〕109号");
    expect([14, 20, 36, 45, 50].map(chineseNumeral)).toEqual(["十四", "二十", "三十六", "四十五", "五十"]);
  });

  it("link 不予公开 rows 1–7 to every Art 14–16 ground in grounds.ts, with its report label", () => {
    const linked = TABLE_THREE_ROWS.filter((r) => r.groundKey);
    expect(linked.map((r) => r.groundKey)).toEqual(NON_DISCLOSURE_GROUNDS.map((g) => g.key));
    for (const r of linked) {
      const g = groundByKey(r.groundKey!)!;
      expect(r.parent).toBe("withheld");
      expect(r.label["zh-CN"]).toBe(`${r.number}${g.reportLabel}`);
      expect(r.basis[0]?.article).toBe(g.article);
    }
    expect(tableThreeRow("withheld.administrative_query").groundKey).toBeUndefined();
  });
});

describe("labels", () => {
  it("write zh-TW as the mainland wording in traditional characters", () => {
    for (const [key, label] of allLabels()) expect(label["zh-TW"], key).toBe(toTraditional(label["zh-CN"]));
    expect(tableThreeRow("received").label["zh-TW"]).toBe("一、本年新收政府信息公開申請數量");
    expect(tableThreeRow("handled_total").label["zh-TW"]).not.toBe(tableThreeRow("handled_total").label["zh-CN"]);
  });

  it("have English for every label and no Chinese in English row labels", () => {
    for (const [key, label] of allLabels()) expect(label.en.trim(), key).not.toBe("");
    for (const r of TABLE_THREE_ROWS) expect(r.label.en, r.key).not.toMatch(/\p{Script=Han}/u);
  });
});

describe("applicants", () => {
  it("are table 三's columns in order, 总计 last", () => {
    expect(
      TABLE_THREE_COLUMNS.map(
        (c) => (c === "total" ? TOTAL_COLUMN.label : APPLICANT_TYPE_INFO.find((t) => t.key === c)!.label)["zh-CN"],
      ),
    ).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    expect(ORGANISATION_GROUP_LABEL["zh-CN"]).toBe("法人或其他组织");
    expect(TOTAL_COLUMN.sumOf).toEqual(["natural", "business", "research", "public_interest", "legal_service", "other_org"]);
  });

  it("ask organisations, not persons, for a name and 统一社会信用代码", () => {
    for (const t of APPLICANT_TYPE_INFO) {
      const org = t.group === "organisation";
      expect(t.needsOrganisationName, t.key).toBe(org);
      expect(t.needsCreditCode, t.key).toBe(org);
    }
    expect(ORGANISATION_IDENTITY.confirmed).toBe(false);
  });
});

describe("receipt date (Art 31)", () => {
  it("is the day of submission, signature or confirmation by channel", () => {
    const facts = { submittedOn: "2025-03-03", signedForOn: "2025-03-04", arrivedOn: "2025-03-05", confirmedOn: "2025-03-05" };
    const dates = RECEIPT_CHANNELS.map((c) => {
      const r = receiptDate(c, facts);
      return r.ok ? r.date : r.error;
    });
    expect(dates).toEqual(["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-05", "2025-03-05", "2025-03-05"]);
    for (const c of RECEIPT_CHANNELS) expect(RECEIPT_RULES[c].basis["zh-CN"]).toBe("《政府信息公开条例》第三十一条");
  });

  it("names the fact that is missing", () => {
    expect(receiptDate("post", { submittedOn: "2025-03-03" })).toMatchObject({
      ok: false,
      error: "missing",
      fact: "signedForOn",
    });
    expect(receiptDate("internet", {})).toMatchObject({ ok: false, error: "missing", fact: "confirmedOn" });
    expect(receiptDate("fax", { confirmedOn: "2025-02-30" })).toMatchObject({ ok: false, error: "invalid", fact: "confirmedOn" });
  });

  it("counts an ordinary letter from the confirmation and flags a late one", () => {
    const late = receiptDate("ordinary_letter", { arrivedOn: "2025-03-05", confirmedOn: "2025-03-07" });
    expect(late).toMatchObject({ ok: true, date: "2025-03-07", confirmedLate: true });
    expect(receiptDate("ordinary_letter", { arrivedOn: "2025-03-05" })).toMatchObject({ ok: false, fact: "confirmedOn" });
    expect(receiptDate("ordinary_letter", { arrivedOn: "2025-03-05", confirmedOn: "2025-03-04" })).toMatchObject({
      ok: false,
      error: "before_arrival",
    });
  });
});

describe("fees (国办函〔2020〕109号)", () => {
  const perPage = (pages: number) => computeFee({ method: "per_page", pages }).fen;
  const perApplication = (n: number) => computeFee({ method: "per_application", ordinalInMonth: n }).fen;

  it("charge nothing up to 30 pages, then ¥10, ¥20 and ¥40 a page above each threshold", () => {
    expect([0, 1, 30].map(perPage)).toEqual([0, 0, 0]);
    expect(perPage(31)).toBe(1_000);
    expect(perPage(100)).toBe(70_000); // 70 × ¥10
    expect(perPage(101)).toBe(72_000);
    expect(perPage(200)).toBe(270_000); // ¥700 + 100 × ¥20
    expect(perPage(250)).toBe(470_000); // ¥2,700 + 50 × ¥40
    expect(computeFee({ method: "per_page", pages: 250 }).lines.map((l) => [l.from, l.to, l.rateFen])).toEqual([
      [1, 30, 0],
      [31, 100, 1_000],
      [101, 200, 2_000],
      [201, 250, 4_000],
    ]);
    expect(formatYuan(perPage(250))).toBe("¥4700.00");
  });

  it("charge nothing for an applicant's first 10 applications in a month, ¥100 each for 11–30, then ¥100 more per block of 10", () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplication)).toEqual([
      0, 0, 10_000, 10_000, 20_000, 20_000, 30_000, 30_000, 40_000,
    ]);
    expect(monthFee(35).fen).toBe(20 * 10_000 + 5 * 20_000);
    expect(monthFee(10).fen).toBe(0);
  });

  it("count applications per applicant per calendar month", () => {
    const earlier = ["2025-02-27", "2025-03-01", "2025-03-02"];
    expect(ordinalInMonth(earlier, "2025-03-10")).toBe(3);
    expect(ordinalInMonth(earlier, "2025-04-01")).toBe(1);
  });

  it("reject impossible quantities and keep the [M] procedure unconfirmed", () => {
    expect(() => computeFee({ method: "per_page", pages: -1 })).toThrow(RangeError);
    expect(() => computeFee({ method: "per_application", ordinalInMonth: 0 })).toThrow(RangeError);
    expect(FEE_PROCEDURE).toMatchObject({ payWithinWorkingDays: 20, unpaidRow: "other.fee_unpaid", confirmed: false });
  });
});

describe("table 三 identities", () => {
  // Fixture totals (国办公开办函〔2021〕30号 table 三): 14069 + 560 = 13810 + 819, all in the 自然人 column for brevity.
  function consistent(): TableThreeCells {
    const cells: TableThreeCells = {};
    const put = (row: TableThreeRowKey, natural: number, business = 0) => {
      cells[row] = { natural, business, total: natural + business };
    };
    put("received", 14069, 0);
    put("carried_over", 560);
    put("disclosed", 13000, 0);
    put("withheld.third_party", 500);
    put("other.other", 310);
    put("handled_total", 13810);
    put("carried_forward", 819);
    return cells;
  }

  it("passes a consistent table, blanks counting as 0", () => {
    expect(checkTableThree(consistent())).toEqual([]);
    expect(checkTableThree({})).toEqual([]);
  });

  it("catches a broken balance and results total, naming rows and column", () => {
    const cells = consistent();
    cells.carried_forward = { natural: 820, total: 820 };
    cells["withheld.third_party"] = { natural: 499, total: 499 };
    const broken = checkTableThree(cells);
    expect(broken.map((b) => [b.identity, b.columnLabel])).toEqual([
      ["balance", "自然人"],
      ["results_total", "自然人"],
      ["balance", "总计"],
      ["results_total", "总计"],
    ]);
    expect(broken[0]).toMatchObject({ left: 14629, right: 14630, soft: false });
    expect(broken[0]?.rowLabels).toContain("四、结转下年度继续办理");
  });

  it("catches a wrong 总计 column and a bad cell", () => {
    const cells = consistent();
    cells.received = { natural: 14000, business: 69, total: 14070 };
    cells.disclosed = { natural: 13000, total: 13000, research: -1 };
    const broken = checkTableThree(cells);
    expect(broken.find((b) => b.identity === "row_total")).toMatchObject({
      rows: ["received"],
      left: 14070,
      right: 14069,
      columnLabel: "总计",
    });
    expect(broken.find((b) => b.identity === "cell_value")).toMatchObject({
      rows: ["disclosed"],
      columnLabel: "科研机构",
      value: -1,
    });
  });

  it("reads the 2019 format's single （六） row", () => {
    const cells = consistent();
    cells.other = cells["other.other"];
    delete cells["other.other"];
    expect(checkTableThree(cells, { format: "2019" })).toEqual([]);
    expect(checkTableThree(cells).map((b) => b.identity)).toContain("results_total");
  });

  it("warns when 二 differs from last year's 四", () => {
    const broken = checkTableThree(consistent(), { lastYear: { carried_forward: { natural: 561, total: 561 } } });
    expect(broken.map((b) => [b.identity, b.soft, b.column])).toEqual([
      ["carried_over", true, "natural"],
      ["carried_over", true, "total"],
    ]);
  });
});

describe("table 四", () => {
  it("has three groups of the same five columns", () => {
    expect(TABLE_FOUR_COLUMNS).toHaveLength(15);
    expect(Object.values(TABLE_FOUR_OUTCOME_LABELS).map((l) => l["zh-CN"])).toEqual([
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
    ]);
    expect(TABLE_FOUR_GROUP_INFO.map((g) => [REMEDY_LABELS[g.remedy]["zh-CN"], g.label?.["zh-CN"] ?? null])).toEqual([
      ["行政复议", null],
      ["行政诉讼", "未经复议直接起诉"],
      ["行政诉讼", "复议后起诉"],
    ]);
  });

  it("checks 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 per group", () => {
    expect(checkTableFour({ review: { upheld: 3, corrected: 1, pending: 1, total: 5 } })).toEqual([]);
    expect(checkTableFour({ review: { upheld: 3, total: 4 }, suit_after_review: { other: 1 } })).toEqual([
      { group: "review", total: 4, sum: 3 },
      { group: "suit_after_review", total: 0, sum: 1 },
    ]);
  });
});
