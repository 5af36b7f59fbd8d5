import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDocx } from "../server/docx/report-docx.server";
import type { AnnualReportModel } from "../server/report/model";
import { fixtureReport } from "./docx-fixture";

/**
 * The annual report's .docx as LibreOffice renders it (Debian's libreoffice-writer-nogui, which
 * .ci/run installs with poppler-utils and the open substitutes for the official fonts): A4 pages, a
 * plausible page count, 「— N —」 on every page, the tables' headers repeated on the pages they run
 * onto, and each official font named in the file reaching the renderer as its substitute.
 */
const run = promisify(execFile);
const onPath = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const tools = ["soffice", "pdfinfo", "pdftotext", "pdffonts"].filter((t) => !onPath(t));
const skipped = tools.length > 0;
if (skipped) console.warn(`annual-report docx-pdf: skipped, not on the PATH: ${tools.join(", ")} (CI installs libreoffice-writer-nogui and poppler-utils)`);

/** The open faces standing in for the official ones (the recipient's Word has the real ones). */
const SUBSTITUTES: Record<string, string> = {
  方正小标宋简体: "Noto Serif CJK SC",
  仿宋_GB2312: "Noto Serif CJK SC",
  黑体: "Noto Sans CJK SC",
  楷体_GB2312: "AR PL KaitiM GB",
  宋体: "AR PL SungtiL GB",
};
const fontsConf = () =>
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${Object.entries(SUBSTITUTES)
    .map(([official, open]) => `  <alias binding="same"><family>${official}</family><prefer><family>${open}</family></prefer></alias>`)
    .join("\n")}\n</fontconfig>\n`;

/**
 * A report of text alone, to count the grid: three paragraphs of 60 characters (26 after the indent,
 * then 28, then 6) and sixty of 26 (one line each with the indent).
 */
const GRID_TEXT = "政府信息公开工作年度报告";
const gridReport: AnnualReportModel = {
  ...fixtureReport,
  sections: [
    {
      key: "overview",
      kind: "narrative",
      heading: "一、总体情况",
      parts: [{ paragraphs: [...Array.from({ length: 3 }, () => ({ text: GRID_TEXT.repeat(5) })), ...Array.from({ length: 60 }, () => ({ text: GRID_TEXT.repeat(3).slice(0, 26) }))] }],
    },
  ],
};

let dir: string;
let env: NodeJS.ProcessEnv;
let pages: string[];
let gridPages: string[];

const pdfPages = async (pdf: string) => (await run("pdftotext", ["-layout", pdf, "-"])).stdout.split("\f").filter((p) => p.trim());
/** The lines of a page that hold Chinese text, spaces removed. */
const textLines = (page: string) => page.split("\n").map((l) => l.replace(/\s+/g, "")).filter((l) => /[\u4e00-\u9fff]/.test(l));

beforeAll(async () => {
  if (skipped) return;
  dir = mkdtempSync(join(tmpdir(), "annual-report-pdf-"));
  writeFileSync(join(dir, "fonts.conf"), fontsConf());
  env = { ...process.env, FONTCONFIG_FILE: join(dir, "fonts.conf") };
  writeFileSync(join(dir, "report.docx"), await reportDocx(fixtureReport));
  writeFileSync(join(dir, "grid.docx"), await reportDocx(gridReport));
  // A private profile: parallel runs (and a desktop LibreOffice) do not share one.
  await run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "report.docx"), join(dir, "grid.docx")], { env, timeout: 120_000 });
  pages = await pdfPages(join(dir, "report.pdf"));
  gridPages = await pdfPages(join(dir, "grid.pdf"));
}, 150_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pdfinfo = async () => (await run("pdfinfo", [join(dir, "report.pdf")])).stdout;

describe.skipIf(skipped)(`the annual report .docx rendered by LibreOffice${skipped ? ` (skipped: ${tools.join(", ")} not on the PATH)` : ""}`, () => {
  it("is A4, four to eight pages for a year with three tables", async () => {
    const info = await pdfinfo();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(8);
    expect(pages).toHaveLength(count);
  });

  it("sets the body on the grid: 28 characters a line, 22 lines a page", () => {
    const first = textLines(gridPages[0]!);
    // The first paragraph: 26 characters after the two-character indent, then a full line of 28.
    const opening = first.findIndex((l) => l.startsWith(GRID_TEXT));
    expect(first.slice(opening, opening + 3).map((l) => l.length)).toEqual([26, 28, 6]);
    // A page of one-line paragraphs (the page number is no Chinese text) holds 22 of them.
    const full = textLines(gridPages[1]!);
    expect(full).toHaveLength(22);
    expect(full.every((l) => l.length === 26)).toBe(true);
  });

  it("numbers every page 「— N —」 and keeps the signature with the report's last words", () => {
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
    expect(pages[0]).toContain("一、总体情况");
    const last = pages.at(-1)!;
    expect(last).toMatch(/示范市生态环境局东湖分局\s+2026\s*年\s*1\s*月\s*20\s*日/);
    expect(last).toContain("本机关无其他需要报告的事项。");
  });

  it("prints the tables' labels, with table 三's header on every page it runs onto", () => {
    const all = pages.join("\n");
    for (const label of ["第二十条第（八）项", "本年收费金额（单位：万元）", "申请人情况", "法人或其他组织", "行政复议", "未经复议直接起诉", "复议后起诉"]) expect(all, label).toContain(label);
    const t3Pages = pages.filter((p) => /（七）\s*总计|四、结转下年度继续办理|一、本年新收政府信息公开申请数量/.test(p));
    expect(t3Pages.length).toBeGreaterThan(0);
    for (const p of t3Pages) expect(p).toContain("申请人情况");
  });

  it("sets each element in the substitute of the official font the file names", async () => {
    const used = (await run("pdffonts", [join(dir, "report.pdf")])).stdout;
    // Noto's collection names every region's face alike in the PDF (…CJKjp-Regular-VKana for SC text).
    const base = (ps: string) => ps.replace(/CJK(sc|tc|jp|kr|hk)/i, "CJK").replace(/-VKana$/, "");
    const inPdf = used.split("\n").slice(2).map((l) => base(l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, "")));
    for (const official of Object.keys(SUBSTITUTES)) {
      const ps = spawnSync("fc-match", ["-f", "%{postscriptname}", official], { env, encoding: "utf8" }).stdout;
      if (!ps) continue;
      expect(inPdf, `${official} → ${ps}`).toContain(base(ps));
    }
    expect(readFileSync(join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
