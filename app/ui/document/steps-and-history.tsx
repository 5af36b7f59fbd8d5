import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import { useRoleLabel } from "~/ui/role-label";
import { TableScroll } from "~/ui/table-scroll";

/** The chain with where the document stands, then every decision taken on it. */
export function StepsAndHistory({ steps, decisions }: Pick<DocumentView, "steps" | "decisions">) {
  const { t, i18n } = useTranslation();
  const roleLabel = useRoleLabel();
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="document-steps">
      <h2 id="document-steps">{t("documents.steps")}</h2>
      <ol className="steps">
        {steps.map((s) => (
          <li key={s.key} className={`step step-${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
            {t(s.label, { defaultValue: s.label })} <span className="muted">({roleLabel(s.role)})</span> —{" "}
            <strong>{t(`documents.stepState.${s.state}`)}</strong>
          </li>
        ))}
      </ol>
      <h2 id="document-history">{t("documents.history")}</h2>
      {decisions.length === 0 ? (
        <p className="muted">{t("documents.noDecisions")}</p>
      ) : (
        // On a phone the record scrolls sideways in its own region rather than squeezing its columns.
        <TableScroll labelledBy="document-history">
        <table className="table history-table" aria-labelledby="document-history">
          <thead>
            <tr>
              <th scope="col">{t("documents.when")}</th>
              <th scope="col">{t("documents.who")}</th>
              <th scope="col">{t("documents.what")}</th>
              <th scope="col">{t("documents.comment")}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.seq}>
                <td>
                  <time dateTime={d.at}>{date.format(new Date(d.at))}</time>
                </td>
                <td>{d.actor}</td>
                <td>
                  {t(`workflow.actions.${d.action}`)}
                  {d.step && ` · ${t(d.step, { defaultValue: d.step })}`}
                  {d.assignee && ` → ${d.assignee}`}
                </td>
                <td>{d.comment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}
