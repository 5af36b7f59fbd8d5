import { requireUuidParam } from "../../../../app/plugin-api/loaders.server";
import { pluginLoader } from "../../server/loaders.server";
import { fileResponse } from "../../server/reply-files/download.server";
import { openReplyFile } from "../../server/reply-files/store.server";

/** A reply's file as uploaded, for the officer and the reviewers (an image's content is read by eye in 保密审查). */
export const loader = pluginLoader(async (ctx, { params }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const id = requireUuidParam(params, "id");
  const file = await ctx.withTenant(async (trx) => {
    const found = await openReplyFile(trx, id, params.fileId ?? "", "any");
    if (found) await ctx.audit(trx, { action: "requests.reply_file.download", target: { type: "requests_application", id }, data: { file: params.fileId, by: "staff" } });
    return found;
  });
  if (!file) throw new Response("Not Found", { status: 404 });
  return fileResponse(file);
});
