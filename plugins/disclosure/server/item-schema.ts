import { z } from "zod";
import { isCalendarDate as isDate } from "../../../app/plugin-api";

const E = "disclosure:errors";
/** A real calendar day as YYYY-MM-DD (2026-02-30 and 2026-13-01 are refused, not thrown on). */
const date = z.string().refine(isDate, `${E}.date`);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const VALIDITY = ["valid", "expired", "repealed"] as const;
export type Validity = (typeof VALIDITY)[number];

/** An attachment as the draft carries it: the stored file and its extracted text (scanned in 保密审查). */
export const AttachmentRef = z.object({
  id: z.string().uuid(),
  name: z.string().min(1).max(200),
  mime: z.string().min(1),
  size: z.number().int().positive(),
  text: z.string().default(""),
});
export type AttachmentRef = z.output<typeof AttachmentRef>;

/**
 * The payload of a `disclosure.item` workflow document: everything the published record will
 * show except the 索引号 and 发布日期, which publication assigns. Dates must be in order; a
 * 规范性文件's validity needs its dates.
 */
export const ItemPayload = z
  .object({
    /** 内容概述 (条例第十二条): a few sentences the catalogue shows under the title. */
    summary: z.string().trim().max(500, `${E}.summaryTooLong`).optional().transform((v) => v || undefined),
    categoryKey: z.string().min(1, `${E}.category`),
    listRowKey: optionalText(100),
    issuer: z.string().trim().min(1, `${E}.issuer`).max(100),
    docNumber: optionalText(100),
    writtenOn: date,
    formedOn: date,
    topic: z.string().trim().min(1, `${E}.topic`).max(50),
    attribute: z.enum(["proactive", "on_request"]).default("proactive"),
    validity: z.enum(VALIDITY).optional(),
    validFrom: date.optional(),
    endedOn: date.optional(),
    body: z.string().max(500_000).default(""),
    attachments: z.array(AttachmentRef).max(20).default([]),
    interpretsId: z.string().uuid().optional(),
    /** A correction of a published item: publication replaces that item's content and keeps its 索引号. */
    correctsId: z.string().uuid().optional(),
    correctionReason: optionalText(500),
  })
  .superRefine((v, issue) => {
    // Order is judged only between real dates; a malformed one already has its own error.
    if (isDate(v.formedOn) && isDate(v.writtenOn) && v.formedOn < v.writtenOn) issue.addIssue({ code: "custom", path: ["formedOn"], message: `${E}.formedBeforeWritten` });
    if (v.validity && v.validity !== "valid" && !v.endedOn) issue.addIssue({ code: "custom", path: ["endedOn"], message: `${E}.endedOnRequired` });
    if (v.validity === "valid" && v.endedOn) issue.addIssue({ code: "custom", path: ["endedOn"], message: `${E}.endedOnNotValid` });
    if (isDate(v.validFrom) && isDate(v.endedOn) && v.endedOn < v.validFrom) issue.addIssue({ code: "custom", path: ["endedOn"], message: `${E}.endedBeforeStart` });
    if (v.correctsId && !v.correctionReason) issue.addIssue({ code: "custom", path: ["correctionReason"], message: `${E}.correctionReason` });
  });

export type ItemPayload = z.output<typeof ItemPayload>;
export const ITEM_TYPE = "disclosure.item";
