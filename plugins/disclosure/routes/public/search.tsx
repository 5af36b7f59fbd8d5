import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { Pager, SelectField, TextField, useLocale } from "../../../../app/plugin-api/ui";
import { catalogueTree, flatten, subtreeKeys } from "../../server/catalogue.server";
import { VALIDITY } from "../../server/item-schema";
import { issuersOf, yearsOf } from "../../server/items.server";
import { findItems, HIT_CAP } from "../../server/portal/find.server";
import { absolute, portalPath, type Head } from "../../server/portal/head";
import { listed, PAGE_SIZE, pageOf, portalOf } from "../../server/portal/page.server";
import { hasFilters, PublicFilters, type QueryErrors } from "../../server/portal/query";
import { parsePortalQuery } from "../../server/portal/query.server";
import { headTags } from "./_parts/head";
import { ItemTable } from "./_parts/item-table";
import { Marked } from "./_parts/marked";

const FIELDS = ["q", "year", "category", "issuer", "docNumber", "validity"] as const;

/** 信息检索: words through the search index (CJK bigrams, so two characters find), narrowed by year, category, issuer, 文号 and validity. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const url = new URL(request.url);
  const page = pageOf(url);
  const values = Object.fromEntries(FIELDS.map((f) => [f, url.searchParams.get(f) ?? ""])) as Record<(typeof FIELDS)[number], string>;
  const parsed = parsePortalQuery(PublicFilters, url.searchParams);
  const { tree, issuers, years, result, errors } = await ctx.withTenant(async (trx) => {
    const [tree, issuers, years] = await Promise.all([catalogueTree(trx, ctx.tenant.id), issuersOf(trx, ctx.tenant.id), yearsOf(trx, ctx.tenant.id)]);
    if (!parsed.ok) return { tree, issuers, years, result: null, errors: parsed.errors };
    const { q, category, ...rest } = parsed.data;
    const categoryKeys = category ? subtreeKeys(tree, category) : undefined;
    if (categoryKeys?.length === 0) return { tree, issuers, years, result: null, errors: { category: ["disclosure:portal.errors.category"] } as QueryErrors };
    if (rest.issuer && !issuers.includes(rest.issuer)) return { tree, issuers, years, result: null, errors: { issuer: ["disclosure:portal.errors.issuerUnknown"] } as QueryErrors };
    const result = await findItems(ctx.search, trx, ctx.tenant.id, q, { ...rest, categoryKeys }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return { tree, issuers, years, result, errors: {} as QueryErrors };
  });

  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const q = parsed.ok ? parsed.data.q : undefined;
  const canonical = absolute(ctx, portalPath(code, "search"), { ...(parsed.ok ? parsed.data : {}), page: page > 1 ? page : undefined });
  const title = q ? `${ctx.t("portal.search.resultsFor", { q })} · ${office}` : `${ctx.t("portal.search.title")} · ${office}`;
  const head: Head = {
    title,
    canonical,
    noindex: Boolean(q) || (parsed.ok && hasFilters(parsed.data)),
    jsonLd: { "@context": "https://schema.org", "@type": "SearchResultsPage", name: title, url: canonical, inLanguage: ctx.locale },
  };
  return {
    portal: portalOf(ctx),
    values,
    errors,
    options: {
      years,
      issuers,
      categories: flatten(tree).map(({ category, depth }) => ({ key: category.key, label: category.label, depth })),
    },
    withQuery: Boolean(q),
    asked: Object.values(values).some((v) => v.trim() !== ""),
    results: result
      ? result.found.map((f) => ({ ...listed(f.item), titleSegments: f.titleSegments ?? null, snippet: f.snippet ?? null }))
      : [],
    total: result?.total ?? 0,
    capped: result?.capped ?? false,
    hitCap: HIT_CAP,
    page,
    pageSize: PAGE_SIZE,
    pages: Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE)),
    head,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export default function Search() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { portal, values, errors, options, withQuery, asked, results, total, capped, hitCap, page, pages, pageSize } = useLoaderData<typeof loader>();
  const base = `/t/${portal.code}/disclosure`;
  const invalid = Object.keys(errors).length > 0;
  return (
    <>
      <h1>{t("portal.search.title")}</h1>
      <Form method="get" role="search" aria-label={t("portal.search.title")} className="stack">
        <TextField name="q" type="search" label={t("portal.search.q")} defaultValue={values.q} maxLength={100} errors={errors} hint={t("portal.search.hint")} />
        <fieldset className="checks">
          <legend>{t("portal.search.filters")}</legend>
          <div className="filters">
            <SelectField
              name="year"
              label={t("portal.search.year")}
              defaultValue={values.year}
              errors={errors}
              options={[{ value: "", label: t("portal.search.anyYear") }, ...options.years.map((y) => ({ value: String(y), label: t("portal.search.yearOption", { year: y }) }))]}
            />
            <SelectField
              name="category"
              label={t("meta.category")}
              defaultValue={values.category}
              errors={errors}
              options={[
                { value: "", label: t("portal.search.anyCategory") },
                ...options.categories.map((c) => ({ value: c.key, label: `${"\u3000".repeat(c.depth)}${c.label[locale]}` })),
              ]}
            />
            <SelectField
              name="issuer"
              label={t("meta.issuer")}
              defaultValue={values.issuer}
              errors={errors}
              options={[{ value: "", label: t("portal.search.anyIssuer") }, ...options.issuers.map((i) => ({ value: i, label: i }))]}
            />
            <TextField name="docNumber" label={t("meta.docNumber")} defaultValue={values.docNumber} maxLength={100} errors={errors} />
            <SelectField
              name="validity"
              label={t("meta.validity")}
              defaultValue={values.validity}
              errors={errors}
              options={[{ value: "", label: t("portal.search.anyValidity") }, ...VALIDITY.map((v) => ({ value: v, label: t(`validity.${v}`) }))]}
            />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button primary">
            {t("portal.search.submit")}
          </button>
          <Link to={`${base}/search`}>{t("portal.search.reset")}</Link>
        </div>
      </Form>

      <section aria-labelledby="search-results">
        <h2 id="search-results">{asked ? t("portal.search.results") : t("portal.search.allItems")}</h2>
        {invalid ? (
          <p className="notice notice-error">{t("portal.search.fixErrors")}</p>
        ) : total === 0 ? (
          <NoResults asked={asked} base={base} />
        ) : (
          <>
            <p>{t("portal.search.count", { count: total })}</p>
            {capped && <p className="notice notice-info">{t("portal.search.capped", { max: hitCap })}</p>}
            {results.length === 0 ? (
              <p className="muted">{t("portal.category.emptyPage")}</p>
            ) : withQuery ? (
              <ol className="stack" start={(page - 1) * pageSize + 1}>
                {results.map((r) => (
                  <li key={r.id}>
                    <h3>
                      <Link to={`${base}/items/${r.id}`}>{r.titleSegments ? <Marked segments={r.titleSegments} /> : r.title}</Link>
                    </h3>
                    <p className="muted">
                      {(
                        [
                          ["meta.indexNumber", r.indexNumber],
                          ["meta.issuer", r.issuer],
                          ["meta.docNumber", r.docNumber],
                          ["meta.publishedOn", r.publishedOn],
                        ] as const
                      )
                        .filter(([, value]) => value)
                        .map(([label, value]) => t("portal.search.pair", { label: t(label), value }))
                        .join(t("portal.search.separator"))}
                    </p>
                    {r.snippet && r.snippet.length > 0 && (
                      <p>
                        <Marked segments={r.snippet} />
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            ) : (
              <ItemTable code={portal.code} items={results} caption={t("portal.search.caption", { count: total, page, pages })} />
            )}
            <Pager page={page} pages={pages} />
          </>
        )}
      </section>
    </>
  );
}

function NoResults({ asked, base }: { asked: boolean; base: string }) {
  const { t } = useTranslation("disclosure");
  if (!asked) return <p className="muted">{t("portal.home.noItems")}</p>;
  return (
    <div>
      <p>{t("portal.search.none")}</p>
      <ul>
        <li>{t("portal.search.tipWords")}</li>
        <li>{t("portal.search.tipFilters")}</li>
        <li>
          {t("portal.search.tipCatalogue")} <Link to={base}>{t("portal.nav.home")}</Link>
        </li>
        <li>
          {t("portal.search.tipRequest")} <Link to={`${base}/guide#apply`}>{t("portal.search.tipRequestLink")}</Link>
        </li>
      </ul>
    </div>
  );
}
