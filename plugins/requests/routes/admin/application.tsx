import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkedTexts, requireUuidParam } from "../../../../app/plugin-api/loaders.server";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { ErrorSummary, FileMeta, FormMessage, hasErrors, useLocale, type FieldErrors } from "../../../../app/plugin-api/ui";
import { mergeErrors, refusal, type Refusal } from "../../server/refusal";
import { applicantLabel, channelLabel, replyTypeLabel } from "../../law/labels";
import { decideAppeal, recordAppeal } from "../../server/staff/appeals.server";
import { performStep, revealApplicant, StepForms, type StepName } from "../../server/staff/actions.server";
import { applicationView } from "../../server/staff/view.server";
import type { ActionResult } from "./_parts/action-result";
import { Appeals } from "./_parts/appeals";
import { refusedFormShown } from "./_parts/refused-form";
import { ApplicantCard } from "./_parts/applicant";
import { NextSteps } from "./_parts/next-steps";
import { History } from "./_parts/history";
import { mayPrintLetters } from "../../server/letters/letter.server";
import { Urgency } from "./_parts/urgency";
import { urgencyOf } from "../../server/staff/list.server";
import { applicationReplyFiles } from "../../server/reply-files/store.server";
import { ReplyFilesList } from "./_parts/reply-files";

/** One application: what was asked, by whom (masked), the reply clock explained, what happened, and what to do next. */
export const loader = pluginLoader(async (ctx, { params }) => {
  const [view, replyFiles] = await ctx.withTenant(async (trx) => {
    const found = await applicationView(ctx, trx, params.id);
    return [found, await applicationReplyFiles(trx, found.application.id)] as const;
  });
  return { ...view, replyFiles, base: `/t/${ctx.tenant.code}/admin/requests`, urgency: view.clock ? urgencyOf(view.clock) : null, canPrintLetters: mayPrintLetters(ctx) };
});

export const action = pluginAction(async (ctx, { params, request }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const id = requireUuidParam(params, "id");
  const { values, errors } = checkedTexts(await request.formData());
  const intent = values.intent ?? "";
  const fail = (r: Refusal, status = 400) => data<ActionResult>({ ok: false, intent, field: r.field, error: r.error, errors: r.errors, values }, { status });
  // A refused intent names no form: the page's own fault.
  if (errors.intent) return fail(refusal({ _form: errors.intent }));
  // Refused texts (a control character) are said with every other fault of the form, in one answer;
  // the form is checked with them emptied, so no refused text reaches the database.
  const refusedTexts: FieldErrors = errors;
  const checked = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, refusedTexts[name] ? "" : value]));

  if (intent === "reveal") {
    if (hasErrors(refusedTexts)) return fail(refusal(refusedTexts));
    const applicant = await ctx.withTenant(async (trx) => revealApplicant(ctx, trx, await applicationView(ctx, trx, id)));
    return data<ActionResult>({ ok: true, intent, applicant });
  }
  const isAppeal = intent === "appeal.record" || intent === "appeal.decide";
  ctx.require(isAppeal ? "requests.appeals.manage" : "requests.applications.handle");
  // Own keys only: an inherited name (`toString`) is no step.
  if (!isAppeal && !Object.hasOwn(StepForms(""), intent)) return fail(refusal({ _form: ["errors.invalid"] }));
  const r = await ctx
    .withTenant(async (trx) => {
      let result: { ok: true } | Refusal;
      if (isAppeal) {
        const app = await applicationView(ctx, trx, id);
        const row = { id: app.application.id, closed_on: app.application.closedOn, tracking_no: app.application.trackingNo, due_date: app.clock?.dueDate ?? null };
        result = intent === "appeal.record" ? await recordAppeal(ctx, trx, row, checked) : await decideAppeal(ctx, trx, row, checked);
      } else result = await performStep(ctx, trx, id, intent as StepName, checked);
      // A refused form changes nothing: undo whatever was written before it was refused.
      if (!result.ok || hasErrors(refusedTexts)) throw new Refused(refusal(mergeErrors(result.ok ? {} : withoutRefused(result.errors, refusedTexts), refusedTexts)));
      return result;
    })
    .catch((e: unknown) => (e instanceof Refused ? e.result : Promise.reject(e)));
  return r.ok ? data<ActionResult>({ ok: true, intent }) : fail(r, r.errors._form?.includes("requests:errors.stepNotOpen") ? 409 : 400);
});

