import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUuidParam } from "../../../../app/plugin-api/loaders.server";
import { pluginLoader } from "../../server/loaders.server";
import { addressLine } from "../../server/letters/labels";
import { letterView } from "../../server/letters/letter.server";
import { PrintButton } from "./_parts/print-button";

/**
 * A notice or reply as it is printed for post or in-person delivery, in 公文 layout (GB/T 9704):
 * the page (its print stylesheet hides the staff frame), with the same letter as a Word file
 * (letter-docx.ts).
 */
export const loader = pluginLoader(async (ctx, { params }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const id = requireUuidParam(params, "id");
  const noticeId = requireUuidParam(params, "noticeId");
  const letter = await ctx.withTenant((trx) => letterView(ctx, trx, id, noticeId));
  const address = letter.address ? addressLine(letter.address, letter.locale) : null;
  return { letter, address, back: `/t/${ctx.tenant.code}/admin/requests/applications/${letter.applicationId}` };
});

export default function Letter() {
  const { t } = useTranslation("requests");
  const { letter, address, back } = useLoaderData<typeof loader>();
  const chinese = letter.locale !== "en";
  return (
    <>
      <div className="no-print stack">
        <p>
          <Link to={back}>{t("staff.notice.back", { trackingNo: letter.trackingNo })}</Link>
        </p>
        <h1>{t("staff.letter.heading", { title: letter.title })}</h1>
        {!letter.sentOn && <p className="notice">{t("staff.letter.provisional")}</p>}
        {letter.masked && <p className="notice">{t("staff.letter.masked")}</p>}
        <p className="actions">
          <PrintButton label={t("staff.letter.print")} />
          <a className="button" href={`${back}/notices/${letter.noticeId}/letter/docx`} download>
            {t("staff.letter.docx")}
          </a>
        </p>
        <p className="hint">{t("staff.letter.printHint")}</p>
      </div>
      <article className={`gongwen-letter${chinese ? "" : " gongwen-letter-latin"}`} lang={letter.locale} aria-label={letter.title}>
        {!letter.sentOn && <p className="gongwen-draft-mark">{t("staff.letter.draftMark")}</p>}
        <h2 className="gongwen-title">{letter.title}</h2>
        {letter.salutation && <p className="gongwen-salutation">{letter.salutation}</p>}
        {letter.paragraphs.map((p: string, i: number) => (
          <p key={i} className="gongwen-body">
            {chinese ? p.replace(/^[\u3000 ]+/, "") : p}
          </p>
        ))}
        <div className="gongwen-signature">
          <p>{letter.office}</p>
          <p>{letter.date}</p>
        </div>
        {address && <p className="gongwen-address">{address}</p>}
      </article>
    </>
  );
}
