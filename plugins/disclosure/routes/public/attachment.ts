import { requireUuidParam } from "../../../../app/plugin-api/loaders.server";
import { pluginLoader } from "../../server/loaders.server";
import { contentDisposition } from "../../server/portal/http";
import { notFound } from "../../server/portal/page.server";

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;\s*[a-z0-9-]+=[a-z0-9-]+)*$/i;

/**
 * An attachment's stored bytes. Row-level security lets the public read only files a published
 * proactive item offers and that were not redacted; anything else is a 404.
 */
export const loader = pluginLoader(async (ctx, { params }) => {
  const id = requireUuidParam(params, "id");
  const file = await ctx.withTenant((trx) =>
    trx.selectFrom("disclosure_attachments").select(["name", "mime", "bytes"]).where("tenant_id", "=", ctx.tenant.id).where("id", "=", id).executeTakeFirst(),
  );
  if (!file) throw notFound();
  const bytes = new Uint8Array(file.bytes);
  return new Response(bytes, {
    headers: {
      "Content-Type": MIME.test(file.mime) ? file.mime : "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.name),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    },
  });
});
