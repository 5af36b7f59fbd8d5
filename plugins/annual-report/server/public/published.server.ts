import { FORMAT_2021 } from "../../law/format-2021";
import type { ReportsTransaction } from "../context";
import { draftNarrative } from "../narrative/draft";
import { narrativeFromParts } from "../narrative/stored";
import { assembleReportFor } from "../report/assemble";
import type { AnnualReportModel } from "../report/model";
import { isReportYear, reportVersions, type Report } from "../reports.server";

/** The public's 404: the same answer for a year never published, a malformed year and another office's report. */
export const notFound = () => new Response("Not Found", { status: 404 });

/** The `:year` of a public address: four digits of a report year, else the page does not exist (never a server error). */
export function yearParam(raw: string | undefined): number {
  if (!raw || !/^\d{4}$/.test(raw)) throw notFound();
  const year = Number(raw);
  if (!isReportYear(year)) throw notFound();
  return year;
}

/** The office's published version of `year` (a correction replaces the earlier one), or null. */
export async function publishedReport(trx: ReportsTransaction, tenantId: string, year: number): Promise<Report | null> {
  return (await reportVersions(trx, tenantId, year)).find((v) => v.status === "published") ?? null;
}

/**
 * The published report as the chain approved it: the figures frozen when it was sent, its manual
 * cells and its narrative (a section never edited shows as drafted from those same figures), in
 * traditional characters for zh-TW readers and official Chinese otherwise.
 */
export function publishedModel(report: Report, officeName: string, locale: string): AnnualReportModel {
  const figures = report.figuresSnapshot ?? {};
  const narrative = narrativeFromParts(report.narrative, draftNarrative({ office: officeName, year: report.year, figures }));
  return assembleReportFor(locale, {
    office: officeName,
    year: report.year,
    format: FORMAT_2021,
    figures,
    manual: report.manual,
    narrative,
    meta: [
      { label: "索引号", value: report.indexNumber ?? "" },
      { label: "发布机构", value: officeName },
      { label: "发布日期", value: report.publishedOn ?? "" },
    ],
    ...(report.publishedOn ? { issuedOn: report.publishedOn } : {}),
  });
}
