import { describe, expect, it } from "vitest";
import { fold, parseQuery, toDocumentText, tokenize, toQuery } from "../../app/core/search/tokenize";
import { highlight, snippet } from "../../app/core/search/snippet";

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("emits overlapping bigrams for each CJK run, and a lone character as itself", () => {
    expect(texts("环境监测")).toEqual(["环境", "境监", "监测"]);
    expect(texts("水，环保。")).toEqual(["水", "环保"]);
  });

  it("keeps positions in the original text", () => {
    expect(tokenize("a 环保")).toEqual([
      { text: "a", start: 0, end: 1 },
      { text: "环保", start: 2, end: 4 },
    ]);
    // A character outside the BMP counts as one position.
    expect(tokenize("𠀀水x").map((t) => [t.text, t.start, t.end])).toEqual([["𠀀水", 0, 2], ["x", 2, 3]]);
  });

  it("splits Latin words and digits, lower-cased, at letter/digit boundaries", () => {
    expect(texts("PM2.5 浓度 GB3095-2012 Air Quality")).toEqual(["pm", "2", "5", "浓度", "gb", "3095", "2012", "air", "quality"]);
  });

  it("folds full-width forms to half-width", () => {
    expect(texts("ＰＭ２．５")).toEqual(["pm", "2", "5"]);
    expect(fold("ＡＢＣ　１")).toBe("abc 1");
  });

  it("folds Taiwan, Hong Kong and generic traditional forms to simplified", () => {
    expect(fold("環境監測")).toBe("环境监测");
    expect(fold("臺灣")).toBe(fold("台湾"));
    expect(fold("排汙")).toBe("排污");
    expect(fold("綫路")).toBe("线路");
    expect(fold("環境監測").length).toBe("環境監測".length);
  });

  it("builds the stored token string from title then body", () => {
    expect(toDocumentText("环保", "排污 permit")).toBe("环保 排污 permit");
    expect(toDocumentText("", "")).toBe("");
  });
});

describe("toQuery", () => {
  it("makes each CJK run a phrase of its bigrams and ANDs terms", () => {
    expect(toQuery("环境监测")).toBe("('环境' <-> '境监' <-> '监测')");
    expect(toQuery("环保 排污")).toBe("'环保' & '排污'");
    expect(toQuery("環境監測 air")).toBe("('环境' <-> '境监' <-> '监测') & 'air'");
  });

  it("treats a one-character term as a prefix", () => {
    expect(toQuery("水")).toBe("'水':*");
    expect(toQuery("2024年")).toBe("('2024' <-> '年':*)");
  });

  it("keeps a quoted phrase together across spaces, with ASCII or Chinese quotes", () => {
    expect(toQuery('"air quality" 环保')).toBe("('air' <-> 'quality') & '环保'");
    expect(toQuery("“空气 质量”")).toBe("('空气' <-> '质量')");
    expect(toQuery('"unclosed phrase')).toBe("('unclosed' <-> 'phrase')");
  });

  it("drops duplicate terms", () => {
    expect(parseQuery("环保 環保 环保")).toHaveLength(1);
  });

  it("never lets tsquery syntax through", () => {
    for (const hostile of ["&|!():*'\\", "' | '", "a & !b", "(环保", "环保:*", "a' & 'b", "\\'", "<->", "''", "!!!"]) {
      const q = toQuery(hostile);
      // Only quoted lexemes of letters, digits and CJK, joined by the operators we emit.
      expect(q.replace(/'[\p{L}\p{N}]+'(:\*)?/gu, "X")).toMatch(/^(\(?X( <-> X)*\)?( & \(?X( <-> X)*\)?)*)?$/u);
    }
    expect(toQuery("a' & 'b")).toBe("'a' & 'b'");
  });

  it("gives nothing to search for empty or symbol-only input", () => {
    for (const empty of ["", "   ", "&|!():*'\\", "，。、", "\u0301"]) expect(toQuery(empty)).toBe("");
  });

  it("bounds the size of a query", () => {
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(" ");
    expect(parseQuery(many).length).toBeLessThanOrEqual(16);
    expect(parseQuery("环".repeat(10_000))[0]!.tokens.length).toBeLessThan(200);
  });
});

describe("snippets", () => {
  it("marks matches in the original text, traditional query on simplified text", () => {
    expect(highlight("本局环境监测报告", parseQuery("環境監測"))).toEqual([
      { text: "本局", hit: false },
      { text: "环境监测", hit: true },
      { text: "报告", hit: false },
    ]);
  });

  it("marks matches in traditional text for a simplified query, keeping the original characters", () => {
    expect(highlight("環境監測", parseQuery("监测"))).toEqual([
      { text: "環境", hit: false },
      { text: "監測", hit: true },
    ]);
  });

  it("marks only the character of a one-character query", () => {
    expect(highlight("水质", parseQuery("水"))).toEqual([
      { text: "水", hit: true },
      { text: "质", hit: false },
    ]);
  });

  it("cuts a long text around the matches with ellipses", () => {
    const body = "甲".repeat(300) + "排污许可证" + "乙".repeat(300);
    const segments = snippet(body, parseQuery("排污"), 60);
    expect(segments[0]!.text.startsWith("…甲")).toBe(true);
    expect(segments.at(-1)!.text.endsWith("乙…")).toBe(true);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(["排污"]);
    expect(segments.map((s) => s.text).join("").length).toBeLessThanOrEqual(62);
  });

  it("returns the text's start when nothing matches, and collapses whitespace", () => {
    expect(snippet("第一段\n\n  第二段", parseQuery("无关"))).toEqual([{ text: "第一段 第二段", hit: false }]);
  });

  it("treats markup in stored text as text", () => {
    expect(highlight("<b>环保</b>", parseQuery("环保"))).toEqual([
      { text: "<b>", hit: false },
      { text: "环保", hit: true },
      { text: "</b>", hit: false },
    ]);
  });
});
