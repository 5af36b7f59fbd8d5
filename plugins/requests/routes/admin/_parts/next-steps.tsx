import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ApplicationView } from "../../../server/staff/view.server";
import type { ActionResult } from "./action-result";
import { StepForm, StepInput, StepSelect } from "./step-form";

const NOTICE_STEPS = ["notice.supplement", "notice.third_party", "notice.other_agency", "notice.extension", "notice.fee", "notice.reply"] as const;

/** What the officer may do now, each as a link to a notice editor or a small form; nothing when the application is closed. */
export function NextSteps({ view, result }: { view: ApplicationView & { base: string }; result: ActionResult | undefined }) {
  const { t } = useTranslation("requests");
  const steps = new Set(view.steps);
  if (steps.size === 0) return null;
  const today = view.today;
  const at = `${view.base}/applications/${view.application.id}`;
  const open = view.consultations.filter((c) => !c.answered_on);
  // While the applicant still has time, say until when: （六）1 and （六）2 open the day after (law/lapses.ts).
  const waiting = view.clock?.openPause;
  const lapseEnd = waiting?.reason === "supplement" ? view.application.supplementDue : waiting?.reason === "fee-notice" ? waiting.answerDue : null;
  return (
    <section aria-labelledby="next-h" className="panel">
      <h2 id="next-h">{t("staff.next.title")}</h2>
      <p className="actions">
        {NOTICE_STEPS.filter((s) => steps.has(s)).map((s) => (
          <Link key={s} className={s === "notice.reply" ? "button primary" : "button"} to={`${at}/notices/${s.slice("notice.".length)}`}>
            {t(`staff.next.${s}`)}
          </Link>
        ))}
        {steps.has("notice.reply") && (
          <Link className="button" to={`${at}/published`}>
            {t("publishedAnswer.title")}
          </Link>
        )}
      </p>
      {waiting && lapseEnd && view.today <= lapseEnd && <p className="hint">{t(`staff.next.lapseAfter.${waiting.reason}`, { date: lapseEnd })}</p>}
      {steps.has("confirm") && (
        <StepForm intent="confirm" legend={t("staff.next.confirm")} button={t("staff.next.confirmButton")} result={result}>
          <p className="hint">{t("staff.next.confirmHint")}</p>
          <StepInput name="confirmedOn" type="date" label={t("fields.confirmedOn")} defaultValue={today} />
        </StepForm>
      )}
      {steps.has("supplement.receive") && (
        <StepForm intent="supplement.receive" legend={t("staff.next.supplement")} button={t("staff.next.supplementButton")} result={result}>
          <StepInput name="body" type="textarea" label={t("fields.supplement")} />
          <StepInput name="receivedOn" type="date" label={t("fields.supplementReceivedOn")} defaultValue={today} />
        </StepForm>
      )}
      {steps.has("consultation.answer") && open.length > 0 && (
        <StepForm intent="consultation.answer" legend={t("staff.next.answer")} button={t("staff.next.answerButton")} result={result}>
          <StepSelect name="consultationId" label={t("fields.consultation")} options={open.map((c) => ({ value: c.id, label: `${c.party} · ${t("staff.history.answerDue", { date: c.answer_due })}` }))} />
          <StepSelect name="answer" label={t("fields.answer")} options={(["consent", "objection", "no_answer"] as const).map((k) => ({ value: k, label: t(`answer.${k}`) }))} />
          <StepInput name="answeredOn" type="date" label={t("fields.answeredOn")} defaultValue={today} />
          <StepInput name="note" type="textarea" label={t("fields.note")} required={false} />
        </StepForm>
      )}
      {steps.has("fee.paid") && (
        <StepForm intent="fee.paid" legend={t("staff.next.feePaid")} button={t("staff.next.feePaidButton")} result={result}>
          <StepInput name="paidOn" type="date" label={t("fields.paidOn")} defaultValue={today} />
        </StepForm>
      )}
      {(["close.no_supplement", "close.fee_unpaid", "close.withdrawn"] as const)
        .filter((s) => steps.has(s))
        .map((s) => (
          <StepForm key={s} intent={s} legend={t(`staff.next.${s}`)} button={t("staff.next.closeButton")} result={result}>
            <p className="hint">{t(s === "close.withdrawn" && !view.application.receivedOn ? "staff.next.close.withdrawnUnreceivedHint" : `staff.next.${s}Hint`)}</p>
            <StepInput name="closedOn" type="date" label={t("fields.closedOn")} defaultValue={today} />
          </StepForm>
        ))}
    </section>
  );
}
