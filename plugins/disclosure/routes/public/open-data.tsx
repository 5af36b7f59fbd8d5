import type { MetaFunction, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { useLocale } from "../../../../app/plugin-api/ui";
import { catalogueTree, flatten } from "../../server/catalogue.server";
import { listItems } from "../../server/items.server";
import { absolute, apiPath, organization, originOf, portalPath, type Head } from "../../server/portal/head";
import { itemSummaryJson } from "../../server/portal/item-json";
import { API_FIELDS, COLUMNS } from "../../server/open-data/columns";
import { DATASET_FORMATS, listDatasets } from "../../server/open-data/datasets.server";
import { chinaDateTime } from "../../server/open-data/format";
import { humanSize } from "../../../../app/plugin-api/files.server";
import { CSV_MAX_ROWS } from "../../server/portal/open-data.server";
import { portalOf } from "../../server/portal/page.server";
import { MAX_PAGE_SIZE } from "../../server/portal/query";
import { headTags } from "./_parts/head";

const PARAMETERS = ["page", "pageSize", "q", "year", "category", "issuer", "docNumber", "validity"] as const;

/**
 * 开放数据: datasets to download, per catalogue category and year, as CSV and XLSX with their real
 * size, update time and the description of their columns; then the interfaces, their parameters
 * and fields, the category codes and a real example, for developers and researchers.
 */
export const loader = pluginLoader(async (ctx) => {
  const { tree, latest } = await ctx.withTenant(async (trx) => ({
    tree: await catalogueTree(trx, ctx.tenant.id),
    latest: (await listItems(trx, ctx.tenant.id, { status: "published" }, { limit: 1, offset: 0 })).items[0] ?? null,
  }));
  const origin = originOf(ctx);
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const canonical = absolute(ctx, portalPath(code, "open-data"));
  const categories = flatten(tree).map(({ category, depth }) => ({ key: category.key, label: category.label, depth }));
  const labelOf = new Map(categories.map((c) => [c.key, c.label[ctx.locale]]));
  const datasets = (await listDatasets(ctx, tree)).map((d) => ({
    categoryKey: d.categoryKey,
    category: labelOf.get(d.categoryKey) ?? d.categoryKey,
    year: d.year,
    records: d.records,
    updatedAt: d.updatedAt.toISOString(),
    updated: chinaDateTime(d.updatedAt),
    files: DATASET_FORMATS.map((format) => ({
      format,
      url: origin + apiPath(code, `datasets/${d.categoryKey}/${d.year}.${format}`),
      bytes: d.sizes[format],
      size: humanSize(d.sizes[format], ctx.locale),
    })),
  }));
  const endpoints = {
    list: origin + apiPath(code, "items"),
    item: `${origin}${apiPath(code, "items")}/{id}`,
    csv: origin + apiPath(code, "items.csv"),
    feed: `${origin}${portalPath(code, "feeds")}/{key}`,
  };
  const exampleQuery = `${endpoints.list}?year=${latest ? latest.publishedOn.slice(0, 4) : new Date().getFullYear()}&pageSize=5`;
  const head: Head = {
    title: `${ctx.t("portal.openData.title")} · ${office}`,
    canonical,
    description: ctx.t("portal.openData.intro", { office }),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Dataset",
      name: ctx.t("portal.openData.datasetName", { office }),
      description: ctx.t("portal.openData.intro", { office }),
      url: canonical,
      inLanguage: "zh-CN",
      isAccessibleForFree: true,
      publisher: organization(ctx.tenant, ctx.locale, absolute(ctx, `/t/${code}`)),
      distribution: [
        { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: endpoints.list },
        { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: endpoints.csv },
        { "@type": "DataDownload", encodingFormat: "application/atom+xml", contentUrl: origin + portalPath(code, "feeds/all") },
      ],
    },
  };
  return {
    portal: portalOf(ctx),
    endpoints,
    exampleQuery,
    example: latest ? JSON.stringify(itemSummaryJson(latest, origin, code, flatten(tree).find((e) => e.category.key === latest.categoryKey)?.category.label["zh-CN"] ?? null), null, 2) : null,
    errorExample: JSON.stringify({ error: { code: "invalid_parameter", message: ctx.t("portal.errors.pageSize"), parameter: "pageSize" } }, null, 2),
    categories,
    datasets,
    limits: { pageSize: MAX_PAGE_SIZE, csv: CSV_MAX_ROWS },
    head,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

function Table({ caption, columns, rows, className }: { caption: string; columns: string[]; rows: ReactNode[][]; className?: string }) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className ? `table ${className}` : "table"}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([first, ...rest], i) => (
            <tr key={i}>
              <th scope="row">{first}</th>
              {rest.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Datasets = SerializeFrom<typeof loader>["datasets"];

/** The datasets, one row group per category (its name spanning its years), newest year first. */
function DatasetTable({ datasets }: { datasets: Datasets }) {
  const { t } = useTranslation("disclosure");
  const captionId = useId();
  const o = "portal.openData.datasets";
  const groups: Datasets[] = [];
  for (const d of datasets) {
    const last = groups.at(-1);
    if (last && last[0]!.categoryKey === d.categoryKey) last.push(d);
    else groups.push([d]);
  }
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table dataset-table">
        <caption id={captionId}>{t(`${o}.caption`, { count: datasets.length })}</caption>
        <thead>
          <tr>
            {["category", "year", "download", "records", "updated"].map((c) => (
              <th key={c} scope="col">
                {t(`${o}.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((sets) => (
          <tbody key={sets[0]!.categoryKey}>
            {sets.map((d, i) => (
              <tr key={d.year}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={sets.length}>
                    {d.category}
                  </th>
                ) : null}
                <th scope="row">{t(`${o}.yearValue`, { year: d.year })}</th>
                <td>
                  <ul className="dataset-files">
                    {d.files.map((f) => (
                      <li key={f.format}>
                        <a href={f.url} download data-bytes={f.bytes}>
                          {f.format.toUpperCase()}
                          <span className="visually-hidden">{t(`${o}.fileOf`, { category: d.category, year: d.year })}</span>
                        </a>{" "}
                        <span className="muted">{f.size}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num">{d.records}</td>
                <td>
                  <time dateTime={d.updatedAt}>{d.updated}</time>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export default function OpenData() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { portal, endpoints, exampleQuery, example, errorExample, categories, datasets, limits } = useLoaderData<typeof loader>();
  const o = "portal.openData";
  return (
    <>
      <h1>{t(`${o}.title`)}</h1>
      <p className="lead">{t(`${o}.intro`, { office: portal.name[locale] })}</p>
      <p>{t(`${o}.terms`)}</p>

      <section aria-labelledby="od-datasets">
        <h2 id="od-datasets">{t(`${o}.datasets.title`)}</h2>
        <p>{t(`${o}.datasets.intro`)}</p>
        {datasets.length ? (
          <DatasetTable datasets={datasets} />
        ) : (
          <p className="muted">{t(`${o}.datasets.none`)}</p>
        )}
      </section>

      <section aria-labelledby="od-columns">
        <h2 id="od-columns">{t(`${o}.datasets.fieldsTitle`)}</h2>
        <p>{t(`${o}.datasets.fieldsIntro`)}</p>
        <Table
          caption={t(`${o}.datasets.fieldsCaption`)}
          className="dataset-columns"
          columns={[t(`${o}.datasets.columnName`), t(`${o}.datasets.columnField`), t(`${o}.datasets.columnType`), t(`${o}.datasets.columnMeaning`)]}
          rows={COLUMNS.map((c) => [
            <span key="n">
              <span lang="zh-CN">{c.header}</span>
              {t(c.label) !== c.header ? <span className="muted">{t(`${o}.datasets.alsoCalled`, { name: t(c.label) })}</span> : null}
            </span>,
            <code key="f">{c.field}</code>,
            t(`${o}.types.${c.type}`),
            t(c.description ?? `${o}.fields.${c.field}`),
          ])}
        />
      </section>

      <section aria-labelledby="od-endpoints">
        <h2 id="od-endpoints">{t(`${o}.endpoints.title`)}</h2>
        <Table
          caption={t(`${o}.endpoints.caption`)}
          columns={[t(`${o}.endpoints.address`), t(`${o}.endpoints.format`), t(`${o}.endpoints.content`)]}
          rows={[
            [<code key="a">GET {endpoints.list}</code>, "JSON", t(`${o}.endpoints.list`, { max: limits.pageSize })],
            [<code key="a">GET {endpoints.item}</code>, "JSON", t(`${o}.endpoints.item`)],
            [<code key="a">GET {endpoints.csv}</code>, t(`${o}.endpoints.csvFormat`), t(`${o}.endpoints.csv`, { max: limits.csv })],
            [<code key="a">GET {endpoints.feed}</code>, "Atom", t(`${o}.endpoints.feed`)],
          ]}
        />
      </section>

      <section aria-labelledby="od-parameters">
        <h2 id="od-parameters">{t(`${o}.parameters.title`)}</h2>
        <p>{t(`${o}.parameters.intro`)}</p>
        <Table
          caption={t(`${o}.parameters.caption`)}
          columns={[t(`${o}.parameters.name`), t(`${o}.parameters.meaning`), t(`${o}.parameters.example`)]}
          rows={PARAMETERS.map((p) => [<code key="p">{p}</code>, t(`${o}.parameters.${p}`, { max: limits.pageSize }), <code key="e">{t(`${o}.parameters.examples.${p}`)}</code>])}
        />
      </section>

      <section aria-labelledby="od-fields">
        <h2 id="od-fields">{t(`${o}.fieldList.title`)}</h2>
        <p>{t(`${o}.fieldList.intro`)}</p>
        <Table
          caption={t(`${o}.fieldList.caption`)}
          columns={[t(`${o}.fieldList.name`), t(`${o}.fieldList.type`), t(`${o}.fieldList.meaning`)]}
          rows={API_FIELDS.map((f) => [<code key="f">{f.key}</code>, t(`${o}.types.${f.type}`), t(`${o}.fields.${f.key}`)])}
        />
      </section>

      <section aria-labelledby="od-categories">
        <h2 id="od-categories">{t(`${o}.categories.title`)}</h2>
        <details>
          <summary>{t(`${o}.categories.show`, { count: categories.length })}</summary>
          <Table
            caption={t(`${o}.categories.caption`)}
            columns={[t(`${o}.categories.key`), t("meta.category")]}
            rows={categories.map((c) => [<code key="k">{c.key}</code>, `${"\u3000".repeat(c.depth)}${c.label[locale]}`])}
          />
        </details>
      </section>

      <section aria-labelledby="od-errors">
        <h2 id="od-errors">{t(`${o}.errors.title`)}</h2>
        <p>{t(`${o}.errors.body`)}</p>
        <pre className="panel open-data-code">
          <code>{errorExample}</code>
        </pre>
      </section>

      <section aria-labelledby="od-example">
        <h2 id="od-example">{t(`${o}.example.title`)}</h2>
        <p className="open-data-address">
          {t(`${o}.example.request`)} <a href={exampleQuery}>{exampleQuery}</a>
        </p>
        {example ? (
          <>
            <p>{t(`${o}.example.response`)}</p>
            <pre className="panel open-data-code" tabIndex={0} role="region" aria-label={t(`${o}.example.response`)}>
              <code>{example}</code>
            </pre>
          </>
        ) : (
          <p className="muted">{t("portal.home.noItems")}</p>
        )}
      </section>
    </>
  );
}
