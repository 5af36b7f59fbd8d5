import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseForm } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { type FieldErrors, FormMessage, PostForm, SubmitButton, TableScroll, topFields, useLocale } from "../../../../app/plugin-api/ui";
import { staffItemView } from "../../server/staff/item-view.server";
import { withdrawItems, WithdrawForm } from "../../server/staff/withdraw.server";
import { Timeliness } from "./_parts/timeliness";
import { topicLabel } from "../../data/topics";
import { WithdrawFields } from "./_parts/withdraw-fields";

/** One published (or withdrawn) item, for staff: its record, history and timeliness; withdraw or correct it. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const view = await ctx.withTenant((trx) => staffItemView(ctx, trx, params.id));
  const member = ctx.mode === "member";
  // An item another plugin fed into the catalogue is corrected and withdrawn only there.
  const ours = view.item.status === "published" && !view.source;
  return {
    ...view,
    can: {
      withdraw: member && ours && ctx.can("disclosure.items.withdraw"),
      correct: member && ours && ctx.can("disclosure.items.edit") && view.corrections.length === 0,
    },
  };
});

type Result = { ok: true } | { ok: false; errors: FieldErrors; message?: string; reason: string };

export const action = pluginAction(async (ctx, { params, request }) => {
  ctx.require("disclosure.items.withdraw");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const reason = String(form.get("reason") ?? "");
  form.delete("ids");
  form.append("ids", params.id ?? "");
  const parsed = parseForm(WithdrawForm, form, ["ids"]);
  if (!parsed.ok) {
    const errors = topFields(parsed.errors);
    if (errors.ids) throw new Response("Not Found", { status: 404 });
    return data<Result>({ ok: false, errors, reason }, { status: 400 });
  }
  const done = await withdrawItems(ctx, parsed.data.ids, parsed.data.reason);
  if (!done.ok) return data<Result>({ ok: false, errors: {}, message: done.error, reason }, { status: 409 });
  return data<Result>({ ok: true });
});

export default function StaffItem() {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
  const v = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const { item } = v;
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p>
        <Link to={v.base}>{t("staff.items.back")}</Link>
      </p>
      <h1>{item.title}</h1>
      <p className="muted">
        {t(`core:workflow.status.${item.status}`)}
        {item.status === "withdrawn" && ` · ${t("staff.item.withdrawnOn", { date: item.withdrawnOn, reason: item.withdrawalReason })}`}
      </p>
      {result?.ok && <FormMessage tone="success">{t("staff.withdraw.doneOne")}</FormMessage>}
      {/* The withdrawal form's summary says a refusal; here only when the form is gone (the item no longer published). */}
      {failed?.message && !v.can.withdraw && <FormMessage tone="error">{t(failed.message)}</FormMessage>}

      {v.source && (
        <p className="notice">
          {v.source.readOnly} <Link to={v.source.url}>{t("feed.sourceLink")}</Link>
        </p>
      )}
      <p className="actions">
        {v.publicUrl && <Link to={v.publicUrl}>{t("staff.item.publicPage")}</Link>}
        {v.documentUrl && <Link to={v.documentUrl}>{t("staff.item.documentPage")}</Link>}
        {v.can.correct && (
          <Link className="button" to={`${v.base}/new?correct=${item.id}`}>
            {t("staff.item.correct")}
          </Link>
        )}
      </p>
      {v.corrections.map((c) => (
        <p key={c.id} className="notice notice-info">
          {t("staff.item.correctionInProgress", { status: t(`core:workflow.status.${c.status}`) })} <Link to={c.url}>{c.title}</Link>
        </p>
      ))}

      <dl className="meta-table">
        <dt>{t("meta.indexNumber")}</dt>
        <dd>{item.indexNumber}</dd>
        <dt>{t("meta.summary")}</dt>
        <dd>{item.summary ?? t("staff.item.none")}</dd>
        <dt>{t("meta.category")}</dt>
        <dd>{v.category}</dd>
        <dt>{t("meta.listRow")}</dt>
        <dd>{v.listRow ?? t("staff.item.none")}</dd>
        <dt>{t("meta.issuer")}</dt>
        <dd>{item.issuer}</dd>
        <dt>{t("meta.docNumber")}</dt>
        <dd>{item.docNumber ?? t("staff.item.none")}</dd>
        <dt>{t("meta.writtenOn")}</dt>
        <dd>{item.writtenOn}</dd>
        <dt>{t("meta.formedOn")}</dt>
        <dd>{item.formedOn}</dd>
        <dt>{t("meta.publishedOn")}</dt>
        <dd>{item.publishedOn}</dd>
        <dt>{t("meta.topic")}</dt>
        <dd>{topicLabel(item.topic, locale)}</dd>
        <dt>{t("meta.attribute")}</dt>
        <dd>{t(`attribute.${item.attribute}`)}</dd>
        <dt>{t("meta.validity")}</dt>
        <dd>
          {item.validity ? t(`validity.${item.validity}`) : t("staff.item.none")}
          {item.validFrom && ` · ${t("meta.validFrom")} ${item.validFrom}`}
          {item.endedOn && ` · ${t("meta.endedOn")} ${item.endedOn}`}
        </dd>
        <dt>{t("meta.attachments")}</dt>
        <dd>{item.attachments.length ? item.attachments.map((a) => a.name + (a.redacted ? ` ${t("staff.item.redacted")}` : "")).join("、") : t("staff.item.none")}</dd>
        {v.policy && (
          <>
            <dt>{t("staff.item.interprets")}</dt>
            <dd>
              <Link to={v.policy.href}>{v.policy.title}</Link>
            </dd>
          </>
        )}
        {v.interpretations.length > 0 && (
          <>
            <dt>{t("staff.item.interpretations")}</dt>
            <dd>
              <ul className="inline-list">
                {v.interpretations.map((i) => (
                  <li key={i.id}>
                    <Link to={i.href}>{i.title}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="item-timeliness">
        <h2 id="item-timeliness">{t("staff.timeliness.title")}</h2>
        <Timeliness formedOn={item.formedOn} publishedOn={item.publishedOn} value={v.timeliness} />
      </section>

      <section aria-labelledby="item-versions">
        <h2 id="item-versions">{t("staff.item.versions")}</h2>
        <TableScroll labelledBy="item-versions">
          <table className="table" aria-labelledby="item-versions">
            <thead>
              <tr>
                <th scope="col">{t("staff.item.version")}</th>
                <th scope="col">{t("meta.title")}</th>
                <th scope="col">{t("staff.item.replacedAt")}</th>
                <th scope="col">{t("fields.correctionReason")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("staff.item.current", { version: item.version })}</th>
                <td>{item.title}</td>
                <td>—</td>
                <td>—</td>
              </tr>
              {v.versions.map((x) => (
                <tr key={x.version}>
                  <th scope="row">{x.version}</th>
                  <td>{x.title}</td>
                  <td>
                    <time dateTime={x.changedAt}>{when.format(new Date(x.changedAt))}</time>
                  </td>
                  <td>{x.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {v.can.withdraw && (
        <section aria-labelledby="item-withdraw">
          <h2 id="item-withdraw">{t("staff.withdraw.title")}</h2>
          <PostForm className="stack narrow" noValidate>
            <p className="hint">{t("staff.withdraw.hint")}</p>
            <WithdrawFields errors={failed?.errors} message={failed?.message} reason={failed?.reason} confirmLabel={t("staff.withdraw.confirmOne")} />
            <SubmitButton className="button danger">
              {t("staff.withdraw.submit")}
            </SubmitButton>
          </PostForm>
        </section>
      )}
    </>
  );
}
