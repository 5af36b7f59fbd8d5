import { z } from "zod";

/** A past year's report as a workflow document: published only on the chain's approval, after 保密审查. */
export const PAST_REPORT_TYPE = "annual-report.past-report";

/**
 * What the chain approves: the kept row it publishes, the year, title, link and date as the public
 * list shows them, and the file's name and extracted text, so the 保密审查 scan reads the file's words.
 */
export const PastReportPayload = z.object({
  pastFileId: z.string().uuid(),
  year: z.number().int().min(2008).max(2200),
  title: z.string().min(1).max(300),
  url: z.string().max(2000).nullable(),
  publishedOn: z.string().max(10).nullable(),
  fileName: z.string().max(200).nullable(),
  fileText: z.string().max(5_000_000).nullable(),
});
export type PastReportPayload = z.output<typeof PastReportPayload>;
