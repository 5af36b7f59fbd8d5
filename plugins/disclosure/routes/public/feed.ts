import { pluginLoader } from "../../server/loaders.server";
import { bodyText, renderBody } from "../../server/html";
import { listItems } from "../../server/items.server";
import { atomFeed, feedId } from "../../server/portal/atom";
import { catalogueTree, flatten } from "../../server/catalogue.server";
import { absolute, portalPath } from "../../server/portal/head";
import { notFound } from "../../server/portal/page.server";

const LATEST = 50;
const SUMMARY_LENGTH = 200;

/** The Atom feed of a category and its subcategories (`all`: the whole portal): the latest 50 published items. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const key = params.key ?? "";
  const found = await ctx.withTenant(async (trx) => {
    const catalogue = flatten(await catalogueTree(trx, ctx.tenant.id)).map((e) => e.category);
    const category = key === "all" ? null : catalogue.find((c) => c.key === key);
    if (category === undefined) return null;
    const categoryKeys = category ? flatten([category]).map((e) => e.category.key) : undefined;
    const { items } = await listItems(trx, ctx.tenant.id, { categoryKeys, status: "published" }, { limit: LATEST, offset: 0 });
    return { catalogue, category, items };
  });
  if (!found) throw notFound();
  const { catalogue, category, items } = found;
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const labels = new Map(catalogue.map((c) => [c.key, c.label[ctx.locale]]));
  const selfUrl = absolute(ctx, portalPath(code, `feeds/${key}`));
  const xml = atomFeed({
    id: feedId(selfUrl, ctx.tenant.id, key),
    title: category ? ctx.t("portal.feeds.categoryTitle", { office, category: category.label[ctx.locale] }) : ctx.t("portal.feeds.allTitle", { office }),
    subtitle: ctx.t("portal.home.description", { office }),
    selfUrl,
    pageUrl: absolute(ctx, portalPath(code, category ? `categories/${category.key}` : "")),
    lang: ctx.locale,
    author: office,
    updated: (items.length ? new Date(Math.max(...items.map((i) => new Date(i.updatedAt).getTime()))) : new Date()).toISOString(),
    entries: items.map((i) => {
      const body = renderBody(i.bodyHtml);
      // The 内容概述 where the item has one, else the start of its text.
      const text = (i.summary ?? bodyText(body)).replace(/\s+/g, " ");
      const meta = [i.indexNumber, i.docNumber].filter(Boolean).join(" ");
      return {
        id: `urn:uuid:${i.id}`,
        title: i.title,
        url: absolute(ctx, portalPath(code, `items/${i.id}`)),
        published: `${i.publishedOn}T00:00:00+08:00`,
        updated: new Date(i.updatedAt).toISOString(),
        author: i.issuer,
        category: labels.has(i.categoryKey) ? { term: i.categoryKey, label: labels.get(i.categoryKey)! } : null,
        summary: `${meta}${meta && text ? " — " : ""}${text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text}`,
        contentHtml: body,
      };
    }),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
});
