import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaYear } from "~/core/calendar/china-time";
import { z } from "zod";
import { loadCalendarOverrides, removeCalendarOverride, setCalendarOverride } from "~/core/calendar/overrides.server";
import { fromDayNumber, isCalendarDate, toDayNumber, weekdayOf } from "~/core/calendar/dates";
import { NOTICE_TEXT_MAX, NOTICE_ICS_MAX_BYTES, parseNotice, previewDays, readIcsUpload, writeNotice } from "~/core/calendar/notice-import.server";
import type { NoticeError, NoticeSource } from "~/core/calendar/notice-days";
import type { StatutoryHolidayKey } from "~/core/calendar/statutory-holidays";
import { WorkCalendar } from "~/core/calendar/work-calendar";
import { parseForm, type FieldErrors } from "~/core/forms.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform, type PlatformContext } from "~/core/permissions/platform.server";
import { NoticeImportForms, NoticePreviewTable, type NoticeFailure, type NoticePreview } from "~/ui/calendar/notice-import";
import { FormMessage, PostForm, RowAction } from "~/ui/forms";
import { ErrorSummary, RadioGroup, SubmitButton, TextField } from "~/ui/form-kit";

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

const YearSchema = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required", abort: true })
  .regex(/^\d{4}$/, { error: `${E}.year`, abort: true })
  .transform(Number)
  .refine((y) => y >= FIRST_YEAR && y <= LAST_YEAR, { error: `${E}.year` });

const SourceSchema = z.enum(["text", "ics"], { error: `${E}.badRequest` });

const INTENTS = ["set", "remove", "preview", "import"] as const;
type Intent = (typeof INTENTS)[number];

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
  // The .ics arrives as the `file` upload, read after the schema.
  z.object({
    intent: z.literal("preview"),
    source: SourceSchema,
    year: YearSchema,
    text: z.string().max(NOTICE_TEXT_MAX, { error: `${E}.textLong` }).optional(),
  }),
  // Confirming sends the notice itself again, read anew: nothing computed on the page is trusted.
  z.object({
    intent: z.literal("import"),
    source: SourceSchema,
    year: YearSchema,
    content: z.string({ error: `${E}.badRequest` }).min(1, { error: `${E}.badRequest` }).max(NOTICE_ICS_MAX_BYTES, { error: `${E}.badRequest` }),
  }),
]);


/**
 * Which holiday data covers this year and next (the statutory holidays computed for a year
 * without a notice), the overrides, and what each overridden day would be without its override.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatform(request, context, PERMISSION);
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const overrides = await loadCalendarOverrides(context.services.db);
  const calendar = new WorkCalendar(overrides);
  const { packageYears, noticeYears, overrideYears } = calendar.coverage();
  const year = chinaYear();
  const weekday = weekdayFormat(locale);
  return {
    title: `${t("calendar.title")} · ${t("console.title")}`,
    packageYears: [...packageYears],
    noticeYears: [...noticeYears],
    overrideYears: [...overrideYears],
    // This year and next: the deadlines being counted now reach into both.
    years: [year, year + 1].map((y) => ({
      year: y,
      package: packageYears.includes(y),
      notice: noticeYears.includes(y),
      overrides: overrideYears.includes(y),
      statutory: calendar.isKnownYear(y) ? [] : statutoryDaysOf(calendar, y),
    })),
    overrides: overrides.map((o) => ({
      date: o.date,
      weekday: weekday(o.date),
      weekend: [0, 6].includes(weekdayOf(toDayNumber(o.date))),
      workday: o.workday,
      note: o.note,
      noticeYear: o.noticeYear ?? null,
      builtIn: BUILT_IN.dayInfo(o.date).workday,
    })),
  };
}

function weekdayFormat(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  return (date: string) => format.format(new Date(toDayNumber(date) * 86_400_000));
}

/** The rest days the 放假办法 gives a year no notice covers, as deadlines now count them. */
function statutoryDaysOf(calendar: WorkCalendar, year: number): { date: string; holiday: StatutoryHolidayKey; inLieu: boolean }[] {
  const days = [];
  for (let day = toDayNumber(`${year}-01-01`); day <= toDayNumber(`${year}-12-31`); day++) {
    const info = calendar.dayInfo(fromDayNumber(day));
    if (info.source === "statutory-rule" && info.holiday) days.push({ date: info.date, holiday: info.holiday.holiday, inLieu: info.holiday.inLieu });
  }
  return days;
}

type Result =
  | { ok: true; message: string; preview?: undefined }
  | { ok: true; message?: undefined; preview: NoticePreview }
  | {
      ok: false;
      intent: Intent | null;
      errors: FieldErrors;
      message?: string;
      values?: Record<string, string>;
      source?: NoticeSource | null;
      noticeErrors?: NoticeError[];
    };

