import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanOfficeHtml } from "~/core/rich-text/word-paste";
import { plainTextToHtml, renderRichText, richTextToText, sanitizeRichText } from "~/core/rich-text/index.server";

const WORD = readFileSync(new URL("../fixtures/word-clipboard.html", import.meta.url), "utf8");

describe("plain text as rich text", () => {
  it("makes a paragraph of each blank-line-separated block and a line break of a single newline", () => {
    expect(plainTextToHtml("第一段第一行\n第一段第二行\n\n第二段\r\n\r\n\r\n　　第三段")).toBe("<p>第一段第一行<br />第一段第二行</p><p>第二段</p><p>第三段</p>");
  });

  it("escapes what was typed, so markup typed as text stays text", () => {
    expect(plainTextToHtml('a < b & "c" <script>')).toBe('<p>a &lt; b &amp; "c" &lt;script&gt;</p>');
  });

  it("writes what the sanitiser writes, so typed text is already in the stored form", () => {
    const typed = plainTextToHtml("他说：\"甲\" & '乙' <丙> ＆\n第二行\n\n二");
    expect(sanitizeRichText(typed)).toBe(typed);
  });

  it("gives nothing for blank text", () => {
    expect(plainTextToHtml(" \n\n \t")).toBe("");
  });
});

describe("the sanitiser", () => {
  it("keeps headings, paragraphs, lists, tables with spans, emphasis and http/https/mailto links", () => {
    const html =
      '<h2>标题</h2><h3>小标题</h3><h4>三级</h4><p><strong>粗</strong><em>斜</em><u>下划线</u><br>换行</p><ul><li>甲</li></ul><ol><li>乙</li></ol>' +
      '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">a</td><td>b</td></tr></tbody></table>' +
      '<p><a href="https://example.cn/x">h</a> <a href="http://example.cn">i</a> <a href="mailto:office@example.cn">m</a></p>';
    expect(sanitizeRichText(html)).toBe(html.replace("<br>", "<br />"));
  });

  it("drops scripts, styles, classes, images, frames and other link schemes", () => {
    const html =
      '<p class="x" style="color:red" onclick="alert(1)">文<script>alert(1)</script><style>p{}</style><img src="x" onerror="alert(1)"><iframe src="https://e.cn"></iframe></p>' +
      '<p><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><a href="//evil.example">p</a></p><blockquote>引</blockquote><pre>code</pre><div>块</div>';
    expect(sanitizeRichText(html)).toBe("<p>文</p><p><a>j</a><a>d</a><a>p</a></p>引code块");
  });

  it("maps b/i to strong/em, h1 and h5/h6 into h2–h4, and drops colspan/rowspan of 1 and nonsense spans", () => {
    expect(sanitizeRichText('<h1>a</h1><h5>b</h5><h6>c</h6><p><b>d</b><i>e</i></p><table><tr><td colspan="1" rowspan="x">f</td><th colspan="3">g</th></tr></table>')).toBe(
      '<h2>a</h2><h4>b</h4><h4>c</h4><p><strong>d</strong><em>e</em></p><table><tr><td>f</td><th colspan="3">g</th></tr></table>',
    );
  });

  it("drops empty paragraphs (Word's <p>&nbsp;</p>, the editor's blank lines)", () => {
    expect(sanitizeRichText("<p>a</p><p>&nbsp;</p><p></p><p><br></p><p>\u3000</p><p>b</p>")).toBe("<p>a</p><p>b</p>");
  });

  it("is idempotent: its output sanitised again is itself", () => {
    const once = sanitizeRichText(WORD);
    expect(sanitizeRichText(once)).toBe(once);
    expect(renderRichText(once)).toBe(once);
  });
});

describe("HTML pasted from Word or WPS", () => {
  it("keeps the heading, the paragraph, both lists (numbered and bulleted) and the table, without Office markup", () => {
    expect(sanitizeRichText(WORD)).toBe(
      "<h2>一、监测结果</h2>" +
        "<p>本季度全市地表水国控断面水质优良比例为<strong>86.7%</strong>，同比上升3.3个百分点。</p>" +
        "<ol><li>加强饮用水水源地保护</li><li>推进入河排污口整治</li></ol>" +
        "<ul><li>责任单位：各区生态环境分局</li></ul>" +
        "<table><tr><td><p><strong>断面</strong></p></td><td><p><strong>水质类别</strong></p></td></tr><tr><td><p>东江桥</p></td><td><p>Ⅱ类</p></td></tr></table>",
    );
  });

  it("nests list paragraphs by their mso-list level and numbers a list by its marker", () => {
    const para = (level: number, marker: string, text: string, list = "l0") =>
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:${list} level${level} lfo1'><!--[if !supportLists]--><span style='mso-list:Ignore'>${marker}<span>&nbsp;</span></span><!--[endif]-->${text}<o:p></o:p></p>\n`;
    const html = para(1, "一、", "甲") + para(2, "o", "甲一") + para(2, "o", "甲二") + para(1, "二、", "乙") + para(1, "(1)", "丙", "l3");
    expect(cleanOfficeHtml(html)).toBe("<ol><li>甲<ul><li>甲一</li><li>甲二</li></ul></li><li>乙</li></ol><ol><li>丙</li></ol>");
  });

  it("joins Chinese text Word wrapped in its source, and drops WPS's namespaced and conditional markup", () => {
    const wps = '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class=MsoNormal><span>生态环境\n保护</span><w:sdt>x</w:sdt><v:shape>y</v:shape></p>';
    expect(sanitizeRichText(wps)).toBe("<p>生态环境保护</p>");
  });
});

describe("the rendition", () => {
  it("gives a body stored as plain text (before the editor) its paragraphs by the typed-text rule", () => {
    expect(renderRichText("旧正文 &amp; 第一段\n第二行\n\n第二段 &lt;x&gt;")).toBe("<p>旧正文 &amp; 第一段<br />第二行</p><p>第二段 &lt;x&gt;</p>");
  });

  it("is the stored form unchanged for a body from the editor", () => {
    const stored = sanitizeRichText("<h2>一</h2><p>甲</p><ol><li><p>乙</p></li></ol>");
    expect(renderRichText(stored)).toBe(stored);
  });

  it("reads as text a line per block, cells apart", () => {
    expect(richTextToText("<h2>题</h2><p>甲&amp;乙<br />丙</p><ul><li>一</li><li>二</li></ul><table><tr><td>a</td><td>b</td></tr></table>")).toBe("题\n甲&乙\n丙\n\n一\n二\n\na\tb");
  });
});
