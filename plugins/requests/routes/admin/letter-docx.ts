import { contentDisposition } from "../../../../app/plugin-api/files.server";
import { requireUuidParam } from "../../../../app/plugin-api/loaders.server";
import { pluginLoader } from "../../server/loaders.server";
import { letterDocx } from "../../server/letters/docx.server";
import { addressLine, docxFileName } from "../../server/letters/labels";
import { letterView } from "../../server/letters/letter.server";

/** The printable letter (letter.tsx) as a Word file in 公文 layout, for the same readers, audited the same way. */
export const loader = pluginLoader(async (ctx, { params }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const id = requireUuidParam(params, "id");
  const noticeId = requireUuidParam(params, "noticeId");
  const letter = await ctx.withTenant((trx) => letterView(ctx, trx, id, noticeId));
  const file = await letterDocx(letter, { address: letter.address ? addressLine(letter.address, letter.locale) : null });
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": contentDisposition(docxFileName(letter), "letter.docx"),
      "Cache-Control": "no-store",
    },
  });
});