/** A refused text's own error says why, not what its value as typed fails besides. */
function withoutRefused(errors: FieldErrors, refused: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !refused[field]?.length));
}

class Refused extends Error {
  constructor(readonly result: Refusal) {
    super(result.error);
  }
}

export default function Application() {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const v = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const a = v.application;
  return (
    <>
      <p>
        <Link to={v.base}>{t("staff.application.back")}</Link>
      </p>
      <h1>
        {a.subject} <span className="badge">{a.trackingNo}</span>
      </h1>
      <p className="lead">
        {t(`status.${a.status}`)}
        {a.replyType && ` · ${replyTypeLabel(a.replyType, locale)}`}
      </p>
      {result?.ok && <FormMessage tone="success">{t(`staff.done.${result.intent}`, { defaultValue: t("staff.done.default") })}</FormMessage>}
      {result && !result.ok && !refusedFormShown(v, result) && <ErrorSummary errors={result.errors} idPrefix="page" />}

      <section aria-labelledby="clock-h" className="panel">
        <h2 id="clock-h">{t("staff.application.clock")}</h2>
        {v.clock ? (
          <>
            {/* Overdue: the explanation already ends "已逾期N个工作日", so it is the red text, not followed by a second copy. */}
            {v.urgency === "overdue" ? (
              <p className="urgent-overdue">{v.clock.explanation}</p>
            ) : (
              <p>
                {v.clock.explanation}
                <Urgency urgency={v.urgency} leftDays={v.clock.leftDays} overdueDays={v.clock.overdueDays} />
              </p>
            )}
            {v.clock.warnings.some((w) => w.kind === "late-supplement-notice") && <p className="error">{t("staff.application.lateSupplementNotice")}</p>}
            {v.clock.warnings.some((w) => w.kind === "answer-overdue") && <p className="error">{t("staff.application.answerOverdue")}</p>}
            {a.status === "processing" && v.supplementNoticeBy && v.steps.includes("notice.supplement") && <p className="hint">{t("staff.application.supplementBy", { date: v.supplementNoticeBy })}</p>}
          </>
        ) : (
          <p>{t(a.status === "closed" ? "staff.application.withdrawnUnreceived" : "staff.application.notReceived")}</p>
        )}
      </section>

      <NextSteps view={v} result={result} />

      <h2>{t("staff.application.request")}</h2>
      <dl className="meta-table">
        <dt>{t("fields.applicantType")}</dt>
        <dd>{applicantLabel(a.applicantType, locale)}</dd>
        <dt>{t("fields.channel")}</dt>
        <dd>{channelLabel(a.channel, locale)}</dd>
        <dt>{t("fields.submittedAt")}</dt>
        <dd>{new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date(a.submittedAt))}</dd>
        <dt>{t("fields.receivedOn")}</dt>
        <dd>{a.receivedOn ?? t("staff.list.notConfirmed")}</dd>
        <dt>{t("fields.subject")}</dt>
        <dd>{a.subject}</dd>
        {a.docNumber && (
          <>
            <dt>{t("fields.docNumber")}</dt>
            <dd>{a.docNumber}</dd>
          </>
        )}
        <dt>{t("fields.description")}</dt>
        <dd className="document-text">{a.description}</dd>
        <dt>{t("fields.form")}</dt>
        <dd>
          {t(`form.${a.form}`)} · {t(`delivery.${a.delivery}`)}
        </dd>
        {v.attachments.length > 0 && (
          <>
            <dt>{t("fields.attachments")}</dt>
            <dd>
              {v.attachments.map((f, i) => (
                <span key={f.id}>
                  {i > 0 && "、"}
                  {f.name} <FileMeta className="muted" mime={f.mime} name={f.name} size={f.size} />
                </span>
              ))}
            </dd>
          </>
        )}
        {a.feeFen !== null && (
          <>
            <dt>{t("fields.fee")}</dt>
            <dd>
              ¥{(a.feeFen / 100).toFixed(2)} {a.feePaidOn ? t("staff.application.feePaid", { date: a.feePaidOn }) : a.feeDue ? t("staff.application.feeDue", { date: a.feeDue }) : ""}
            </dd>
          </>
        )}
      </dl>
      <ApplicantCard masked={a.applicantMasked} canRead={v.can.readApplicant} revealed={result?.ok ? result.applicant : undefined} />

      <History view={v} canPrint={v.canPrintLetters} />
      <ReplyFilesList files={v.replyFiles} base={`${v.base}/applications/${a.id}`} />
      <Appeals view={v} result={result} />
    </>
  );
}
