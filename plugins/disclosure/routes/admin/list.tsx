import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaYear, issueErrors, topFields } from "../../../../app/plugin-api";
import { z } from "zod";
import { checkedTexts, readFilters, requireQuery } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { formMessage } from "../../server/staff/form-input.server";
import { ErrorSummary, type FieldErrors, FilterBar, FormMessage, hasErrors, IgnoredFilters, RowAction, SelectField } from "../../../../app/plugin-api/ui";
import { catalogueTree, flatten } from "../../server/catalogue.server";
import { labelOf } from "../../server/staff/editor.server";
import { ListRowForm as RowSchema, readRowForm, removeListRow, ROW_FIELDS, saveListRow } from "../../server/staff/list-rows.server";
import { listStatus, rowsInUse, type DueEntry } from "../../server/staff/list-status.server";
import { ListRowForm, type RowValues } from "./_parts/list-row-form";

const DONE = ["added", "updated", "removed"] as const;

const BLANK: RowValues = {
  key: "",
  categoryKey: "",
  firstLevel: "",
  secondLevel: "",
  content: "",
  basis: "",
  timeLimit: "自该信息形成或者变更之日起20个工作日内",
  timeLimitWorkdays: "20",
  responsible: "本级生态环境部门",
  channels: ["政府网站"],
  audience: "全社会",
  mode: "主动",
  position: "",
};

/** The 清单 with the MEE standard columns, and for each row what is published, due and late. */
/** The year the 清单's figures count (a GET form's filter), and what the page's own links carry. */
const ListFilter = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
const ListLinks = z.object({ edit: z.string().max(100).optional(), done: z.enum(DONE).optional() });

export const loader = pluginLoader(async (ctx, { request }) => {
  const url = new URL(request.url);
  const { data: filter, ignored } = readFilters(ListFilter, url.searchParams);
  const links = requireQuery(ListLinks, url.searchParams);
  const year = filter.year;
  const manage = ctx.mode === "member" && ctx.can("disclosure.catalogue.manage");
  return ctx.withTenant(async (trx) => {
    const rows = await trx.selectFrom("disclosure_list_rows").selectAll().where("tenant_id", "=", ctx.tenant.id).orderBy("position").orderBy("key").execute();
    const status = await listStatus(ctx, trx, rows, year);
    const used = manage ? await rowsInUse(ctx, trx) : new Set<string>();
    const tree = flatten(await catalogueTree(trx, ctx.tenant.id));
    const editing = manage ? rows.find((r) => r.key === links.edit) : undefined;
    return {
      base: `/t/${ctx.tenant.code}/admin/disclosure`,
      year: year ?? null,
      ignored,
      years: Array.from({ length: 6 }, (_, i) => chinaYear() - i),
      manage,
      done: links.done ?? null,
      rows: rows.map((r) => ({
        key: r.key,
        firstLevel: r.first_level,
        secondLevel: r.second_level,
        content: r.content,
        basis: r.basis,
        timeLimit: r.time_limit,
        responsible: r.responsible,
        channels: r.channels,
        audience: r.audience,
        mode: r.mode,
        status: status[r.key]!,
        removable: manage && !used.has(r.key),
      })),
      categories: manage ? tree.map(({ category, depth }) => ({ key: category.key, label: labelOf(category, ctx.locale), depth })) : [],
      editing: editing
        ? ({
            key: editing.key,
            categoryKey: editing.category_key,
            firstLevel: editing.first_level,
            secondLevel: editing.second_level,
            content: editing.content,
            basis: editing.basis,
            timeLimit: editing.time_limit,
            timeLimitWorkdays: editing.time_limit_workdays === null ? "" : String(editing.time_limit_workdays),
            responsible: editing.responsible,
            channels: editing.channels,
            audience: editing.audience,
            mode: editing.mode,
            position: String(editing.position),
          } satisfies RowValues)
        : null,
    };
  });
});

type Failure = { intent: string; errors: FieldErrors; message?: string; values?: RowValues };

/** `intent` add, update or remove: the 清单 is the principal's to maintain. */
export const action = pluginAction(async (ctx, { request }) => {
  ctx.require("disclosure.catalogue.manage");
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const { values: texts, errors: refused } = checkedTexts(form);
  const intent = texts.intent ?? "";
  const input = readRowForm(texts, form.getAll("channels").map(String));
  if (hasErrors(refused)) {
    const values = { ...(input as unknown as RowValues), channels: input.channels as string[] };
    // The other fields' own faults are said with the refused texts, all at once (a refused text's own word wins at its field).
    const parsed = intent === "remove" ? null : RowSchema.safeParse(input);
    const others = parsed && !parsed.success ? topFields(issueErrors(parsed.error.issues)) : {};
    return data<Failure>({ intent, errors: { ...others, ...refused }, message: formMessage(refused, intent === "remove" ? [] : ROW_FIELDS), values }, { status: 400 });
  }
  const result = await ctx.withTenant((trx) => {
    if (intent === "remove") return removeListRow(ctx, trx, texts.key ?? "");
    if (intent === "add" || intent === "update") return saveListRow(ctx, trx, input, intent);
    return Promise.resolve({ ok: false as const, errors: {}, message: "core:errors.invalid" });
  });
  if (result.ok) return redirect(`/t/${ctx.tenant.code}/admin/disclosure/list?done=${intent === "remove" ? "removed" : intent === "add" ? "added" : "updated"}`);
  const values = { ...(input as unknown as RowValues), channels: input.channels as string[] };
  return data<Failure>({ intent, errors: result.errors, message: result.message, values }, { status: result.message === "disclosure:staff.list.errors.inUse" ? 409 : 400 });
});

