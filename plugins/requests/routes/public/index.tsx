import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { pluginLoader } from "../../server/loaders.server";
import { EXTENSION, OTHER_AGENCY, REPLY, SUPPLEMENT, THIRD_PARTY } from "../../law/reply-clock";
import { RECEIPT_RULES, type ReceiptChannel } from "../../law/receipt";

/** How a reader reaches the office by each channel the office's contact settings make possible; online always. */
function channelsOf(contact: { address?: Record<string, string>; postcode?: string; hours?: Record<string, string>; email?: string; fax?: string }, locale: string) {
  const address = contact.address?.[locale]?.trim();
  const hours = contact.hours?.[locale]?.trim();
  const rows: { channel: ReceiptChannel; where: string | null }[] = [{ channel: "internet", where: null }];
  if (address) rows.push({ channel: "in_person", where: hours ? `${address} · ${hours}` : address });
  if (address) rows.push({ channel: "post", where: contact.postcode ? `${address} ${contact.postcode}` : address });
  if (contact.email?.trim()) rows.push({ channel: "email", where: contact.email.trim() });
  if (contact.fax?.trim()) rows.push({ channel: "fax", where: contact.fax.trim() });
  return rows;
}

/** 依申请公开: what it is, who may apply and how, the time limits of the Regulation, and where to apply and to track. */
export const loader = pluginLoader(async (ctx) => {
  const l = ctx.locale;
  return {
    title: `${ctx.t("nav.onRequest")} · ${ctx.tenant.name[l]}`,
    office: ctx.tenant.name[l],
    base: `/t/${ctx.tenant.code}/requests`,
    channels: channelsOf(ctx.tenant.contact, l).map(({ channel, where }) => ({
      channel,
      label: RECEIPT_RULES[channel].label[l],
      receivedOn: RECEIPT_RULES[channel].receivedOn[l],
      where,
    })),
    limits: [
      { key: "reply", days: REPLY.days, basis: REPLY.basis[l] },
      { key: "supplement", days: SUPPLEMENT.days, basis: SUPPLEMENT.basis[l] },
      { key: "extension", days: EXTENSION.days, basis: EXTENSION.basis[l] },
      { key: "thirdParty", days: THIRD_PARTY.days, basis: THIRD_PARTY.basis[l] },
      { key: "otherAgency", days: OTHER_AGENCY.days, basis: OTHER_AGENCY.basis[l] },
    ],
    basis: RECEIPT_RULES.internet.basis[l],
  };
});

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function OnRequest() {
  const { t } = useTranslation("requests");
  const { office, base, channels, limits, basis } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("nav.onRequest")}</h1>
      <p className="lead">{t("public.index.intro", { office })}</p>
      <p className="actions">
        <Link className="button primary" to={`${base}/new`}>
          {t("public.index.apply")}
        </Link>
        <Link className="button" to={`${base}/track`}>
          {t("public.index.track")}
        </Link>
      </p>

      <section aria-labelledby="on-request-who">
        <h2 id="on-request-who">{t("public.index.who.title")}</h2>
        <p>{t("public.index.who.body")}</p>
        <p>{t("public.index.who.identity")}</p>
      </section>

      <section aria-labelledby="on-request-how">
        <h2 id="on-request-how">{t("public.index.how.title")}</h2>
        <p>{t("public.index.how.body")}</p>
        <div className="table-scroll">
          <table>
            <caption>{t("public.index.how.caption", { basis })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("public.index.how.channel")}</th>
                <th scope="col">{t("public.index.how.where")}</th>
                <th scope="col">{t("public.index.how.receivedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{c.label}</th>
                  <td className="document-text">{c.where ?? <Link to={`${base}/new`}>{t("public.index.how.online")}</Link>}</td>
                  <td>{c.receivedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="on-request-limits">
        <h2 id="on-request-limits">{t("public.index.limits.title")}</h2>
        <dl className="meta-table">
          {limits.map((l) => (
            <Fragment key={l.key}>
              <dt>{t(`public.index.limits.${l.key}`)}</dt>
              <dd>
                {t("public.index.limits.days", { count: l.days })}
                <span className="muted"> ({l.basis})</span>
              </dd>
            </Fragment>
          ))}
        </dl>
        <p>{t("public.apply.notice.fee")}</p>
      </section>

      <section aria-labelledby="on-request-track">
        <h2 id="on-request-track">{t("public.index.trackTitle")}</h2>
        <p>
          {t("public.index.trackBody")} <Link to={`${base}/track`}>{t("nav.track")}</Link>
        </p>
      </section>
    </>
  );
}
