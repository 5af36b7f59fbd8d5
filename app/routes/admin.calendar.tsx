import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaYear } from "~/core/calendar/china-time";
import { z } from "zod";
import { loadCalendarOverrides } from "~/core/calendar/overrides.server";
import { isCalendarDate, toDayNumber, weekdayOf } from "~/core/calendar/dates";
import { WorkCalendar } from "~/core/calendar/work-calendar";
import { parseForm, type FieldErrors } from "~/core/forms.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { Field, FormMessage, PostForm, RowAction } from "~/ui/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const PERMISSION = "core.tenants.manage";
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const NOTE_MAX = 200;
const E = "platform:calendar.errors";

/** The built-in data alone: what a day would be without the platform's overrides. */
const BUILT_IN = new WorkCalendar();

const DateSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required", abort: true })
  .refine(isCalendarDate, { error: `${E}.date`, abort: true })
  .refine((d) => Number(d.slice(0, 4)) >= FIRST_YEAR && Number(d.slice(0, 4)) <= LAST_YEAR, { error: `${E}.dateRange` });

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("set"),
    date: DateSchema,
    workday: z.enum(["yes", "no"], { error: `${E}.workday` }),
    note: z
      .string()
      .nullish()
      .transform((n) => n?.trim() ?? "")
      .pipe(z.string().max(NOTE_MAX, { error: `${E}.note` })),
  }),
  z.object({ intent: z.literal("remove"), date: DateSchema }),
]);


