import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../../../app/plugin-api/ui";
import { ReportTableView } from "../_parts/report-table";
import { consolidationView, type Contributes } from "./_parts/consolidation.server";
import { pluginLoader, staffBase, yearParam } from "./_parts/routes.server";

/** The city's consolidation of a year: each office under it with its report's status, and tables 二, 三 and 四 summed over them. */
export const loader = pluginLoader(async (ctx, { params, request }) => {
  const year = yearParam(params);
  const view = await consolidationView(ctx, year, new URL(request.url).searchParams.get("cell"));
  return {
    view,
    yearsPage: staffBase(ctx.tenant.code),
    base: `${staffBase(ctx.tenant.code)}/consolidation`,
    lang: ctx.locale === "zh-TW" ? "zh-TW" : "zh-CN",
    glosses: ctx.locale === "en",
  };
});

function ContributesText({ contributes }: { contributes: Contributes }) {
  const { t } = useTranslation("annual-report");
  return <>{contributes.kind === "published" ? t("consolidation.fromPublished", { n: contributes.version }) : t("consolidation.fromLive", { count: contributes.manualCells })}</>;
}

const shown = (value: number | null, decimals: number) => (value === null ? "—" : value.toFixed(decimals));

export default function Consolidation() {
  const { t } = useTranslation("annual-report");
  const { view, yearsPage, base, lang, glosses } = useLoaderData<typeof loader>();
  const { year, offices, tables, drill } = view;
  return (
    <>
      <p>
        <Link to={yearsPage}>{t("staff.back")}</Link>
      </p>
      <h1>{t("consolidation.title", { year })}</h1>
      <p className="lead">{t("consolidation.lead")}</p>
      <p>
        <Link to={`${base}/${year - 1}`}>{t("consolidation.yearBefore", { year: year - 1 })}</Link> ·{" "}
        <Link to={`${base}/${year + 1}`}>{t("consolidation.yearAfter", { year: year + 1 })}</Link>
      </p>

      <TableScroll labelledBy="offices-caption">
        <table className="table">
          <caption id="offices-caption">{t("consolidation.offices", { count: offices.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("consolidation.office")}</th>
              <th scope="col">{t("staff.index.status")}</th>
              <th scope="col">{t("consolidation.publishedOn")}</th>
              <th scope="col">{t("staff.index.indexNumber")}</th>
              <th scope="col">{t("consolidation.version")}</th>
              <th scope="col">{t("consolidation.contributes")}</th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.code}>
                <th scope="row">
                  <Link to={o.href}>{o.name}</Link>
                  {o.own && <span className="muted"> {t("consolidation.own")}</span>}
                </th>
                <td>
                  <span className={`badge status-${o.status.state}`}>{t(`status.${o.status.state}`)}</span>
                  {o.status.publishedLate && ` ${t("staff.index.publishedLate")}`}
                </td>
                <td>{o.status.publishedOn ?? "—"}</td>
                <td>{o.status.indexNumber ?? "—"}</td>
                <td>{o.status.version > 0 ? t("staff.year.version", { n: o.status.version }) : "—"}</td>
                <td>
                  <ContributesText contributes={o.contributes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="sums">
        <h2 id="sums">{t("consolidation.tables")}</h2>
        <p className="hint">{t("consolidation.tablesHint")}</p>
        {drill && (
          <section id="drill" aria-labelledby="drill-title" className="notice notice-info">
            <h3 id="drill-title">
              {t("consolidation.drill")} <span lang={lang}>{drill.name}</span>
            </h3>
            <TableScroll labelledBy="drill-caption">
              <table className="table">
                <caption id="drill-caption" className="visually-hidden">
                  {drill.name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("consolidation.office")}</th>
                    <th scope="col" className="num">
                      {t("consolidation.value")}
                    </th>
                    <th scope="col">{t("consolidation.contributes")}</th>
                  </tr>
                </thead>
                <tbody>
                  {drill.offices.map((o) => (
                    <tr key={o.code}>
                      <th scope="row">{o.name}</th>
                      <td className="num">{o.value === null ? t("consolidation.noValue") : shown(o.value, drill.decimals)}</td>
                      <td>
                        <ContributesText contributes={o.contributes} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("consolidation.total")}</th>
                    <td className="num">{shown(drill.total, drill.decimals)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
            <p>
              <Link to={`${base}/${year}`}>{t("consolidation.closeDrill")}</Link>
            </p>
          </section>
        )}
        <div className="report" lang={lang}>
          {tables.map((table) => (
            <ReportTableView
              key={table.key}
              table={table}
              id={`sum-${table.key}`}
              lang={lang}
              glosses={glosses}
              showManual={false}
              cellHref={(key) => `?cell=${encodeURIComponent(key)}#drill`}
            />
          ))}
        </div>
      </section>
    </>
  );
}