function Entries({ entries, kind }: { entries: DueEntry[]; kind: "due" | "late" }) {
  const { t } = useTranslation("disclosure");
  return (
    <ul>
      {entries.slice(0, 5).map((e, i) => (
        <li key={i}>
          <Link to={e.href}>{e.title}</Link>
          <br />
          {kind === "due"
            ? e.daysLate > 0
              ? t("staff.list.overdue", { date: e.dueOn, count: e.daysLate })
              : t("staff.list.dueOn", { date: e.dueOn })
            : e.publishedOn
              ? t("staff.list.publishedLate", { due: e.dueOn, date: e.publishedOn, count: e.daysLate })
              : t("staff.list.notPublishedLate", { due: e.dueOn, count: e.daysLate })}
        </li>
      ))}
      {entries.length > 5 && <li>{t("staff.list.more", { count: entries.length - 5 })}</li>}
    </ul>
  );
}

export default function DisclosureList() {
  const { t } = useTranslation("disclosure");
  const { base, year, ignored, years, manage, done, rows, categories, editing } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const late = rows.reduce((n, r) => n + r.status.late.length, 0);
  const formValues = failed?.values && failed.intent !== "remove" ? failed.values : (editing ?? BLANK);
  const op = failed?.intent === "update" || (!failed && editing) ? "update" : "add";
  return (
    <>
      <h1>{t("staff.list.title")}</h1>
      <p className="muted">{t("staff.list.intro")}</p>
      {done && <FormMessage tone="success">{t(`staff.list.done.${done}`)}</FormMessage>}
      {/* A refused removal is said here, above the table it was asked from; the row form says its own errors. */}
      {failed?.intent === "remove" && <ErrorSummary errors={{ _form: [failed.message ?? Object.values(failed.errors)[0]?.[0] ?? "errors.invalid"] }} idPrefix="remove" />}
      <IgnoredFilters ignored={ignored} labels={{ year: t("staff.list.year") }} />
      <FilterBar label={t("staff.list.filters")} applyLabel={t("staff.items.filter")}>
        <SelectField name="year" label={t("staff.list.year")} defaultValue={year ? String(year) : ""} hint={t("staff.list.yearHint")}>
          <option value="">{t("staff.items.all")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </FilterBar>
      <p>
        <strong>{late ? t("staff.list.lateSummary", { count: late }) : t("staff.list.noLate")}</strong>
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption>{t("staff.list.caption", { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t("staff.list.number")}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t("staff.list.matter")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.content")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.basis")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.timeLimit")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.responsible")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.channels")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.audience")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.mode")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.published")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.due")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("staff.list.late")}
              </th>
              {manage && (
                <th scope="col" rowSpan={2}>
                  {t("staff.list.actions")}
                </th>
              )}
            </tr>
            <tr>
              <th scope="col">{t("staff.list.firstLevel")}</th>
              <th scope="col">{t("staff.list.secondLevel")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} id={`row-${r.key}`}>
                <td className="num">{i + 1}</td>
                <td>{r.firstLevel}</td>
                <th scope="row">{r.secondLevel}</th>
                <td>{r.content}</td>
                <td>{r.basis}</td>
                <td>{r.timeLimit}</td>
                <td>{r.responsible}</td>
                <td>{r.channels.join("、")}</td>
                <td>{r.audience}</td>
                <td>{r.mode}</td>
                <td>
                  {t("staff.list.publishedCount", { count: r.status.published })}
                  {r.status.latest && (
                    <>
                      <br />
                      {t("staff.list.latest", { date: r.status.latest })}
                    </>
                  )}
                </td>
                <td>{r.status.due.length ? <Entries entries={r.status.due} kind="due" /> : t("staff.list.noneDue")}</td>
                <td>
                  {r.status.late.length ? (
                    <>
                      <strong>{t("staff.list.lateCount", { count: r.status.late.length })}</strong>
                      <Entries entries={r.status.late} kind="late" />
                    </>
                  ) : (
                    t("staff.list.noneLate")
                  )}
                </td>
                {manage && (
                  <td>
                    <div className="actions">
                      <Link to={`${base}/list?edit=${encodeURIComponent(r.key)}#row-form`}>
                        {t("staff.list.edit")}
                        <span className="visually-hidden">{r.secondLevel}</span>
                      </Link>
                      {r.removable && <RowAction intent="remove" fields={{ key: r.key }} label={t("staff.list.remove")} context={r.secondLevel} className="button small danger" />}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manage && (
        <section aria-labelledby="row-form">
          <h2 id="row-form">{op === "update" ? t("staff.list.editTitle", { name: formValues.secondLevel }) : t("staff.list.addTitle")}</h2>
          <ListRowForm
            key={`${op}-${formValues.key}`}
            op={op}
            values={formValues}
            errors={failed && failed.intent !== "remove" ? failed.errors : {}}
            message={failed?.intent === "remove" ? undefined : failed?.message}
            categories={categories}
            cancel={op === "update" ? `${base}/list` : undefined}
          />
        </section>
      )}
    </>
  );
}
