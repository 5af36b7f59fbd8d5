import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { portalCatalogue } from "../../server/portal/catalogue.server";
import { absolute, organization, portalPath, type Head } from "../../server/portal/head";
import { portalOf } from "../../server/portal/page.server";
import { CatalogueTree } from "./_parts/catalogue-tree";
import { headTags } from "./_parts/head";

/** 政府信息公开目录 (条例第十二条): every category of the office's catalogue with its item count and feed, on a page of its own. */
export const loader = pluginLoader(async (ctx) => {
  const catalogue = await ctx.withTenant((trx) => portalCatalogue(trx, ctx.tenant.id));
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const canonical = absolute(ctx, portalPath(code, "catalogue"));
  const title = `${ctx.t("portal.catalogue.title")} · ${office}`;
  const head: Head = {
    title,
    canonical,
    description: ctx.t("portal.catalogue.hint"),
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
  return { portal: portalOf(ctx), catalogue, head };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export default function Catalogue() {
  const { t } = useTranslation("disclosure");
  const { portal, catalogue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("portal.catalogue.title")}</h1>
      <p className="hint">{t("portal.catalogue.hint")}</p>
      <CatalogueTree code={portal.code} categories={catalogue} />
    </>
  );
}
