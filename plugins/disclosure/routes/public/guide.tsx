import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { useLocale } from "../../../../app/plugin-api/ui";
import { catalogueTree } from "../../server/catalogue.server";
import { absolute, organization, portalPath, type Head } from "../../server/portal/head";
import { portalOf } from "../../server/portal/page.server";
import { headTags } from "./_parts/head";

const CONTACT_FIELDS = ["address", "postcode", "hours", "phone", "fax", "email"] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

/** 公开指南 (条例第十二条): how information is arranged and obtained, time limits, fees, remedies and how the office is reached (the tenant's contact details, those it filled in). */
export const loader = pluginLoader(async (ctx) => {
  const tree = await ctx.withTenant((trx) => catalogueTree(trx, ctx.tenant.id));
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const c = ctx.tenant.contact;
  const values: Record<ContactField, string | undefined> = {
    address: c.address?.[ctx.locale],
    postcode: c.postcode,
    hours: c.hours?.[ctx.locale],
    phone: c.phone,
    fax: c.fax,
    email: c.email,
  };
  const contact = CONTACT_FIELDS.flatMap((field) => {
    const value = values[field]?.trim();
    return value ? [{ field, value }] : [];
  });
  const code = ctx.tenant.code;
  const office = ctx.tenant.name[ctx.locale];
  const canonical = absolute(ctx, portalPath(code, "guide"));
  const title = `${ctx.t("portal.guide.title")} · ${office}`;
  const head: Head = {
    title,
    canonical,
    description: ctx.t("portal.guide.description", { office }),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "WebPage",
      name: title,
      url: canonical,
      inLanguage: ctx.locale,
      about: organization(ctx.tenant, ctx.locale, absolute(ctx, `/t/${code}`)),
    },
  };
  return {
    portal: portalOf(ctx),
    intro: text(ctx.settings.guideIntro),
    contact,
    categories: tree.map((c) => ({ key: c.key, label: c.label, children: c.children.map((ch) => ({ key: ch.key, label: ch.label })) })),
    head,
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => headTags(data?.head);

export default function Guide() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const { portal, intro, contact, categories } = useLoaderData<typeof loader>();
  const base = `/t/${portal.code}/disclosure`;
  const office = portal.name[locale];
  return (
    <>
      <h1>{t("portal.guide.title")}</h1>
      {intro ? intro.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>) : <p>{t("portal.guide.intro", { office })}</p>}

      <section aria-labelledby="guide-proactive">
        <h2 id="guide-proactive">{t("portal.guide.proactive.title")}</h2>
        <h3>{t("portal.guide.proactive.scopeTitle")}</h3>
        <p>{t("portal.guide.proactive.scope")}</p>
        <ul>
          {categories.map((c) => (
            <li key={c.key}>
              <Link to={`${base}/categories/${c.key}`}>{c.label[locale]}</Link>
              {c.children.length > 0 && (
                <ul>
                  {c.children.map((ch) => (
                    <li key={ch.key}>
                      <Link to={`${base}/categories/${ch.key}`}>{ch.label[locale]}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <h3>{t("portal.guide.proactive.arrangementTitle")}</h3>
        <p>{t("portal.guide.proactive.arrangement")}</p>
        <h3>{t("portal.guide.proactive.channelsTitle")}</h3>
        <p>
          {t("portal.guide.proactive.channels")} <Link to={`${base}/search`}>{t("portal.nav.search")}</Link> ·{" "}
          <Link to={`${base}/open-data`}>{t("portal.nav.openData")}</Link>
        </p>
        <h3>{t("portal.guide.proactive.timingTitle")}</h3>
        <p>{t("portal.guide.proactive.timing")}</p>
      </section>

      <section aria-labelledby="apply">
        <h2 id="apply">{t("portal.guide.request.title")}</h2>
        <p>{t("portal.guide.request.intro")}</p>
        <h3>{t("portal.guide.request.howTitle")}</h3>
        <p>{t("portal.guide.request.how")}</p>
        <p>
          <a className="button primary" href={`/t/${portal.code}/requests/new`}>
            {t("portal.guide.request.applyOnline")}
          </a>
        </p>
        <p>{t("portal.guide.request.otherChannels")}</p>
        <p>{t("portal.guide.request.contentsIntro")}</p>
        <ol>
          <li>{t("portal.guide.request.contents1")}</li>
          <li>{t("portal.guide.request.contents2")}</li>
          <li>{t("portal.guide.request.contents3")}</li>
        </ol>
        <h3>{t("portal.guide.request.receiptTitle")}</h3>
        <p>{t("portal.guide.request.receipt")}</p>
        <h3>{t("portal.guide.request.supplementTitle")}</h3>
        <p>{t("portal.guide.request.supplement")}</p>
        <h3>{t("portal.guide.request.deadlineTitle")}</h3>
        <p>{t("portal.guide.request.deadline")}</p>
        <h3>{t("portal.guide.request.feesTitle")}</h3>
        <p>{t("portal.guide.request.fees")}</p>
        <h3>{t("portal.guide.request.assistanceTitle")}</h3>
        <p>{t("portal.guide.request.assistance")}</p>
      </section>

      <section aria-labelledby="guide-remedies">
        <h2 id="guide-remedies">{t("portal.guide.remedies.title")}</h2>
        <p>{t("portal.guide.remedies.body")}</p>
      </section>

      <section aria-labelledby="guide-contact">
        <h2 id="guide-contact">{t("portal.guide.contact.title")}</h2>
        <dl className="meta-table">
          <dt>{t("portal.guide.contact.name")}</dt>
          <dd>{office}</dd>
          {contact.map(({ field, value }) => (
            <Fragment key={field}>
              <dt>{t(`portal.guide.contact.${field}`)}</dt>
              <dd>{field === "email" ? <a href={`mailto:${value}`}>{value}</a> : value}</dd>
            </Fragment>
          ))}
        </dl>
        {contact.length === 0 && <p className="muted">{t("portal.guide.contact.none")}</p>}
      </section>
    </>
  );
}
