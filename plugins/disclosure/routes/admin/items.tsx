import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseForm } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { CategoryOptions } from "./_parts/category-options";
import { Checkbox, FieldError, type FieldErrors, FilterBar, FormMessage, IgnoredFilters, PostForm, SelectField, SubmitButton, TextField, topFields } from "../../../../app/plugin-api/ui";
import { readFilter, staffItemList, STATUSES } from "../../server/staff/items-list.server";
import { withdrawItems, WithdrawForm } from "../../server/staff/withdraw.server";
import { WithdrawFields } from "./_parts/withdraw-fields";

/** The office's disclosure items: drafts and documents in review, then what is published or withdrawn. */
export const loader = pluginLoader(async (ctx, { request }) => {
  const { data: filter, ignored } = readFilter(new URL(request.url));
  const member = ctx.mode === "member";
  const can = {
    edit: member && ctx.can("disclosure.items.edit"),
    import: member && ctx.can("disclosure.items.import"),
    withdraw: member && ctx.can("disclosure.items.withdraw"),
  };
  const { unknownCategory, ...list } = await ctx.withTenant((trx) => staffItemList(ctx, trx, filter, can.withdraw));
  if (unknownCategory) ignored.category = ["disclosure:portal.errors.category"];
  return { base: `/t/${ctx.tenant.code}/admin/disclosure`, filter: unknownCategory ? { ...filter, category: undefined } : filter, ignored, can, statuses: STATUSES, ...list };
});

type Result = { ok: true; count: number } | { ok: false; errors: FieldErrors; message?: string; reason: string };

/** Withdraws the selected published items with one reason. */
export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("disclosure.items.withdraw");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const reason = String(form.get("reason") ?? "");
  const parsed = parseForm(WithdrawForm, form, ["ids"]);
  if (!parsed.ok) return data<Result>({ ok: false, errors: topFields(parsed.errors), reason }, { status: 400 });
  const done = await withdrawItems(ctx, parsed.data.ids, parsed.data.reason);
  if (!done.ok) return data<Result>({ ok: false, errors: {}, message: done.error, reason }, { status: 409 });
  return data<Result>({ ok: true, count: done.count });
});

export default function Items() {
  const { t } = useTranslation("disclosure");
  const { base, filter, ignored, can, statuses, rows, total, documents, pages, categories, years } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const withdrawable = rows.some((r) => r.withdrawable);
  const pageLink = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page })) if (v !== undefined && v !== "") q.set(k, String(v));
    return `?${q}`;
  };
  return (
    <>
      <h1>{t("staff.items.title")}</h1>
      <p className="actions">
        {can.edit && (
          <Link className="button primary" to={`${base}/new`}>
            {t("staff.items.new")}
          </Link>
        )}
        {can.import && (
          <Link className="button" to={`${base}/import`}>
            {t("staff.items.import")}
          </Link>
        )}
        <Link className="button" to={`${base}/list`}>
          {t("nav.list")}
        </Link>
        <Link className="button" to={`${base}/dashboard`}>
          {t("nav.dashboard")}
        </Link>
      </p>
      {result?.ok && <FormMessage tone="success">{t("staff.withdraw.done", { count: result.count })}</FormMessage>}
      {/* The withdrawal form's summary says a refusal; here only when the form is gone (nothing left to withdraw). */}
      {failed && !(can.withdraw && withdrawable) && <FormMessage tone="error">{failed.message ? t(failed.message) : t("staff.withdraw.notDone")}</FormMessage>}

      <IgnoredFilters ignored={ignored} labels={{ status: t("staff.items.status"), category: t("meta.category"), year: t("staff.items.year"), q: t("staff.items.q") }} />
      <FilterBar label={t("staff.items.filters")} applyLabel={t("staff.items.filter")}>
        <SelectField name="status" label={t("staff.items.status")} defaultValue={filter.status ?? ""}>
          <option value="">{t("staff.items.all")}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`core:workflow.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField name="category" label={t("meta.category")} defaultValue={filter.category ?? ""}>
          <option value="">{t("staff.items.all")}</option>
          <CategoryOptions categories={categories} />
        </SelectField>
        <SelectField name="year" label={t("staff.items.year")} defaultValue={filter.year ? String(filter.year) : ""} hint={t("staff.items.yearHint")}>
          <option value="">{t("staff.items.all")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <TextField name="q" type="search" label={t("staff.items.q")} defaultValue={filter.q ?? ""} maxLength={100} />
      </FilterBar>

      {rows.length === 0 ? (
        <p className="muted">{t("staff.items.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t("staff.items.caption", { documents, items: total })}</caption>
            <thead>
              <tr>
                {can.withdraw && <th scope="col">{t("staff.items.select")}</th>}
                <th scope="col">{t("meta.title")}</th>
                <th scope="col">{t("meta.docNumber")}</th>
                <th scope="col">{t("meta.category")}</th>
                <th scope="col">{t("staff.items.status")}</th>
                <th scope="col">{t("meta.indexNumber")}</th>
                <th scope="col">{t("staff.items.date")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.kind}-${r.id}`}>
                  {can.withdraw && (
                    <td>
                      {r.withdrawable && (
                        <Checkbox name="ids" idPrefix={`item-${r.id}`} label={t("staff.items.selectOne", { title: r.title })} labelHidden value={r.id} form="bulk-withdraw" />
                      )}
                    </td>
                  )}
                  <th scope="row">
                    <Link to={r.href}>{r.title}</Link>
                    {r.source && <span className="badge">{r.source}</span>}
                  </th>
                  <td>{r.docNumber ?? ""}</td>
                  <td>{r.category}</td>
                  <td>{t(`core:workflow.status.${r.status}`)}</td>
                  <td>{r.indexNumber ?? ""}</td>
                  <td>
                    <time dateTime={r.date}>{r.date}</time>
                    {r.kind === "document" && <span className="visually-hidden">{t("staff.items.lastChanged")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("staff.items.pages")}>
          <p className="actions">
            {filter.page > 1 && <Link to={pageLink(filter.page - 1)}>{t("staff.items.previous")}</Link>}
            <span>{t("staff.items.pageOf", { page: filter.page, pages })}</span>
            {filter.page < pages && <Link to={pageLink(filter.page + 1)}>{t("staff.items.next")}</Link>}
          </p>
        </nav>
      )}

      {can.withdraw && withdrawable && (
        <section aria-labelledby="bulk-withdraw-title">
          <h2 id="bulk-withdraw-title">{t("staff.withdraw.bulkTitle")}</h2>
          <PostForm id="bulk-withdraw" className="stack narrow" noValidate>
            <p className="hint">{t("staff.withdraw.bulkHint")}</p>
            <WithdrawFields errors={failed?.errors} message={failed?.message} reason={failed?.reason} confirmLabel={t("staff.withdraw.confirm")} />
            <FieldError id="f-ids" keys={failed?.errors.ids} />
            <SubmitButton className="button danger">
              {t("staff.withdraw.bulkSubmit")}
            </SubmitButton>
          </PostForm>
        </section>
      )}
    </>
  );
}
