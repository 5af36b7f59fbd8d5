import { z } from "zod";
import { IsoDate } from "./iso-date";
import { groundByKey } from "../../../app/plugin-api";
import { replyTypes } from "../law/reply-types";
import { MAX_REPLY_FILES, ReplyFileRef } from "./reply-files/schema";
import { groundRefusals } from "../law/reply-grounds";

export const NOTICE_TYPE = "requests.notice";
export const REPLY_TYPE = "requests.reply";

/** Notices that wait on the applicant or another party, each with its effect on the reply clock. */
export const NOTICE_KINDS = ["supplement", "extension", "third_party", "other_agency", "fee"] as const;
export type NoticeKindKey = (typeof NOTICE_KINDS)[number];

const body = z.string().trim().min(1, "requests:errors.noticeBodyRequired").max(8000, "requests:errors.tooLong");
/** The letter's language: the dates fixed on sending are written in it. */
const letterLocale = z.enum(["zh-CN", "zh-TW", "en"]).optional();
const base = { applicationId: z.string().uuid(), body, letterLocale };

/** A notice's payload: the letter and the facts the clock needs when it is sent. */
export const NoticePayload = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("supplement"),
    ...base,
    items: z.string().trim().min(1, "requests:errors.itemsRequired").max(1000, "requests:errors.tooLong"),
    dueOn: IsoDate,
    // The period the draft gives (its dueOn as of drafting); on sending the date is counted anew from the sending day.
    dueDays: z.number().int().min(1).max(250).optional(),
  }),
  z.object({
    kind: z.literal("extension"),
    ...base,
    days: z.coerce.number().int().min(1, "requests:errors.extensionDays").max(20, "requests:errors.extensionDays"),
    reason: z.string().trim().min(1, "requests:errors.reasonRequired").max(500, "requests:errors.tooLong"),
  }),
  z.object({ kind: z.literal("third_party"), ...base, party: z.string().trim().min(1, "requests:errors.partyRequired").max(200, "requests:errors.tooLong") }),
  z.object({ kind: z.literal("other_agency"), ...base, party: z.string().trim().min(1, "requests:errors.partyRequired").max(200, "requests:errors.tooLong") }),
  z.object({
    kind: z.literal("fee"),
    ...base,
    method: z.enum(["per_application", "per_page"], { message: "requests:errors.feeMethod" }),
    pages: z.coerce.number().int().min(0).max(100000).optional(),
    fen: z.number().int().min(1, "requests:errors.feeZero"),
    dueOn: IsoDate,
  }),
]);
export type NoticePayload = z.output<typeof NoticePayload>;

export const REPLY_TYPE_KEYS = replyTypes("2021").map((r) => r.key) as [string, ...string[]];

/** Released material as drafted: the 保密审查 step redacts it before the applicant sees it. */
export const ReleasedDocument = z.object({
  title: z.string().trim().min(1, "requests:errors.releasedTitle").max(200, "requests:errors.tooLong"),
  body: z.string().trim().min(1, "requests:errors.releasedBody").max(50000, "requests:errors.tooLong"),
});

/** Art 37: what a partial release withholds, and the Art 14–16 ground for it. */
export const WithheldPart = z.object({
  description: z.string().trim().min(1, "requests:errors.withheldDescription").max(500, "requests:errors.tooLong"),
  groundKey: z.string().refine((k) => groundByKey(k) !== undefined, "requests:errors.withheldGround"),
});

/** The reply (告知书): its type is a row of annual report table 三. */
export const ReplyPayload = z
  .object({
    applicationId: z.string().uuid(),
    replyType: z.enum(REPLY_TYPE_KEYS, { message: "requests:errors.replyType" }),
    body,
    letterLocale,
    withheld: z.array(WithheldPart).max(20).default([]),
    released: z.array(ReleasedDocument).max(20).default([]),
    /** Files provided (PDF, Word, Excel, images), their text scanned in 保密审查 like the letter. */
    files: z.array(ReplyFileRef).max(MAX_REPLY_FILES, "requests:replyFiles.errors.tooMany").default([]),
  })
  .superRefine((p, issue) => {
    const releases = p.replyType === "disclosed" || p.replyType === "partly_disclosed";
    if (p.replyType === "partly_disclosed" && p.withheld.length === 0)
      issue.addIssue({ code: "custom", path: ["withheld"], message: "requests:errors.withheldRequired" });
    if (!releases && p.released.length > 0) issue.addIssue({ code: "custom", path: ["released"], message: "requests:errors.releasedNotAllowed" });
    if (!releases && p.files.length > 0) issue.addIssue({ code: "custom", path: ["files"], message: "requests:errors.releasedNotAllowed" });
    for (const r of groundRefusals(p.replyType, p.withheld)) issue.addIssue({ code: "custom", path: r.path, message: r.error });
  });
export type ReplyPayload = z.output<typeof ReplyPayload>;
