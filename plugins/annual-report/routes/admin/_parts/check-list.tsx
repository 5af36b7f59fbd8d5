import { useTranslation } from "react-i18next";
import type { Problem } from "../../../server/report/checks";

/** The checks' problems: errors (which block submission) and warnings, each rule in the reader's language with its cells named. */
export function CheckList({ problems, lang }: { problems: readonly Problem[]; lang: string }) {
  const { t } = useTranslation("annual-report");
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const list = (items: Problem[]) => (
    <ul>
      {items.map((p, i) => (
        <li key={i}>
          {t(`checks.${p.rule}`)}
          {p.left !== undefined && p.right !== undefined && ` (${p.left} ≠ ${p.right})`}
          <br />
          <span className="muted">{t("checks.cells")}：</span>
          <span lang={lang}>{p.cells.map((c) => (c.lastYear ? `${t("staff.lastYear")} ${c.name}` : c.name)).join("；")}</span>
        </li>
      ))}
    </ul>
  );
  if (problems.length === 0) return <p className="notice notice-success">{t("staff.checksPass")}</p>;
  return (
    <>
      {errors.length > 0 && (
        <div className="notice notice-error">
          <p>{t("checks.errors", { count: errors.length })}</p>
          {list(errors)}
        </div>
      )}
      {warnings.length > 0 && (
        <div className="notice notice-warning">
          <p>{t("checks.warnings", { count: warnings.length })}</p>
          {list(warnings)}
        </div>
      )}
    </>
  );
}
