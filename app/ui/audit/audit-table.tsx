import { useTranslation } from "react-i18next";
import type { AuditField, AuditView } from "~/core/audit/present.server";

/** An event's details: a short definition list of labelled fields; a long value opens in full on demand. */
export function AuditFields({ fields }: { fields: readonly AuditField[] }) {
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-fields">
      {fields.map((f, i) => (
        <div key={i}>
          <dt>{f.label}</dt>
          <dd>
            {f.full ? (
              <details>
                <summary>{f.value}</summary>
                <span className="audit-full">{f.full}</span>
              </details>
            ) : (
              f.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The audit events as a table at office widths and as stacked cards on a phone: time, office,
 * person (display name, the username beside it), the event by its name (its code small) and the
 * details as fields. Nothing in it is wider than its column, so the page fits 1366 px.
 */
export function AuditTable({ rows, caption }: { rows: readonly AuditView[]; caption: string }) {
  const { t } = useTranslation("platform");
  const col = {
    at: t("audit.col.at"),
    office: t("audit.col.tenant"),
    person: t("audit.col.actor"),
    event: t("audit.actionFilter"),
    details: t("audit.col.data"),
  };
  return (
    <table className="table audit-table">
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col className="audit-col-at" />
        <col className="audit-col-office" />
        <col className="audit-col-person" />
        <col className="audit-col-event" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{col.at}</th>
          <th scope="col">{col.office}</th>
          <th scope="col">{col.person}</th>
          <th scope="col">{col.event}</th>
          <th scope="col">{col.details}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.key} className={e.outcome === "failure" ? "audit-failure" : undefined}>
            <td data-label={col.at}>
              <time dateTime={e.iso}>{e.at}</time>{" "}
              <span className="audit-small muted" title={t("audit.seqTitle")}>
                #{e.seq}
              </span>
            </td>
            <td data-label={col.office}>{e.office}</td>
            <td data-label={col.person}>
              <span title={e.person.username ?? undefined}>{e.person.name}</span>
              {e.person.username && e.person.username !== e.person.name && <span className="audit-small muted">{e.person.username}</span>}
              {e.person.system && <span className="audit-small muted">{t("audit.systemHint")}</span>}
            </td>
            <td data-label={col.event}>
              <span className="audit-event">{e.event.label}</span>
              {e.outcome === "failure" && <span className="badge outcome-failure">{e.failed}</span>}
              <code className="audit-small muted" title={t("audit.codeTitle")}>
                {e.event.code}
              </code>
            </td>
            <td data-label={col.details}>
              <AuditFields fields={e.fields} />
            </td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={5} className="muted">
              {t("audit.none")}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
