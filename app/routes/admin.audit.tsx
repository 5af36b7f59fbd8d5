import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditAnchorFile } from "~/core/audit/anchor-file.server";
import { readAuditFilter } from "~/core/audit/filter.server";
import { AuditPresenter, auditPlugins } from "~/core/audit/present.server";
import { everyChain, PLATFORM_CHAIN, queryAuditEvents } from "~/core/audit/query.server";
import { isRunning, startVerifyJob, verifyJobOf, type VerifyJob } from "~/core/audit/verify-jobs.server";
import { verifyAuditChains } from "~/core/audit/verify.server";
import { badRequest, type FieldErrors } from "~/core/forms.server";
import { localeOf } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { AuditTable } from "~/ui/audit/audit-table";
import { FormMessage, PostForm } from "~/ui/forms";
import { DateField, FilterBar, Pager, ProgressBar, SelectField, SubmitButton, TextField } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** The verification as the page shows it: its progress while it runs, then what it found, offices by name. */
function verificationView(job: VerifyJob | null, presenter: AuditPresenter) {
  if (!job) return null;
  const report = job.report;
  return {
    running: isRunning(job),
    failed: job.failed,
    done: job.progress.done,
    total: job.progress.total,
    stage: job.progress.chain ? presenter.t("audit.verify.stage", { office: presenter.officeName(job.progress.chain) }) : undefined,
    report: report && {
      chains: report.chains,
      events: report.events,
      anchorProblems: report.anchorFile?.problems.map((p) => p.line) ?? [],
      breaks: report.breaks.map((b) => ({
        ...b,
        tenant: b.tenantId === PLATFORM_CHAIN ? null : b.name ? b.name[presenter.locale] : b.code ?? b.tenantId,
      })),
    },
  };
}

/** The auditor reads every chain and can write none: the read scope has no tenant to write to. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.audit.read");
  const locale = await localeOf(request);
  const tenants = (await context.services.tenants.fresh()).all().sort((a, b) => a.code.localeCompare(b.code));
  const presenter = new AuditPresenter(context.services.translators[locale], locale, auditPlugins(context.services.plugins.plugins), tenants);
  const read = readAuditFilter(new URL(request.url), tenants, presenter);
  const base = {
    title: `${presenter.t("audit.title")} · ${presenter.t("console.title")}`,
    tenants: tenants.map((x) => ({ code: x.code, name: x.name[locale] })),
    groups: presenter.groups(),
    values: read.values,
    verification: verificationView(verifyJobOf(ctx.user.id), presenter),
  };
  if (!read.ok) return data({ ...base, errors: read.errors, page: 1, hasNext: false, rows: [], exportHref: null }, { status: 400 });

  const result = await queryAuditEvents(context.services.db, everyChain(ctx.user.id, tenants.map((x) => x.id)), read.filter, read.page);
  return data({
    ...base,
    errors: {} as FieldErrors,
    page: result.page,
    hasNext: result.hasNext,
    rows: result.rows.map((e) => presenter.view(e)),
    exportHref: `/admin/audit.csv${read.query ? `?${read.query}` : ""}`,
  });
}

/**
 * Starts recomputing every hash chain in the background and comes back to the page, which shows
 * its progress until it ends; the verification and its outcome are then recorded on the platform chain.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.audit.read");
  const form = await request.formData();
  if (form.get("intent") !== "verify") throw badRequest();
  const { db, config } = context.services;
  startVerifyJob(
    ctx.user.id,
    async (onProgress) => {
      const report = await verifyAuditChains(db, { anchorFile: auditAnchorFile(config), onProgress });
      const anchorProblems = report.anchorFile?.problems.length ?? 0;
      await withPlatform(ctx, {}, (_trx, audit) =>
        audit({ action: "audit.verify", outcome: report.breaks.length || anchorProblems ? "failure" : "success", data: { ...report } }),
      );
      return report;
    },
    (e) => context.services.logger.error({ err: e, requestId: context.requestId }, "audit verification failed"),
  );
  const url = new URL(request.url);
  return redirect(`${url.pathname}${url.search}#verify`);
}

function VerifyPanel() {
  const { t } = useTranslation("platform");
  const { verification: v } = useLoaderData<typeof loader>();
  const report = v?.report;
  return (
    <section aria-labelledby="verify" className="audit-verify">
      <h2 id="verify">{t("audit.verify.title")}</h2>
      {v?.running && (
        <>
          <ProgressBar label={t("audit.verify.progress")} value={v.done} max={v.total || undefined} unit={t("audit.verify.unit")} stage={v.stage} running />
          <p className="muted">{t("audit.verify.running")}</p>
        </>
      )}
      {v?.failed && <FormMessage tone="error">{t("audit.verify.failed")}</FormMessage>}
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
          <SubmitButton className="button" disabled={v?.running}>
            {v?.running ? t("audit.verify.busy") : t("audit.verify.submit")}
          </SubmitButton>{" "}
          <span className="muted">{t("audit.verify.hint")}</span>
        </p>
      </PostForm>
    </section>
  );
}

export default function AuditPage() {
  const { t } = useTranslation("platform");
  const { tenants, groups, values, errors, page, hasNext, rows, exportHref } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>

      <VerifyPanel />

      <h2 id="events">{t("audit.eventsTitle")}</h2>
      <FilterBar label={t("audit.filters")} applyLabel={t("common.filter")}>
        <SelectField name="tenant" label={t("audit.col.tenant")} defaultValue={values.tenant} errors={errors} options={tenants.map((x) => ({ value: x.code, label: x.name }))}>
          <option value="">{t("common.all")}</option>
          <option value="platform">{t("audit.platformChain")}</option>
        </SelectField>
        <TextField name="actor" label={t("audit.actorFilter")} hint={t("audit.personHint")} defaultValue={values.actor} errors={errors} />
        <SelectField name="action" label={t("audit.actionFilter")} defaultValue={values.action} errors={errors}>
          <option value="">{t("audit.allEvents")}</option>
          {groups.map((g) => (
            <optgroup key={g.value} label={g.label}>
              <option value={g.value}>{t("audit.allOfGroup", { group: g.label })}</option>
              {g.events.map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          name="outcome"
          label={t("audit.col.outcome")}
          defaultValue={values.outcome}
          errors={errors}
          options={[
            { value: "", label: t("common.all") },
            { value: "success", label: t("audit.outcome.success") },
            { value: "failure", label: t("audit.outcome.failure") },
          ]}
        />
        <DateField name="from" label={t("audit.from")} defaultValue={values.from} errors={errors} />
        <DateField name="to" label={t("audit.to")} defaultValue={values.to} errors={errors} />
      </FilterBar>
      {errors.page?.length ? (
        <FormMessage tone="error">
          {t("core:filters.page")}: {t(`core:${errors.page[0]}`)}
        </FormMessage>
      ) : null}
      {exportHref && (
        <p className="audit-export">
          <a className="button" href={exportHref} download>
            {t("audit.export.link")}
          </a>{" "}
          <span className="muted">{t("audit.export.hint")}</span>
        </p>
      )}

      <AuditTable rows={rows} caption={t("audit.caption")} />
      <Pager page={page} hasNext={hasNext} />
    </>
  );
}
