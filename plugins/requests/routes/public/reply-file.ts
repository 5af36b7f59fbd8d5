import { redirect } from "@remix-run/node";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { downloadReplyFile } from "../../server/reply-files/download.server";

/** A file a reply released, downloaded from the tracking page with the tracking number and query code. */
export const action = pluginAction(async (ctx, { request }) => downloadReplyFile(ctx, await request.formData()));

/** Nothing to read without the keys: the tracking page asks for them. */
export const loader = pluginLoader(async (ctx) => redirect(`/t/${ctx.tenant.code}/requests/track`));
