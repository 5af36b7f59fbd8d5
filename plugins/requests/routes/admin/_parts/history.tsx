import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../../app/plugin-api/ui";
import { fillLetter } from "../../../server/letters/fields";
import type { ApplicationView } from "../../../server/staff/view.server";

/** What was sent and received, oldest first: notices (with their approval status until sent), supplements, consultations. */
export function History({ view, canPrint = false }: { view: ApplicationView; canPrint?: boolean }) {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  // A letter in approval still has its addressee and sending dates as placeholders: masked name, dates "fixed when sent".
  const shown = (body: string) => fillLetter(body, { applicant: view.application.applicantMasked, pending: t("staff.history.pendingDate") }, locale);
  const { notices, supplements, consultations } = view;
  if (notices.length + supplements.length + consultations.length === 0) return null;
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t("staff.history.title")}</h2>
      {notices.map((n) => (
        <article key={n.id} className="panel">
          <h3>
            {n.title} <span className="badge">{t(`noticeKind.${n.kind}`)}</span>
          </h3>
          <p className="muted">
            {n.sentOn ? t("staff.history.sentOn", { date: n.sentOn }) : n.documentStatus ? t("staff.history.inApproval", { status: t(`core:workflow.status.${n.documentStatus}`) }) : ""}{" "}
            {n.documentUrl && <Link to={n.documentUrl}>{t("staff.history.openDocument")}</Link>}{" "}
            {canPrint && <Link to={`notices/${n.id}/letter`}>{t("staff.history.printLetter")}</Link>}
          </p>
          <details>
            <summary>{t("staff.history.letter")}</summary>
            <div className="letter">{shown(n.body)}</div>
            {n.released.map((d, i) => (
              <div key={i}>
                <h4>{d.title}</h4>
                <div className="letter">{d.body}</div>
              </div>
            ))}
          </details>
        </article>
      ))}
      {supplements.length > 0 && (
        <>
          <h3>{t("staff.history.supplements")}</h3>
          <ul>
            {supplements.map((s) => (
              <li key={s.id}>
                {s.received_on} · {t(`via.${s.via}`)}: <span className="document-text">{s.body}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {consultations.length > 0 && (
        <>
          <h3>{t("staff.history.consultations")}</h3>
          <ul>
            {consultations.map((c) => (
              <li key={c.id}>
                {c.party} · {t(`noticeKind.${c.kind}`)} · {t("staff.history.sentOn", { date: c.sent_on })} · {c.answered_on ? `${t(`answer.${c.answer}`)} (${c.answered_on})` : t("staff.history.answerDue", { date: c.answer_due })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
