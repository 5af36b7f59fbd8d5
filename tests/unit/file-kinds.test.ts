import { describe, expect, it } from "vitest";
import { chinesePdf } from "../../app/core/files/chinese-pdf.server";
import { extractFileText } from "../../app/core/files/extract-text.server";
import { documentKindName } from "../../app/core/files/kind-names.server";
import { DOCUMENT_KINDS, documentKind, humanSize } from "../../app/core/files/kinds";
import en from "../../app/locales/en/core.json";
import zhCN from "../../app/locales/zh-CN/core.json";
import zhTW from "../../app/locales/zh-TW/core.json";

describe("documentKind", () => {
  it.each([
    ["application/pdf", "报告.pdf", "pdf"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "申请表.docx", "word"],
    ["application/msword", "通知.doc", "word"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "名录.xlsx", "excel"],
    ["image/png", "现场.png", "image"],
    ["image/jpeg", "现场.JPG", "image"],
    ["text/plain; charset=utf-8", "说明.txt", "text"],
    ["text/csv", "名录.csv", "csv"],
  ])("%s %s is %s", (mime, name, kind) => expect(documentKind(mime, name)).toBe(kind));

  it("reads the extension when the browser sent no useful type: WPS, OFD and renamed containers", () => {
    expect(documentKind("application/octet-stream", "关于印发方案的通知.wps")).toBe("wps");
    expect(documentKind("", "监测数据.et")).toBe("wpsSheet");
    expect(documentKind("application/octet-stream", "批复.OFD")).toBe("ofd");
    expect(documentKind("application/zip", "申请表.docx")).toBe("word");
    expect(documentKind("application/zip", "材料.zip")).toBe("archive");
    expect(documentKind("application/x-rar-compressed", "材料")).toBe("archive");
    expect(documentKind("text/plain", "数据.csv")).toBe("csv");
  });

  it("trusts a specific type over a misleading name, and says only 文件 when nothing is known", () => {
    expect(documentKind("application/pdf", "报告.txt")).toBe("pdf");
    expect(documentKind("application/ofd", undefined)).toBe("ofd");
    expect(documentKind("application/octet-stream", "程序.exe")).toBe("file");
    expect(documentKind(null, null)).toBe("file");
    expect(documentKind("application/pdf; name=x", "")).toBe("pdf");
  });

  it("has a name in every locale for every kind, and zh-TW is not a copy of zh-CN", () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const locale of [zhCN, zhTW, en]) expect(locale.files.kinds[kind], kind).toBeTruthy();
    }
    expect(zhTW.files.kinds.file).toBe("檔案");
    expect(documentKindName("application/pdf", "a.pdf", "zh-CN")).toBe("PDF 文档");
    expect(documentKindName("application/octet-stream", "a.wps", "zh-CN")).toBe("WPS 文字");
    expect(documentKindName("application/vnd.ms-excel", "a.xls", "en")).toBe("Excel spreadsheet");
    expect(documentKindName(null, "a.bin", "zh-TW")).toBe("檔案");
  });
});

describe("humanSize", () => {
  it("writes bytes, KB and MB with at most one decimal, the unit held to its number", () => {
    expect(humanSize(165, "zh-CN")).toBe("165\u00a0B");
    expect(humanSize(0, "en")).toBe("0\u00a0B");
    expect(humanSize(1024, "en")).toBe("1\u00a0KB");
    expect(humanSize(1536, "en")).toBe("1.5\u00a0KB");
    expect(humanSize(250 * 1024, "en")).toBe("250\u00a0KB");
    expect(humanSize(1.2 * 1024 * 1024, "zh-CN")).toBe("1.2\u00a0MB");
    expect(humanSize(20 * 1024 * 1024, "zh-TW")).toBe("20\u00a0MB");
    expect(humanSize(3 * 1024 ** 3, "en")).toBe("3\u00a0GB");
  });

  it("never shows a negative or NaN size", () => {
    expect(humanSize(-5, "en")).toBe("0\u00a0B");
    expect(humanSize(Number.NaN, "en")).toBe("0\u00a0B");
  });
});

describe("chinesePdf", () => {
  it("writes a PDF whose Chinese text the 保密审查 extraction reads back, over more than one page", async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `第${i + 1}段：建设单位示范市某某化工有限公司，主要污染物为废气、废水和噪声（VOCs 12.5 t/a）。`);
    const bytes = await chinesePdf({ title: "建设项目环境影响报告表（公示本）", paragraphs });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = await extractFileText("pdf", bytes);
    expect(text.startsWith("建设项目环境影响报告表（公示本）")).toBe(true);
    expect(text.replace(/\s+/g, "")).toContain("第60段：建设单位示范市某某化工有限公司");
    expect(text).toContain("VOCs 12.5 t/a");
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/\/Count [2-9]/);
  });
});
