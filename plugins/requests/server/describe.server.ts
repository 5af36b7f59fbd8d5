import { groundByKey, type Locale, type PluginTransaction } from "../../../app/plugin-api";
import { replyTypeLabel } from "../law/labels";
import { localGroundLabel } from "./ground-labels.server";
import { typed } from "../db/schema";
import { REPLY_TYPE_KEYS } from "./notice-schema";
import en from "../locales/en/common.json";
import zhCN from "../locales/zh-CN/common.json";
import zhTW from "../locales/zh-TW/common.json";

const COMMON = { "zh-CN": zhCN, "zh-TW": zhTW, en };

/**
 * What a notice's or reply's codes mean on the core document page: the application's tracking
 * number and subject, the reply type as its table 三 row, and each withheld part's ground.
 */
export async function describeNotice(ctx: { trx: PluginTransaction; tenantId: string; locale: Locale }, raw: unknown): Promise<Record<string, string>> {
  const p = (raw ?? {}) as { applicationId?: string; kind?: string; fen?: number; replyType?: string; withheld?: { groundKey?: string }[] };
  const out: Record<string, string> = {};
  if (p.kind && p.kind in COMMON[ctx.locale].noticeKind) out["payload.kind"] = COMMON[ctx.locale].noticeKind[p.kind as keyof (typeof zhCN)["noticeKind"]];
  if (typeof p.fen === "number") out["payload.fen"] = `¥${(p.fen / 100).toFixed(2)}`;
  if (p.applicationId) {
    const app = await typed(ctx.trx).selectFrom("requests_applications").select(["tracking_no", "subject"]).where("id", "=", p.applicationId).executeTakeFirst();
    if (app) out["payload.applicationId"] = `${app.tracking_no} · ${app.subject}`;
  }
  if (p.replyType && REPLY_TYPE_KEYS.includes(p.replyType)) out["payload.replyType"] = replyTypeLabel(p.replyType, ctx.locale);
  (p.withheld ?? []).forEach((w, i) => {
    const ground = w.groundKey ? groundByKey(w.groundKey) : undefined;
    if (ground) out[`payload.withheld.${i}.groundKey`] = localGroundLabel(ground.key, ctx.locale);
  });
  return out;
}
