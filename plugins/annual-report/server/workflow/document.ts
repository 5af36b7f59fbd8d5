import { z } from "zod";

/** The annual report as a workflow document (保密审查 applies: the report is published). */
export const REPORT_TYPE = "annual-report.report";

const text = (max: number) => z.string().max(max);

/** A paragraph as the narrative editor keeps it (server/report/model.ts ReportParagraph): quoted values and the todo mark go with it. */
export const NarrativeParagraph = z.object({
  text: text(5000),
  quotes: z.array(z.string().max(200)).max(50).optional(),
  quoted: z.record(z.string().max(200), z.number()).optional(),
  todo: z.boolean().optional(),
});
export const NarrativePart = z.object({ heading: text(200).optional(), paragraphs: z.array(NarrativeParagraph).max(50) });
/** 一、总体情况, 五 and 六 as edited, by the format's section key. */
export const Narrative = z.object({
  overview: z.array(NarrativePart).max(20).optional(),
  problems: z.array(NarrativePart).max(20).optional(),
  other: z.array(NarrativePart).max(20).optional(),
});

/**
 * What the chain approves is what is published: the figures the report readers gave when it was
 * sent, the manual cells with their sources and the narrative, frozen in the payload.
 */
export const ReportPayload = z.object({
  reportId: z.string().uuid(),
  year: z.number().int(),
  version: z.number().int().positive(),
  officeName: z.string().min(1),
  figures: z.record(z.string(), z.number()),
  manual: z.record(z.string(), z.object({ value: z.number(), note: z.string() })),
  narrative: Narrative,
  correctionReason: z.string().max(500).optional(),
});
export type ReportPayload = z.output<typeof ReportPayload>;

export { reportTitle } from "../report/assemble";
