import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { TextField, useLocale } from "../../../../app/plugin-api/ui";
import { listItems } from "../../server/items.server";
import { portalCatalogue } from "../../server/portal/catalogue.server";
import { absolute, organization, portalPath, type Head } from "../../server/portal/head";
import { listed, portalOf } from "../../server/portal/page.server";
import { CatalogueTree } from "./_parts/catalogue-tree";
import { headTags } from "./_parts/head";
import { ItemTable } from "./_parts/item-table";

const LATEST = 10;

/** The office's 政府信息公开专栏: search, the latest items, the catalogue with counts, the guide and the feeds. */
export const loader = pluginLoader(async (ctx) => {
  const { catalogue, latest, total } = await ctx.withTenant(async (trx) => {
    const catalogue = await portalCatalogue(trx, ctx.tenant.id);
    const { items, total } = await listItems(trx, ctx.tenant.id, { status: "published" }, { limit: LATEST, offset: 0 });
    return { catalogue, latest: items.map(listed), total };
  });
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const canonical = absolute(ctx, portalPath(code));
  const title = `${ctx.t("portal.home.title")} · ${office}`;
  const head: Head = {
    title,
    canonical,
    description: ctx.t("portal.home.description", { office }),
    feeds: [{ href: absolute(ctx, portalPath(code, "feeds/all")), title: ctx.t("portal.feeds.allTitle", { office }) }],
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "CollectionPage",
      name: title,
      url: canonical,
      inLanguage: ctx.locale,
      publisher: organization(ctx.tenant, ctx.locale, absolute(ctx, `/t/${code}`)),
    },
  };
  const annualReport = catalogue.find((c) => c.kind === "annual-report")?.key ?? null;
  return { portal: portalOf(ctx), catalogue, latest, total, annualReport, head };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export default function Portal() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { portal, catalogue, latest, total, annualReport } = useLoaderData<typeof loader>();
  const base = `/t/${portal.code}/disclosure`;
  return (
    <>
      <h1>{t("portal.home.title")}</h1>
      <p className="lead">{t("portal.home.intro", { office: portal.name[locale], count: total })}</p>

      <Form method="get" action={`${base}/search`} role="search" className="filters" aria-label={t("portal.search.title")}>
        <TextField name="q" idPrefix="portal" type="search" label={t("portal.home.searchLabel")} hint={t("portal.search.hint")} maxLength={100} />
        <button type="submit" className="button primary">
          {t("portal.search.submit")}
        </button>
        <Link to={`${base}/search`}>{t("portal.home.advancedSearch")}</Link>
      </Form>

      <section aria-labelledby="portal-services">
        <h2 id="portal-services">{t("portal.home.services")}</h2>
        <ul className="inline-list">
          <li>
            <Link to={`${base}/guide`}>{t("portal.nav.guide")}</Link>
          </li>
          <li>
            <Link to={`${base}/guide#apply`}>{t("portal.home.apply")}</Link>
          </li>
          {annualReport && (
            <li>
              <Link to={`${base}/categories/${annualReport}`}>{t("portal.home.annualReports")}</Link>
            </li>
          )}
          <li>
            <Link to={`${base}/open-data`}>{t("portal.nav.openData")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="portal-latest">
        <h2 id="portal-latest">{t("portal.home.latest")}</h2>
        {latest.length === 0 ? (
          <p className="muted">{t("portal.home.noItems")}</p>
        ) : (
          <>
            <ItemTable code={portal.code} items={latest} caption={t("portal.home.latestCaption", { count: latest.length })} />
            <p>
              <Link to={`${base}/search`}>{t("portal.home.allItems", { count: total })}</Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="portal-catalogue">
        <h2 id="portal-catalogue">{t("portal.catalogue.title")}</h2>
        <p className="hint">{t("portal.catalogue.hint")}</p>
        <CatalogueTree code={portal.code} categories={catalogue} />
      </section>

      <section aria-labelledby="portal-feeds" className="no-print">
        <h2 id="portal-feeds">{t("portal.feeds.title")}</h2>
        <p>{t("portal.feeds.hint")}</p>
        <p>
          <a href={`${base}/feeds/all`} type="application/atom+xml">
            {t("portal.feeds.all")}
          </a>
        </p>
      </section>
    </>
  );
}
