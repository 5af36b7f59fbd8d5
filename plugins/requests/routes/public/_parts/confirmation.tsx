import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../../app/plugin-api/ui";
import type { PublicOffice } from "../../../server/public/office";

/** The tracking number and the query code, shown once, with what happens next. */
export function Confirmation({ office, trackingNo, queryCode }: { office: PublicOffice; trackingNo: string; queryCode: string }) {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  return (
    <section aria-labelledby="confirm-title" role="status">
      <h1 id="confirm-title">{t("public.confirm.title")}</h1>
      <p className="lead">{t("public.confirm.intro", { office: office.name[locale] })}</p>
      <dl className="meta-table lead">
        <dt>{t("public.confirm.trackingNo")}</dt>
        <dd>
          <strong>{trackingNo}</strong>
        </dd>
        <dt>{t("public.confirm.queryCode")}</dt>
        <dd>
          <strong>{queryCode}</strong>
        </dd>
      </dl>
      <p className="notice notice-info">{t("public.confirm.writeDown")}</p>
      <p>{t("public.confirm.receipt")}</p>
      <p className="actions">
        <Link className="button primary" to={`/t/${office.code}/requests/track`}>
          {t("public.confirm.track")}
        </Link>
        <Link className="button" to={`/t/${office.code}/requests/new`} reloadDocument>
          {t("public.confirm.another")}
        </Link>
      </p>
    </section>
  );
}
