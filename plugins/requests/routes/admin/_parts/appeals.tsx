import { useTranslation } from "react-i18next";
import { SelectField } from "../../../../../app/plugin-api/ui";
import { appealTarget } from "../../../law/table-four";
import type { ApplicationView } from "../../../server/staff/view.server";
import type { ActionResult } from "./action-result";
import { StepForm, StepInput } from "./step-form";

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
            <SelectField name="kind" idPrefix="appeal" label={t("fields.appealKind")} options={KINDS.map((k) => ({ value: k, label: t(`appealKind.${k}`) }))} />
            <StepInput intent="appeal.record" name="body" label={t("fields.appealBody")} result={result} />
            <StepInput intent="appeal.record" name="filedOn" type="date" label={t("fields.filedOn")} defaultValue={view.today} result={result} />
          </StepForm>
          {view.appeals
            .filter((a) => a.outcome === "pending")
            .map((a) => (
              <StepForm key={a.id} intent="appeal.decide" legend={t("staff.appeals.decide", { body: a.body })} button={t("staff.appeals.decideButton")} result={result}>
                <input type="hidden" name="appealId" value={a.id} />
                <SelectField name="outcome" idPrefix={`appeal-${a.id}`} label={t("fields.appealOutcome")} options={OUTCOMES.map((o) => ({ value: o, label: t(`appealOutcome.${o}`) }))} />
                <StepInput intent="appeal.decide" name="decidedOn" type="date" label={t("fields.decidedOn")} defaultValue={view.today} result={result} />
              </StepForm>
            ))}
        </>
      )}
    </section>
  );
}
