import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaDate, chinaYear } from "../../../../app/plugin-api";
import { z } from "zod";
import { readFilters } from "../../../../app/plugin-api/loaders.server";
import { pluginLoader } from "../../server/loaders.server";
import { Chart, FilterBar, IgnoredFilters, SelectField, TableScroll, useLocale } from "../../../../app/plugin-api/ui";
import { elderModeOf, monthLabels, renderChart } from "../../../../app/plugin-api/charts.server";
import { TABLE_TWO_COLUMNS, TABLE_TWO_RULES, TABLE_TWO_SOURCE, TABLE_TWO_WITHDRAWN } from "../../law/table-two";
import { dashboard } from "../../server/staff/dashboard.server";
import { publicationMonths } from "../../server/figures-series.server";

/** 公开统计: counts by category, timeliness (with the year's months as charts drawn here, on the server) and the annual report's table 二 figures for one year. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const Filter = z.object({ year: z.coerce.number().int().min(1990).max(chinaYear()).optional() });
  const { data: filter, ignored } = readFilters(Filter, new URL(request.url).searchParams);
  const year = filter.year ?? chinaYear();
  // The year's months up to the current one: a month still to come has no figures, not zeros.
  const today = chinaDate();
  const lastMonth = year < chinaYear() ? 12 : Number(today.slice(5, 7));
  const months = Array.from({ length: lastMonth }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
  const [figures, monthly] = await ctx.withTenant(async (trx) => [await dashboard(ctx, trx, year), await publicationMonths(trx, ctx.calendar, [ctx.tenant.id], months, today)] as const);
  const cells = monthly.get(ctx.tenant.id) ?? [];
  const draw = { locale: ctx.locale, elder: elderModeOf(request), t: ctx.t };
  const labels = monthLabels(months, ctx.locale);
  const charts = [
    renderChart(
      {
        id: "published-by-month",
        title: ctx.t("staff.dashboard.publishedByMonth", { year }),
        kind: "bar",
        categoryLabel: ctx.t("staff.dashboard.month"),
        ...labels,
        series: [{ name: ctx.t("staff.dashboard.publishedSeries"), values: cells.map((c) => c.published) }],
        format: "count",
      },
      draw,
    ),
    renderChart(
      {
        id: "on-time-by-month",
        title: ctx.t("staff.dashboard.onTimeByMonth", { year }),
        description: ctx.t("staff.dashboard.onTimeByMonthAbout"),
        kind: "line",
        categoryLabel: ctx.t("staff.dashboard.month"),
        ...labels,
        series: [{ name: ctx.t("staff.dashboard.onTimeSeries"), values: cells.map((c) => (c.published ? Math.round((c.onTime / c.published) * 1000) / 10 : null)) }],
        format: "percent",
        better: "higher",
      },
      draw,
    ),
  ];
  return { base: `/t/${ctx.tenant.code}/admin/disclosure`, year, ignored, charts, ...figures };
});

export default function Dashboard() {
  const { t } = useTranslation("disclosure");
  const { base, year, ignored, years, categories, timeliness, tableTwo, charts } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff.dashboard.title")}</h1>
      <IgnoredFilters ignored={ignored} labels={{ year: t("staff.dashboard.year") }} />
      <FilterBar label={t("staff.dashboard.filters")} applyLabel={t("staff.dashboard.show")}>
        <SelectField name="year" label={t("staff.dashboard.year")} defaultValue={String(year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </FilterBar>

      <section aria-labelledby="dash-timeliness">
        <h2 id="dash-timeliness">{t("staff.dashboard.timelinessTitle", { year })}</h2>
        <p>{t("staff.dashboard.timelinessSummary", { count: timeliness.published, onTime: timeliness.onTime, late: timeliness.late.length })}</p>
        {timeliness.published > 0 && (
          <div className="charts">
            {charts.map((c) => (
              <Chart key={c.id} chart={c} />
            ))}
          </div>
        )}
        {timeliness.late.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption>{t("staff.dashboard.lateCaption", { count: timeliness.late.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("meta.title")}</th>
                  <th scope="col">{t("meta.formedOn")}</th>
                  <th scope="col">{t("staff.dashboard.dueOn")}</th>
                  <th scope="col">{t("meta.publishedOn")}</th>
                  <th scope="col" className="num">
                    {t("staff.dashboard.daysLate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {timeliness.late.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`${base}/items/${i.id}`}>{i.title}</Link>
                    </th>
                    <td>{i.formedOn}</td>
                    <td>{i.dueOn}</td>
                    <td>{i.publishedOn}</td>
                    <td className="num">{i.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="dash-table-two">
        <h2 id="dash-table-two">{t("staff.dashboard.tableTwoTitle", { year })}</h2>
        <p className="hint">{t("staff.dashboard.tableTwoHint")}</p>
        <ul className="hint">
          {TABLE_TWO_COLUMNS.map((c) => (
            <li key={c}>{TABLE_TWO_RULES[c][locale]}</li>
          ))}
          <li>{TABLE_TWO_WITHDRAWN[locale]}</li>
        </ul>
        <TableScroll labelledBy="dash-table-two-caption">
          <table className="table">
            <caption id="dash-table-two-caption">{t("staff.dashboard.tableTwoCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.dashboard.content")}</th>
                <th scope="col" className="num">
                  {t("staff.dashboard.issued")}
                </th>
                <th scope="col" className="num">
                  {t("staff.dashboard.repealed")}
                </th>
                <th scope="col" className="num">
                  {t("staff.dashboard.valid")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tableTwo.map((r) => (
                <tr key={r.kind}>
                  <th scope="row">{t(r.kind === "rule" ? "staff.dashboard.rules" : "staff.dashboard.normative")}</th>
                  {r.values.map((v, i) => (
                    <td key={i} className="num">
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="hint">{TABLE_TWO_SOURCE[locale]}</p>
      </section>

      <section aria-labelledby="dash-categories">
        <h2 id="dash-categories">{t("staff.dashboard.categoriesTitle")}</h2>
        <div className="table-scroll">
          <table className="table">
            <caption>{t("staff.dashboard.categoriesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meta.category")}</th>
                <th scope="col" className="num">
                  {t("staff.dashboard.inYear", { year })}
                </th>
                <th scope="col" className="num">
                  {t("staff.dashboard.allYears")}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.rows.map((c) => (
                <tr key={c.key}>
                  <th scope="row">
                    {"\u3000".repeat(c.depth)}
                    {c.label}
                  </th>
                  <td className="num">{c.year}</td>
                  <td className="num">{c.all}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("staff.dashboard.total")}</th>
                <td className="num">{categories.total.year}</td>
                <td className="num">{categories.total.all}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="hint">{t("staff.dashboard.categoriesHint")}</p>
      </section>
    </>
  );
}
