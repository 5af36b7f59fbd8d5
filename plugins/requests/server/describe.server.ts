import { groundByKey, type Locale } from "../../../app/plugin-api";
import { replyTypeLabel } from "../law/labels";
import { localGroundLabel } from "./ground-labels.server";
import { REPLY_TYPE_KEYS } from "./notice-schema";
import { fillLetter, hasPlaceholders } from "./letters/fields";
import staffEn from "../locales/en/staff.json";
import staffZhCN from "../locales/zh-CN/staff.json";
import staffZhTW from "../locales/zh-TW/staff.json";
import { describeReplyFiles } from "./reply-files/describe.server";
import en from "../locales/en/common.json";
import zhCN from "../locales/zh-CN/common.json";
import zhTW from "../locales/zh-TW/common.json";
import type { RequestsTransaction } from "./context";

const COMMON = { "zh-CN": zhCN, "zh-TW": zhTW, en };
const HISTORY = { "zh-CN": staffZhCN.staff.history, "zh-TW": staffZhTW.staff.history, en: staffEn.staff.history };

/**
 * What a notice's or reply's codes mean on the core document page: the application's tracking
 * number and subject, the reply type as its table 三 row, and each withheld part's ground.
 */
export async function describeNotice(ctx: { trx: RequestsTransaction; tenantId: string; locale: Locale }, raw: unknown): Promise<Record<string, string>> {
  const p = (raw ?? {}) as { applicationId?: string; kind?: string; fen?: number; replyType?: string; withheld?: { groundKey?: string }[]; files?: unknown };
  const out: Record<string, string> = {};
  if (p.kind && p.kind in COMMON[ctx.locale].noticeKind) out["payload.kind"] = COMMON[ctx.locale].noticeKind[p.kind as keyof (typeof zhCN)["noticeKind"]];
  if (typeof p.fen === "number") out["payload.fen"] = `¥${(p.fen / 100).toFixed(2)}`;
  if (p.applicationId) {
    const app = await ctx.trx.selectFrom("requests_applications").select(["tracking_no", "subject", "applicant_masked"]).where("id", "=", p.applicationId).executeTakeFirst();
    if (app) out["payload.applicationId"] = `${app.tracking_no} · ${app.subject}`;
    // The letter as drafted: the addressee masked, the dates fixed on sending said to be so.
    const body = (raw as { body?: unknown }).body;
    if (app && typeof body === "string" && hasPlaceholders(body)) out["payload.body"] = fillLetter(body, { applicant: app.applicant_masked, pending: HISTORY[ctx.locale].pendingDate }, ctx.locale);
  }
  if (p.replyType && REPLY_TYPE_KEYS.includes(p.replyType)) out["payload.replyType"] = replyTypeLabel(p.replyType, ctx.locale);
  (p.withheld ?? []).forEach((w, i) => {
    const ground = w.groundKey ? groundByKey(w.groundKey) : undefined;
    if (ground) out[`payload.withheld.${i}.groundKey`] = localGroundLabel(ground.key, ctx.locale);
  });
  Object.assign(out, describeReplyFiles(p.files, ctx.locale));
  const dueOn = (raw as { dueOn?: unknown }).dueOn;
  if ((p.kind === "fee" || p.kind === "supplement") && typeof dueOn === "string") out["payload.dueOn"] = HISTORY[ctx.locale].draftedDate.replace("{{date}}", dueOn);
  return out;
}
