import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { FilterBar, Pager, publicPage, SelectField, useLocale } from "../../../../app/plugin-api/ui";
import { listItems } from "../../server/items.server";
import { categoryPath, keysUnder, portalCatalogue, yearsIn } from "../../server/portal/catalogue.server";
import { absolute, organization, portalPath, type Head } from "../../server/portal/head";
import { listed, notFound, PAGE_SIZE, pageOf, portalOf } from "../../server/portal/page.server";
import { PublicFilters } from "../../server/portal/query";
import { parsePortalQuery } from "../../server/portal/query.server";
import { CatalogueTree } from "./_parts/catalogue-tree";
import { headTags } from "./_parts/head";
import { ItemTable } from "./_parts/item-table";

/** One catalogue category: its items and its subcategories' items, newest first, 20 a page, by year if asked. */
export const loader = pluginLoader(async (ctx, { request, params }) => {
  const url = new URL(request.url);
  const page = pageOf(url);
  const parsed = parsePortalQuery(PublicFilters.pick({ year: true }), url.searchParams);
  const year = parsed.ok ? parsed.data.year : undefined;
  const found = await ctx.withTenant(async (trx) => {
    const catalogue = await portalCatalogue(trx, ctx.tenant.id);
    const path = categoryPath(catalogue, params.key ?? "");
    if (!path) return null;
    const category = path.at(-1)!;
    const keys = keysUnder(category);
    const [list, years] = await Promise.all([
      listItems(trx, ctx.tenant.id, { categoryKeys: keys, year, status: "published" }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      yearsIn(trx, ctx.tenant.id, keys),
    ]);
    return { path, category, list, years };
  });
  if (!found) throw notFound();
  const { path, category, list, years } = found;
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const label = category.label[ctx.locale];
  const canonical = absolute(ctx, portalPath(code, `categories/${category.key}`), { year, page: page > 1 ? page : undefined });
  const head: Head = {
    title: `${label} · ${ctx.t("portal.home.title")} · ${office}`,
    canonical,
    description: ctx.t("portal.category.description", { category: label, office }),
    feeds: [{ href: absolute(ctx, portalPath(code, `feeds/${category.key}`)), title: ctx.t("portal.feeds.categoryTitle", { office, category: label }) }],
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: label,
      url: canonical,
      inLanguage: ctx.locale,
      isPartOf: { "@type": "CollectionPage", name: ctx.t("portal.home.title"), url: absolute(ctx, portalPath(code)) },
      publisher: organization(ctx.tenant, ctx.locale, absolute(ctx, `/t/${code}`)),
    },
  };
  return {
    portal: portalOf(ctx),
    category: { key: category.key, label: category.label, legalSource: category.legalSource, kind: category.kind, children: category.children },
    ancestors: path.slice(0, -1).map((c) => ({ key: c.key, label: c.label })),
    items: list.items.map(listed),
    total: list.total,
    page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    years,
    year: year ?? null,
    errors: parsed.ok ? {} : parsed.errors,
    head,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export const handle = publicPage<typeof loader>({
  breadcrumb: ({ data, locale, office }) => [
    ...data.ancestors.map((a) => ({ label: a.label[locale], to: `${office}/disclosure/categories/${a.key}` })),
    { label: data.category.label[locale] },
  ],
});

export default function CategoryPage() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { portal, category, items, total, page, pages, years, year, errors } = useLoaderData<typeof loader>();
  const base = `/t/${portal.code}/disclosure`;
  const label = category.label[locale];
  return (
    <>
      <h1>{label}</h1>
      {category.legalSource && <p className="muted">{t("portal.category.basis", { source: category.legalSource })}</p>}
      {category.kind === "guide" && (
        <p className="notice notice-info">
          <Link to={`${base}/guide`}>{t("portal.category.guideLink")}</Link>
        </p>
      )}

      {category.children.length > 0 && (
        <section aria-labelledby="category-children">
          <h2 id="category-children">{t("portal.category.subcategories")}</h2>
          <CatalogueTree code={portal.code} categories={category.children} />
        </section>
      )}

      <section aria-labelledby="category-items">
        <h2 id="category-items">{t("portal.category.items")}</h2>
        {years.length > 0 && (
          <FilterBar label={t("portal.category.items")} applyLabel={t("portal.category.filter")}>
            <SelectField
              name="year"
              idPrefix="category"
              label={t("portal.search.year")}
              defaultValue={year ?? ""}
              errors={errors}
              options={years.map((y) => ({ value: String(y), label: t("portal.search.yearOption", { year: y }) }))}
            >
              <option value="">{t("portal.search.anyYear")}</option>
            </SelectField>
          </FilterBar>
        )}
        {items.length === 0 ? (
          <p className="muted">{total === 0 && !year ? t("portal.category.empty") : t("portal.category.emptyPage")}</p>
        ) : (
          <ItemTable
            code={portal.code}
            items={items}
            caption={
              year
                ? t("portal.category.captionYear", { category: label, year, count: total, page, pages })
                : t("portal.category.caption", { category: label, count: total, page, pages })
            }
          />
        )}
        <Pager page={page} pages={pages} />
        <p className="no-print">
          <a href={`${base}/feeds/${category.key}`} type="application/atom+xml">
            {t("portal.category.feed")}
          </a>
        </p>
      </section>
    </>
  );
}
