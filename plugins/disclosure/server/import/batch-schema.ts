import { z } from "zod";
import { isCalendarDate } from "../../../../app/plugin-api";
import { VALIDITY } from "../item-schema";

/** The workflow document type of an import: one batch of checked rows through the office's chain. */
export const IMPORT_TYPE = "disclosure.import";

/** The most rows one file (and so one batch) may hold. */
export const MAX_IMPORT_ROWS = 10_000;

const date = z.string().refine(isCalendarDate, "disclosure:errors.date");
const optional = (max: number) => z.string().trim().min(1).max(max).optional();

/**
 * One checked row of the file as the batch carries it: what the published item will show. The
 * 索引号 is the original one when the file gave it, else the office's next at publication; the
 * dates are the file's.
 */
export const BatchRow = z
  .object({
    /** The row's number in the file (the header is row 1). */
    row: z.number().int().min(2),
    indexNumber: optional(100),
    title: z.string().trim().min(1).max(300),
    /** 内容概述 (条例第十二条). */
    summary: optional(500),
    categoryKey: z.string().min(1).max(100),
    issuer: z.string().trim().min(1).max(100),
    docNumber: optional(100),
    writtenOn: date,
    formedOn: date,
    publishedOn: date,
    topic: z.string().trim().min(1).max(50),
    validity: z.enum(VALIDITY).optional(),
    endedOn: date.optional(),
    /** Sanitised HTML. */
    body: z.string().max(500_000),
  })
  .refine((r) => r.writtenOn <= r.publishedOn && r.formedOn <= r.publishedOn, { path: ["publishedOn"], message: "disclosure:staff.import.errors.publishedBeforeFormed" })
  .refine((r) => r.validity !== "valid" || !r.endedOn, { path: ["endedOn"], message: "disclosure:errors.endedOnNotValid" });
export type BatchRow = z.output<typeof BatchRow>;

/** The payload of a `disclosure.import` document. */
export const ImportPayload = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    rowCount: z.number().int().min(1),
    rows: z.array(BatchRow).min(1).max(MAX_IMPORT_ROWS),
  })
  .refine((p) => p.rowCount === p.rows.length, { path: ["rowCount"], message: "errors.invalid" });
export type ImportPayload = z.output<typeof ImportPayload>;
