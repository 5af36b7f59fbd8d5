import { useTranslation } from "react-i18next";

export interface ShownFinding {
  kind: string;
  where: { field: "title" | "summary" | "body" } | { field: "attachment"; name: string };
  before: string;
  match: string;
  after: string;
}

/** What the automatic check found in the draft, with a little of the text around each finding. */
export function DraftFindings({ findings, held }: { findings: ShownFinding[]; held: boolean }) {
  const { t } = useTranslation("disclosure");
  if (!findings.length) return null;
  return (
    <section aria-labelledby="draft-findings" className="panel">
      <h2 id="draft-findings">{t("staff.findings.title")}</h2>
      {held && (
        <p className="notice notice-info" role="status">
          {t("staff.findings.held")}
        </p>
      )}
      <p className="hint">{t("staff.findings.intro")}</p>
      <div className="table-scroll">
        <table className="table">
          <caption>{t("staff.findings.caption", { count: findings.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.findings.kind")}</th>
              <th scope="col">{t("staff.findings.where")}</th>
              <th scope="col">{t("staff.findings.text")}</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f, i) => (
              <tr key={i}>
                <th scope="row">{t(`staff.findings.kinds.${f.kind}`)}</th>
                <td>{f.where.field === "attachment" ? t("staff.findings.inAttachment", { name: f.where.name }) : t(`staff.findings.in.${f.where.field}`)}</td>
                <td>
                  …{f.before}
                  <mark>{f.match}</mark>
                  {f.after}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