/** Which holiday data covers this year and next, the overrides, and what each overridden day would be without its override. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatform(request, context, PERMISSION);
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const overrides = await loadCalendarOverrides(context.services.db);
  const calendar = new WorkCalendar(overrides);
  const { packageYears, overrideYears } = calendar.coverage();
  const year = chinaYear();
  const weekday = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    timeZone: "UTC",
  });
  return {
    title: `${t("calendar.title")} · ${t("console.title")}`,
    packageYears: [...packageYears],
    overrideYears: [...overrideYears],
    // This year and next: the deadlines being counted now reach into both.
    years: [year, year + 1].map((y) => ({
      year: y,
      package: packageYears.includes(y),
      overrides: overrideYears.includes(y),
    })),
    overrides: overrides.map((o) => ({
      date: o.date,
      weekday: weekday.format(new Date(toDayNumber(o.date) * 86_400_000)),
      weekend: [0, 6].includes(weekdayOf(toDayNumber(o.date))),
      workday: o.workday,
      note: o.note,
      builtIn: BUILT_IN.dayInfo(o.date).workday,
    })),
  };
}

type Result =
  | { ok: true; message: string }
  | {
      ok: false;
      intent: "set" | "remove" | null;
      errors: FieldErrors;
      message?: string;
      values?: Record<string, string>;
    };

/**
 * `intent=set` (date, workday=yes|no, note): adds or replaces one day's override; `intent=remove`
 * (date): deletes it. Each change is audited on the platform chain in its transaction, then the
 * process's calendar is rebuilt so deadlines use it at once.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, PERMISSION);
  const t = await fixedT(context, request, "platform");
  const form = await request.formData();
  const intent = form.get("intent") === "set" || form.get("intent") === "remove" ? (form.get("intent") as "set" | "remove") : null;
  const parsed = parseForm(ActionSchema, form);
  if (!parsed.ok) {
    if (!intent) return data<Result>({ ok: false, intent, errors: parsed.errors, message: t("calendar.errors.badRequest") }, { status: 400 });
    const values = Object.fromEntries(["date", "workday", "note"].map((k) => [k, String(form.get(k) ?? "")]));
    return data<Result>({ ok: false, intent, errors: parsed.errors, values }, { status: 400 });
  }
  const change = parsed.data;
  const target = { type: "calendar_override", id: change.date };

  if (change.intent === "set") {
    const row = {
      date: change.date,
      workday: change.workday === "yes",
      note: change.note || null,
    };
    await withPlatform(ctx, {}, async (trx, audit) => {
      const previous = await trx
        .selectFrom("calendar_overrides")
        .select(["workday", "note"])
        .where("date", "=", row.date)
        .executeTakeFirst();
      await trx
        .insertInto("calendar_overrides")
        .values({ ...row, updated_by: ctx.user.id, updated_at: new Date() })
        .onConflict((oc) =>
          oc.column("date").doUpdateSet({
            workday: row.workday,
            note: row.note,
            updated_by: ctx.user.id,
            updated_at: new Date(),
          }),
        )
        .execute();
      await audit({
        action: "calendar.override.set",
        target,
        data: { ...row, previous: previous ?? null },
      });
    });
    await context.services.calendar.refresh();
    return data<Result>({
      ok: true,
      message: t("calendar.done.set", { date: row.date }),
    });
  }

  const removed = await withPlatform(ctx, {}, async (trx, audit) => {
    const gone = await trx
      .deleteFrom("calendar_overrides")
      .where("date", "=", change.date)
      .returning(["workday", "note"])
      .executeTakeFirst();
    if (gone)
      await audit({
        action: "calendar.override.remove",
        target,
        data: { date: change.date, previous: gone },
      });
    return gone;
  });
  if (!removed) {
    return data<Result>(
      {
        ok: false,
        intent: "remove",
        errors: {},
        message: t("calendar.errors.notFound", { date: change.date }),
      },
      { status: 404 },
    );
  }
  await context.services.calendar.refresh();
  return data<Result>({
    ok: true,
    message: t("calendar.done.removed", { date: change.date }),
  });
}

export default function CalendarPage() {
  const { t } = useTranslation("platform");
  const { packageYears, overrideYears, years, overrides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const setErrors = failed?.intent === "set" ? failed.errors : undefined;
  const values = failed?.intent === "set" ? failed.values : undefined;
  const dayKind = (workday: boolean) => t(workday ? "calendar.workday" : "calendar.restDay");
  const list = (ys: number[]) => (ys.length ? ys.join(t("calendar.separator")) : t("calendar.none"));
  const workdayError = setErrors?.workday;
  const removeError = failed?.intent === "remove" ? Object.values(failed.errors).flatMap((e) => e ?? []) : [];
  // Error keys are core's (`errors.…`) or namespaced (`platform:calendar.errors.…`).
  const message = (keys: readonly string[] | undefined = []) => keys.map((k) => t(k.includes(":") ? k : `core:${k}`)).join(" ");
  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="muted">{t("calendar.intro")}</p>
      {result?.ok && <FormMessage tone="success">{result.message}</FormMessage>}
      {failed?.message && <FormMessage tone="error">{failed.message}</FormMessage>}
      {removeError.length > 0 && <FormMessage tone="error">{message(removeError)}</FormMessage>}

      <section aria-labelledby="calendar-coverage">
        <h2 id="calendar-coverage">{t("calendar.coverage")}</h2>
        <dl className="meta-table">
          <dt>{t("calendar.packageYears")}</dt>
          <dd>{list(packageYears)}</dd>
          <dt>{t("calendar.overrideYears")}</dt>
          <dd>{list(overrideYears)}</dd>
        </dl>
        {years.map((y) =>
          y.package ? null : y.overrides ? (
            <p key={y.year} className="notice notice-info">
              {t("calendar.overridesOnly", { year: y.year })}
            </p>
          ) : (
            <p key={y.year} className="notice notice-error">
              {t("calendar.yearMissing", { year: y.year })}
            </p>
          ),
        )}
      </section>

      <section aria-labelledby="calendar-overrides">
        <h2 id="calendar-overrides">{t("calendar.overrides")}</h2>
        {overrides.length === 0 ? (
          <p className="muted">{t("calendar.noOverrides")}</p>
        ) : (
          <table className="table">
            <caption>{t("calendar.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calendar.date")}</th>
                <th scope="col">{t("calendar.weekday")}</th>
                <th scope="col">{t("calendar.kind")}</th>
                <th scope="col">{t("calendar.builtIn")}</th>
                <th scope="col">{t("calendar.note")}</th>
                <th scope="col">{t("calendar.action")}</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.date}>
                  <th scope="row">
                    <time dateTime={o.date}>{o.date}</time>
                  </th>
                  <td>{o.weekday}</td>
                  <td>{o.workday ? <strong>{dayKind(true)}</strong> : dayKind(false)}</td>
                  <td>{o.builtIn === o.workday ? <span className="muted">{t("calendar.same")}</span> : dayKind(o.builtIn)}</td>
                  <td>{o.note}</td>
                  <td>
                    <RowAction intent="remove" fields={{ date: o.date }} label={t("calendar.remove")} context={t("calendar.rowContext", { date: o.date })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="calendar-add">
        <h2 id="calendar-add">{t("calendar.add")}</h2>
        <PostForm className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="set" />
          <Field
            name="date"
            type="date"
            label={t("calendar.date")}
            hint={t("calendar.dateHint")}
            required
            min={`${FIRST_YEAR}-01-01`}
            max={`${LAST_YEAR}-12-31`}
            defaultValue={values?.date}
            errors={setErrors}
          />
          <fieldset className="field" aria-describedby={workdayError?.length ? "f-workday-error" : undefined}>
            <legend>{t("calendar.kind")}</legend>
            {(["yes", "no"] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="workday" value={v} defaultChecked={values?.workday === v} required /> {dayKind(v === "yes")}
              </label>
            ))}
            {workdayError?.length ? (
              <p className="error" id="f-workday-error" role="alert">
                {message(workdayError)}
              </p>
            ) : null}
          </fieldset>
          <Field
            name="note"
            label={t("calendar.note")}
            hint={t("calendar.noteHint")}
            maxLength={NOTE_MAX}
            defaultValue={values?.note}
            errors={setErrors}
          />
          <button type="submit" className="button primary">
            {t("calendar.save")}
          </button>
        </PostForm>
      </section>
    </>
  );
}