/**
 * `intent=set` (date, workday=yes|no, note): adds or replaces one day's override; `intent=remove`
 * (date): deletes it. `intent=preview` (source=text with the notice's text, or source=ics with a
 * `file`; year) reads a State Council notice and shows the days it would set, writing nothing;
 * `intent=import` (source, year, content) reads it again and writes it. Each change is audited on
 * the platform chain in its transaction, then the process's calendar is rebuilt so deadlines use
 * it at once.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, PERMISSION);
  const t = await fixedT(context, request, "platform");
  const form = await request.formData();
  const raw = form.get("intent");
  const intent = INTENTS.find((i) => i === raw) ?? null;
  const parsed = parseForm(ActionSchema, form);
  if (!parsed.ok) {
    if (!intent) return data<Result>({ ok: false, intent, errors: parsed.errors, message: t("calendar.errors.badRequest") }, { status: 400 });
    const keys = intent === "preview" || intent === "import" ? ["year", "text"] : ["date", "workday", "note"];
    const values = Object.fromEntries(keys.map((k) => [k, typeof form.get(k) === "string" ? String(form.get(k)) : ""]));
    const source = SourceSchema.safeParse(form.get("source")).data ?? null;
    // A refused hidden field (source, content) has no input to show its error at.
    const hidden = Object.keys(parsed.errors).some((k) => !keys.includes(k));
    const message = hidden ? t("calendar.errors.badRequest") : undefined;
    // A refused year stops no other check: the notice's text or file is named in the same answer.
    const errors: FieldErrors = { ...parsed.errors };
    if (intent === "preview" && source === "text" && !errors.text && !String(form.get("text") ?? "").trim()) errors.text = ["errors.required"];
    if (intent === "preview" && source === "ics") {
      const upload = await readIcsUpload(form.get("file"));
      if (!upload.ok) errors.file = [upload.error];
    }
    return data<Result>({ ok: false, intent, errors, values, source, message }, { status: 400 });
  }
  const change = parsed.data;
  if (change.intent === "preview" || change.intent === "import") return notice(ctx, change, form, { t, locale: await localeOf(request) });
  const target = { type: "calendar_override", id: change.date };

  if (change.intent === "set") {
    const row = {
      date: change.date,
      workday: change.workday === "yes",
      note: change.note || null,
    };
    await withPlatform(ctx, {}, async (trx, audit) => {
      const previous = await setCalendarOverride(trx, row, ctx.user.id);
      await audit({ action: "calendar.override.set", target, data: { ...row, previous } });
    });
    await context.services.calendar.refresh();
    return data<Result>({
      ok: true,
      message: t("calendar.done.set", { date: row.date }),
    });
  }

  const removed = await withPlatform(ctx, {}, async (trx, audit) => {
    const gone = await removeCalendarOverride(trx, change.date);
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

type NoticeChange =
  | { intent: "preview"; source: NoticeSource; year: number; text?: string }
  | { intent: "import"; source: NoticeSource; year: number; content: string };

/** Preview or import of a year's notice: one read of the notice, one transaction for the write. */
async function notice(
  ctx: PlatformContext,
  change: NoticeChange,
  form: FormData,
  { t, locale }: { t: Awaited<ReturnType<typeof fixedT>>; locale: string },
) {
  const { context } = ctx;
  const { intent, source, year } = change;
  const values = { year: String(year), text: change.intent === "preview" ? (change.text ?? "") : "" };
  const refuse = (errors: FieldErrors, noticeErrors: NoticeError[] = []) =>
    data<Result>({ ok: false, intent, errors, values, source, noticeErrors }, { status: 400 });

  let content: string;
  if (change.intent === "import") content = change.content;
  else if (source === "text") {
    content = change.text?.trim() ?? "";
    if (!content) return refuse({ text: ["errors.required"] });
  } else {
    const upload = await readIcsUpload(form.get("file"));
    if (!upload.ok) return refuse({ file: [upload.error] });
    content = upload.text;
  }
  const read = parseNotice(source, year, content);
  if (!read.ok) return refuse({}, read.errors);
  const days = read.days;

  if (intent === "preview") {
    const overrides = await loadCalendarOverrides(context.services.db);
    const weekday = weekdayFormat(locale);
    const imported = new Map(overrides.map((o) => [o.date, o.noticeYear ?? null]));
    const preview: NoticePreview = {
      year,
      source,
      content,
      days: previewDays(context.services.calendar.calendar, days, imported).map((d) => ({ ...d, weekday: weekday(d.date) })),
      replacing: overrides.filter((o) => o.noticeYear === year).length,
    };
    return data<Result>({ ok: true, preview });
  }

  await withPlatform(ctx, {}, async (trx, audit) => {
    const replaced = await writeNotice(trx, year, days, ctx.user.id);
    await audit({
      action: "calendar.notice.import",
      target: { type: "calendar_notice", id: String(year) },
      data: { year, source, days: days.map((d) => ({ date: d.date, workday: d.workday, note: d.name })), replaced },
    });
  });
  await context.services.calendar.refresh();
  return data<Result>({ ok: true, message: t("calendar.import.done", { year, count: days.length }) });
}

