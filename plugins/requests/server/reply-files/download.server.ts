import { checkedTexts } from "../../../../app/plugin-api/loaders.server";
import { contentDisposition } from "../../../../app/plugin-api/files.server";
import { applicationByTracking } from "../applications.server";
import { TRACK_LIMIT, TrackInput } from "../public/track.server";
import { openReplyFile } from "./store.server";
import type { RequestsContext } from "../context";

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The answer to a download that is refused: the reason in the reader's language and the way back, never cached. */
function refusal(ctx: RequestsContext, status: 400 | 404 | 429, key: string): Response {
  const back = `/t/${ctx.tenant.code}/requests/track`;
  const title = ctx.t("replyFiles.download.refusedTitle");
  const html = `<!doctype html><html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(ctx.t(key))}</p><p><a href="${escapeHtml(back)}">${escapeHtml(ctx.t("replyFiles.download.back"))}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}

/**
 * A file a sent reply released, for the applicant who presents the tracking number and query code
 * with the file's id (a POST, so the code is never in an address or a log). A wrong code, an unknown
 * number, a file of another application or one not yet sent all get the same 404; look-ups share the
 * tracking page's limit, so neither codes nor file ids can be guessed.
 */
export async function downloadReplyFile(ctx: RequestsContext, form: FormData): Promise<Response> {
  if (!(await ctx.rateLimit("track", TRACK_LIMIT))) return refusal(ctx, 429, "requests:public.errors.tooManyLookups");
  const { values, errors } = checkedTexts(form);
  if (Object.keys(errors).length) return refusal(ctx, 400, "requests:replyFiles.download.refused");
  const keys = TrackInput.safeParse({ trackingNo: values.trackingNo ?? "", queryCode: values.queryCode ?? "" });
  if (!keys.success) return refusal(ctx, 400, "requests:replyFiles.download.refused");
  const file = await ctx.withPublicSubmission(async (trx) => {
    const app = await applicationByTracking(ctx, trx, keys.data.trackingNo, keys.data.queryCode);
    if (!app) return null;
    const found = await openReplyFile(trx, app.id, values.file ?? "", "released");
    if (found) await ctx.audit(trx, { action: "requests.reply_file.download", target: { type: "requests_application", id: app.id }, data: { file: values.file, by: "applicant" } });
    return found;
  });
  if (!file) return refusal(ctx, 404, "requests:replyFiles.download.refused");
  return fileResponse(file);
}

/** The file itself: never cached, never sniffed into something else, named as uploaded. */
export function fileResponse(file: { name: string; mime: string; content: Buffer }): Response {
  const bytes = new Uint8Array(file.content);
  return new Response(bytes, {
    headers: {
      "Content-Type": MIME.test(file.mime) ? file.mime : "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.name),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
