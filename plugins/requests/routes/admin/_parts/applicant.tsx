import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { PostForm, SubmitButton } from "../../../../../app/plugin-api/ui";
import type { ApplicantDetails } from "../../../server/applicant";

const SHOWN = ["name", "organisation", "creditCode", "idNumber", "phone", "email", "address", "postcode"] as const;

/** The applicant, masked; staff allowed to read their identity may open it, and the read is audited. */
export function ApplicantCard({ masked, canRead, revealed }: { masked: string; canRead: boolean; revealed: ApplicantDetails | undefined }) {
  const { t } = useTranslation("requests");
  return (
    <section aria-labelledby="applicant-h">
      <h2 id="applicant-h">{t("staff.applicant.title")}</h2>
      {revealed ? (
        <dl className="meta-table">
          {SHOWN.filter((k) => revealed[k]).map((k) => (
            <Fragment key={k}>
              <dt>{t(`fields.${k}`)}</dt>
              <dd>{revealed[k]}</dd>
            </Fragment>
          ))}
          {revealed.idType && (
            <>
              <dt>{t("fields.idType")}</dt>
              <dd>{t(`idType.${revealed.idType}`)}</dd>
            </>
          )}
        </dl>
      ) : (
        <div className="actions">
          <span>{masked}</span>
          {canRead && (
            <PostForm>
              <input type="hidden" name="intent" value="reveal" />
              <SubmitButton className="link-button">
                {t("staff.applicant.reveal")}
              </SubmitButton>
            </PostForm>
          )}
        </div>
      )}
      {canRead && <p className="hint">{t("staff.applicant.audited")}</p>}
    </section>
  );
}
