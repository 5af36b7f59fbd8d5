import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import type { PublicOffice } from "../../../server/public/office";

// `document-text` lets a long e-mail address wrap at 360px (a class: the CSP allows no inline styles).

/** How to reach the office (its 公开指南 contact), for anyone who would rather call or visit. */
export function OfficeContact({ office }: { office: PublicOffice }) {
  const { t } = useTranslation("requests");
  if (office.contact.length === 0) return <p>{t("public.contact.none")}</p>;
  return (
    <>
      <p>{t("public.contact.intro")}</p>
      <dl className="meta-table">
        {office.contact.map(({ field, value }) => (
          <Fragment key={field}>
            <dt>{t(`public.contact.${field}`)}</dt>
            <dd className="document-text">{field === "email" ? <a href={`mailto:${value}`}>{value}</a> : field === "phone" ? <a href={`tel:${value.replace(/[^\d+]/g, "")}`}>{value}</a> : value}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

/** The law an applicant should know before applying: when the clock starts, the 20 working days, 补正, no fee. */
export function LegalNotice({ office }: { office: PublicOffice }) {
  const { t } = useTranslation("requests");
  return (
    <section aria-labelledby="apply-notice" className="notice notice-info">
      <h2 id="apply-notice">{t("public.apply.notice.title")}</h2>
      <ul>
        <li>{t("public.apply.notice.receipt")}</li>
        <li>{t("public.apply.notice.deadline")}</li>
        <li>{t("public.apply.notice.supplement")}</li>
        <li>{t("public.apply.notice.fee")}</li>
      </ul>
      <OfficeContact office={office} />
    </section>
  );
}