export default function CalendarPage() {
  const { t } = useTranslation("platform");
  const { packageYears, noticeYears, overrideYears, years, overrides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const setErrors = failed?.intent === "set" ? failed.errors : undefined;
  const values = failed?.intent === "set" ? failed.values : undefined;
  const noticeFailure: NoticeFailure | null =
    failed && (failed.intent === "preview" || failed.intent === "import")
      ? {
          source: failed.source ?? null,
          errors: failed.errors,
          noticeErrors: failed.noticeErrors ?? [],
          values: { year: failed.values?.year ?? "", text: failed.values?.text ?? "" },
        }
      : null;
  const preview = result?.ok ? result.preview : undefined;
  const dayKind = (workday: boolean) => t(workday ? "calendar.workday" : "calendar.restDay");
  const list = (ys: number[]) => (ys.length ? ys.join(t("calendar.separator")) : t("calendar.none"));
  const removeError = failed?.intent === "remove" ? Object.values(failed.errors).flatMap((e) => e ?? []) : [];
  // Error keys are core's (`errors.…`) or namespaced (`platform:calendar.errors.…`).
  const message = (keys: readonly string[] | undefined = []) => keys.map((k) => t(k.includes(":") ? k : `core:${k}`)).join(" ");
  return (
    <>
      <h1>{t("calendar.title")}</h1>
      <p className="muted">{t("calendar.intro")}</p>
      {result?.ok && result.message && <FormMessage tone="success">{result.message}</FormMessage>}
      {/* A refusal no field shows (a removal's, a hidden value's) in a summary of its own that takes focus. */}
      {(failed?.message || removeError.length > 0) && (
        <ErrorSummary errors={undefined} idPrefix="calendar">
          {failed?.message && <p>{failed.message}</p>}
          {removeError.length > 0 && <p>{message(removeError)}</p>}
        </ErrorSummary>
      )}

      {preview && <NoticePreviewTable preview={preview} />}

      <section aria-labelledby="calendar-coverage">
        <h2 id="calendar-coverage">{t("calendar.coverage")}</h2>
        <dl className="meta-table">
          <dt>{t("calendar.packageYears")}</dt>
          <dd>{list(packageYears)}</dd>
          <dt>{t("calendar.noticeYears")}</dt>
          <dd>{list(noticeYears)}</dd>
          <dt>{t("calendar.overrideYears")}</dt>
          <dd>{list(overrideYears)}</dd>
        </dl>
        {years.map((y) =>
          y.package || y.notice ? null : (
            <div key={y.year} className="notice notice-error">
              <p>{t("calendar.yearMissing", { year: y.year })}</p>
              {y.overrides && <p>{t("calendar.overridesOnly", { year: y.year })}</p>}
              {y.statutory.length > 0 && (
                <p>
                  {t("calendar.statutoryDays", { year: y.year })}{" "}
                  {y.statutory
                    .map((d) => `${d.date} ${t(`calendar.holidays.${d.holiday}`)}${d.inLieu ? t("calendar.inLieu") : ""}`)
                    .join(t("calendar.separator"))}
                </p>
              )}
            </div>
          ),
        )}
      </section>

      <NoticeImportForms failure={noticeFailure} firstYear={FIRST_YEAR} lastYear={LAST_YEAR} />

      <section aria-labelledby="calendar-overrides">
        <h2 id="calendar-overrides">{t("calendar.overrides")}</h2>
        {overrides.length === 0 ? (
          <p className="muted">{t("calendar.noOverrides")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption>{t("calendar.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("calendar.date")}</th>
                  <th scope="col">{t("calendar.weekday")}</th>
                  <th scope="col">{t("calendar.kind")}</th>
                  <th scope="col">{t("calendar.builtIn")}</th>
                  <th scope="col">{t("calendar.note")}</th>
                  <th scope="col">{t("calendar.origin")}</th>
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
                    <td>{o.noticeYear === null ? t("calendar.byHand") : t("calendar.sources.imported", { year: o.noticeYear })}</td>
                    <td>
                      <RowAction intent="remove" fields={{ date: o.date }} label={t("calendar.remove")} context={t("calendar.rowContext", { date: o.date })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="calendar-add">
        <h2 id="calendar-add">{t("calendar.add")}</h2>
        <ErrorSummary errors={setErrors} labels={{ date: t("calendar.date"), workday: t("calendar.kind"), note: t("calendar.note") }} />
        <PostForm className="stack narrow" noValidate>
          <input type="hidden" name="intent" value="set" />
          <TextField
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
          <RadioGroup
            name="workday"
            legend={t("calendar.kind")}
            required
            value={values?.workday}
            errors={setErrors}
            groups={[{ choices: (["yes", "no"] as const).map((v) => ({ value: v, label: dayKind(v === "yes") })) }]}
          />
          <TextField
            name="note"
            label={t("calendar.note")}
            hint={t("calendar.noteHint")}
            maxLength={NOTE_MAX}
            defaultValue={values?.note}
            errors={setErrors}
          />
          <SubmitButton>{t("calendar.save")}</SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
