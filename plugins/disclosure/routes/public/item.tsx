import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { publicPage } from "../../../../app/plugin-api/ui";
import { bodyText, renderBody } from "../../server/html";
import { absolute, organization, portalPath, type Head } from "../../server/portal/head";
import { publicItem } from "../../server/portal/item.server";
import { listed, notFound, portalOf } from "../../server/portal/page.server";
import { headTags } from "./_parts/head";
import { ItemMetaTable } from "./_parts/item-meta";
import { AttachmentList, LinkedFiles } from "./_parts/attachment-list";

/** One item as official sites show it: the metadata table, the text, attachments, linked interpretations; a withdrawn item shows its notice only. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const found = await ctx.withTenant((trx) => publicItem(trx, ctx.tenant.id, params.id ?? ""));
  if (!found) throw notFound();
  const { item, path, related, correction } = found;
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const canonical = absolute(ctx, portalPath(code, `items/${item.id}`));
  const category = path.at(-1) ?? null;
  const publisher = organization(ctx.tenant, ctx.locale, absolute(ctx, `/t/${code}`));
  const crumbs = path.map((c) => ({ key: c.key, label: c.label }));
  const common = { portal: portalOf(ctx), crumbs };

  if (item.status === "withdrawn") {
    const head: Head = {
      title: `${ctx.t("portal.item.withdrawn.title")} · ${item.title} · ${office}`,
      canonical,
      jsonLd: {
        "@context": "https://schema.org",
        "@type": "DigitalDocument",
        name: item.title,
        identifier: item.indexNumber,
        url: canonical,
        datePublished: item.publishedOn,
        expires: item.withdrawnOn,
        publisher,
      },
    };
    const notice = { title: item.title, indexNumber: item.indexNumber, withdrawnOn: item.withdrawnOn!, reason: item.withdrawalReason! };
    return { ...common, withdrawn: notice, item: null, head };
  }

  const text = bodyText(item.bodyHtml);
  const head: Head = {
    title: `${item.title} · ${office}`,
    canonical,
    description: item.summary || text.slice(0, 120) || item.title,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "DigitalDocument",
      name: item.title,
      identifier: [
        { "@type": "PropertyValue", name: ctx.t("meta.indexNumber"), value: item.indexNumber },
        ...(item.docNumber ? [{ "@type": "PropertyValue", name: ctx.t("meta.docNumber"), value: item.docNumber }] : []),
      ],
      url: canonical,
      inLanguage: "zh-CN",
      dateCreated: item.writtenOn,
      datePublished: item.publishedOn,
      ...(correction ? { dateModified: correction.on, version: item.version } : {}),
      ...(category ? { genre: category.label[ctx.locale] } : {}),
      keywords: item.topic,
      author: { "@type": "GovernmentOrganization", name: item.issuer },
      publisher,
      ...(related.policy ? { about: { "@type": "DigitalDocument", name: related.policy.title, url: absolute(ctx, portalPath(code, `items/${related.policy.id}`)) } } : {}),
    },
  };
  return {
    ...common,
    withdrawn: null,
    item: {
      id: item.id,
      title: item.title,
      summary: item.summary,
      indexNumber: item.indexNumber,
      issuer: item.issuer,
      writtenOn: item.writtenOn,
      publishedOn: item.publishedOn,
      docNumber: item.docNumber,
      topic: item.topic,
      categoryLabel: category?.label ?? null,
      validity: item.validity,
      validFrom: item.validFrom,
      endedOn: item.endedOn,
      attribute: item.attribute,
      bodyHtml: renderBody(item.bodyHtml),
      attachments: item.attachments.map((a) => ({ id: a.id, name: a.name, mime: a.mime, size: a.size, redacted: a.redacted === true, text: a.redacted ? a.text : "" })),
      version: item.version,
      // Fed by another plugin: its own page of the document, and the files it serves.
      source: item.source ? { name: ctx.t(`${item.source.pluginId}:name`, { defaultValue: item.source.pluginId }), url: item.source.url, attachments: item.source.attachments } : null,
    },
    correction,
    interpretations: related.interpretations.map(listed),
    policy: related.policy ? listed(related.policy) : null,
    head,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export const handle = publicPage<typeof loader>({
  breadcrumb: ({ data, locale, office, t }) => [
    ...data.crumbs.map((c) => ({ label: c.label[locale], to: `${office}/disclosure/categories/${c.key}` })),
    { label: data.withdrawn ? t("disclosure:portal.item.withdrawn.title") : (data.item?.title ?? "") },
  ],
});

export default function ItemPage() {
  const { t } = useTranslation("disclosure");
  const data = useLoaderData<typeof loader>();
  const base = `/t/${data.portal.code}/disclosure`;

  if (data.withdrawn) {
    const w = data.withdrawn;
    return (
      <>
        <h1>{t("portal.item.withdrawn.title")}</h1>
        <p className="notice notice-info">{t("portal.item.withdrawn.body", { date: w.withdrawnOn })}</p>
        <dl className="meta-table">
          <dt>{t("meta.title")}</dt>
          <dd>{w.title}</dd>
          <dt>{t("meta.indexNumber")}</dt>
          <dd>{w.indexNumber}</dd>
          <dt>{t("portal.item.withdrawn.date")}</dt>
          <dd>
            <time dateTime={w.withdrawnOn}>{w.withdrawnOn}</time>
          </dd>
          <dt>{t("portal.item.withdrawn.reason")}</dt>
          <dd>{w.reason}</dd>
        </dl>
      </>
    );
  }

  const item = data.item!;
  return (
    <>
      <h1>{item.title}</h1>
      <ItemMetaTable item={item} />
      {data.correction && (
        <p className="notice notice-info">
          {t("portal.item.corrected", { date: data.correction.on, version: item.version })} {t("portal.item.correctionReason", { reason: data.correction.reason })}
        </p>
      )}

      <section aria-labelledby="item-body">
        <h2 id="item-body" className="visually-hidden">
          {t("fields.body")}
        </h2>
        {/* The same rendition the reviewers approved on the document page (one renderer). */}
        {item.bodyHtml ? (
          <div className="rich-text" data-rendition="payload.body" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        ) : (
          !item.source && <p className="muted">{t("portal.item.noBody")}</p>
        )}
        {item.source && (
          <p>
            {t("feed.sourceNote", { source: item.source.name })} <a href={item.source.url}>{t("feed.sourceLink")}</a>
          </p>
        )}
      </section>

      {item.attachments.length > 0 && (
        <section aria-labelledby="item-attachments">
          <h2 id="item-attachments">{t("meta.attachments")}</h2>
          <AttachmentList code={data.portal.code} attachments={item.attachments} />
        </section>
      )}
      {item.source && item.source.attachments.length > 0 && (
        <section aria-labelledby="item-source-attachments">
          <h2 id="item-source-attachments">{t("meta.attachments")}</h2>
          <LinkedFiles files={item.source.attachments} />
        </section>
      )}

      {data.policy && (
        <section aria-labelledby="item-policy">
          <h2 id="item-policy">{t("portal.item.policy")}</h2>
          <p>
            <Link to={`${base}/items/${data.policy.id}`}>{data.policy.title}</Link>
            {data.policy.docNumber && <span className="muted">{t("portal.item.withDocNumber", { docNumber: data.policy.docNumber })}</span>}
          </p>
        </section>
      )}
      {data.interpretations.length > 0 && (
        <section aria-labelledby="item-interpretations">
          <h2 id="item-interpretations">{t("portal.item.interpretations")}</h2>
          <ul>
            {data.interpretations.map((i) => (
              <li key={i.id}>
                <Link to={`${base}/items/${i.id}`}>{i.title}</Link> <span className="muted">{i.publishedOn}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
