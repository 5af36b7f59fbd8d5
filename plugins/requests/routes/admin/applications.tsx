import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { FilterBar, IgnoredFilters, SelectField, TextField, useLocale } from "../../../../app/plugin-api/ui";
import { applicantLabel, replyTypeLabel } from "../../law/labels";
import { readFilter } from "../../server/staff/list-filter.server";
import { applicationList, LIST_STATUSES, URGENCIES } from "../../server/staff/list.server";
import { Urgency } from "./_parts/urgency";

/** The office's applications for information: the most pressing first, with due dates and what is overdue. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const { filter, ignored } = readFilter(new URL(request.url));
  const list = await ctx.withTenant((trx) => applicationList(ctx, trx, filter));
  return {
    base: `/t/${ctx.tenant.code}/admin/requests`,
    filter,
    ignored,
    canRegister: ctx.mode === "member" && ctx.can("requests.applications.handle"),
    statuses: LIST_STATUSES,
    urgencies: URGENCIES,
    ...list,
  };
});

export default function Applications() {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const { base, filter, ignored, canRegister, statuses, urgencies, rows, total, pages, page, counts } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page: n })) if (v !== undefined && v !== "") q.set(k, String(v));
    return `?${q}`;
  };
  return (
    <>
      <h1>{t("staff.list.title")}</h1>
      {canRegister && (
        <p className="actions">
          <Link className="button primary" to={`${base}/register`}>
            {t("nav.register")}
          </Link>
        </p>
      )}
      {(counts.overdue > 0 || counts.dueSoon > 0 || counts.unconfirmed > 0) && (
        <p className={counts.overdue ? "notice notice-error" : "notice notice-info"} role="status">
          {[
            counts.overdue > 0 && (
              <Link key="overdue" to="?urgency=overdue">
                {t("staff.list.overdueCount", { count: counts.overdue })}
              </Link>
            ),
            counts.dueSoon > 0 && (
              <Link key="dueSoon" to="?urgency=due_soon">
                {t("staff.list.dueSoonCount", { count: counts.dueSoon })}
              </Link>
            ),
            counts.unconfirmed > 0 && (
              <Link key="unconfirmed" to="?status=unconfirmed">
                {t("staff.list.unconfirmedCount", { count: counts.unconfirmed })}
              </Link>
            ),
          ]
            .filter(Boolean)
            .flatMap((link, i) => (i === 0 ? [link] : [<span key={i}> · </span>, link]))}
        </p>
      )}
      <IgnoredFilters ignored={ignored} labels={{ status: t("staff.list.status"), urgency: t("staff.list.urgency"), year: t("staff.list.year"), q: t("staff.list.q") }} />
      <FilterBar label={t("staff.list.filters")} applyLabel={t("staff.list.filter")}>
        <SelectField
          name="status"
          label={t("staff.list.status")}
          defaultValue={filter.status ?? ""}
          options={[{ value: "", label: t("staff.list.all") }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <SelectField
          name="urgency"
          label={t("staff.list.urgency")}
          defaultValue={filter.urgency ?? ""}
          options={[{ value: "", label: t("staff.list.all") }, ...urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))]}
        />
        <TextField name="year" label={t("staff.list.year")} inputMode="numeric" pattern="\d{4}" size={6} defaultValue={filter.year ?? ""} />
        <TextField name="q" type="search" label={t("staff.list.q")} maxLength={100} defaultValue={filter.q ?? ""} />
      </FilterBar>
      {rows.length === 0 ? (
        <p className="muted">{t("staff.list.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("staff.list.caption", { count: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.trackingNo")}</th>
                <th scope="col">{t("fields.subject")}</th>
                <th scope="col">{t("fields.applicant")}</th>
                <th scope="col">{t("fields.receivedOn")}</th>
                <th scope="col">{t("fields.dueDate")}</th>
                <th scope="col">{t("staff.list.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.urgency === "overdue" ? "row-overdue" : r.urgency === "due_soon" ? "row-due-soon" : undefined}>
                  <td>
                    <Link to={`${base}/applications/${r.id}`}>{r.trackingNo}</Link>
                  </td>
                  <th scope="row">{r.subject}</th>
                  <td>
                    {r.applicant}
                    <span className="badge">{applicantLabel(r.applicantType, locale)}</span>
                  </td>
                  {/* Dates in .num keep 2026-10-13 on one line. */}
                  <td>{r.receivedOn ? <span className="num">{r.receivedOn}</span> : <span className="muted">{t("staff.list.notConfirmed")}</span>}</td>
                  <td>
                    {r.status === "closed" ? <span className="muted">—</span> : r.paused ? t("staff.list.paused") : <span className="num">{r.dueDate ?? ""}</span>}
                    <Urgency urgency={r.urgency} leftDays={r.leftDays} overdueDays={r.overdueDays} />
                  </td>
                  <td>
                    {t(`status.${r.status}`)}
                    {r.replyType && <span className="badge">{replyTypeLabel(r.replyType, locale)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("staff.list.pages")}>
          <p className="actions">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) =>
              n === page ? (
                <span key={n} aria-current="page">
                  {n}
                </span>
              ) : (
                <Link key={n} to={pageLink(n)}>
                  {n}
                </Link>
              ),
            )}
          </p>
        </nav>
      )}
    </>
  );
}
