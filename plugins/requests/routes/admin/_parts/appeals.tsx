import { useTranslation } from "react-i18next";
import { appealTarget } from "../../../law/table-four";
import type { ApplicationView } from "../../../server/staff/view.server";
import type { ActionResult } from "./action-result";
import { StepForm, StepInput, StepSelect } from "./step-form";

const KINDS = ["review", "direct_suit", "suit_after_review"] as const;
const OUTCOMES = ["upheld", "corrected", "other"] as const;

/** 行政复议 and 行政诉讼 about the reply or about 逾期不答复 (table 四): recorded, then decided. */
export function Appeals({ view, result }: { view: ApplicationView; result: ActionResult | undefined }) {
  const { t } = useTranslation("requests");
  if (view.appeals.length === 0 && !view.can.appeals) return null;
  return (
    <section aria-labelledby="appeals-h">
      <h2 id="appeals-h">{t("staff.appeals.title")}</h2>
      {view.appeals.length > 0 && (
        <ul>
          {view.appeals.map((a) => (
            <li key={a.id}>
              {t(`appealKind.${a.kind}`)} · {a.body} · {t("staff.appeals.filedOn", { date: a.filed_on })}
              {appealTarget(a.filed_on, { closedOn: view.application.closedOn, dueDate: null }) !== "reply" && ` · ${t("staff.appeals.againstNoReply")}`} · {t(`appealOutcome.${a.outcome}`)}
              {a.decided_on && ` (${a.decided_on})`}
            </li>
          ))}
        </ul>
      )}
      {view.can.appeals && (
        <>
          <StepForm intent="appeal.record" legend={t("staff.appeals.record")} button={t("staff.appeals.recordButton")} result={result}>
            <p className="hint">{t("staff.appeals.recordHint")}</p>
            <StepSelect name="kind" label={t("fields.appealKind")} options={KINDS.map((k) => ({ value: k, label: t(`appealKind.${k}`) }))} />
            <StepInput name="body" label={t("fields.appealBody")} />
            <StepInput name="filedOn" type="date" label={t("fields.filedOn")} defaultValue={view.today} />
          </StepForm>
          {view.appeals
            .filter((a) => a.outcome === "pending")
            .map((a) => (
              <StepForm key={a.id} intent="appeal.decide" hidden={{ appealId: a.id }} legend={t("staff.appeals.decide", { body: a.body })} button={t("staff.appeals.decideButton")} result={result}>
                <StepSelect name="outcome" label={t("fields.appealOutcome")} options={OUTCOMES.map((o) => ({ value: o, label: t(`appealOutcome.${o}`) }))} />
                <StepInput name="decidedOn" type="date" label={t("fields.decidedOn")} defaultValue={view.today} />
              </StepForm>
            ))}
        </>
      )}
    </section>
  );
}
