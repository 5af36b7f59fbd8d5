import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { compactJson, everyChain, PLATFORM_CHAIN, queryAuditEvents, type AuditFilter } from "~/core/audit/query.server";
import { auditAnchorFile } from "~/core/audit/anchor-file.server";
import { verifyAuditChains } from "~/core/audit/verify.server";
import { isCalendarDate } from "~/core/calendar/dates";
import { badRequest, parseQuery, type FieldErrors } from "~/core/forms.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { DateField, FilterBar, Pager, SelectField, TextField } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const Day = z.string().refine(isCalendarDate, { error: "errors.date" });

const FilterSchema = z
  .object({
    tenant: z.string().max(64).optional(),
    actor: z.string().trim().max(64, { error: "errors.invalid" }).optional(),
    action: z.string().trim().max(100, { error: "errors.invalid" }).optional(),
    outcome: z.enum(["success", "failure"]).optional(),
    from: Day.optional(),
    to: Day.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  // Only two valid dates can be out of order; an invalid one already has its own message.
  .refine((f) => !Day.safeParse(f.from).success || !Day.safeParse(f.to).success || f.from! <= f.to!, {
    path: ["to"],
    error: "platform:errors.audit.range",
  });

/** The auditor reads every chain and can write none: the read scope has no tenant to write to. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.audit.read");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const tenants = (await context.services.tenants.fresh()).all().sort((a, b) => a.code.localeCompare(b.code));
  // An empty box of the GET form means "any": only filled-in parameters are read.
  const params = new URLSearchParams([...new URL(request.url).searchParams].filter(([, v]) => v.trim() !== ""));
  const raw = Object.fromEntries(params);
  const parsed = parseQuery(FilterSchema, params);
  const base = {
    title: `${t("audit.title")} · ${t("console.title")}`,
    tenants: tenants.map((x) => ({ code: x.code, name: x.name[locale] })),
    values: {
      tenant: raw.tenant ?? "",
      actor: raw.actor ?? "",
      action: raw.action ?? "",
      outcome: raw.outcome ?? "",
      from: raw.from ?? "",
      to: raw.to ?? "",
    },
  };
  const refused = (errors: FieldErrors) => data({ ...base, errors, page: 1, hasNext: false, rows: [] }, { status: 400 });
  if (!parsed.ok) return refused(parsed.errors);

  const f = parsed.data;
  const chain = f.tenant === "platform" ? PLATFORM_CHAIN : tenants.find((x) => x.code === f.tenant)?.id;
  if (f.tenant && !chain) return refused({ tenant: ["errors.invalid"] });
  const filter: AuditFilter = { tenantId: chain, actor: f.actor, action: f.action, outcome: f.outcome, from: f.from, to: f.to };
  const result = await queryAuditEvents(context.services.db, everyChain(ctx.user.id, tenants.map((x) => x.id)), filter, f.page);
  const format = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });
  return data({
    ...base,
    errors: {} as FieldErrors,
    page: result.page,
    hasNext: result.hasNext,
    rows: result.rows.map((e) => ({
      key: `${e.tenantId}/${e.seq}`,
      at: format.format(e.at),
      iso: e.at.toISOString(),
      tenant: e.tenantId === PLATFORM_CHAIN ? null : tenants.find((x) => x.id === e.tenantId)?.name[locale] ?? e.tenantId,
      seq: e.seq,
      actor: e.actorName,
      action: e.action,
      target: e.targetType ? `${e.targetType}:${e.targetId ?? ""}` : null,
      outcome: e.outcome,
      ip: e.ip,
      requestId: e.requestId,
      data: Object.keys(e.data).length ? compactJson(e.data) : "",
    })),
  });
}

/** Recomputes every hash chain; the verification itself is recorded on the platform chain. */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.audit.read");
  const form = await request.formData();
  if (form.get("intent") !== "verify") throw badRequest();
  const report = await verifyAuditChains(context.services.db, { anchorFile: auditAnchorFile(context.services.config) });
  const anchorProblems = report.anchorFile?.problems.map((p) => p.line) ?? [];
  await withPlatform(ctx, {}, (_trx, audit) =>
    audit({ action: "audit.verify", outcome: report.breaks.length || anchorProblems.length ? "failure" : "success", data: { ...report } }),
  );
  const locale = await localeOf(request);
  const dir = await context.services.tenants.fresh();
  return {
    chains: report.chains,
    events: report.events,
    anchorProblems,
    breaks: report.breaks.map((b) => ({
      ...b,
      tenant: b.tenantId === PLATFORM_CHAIN ? null : dir.byId(b.tenantId)?.name[locale] ?? b.code ?? b.tenantId,
    })),
  };
}

export default function AuditPage() {
  const { t } = useTranslation("platform");
  const { tenants, values, errors, page, hasNext, rows } = useLoaderData<typeof loader>();
  const report = useActionData<typeof action>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>

      <section aria-labelledby="verify">
        <h2 id="verify">{t("audit.verify.title")}</h2>
        {report &&
          (report.breaks.length === 0 && report.anchorProblems.length === 0 ? (
            <FormMessage tone="success">{t("audit.verify.ok", { chains: report.chains, events: report.events })}</FormMessage>
          ) : (
            <div className="notice notice-error" role="alert">
              <p>{t("audit.verify.broken", { chains: report.chains, events: report.events, count: report.breaks.length + report.anchorProblems.length })}</p>
              <ul>
                {report.breaks.map((b) => (
                  <li key={b.tenantId}>
                    {t("audit.verify.break", {
                      tenant: b.tenant ?? t("audit.platformChain"),
                      seq: b.seq,
                      reason: t(`audit.verify.reasons.${b.reason}`),
                    })}
                  </li>
                ))}
                {report.anchorProblems.map((line) => (
                  <li key={`anchor-${line}`}>{t("audit.verify.anchorLine", { line })}</li>
                ))}
              </ul>
            </div>
          ))}
        <PostForm>
          <input type="hidden" name="intent" value="verify" />
          <p>
            <button type="submit" className="button">
              {t("audit.verify.submit")}
            </button>{" "}
            <span className="muted">{t("audit.verify.hint")}</span>
          </p>
        </PostForm>
      </section>

      <h2 id="events">{t("audit.eventsTitle")}</h2>
      <FilterBar label={t("audit.filters")} applyLabel={t("common.filter")}>
        <SelectField name="tenant" label={t("audit.col.tenant")} defaultValue={values.tenant} options={tenants.map((x) => ({ value: x.code, label: x.name }))}>
          <option value="">{t("common.all")}</option>
          <option value="platform">{t("audit.platformChain")}</option>
        </SelectField>
        <TextField name="actor" label={t("audit.actorFilter")} defaultValue={values.actor} errors={errors} />
        <TextField name="action" label={t("audit.actionFilter")} hint={t("audit.actionHint")} defaultValue={values.action} errors={errors} />
        <SelectField
          name="outcome"
          label={t("audit.col.outcome")}
          defaultValue={values.outcome}
          options={[
            { value: "", label: t("common.all") },
            { value: "success", label: t("audit.outcome.success") },
            { value: "failure", label: t("audit.outcome.failure") },
          ]}
        />
        <DateField name="from" label={t("audit.from")} defaultValue={values.from} errors={errors} />
        <DateField name="to" label={t("audit.to")} defaultValue={values.to} errors={errors} />
      </FilterBar>
      {(
        [
          ["tenant", t("audit.col.tenant")],
          ["outcome", t("audit.col.outcome")],
          ["page", t("core:filters.page")],
        ] as const
      ).map(([field, label]) =>
        errors[field]?.length ? (
          <FormMessage key={field} tone="error">
            {label}: {t(`core:${errors[field]![0]}`)}
          </FormMessage>
        ) : null,
      )}

      <table className="table audit-table">
        <caption className="visually-hidden">{t("audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.col.at")}</th>
            <th scope="col">{t("audit.col.tenant")}</th>
            <th scope="col">{t("audit.col.actor")}</th>
            <th scope="col">{t("audit.col.action")}</th>
            <th scope="col">{t("audit.col.target")}</th>
            <th scope="col">{t("audit.col.outcome")}</th>
            <th scope="col">{t("audit.col.ip")}</th>
            <th scope="col">{t("audit.col.requestId")}</th>
            <th scope="col">{t("audit.col.data")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.key}>
              <td>
                <time dateTime={e.iso}>{e.at}</time>
              </td>
              <td>
                {e.tenant ?? t("audit.platformChain")} <span className="muted">#{e.seq}</span>
              </td>
              <td>{e.actor ?? <span className="muted">—</span>}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target && <code>{e.target}</code>}</td>
              <td className={e.outcome === "failure" ? "outcome-failure" : undefined}>{t(`audit.outcome.${e.outcome}`)}</td>
              <td>{e.ip}</td>
              <td>{e.requestId && <code>{e.requestId}</code>}</td>
              <td>{e.data && <code>{e.data}</code>}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={9} className="muted">
                {t("audit.none")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager page={page} hasNext={hasNext} />
    </>
  );
}
