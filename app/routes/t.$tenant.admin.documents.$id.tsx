import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { firstMessages, parseForm } from "~/core/forms.server";
import { requireUuidParam } from "~/core/input/uuid";
import { localeOf } from "~/core/i18n/locale.server";
import { notFound, requirePermission, requireStaff, withTenant } from "~/core/tenancy/staff.server";
import { recordClassification, resolveFinding, resolveFindingsOfKind } from "~/core/workflow/classification-step.server";
import { documentView } from "~/core/workflow/document-view.server";
import { decide, type DecisionOutcome } from "~/core/workflow/service.server";
import { APPROVE_OPINION_MAX, DecisionPanel } from "~/ui/document/decision-panel";
import { DocumentText } from "~/ui/document/document-text";
import { FindingsReview } from "~/ui/document/findings-review";
import { StepsAndHistory } from "~/ui/document/steps-and-history";
import { FormMessage } from "~/ui/forms";

/** The longest opinion on 退回 (what to change); 同意's (拟同意, 同意发布, a line of instruction) is shorter. */
const RETURN_OPINION_MAX = 2000;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.document.title }];

async function guard(args: LoaderFunctionArgs) {
  const ctx = await requireStaff(args.request, args.context, args.params.tenant);
  requirePermission(ctx, "core.workspace.view");
  return { ctx, id: requireUuidParam(args.params, "id") };
}

/** One workflow document: its text (masked unless the reader may see the original), its chain, its decisions, its 保密审查. */
export async function loader(args: LoaderFunctionArgs) {
  const { ctx, id } = await guard(args);
  const locale = await localeOf(args.request);
  const document = await withTenant(ctx, (trx) => documentView(trx, ctx, id, locale));
  if (!document) throw notFound();
  return { document, readOnly: ctx.access.mode !== "member" };
}

const Version = z.coerce.number().int().positive();
const Decision = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["submit", "withdraw"]), version: Version }),
  // 同意's opinion (拟同意, 同意发布 …) is optional; 退回's is required (the workflow refuses it empty).
  z.object({ intent: z.literal("approve"), version: Version, comment: z.string().trim().max(APPROVE_OPINION_MAX, "documents.errors.opinionTooLong").optional() }),
  z.object({ intent: z.literal("return"), version: Version, comment: z.string().trim().max(RETURN_OPINION_MAX, "documents.errors.opinionTooLong") }),
  z.object({ intent: z.literal("reassign"), version: Version, assignee: z.string().uuid("workflow.errors.assigneeRequired") }),
]);

/** The intents the decision panel sends: their refusals are shown beside it. */
const DECISION_INTENTS = new Set(["submit", "withdraw", "approve", "return", "reassign"]);

type Result = {
  intent: string;
  ok: boolean;
  message?: string;
  /** Interpolations of `message`; `step` is an i18n key (the next step's label). */
  values?: { step?: string; index?: string };
  errors?: Record<string, string>;
  field?: string;
  key?: string;
  count?: number;
};

/** What the approver reads after 同意: where the document went, or what the last approval did. */
function approvedMessage(outcome: DecisionOutcome | undefined): Pick<Result, "message" | "values"> {
  switch (outcome?.kind) {
    case "forwarded":
      return { message: "documents.done.approveForwarded", values: { step: outcome.step } };
    case "published":
      return outcome.indexNumber ? { message: "documents.done.approvePublishedNumbered", values: { index: outcome.indexNumber } } : { message: "documents.done.approvePublished" };
    case "withheld":
      return { message: "documents.done.approveWithheld" };
    case "approved":
      return { message: outcome.message ?? "documents.done.approveCompleted" };
    default:
      return { message: "documents.done.approve" };
  }
}

export async function action(args: ActionFunctionArgs) {
  const { ctx, id } = await guard(args);
  const raw = await args.request.formData();
  const checked = parseForm(z.record(z.string(), z.unknown()), raw);
  const form = checked.ok ? checked.data : Object.fromEntries(raw);
  const intent = String(form.intent ?? "");
  if (!checked.ok) {
    // A control character or bidi override anywhere: refused before any decision, named where it was typed.
    const errors = firstMessages(checked.errors);
    const target = { field: String(form.field ?? ""), key: String(form.key ?? "") };
    return data<Result>({ intent, ok: false, errors, message: Object.values(errors)[0], ...target }, { status: 400 });
  }

  if (intent === "classify") {
    const input = { attribute: form.attribute, ground: form.ground, noStateSecret: form.noStateSecret === "on" };
    const r = await withTenant(ctx, (trx) => recordClassification(trx, ctx, id, input));
    if (r.ok) return data<Result>({ intent, ok: true, message: "classification.done.recorded" });
    return data<Result>({ intent, ok: false, errors: r.errors, message: r.refusal?.key }, { status: r.refusal?.code === "notFound" ? 404 : 400 });
  }
  if (intent === "resolveKind") {
    const input = { kind: form.kind, action: form.action, reason: form.reason };
    const r = await withTenant(ctx, (trx) => resolveFindingsOfKind(trx, ctx, id, input));
    if (r.ok) return data<Result>({ intent, ok: true, message: "classification.done.resolvedKind", count: r.count });
    return data<Result>({ intent, ok: false, errors: r.errors, message: r.refusal?.key }, { status: r.refusal?.code === "notFound" ? 404 : 400 });
  }
  if (intent === "resolve") {
    const input = { field: form.field, key: form.key, action: form.action, reason: form.reason };
    const r = await withTenant(ctx, (trx) => resolveFinding(trx, ctx, id, input));
    const target = { field: String(form.field ?? ""), key: String(form.key ?? "") };
    if (r.ok) return data<Result>({ intent, ok: true, ...target });
    return data<Result>({ intent, ok: false, errors: r.errors, message: r.refusal?.key, ...target }, { status: 400 });
  }

  const parsed = parseForm(Decision, raw);
  if (!parsed.ok) {
    const errors = firstMessages(parsed.errors);
    return data<Result>({ intent, ok: false, errors, message: Object.values(errors)[0] }, { status: 400 });
  }
  const d = parsed.data;
  const result = await decide(ctx, {
    documentId: id,
    action: d.intent,
    expectedVersion: d.version,
    comment: d.intent === "return" || d.intent === "approve" ? (d.comment ?? null) : null,
    assignee: d.intent === "reassign" ? d.assignee : null,
  });
  if (!result.ok) {
    const status = result.refusal.code === "staleVersion" ? 409 : result.refusal.code === "notFound" ? 404 : 400;
    const field = result.refusal.code === "commentRequired" ? "comment" : result.refusal.code.startsWith("assignee") ? "assignee" : "_form";
    return data<Result>({ intent, ok: false, message: result.refusal.key, errors: { [field]: result.refusal.key } }, { status });
  }
  if (d.intent === "approve") return data<Result>({ intent, ok: true, ...approvedMessage(result.outcome) });
  return data<Result>({ intent, ok: true, message: `documents.done.${d.intent}` });
}

export default function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { document: doc, readOnly } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  const ns = doc.typeLabel.includes(":") ? doc.typeLabel.split(":")[0]! : "core";
  // A finding's decision is answered beside that finding, a refused decision or 保密审查 record beside
  // its form (the panel may be far down a long page); successes and the rest at the top.
  const beside = result && !result.ok && (DECISION_INTENTS.has(result.intent) || result.intent === "classify");
  const general = result && result.intent !== "resolve" && !beside ? result : null;
  const message = (r: Result) => t(r.message!, { count: r.count, index: r.values?.index, step: r.values?.step ? t(r.values.step, { defaultValue: r.values.step }) : undefined });
  return (
    <>
      <p className="muted">
        {t(doc.typeLabel, { defaultValue: doc.typeLabel })} · {t(`workflow.status.${doc.status}`)}
        {doc.important && <span className="badge">{t("workflow.inbox.important")}</span>}
      </p>
      <h1>{doc.title}</h1>
      <dl className="meta-table">
        <dt>{t("documents.createdBy")}</dt>
        <dd>{doc.createdBy}</dd>
        {doc.dueDate && (
          <>
            <dt>{t("workflow.inbox.due")}</dt>
            <dd>
              <time dateTime={doc.dueDate}>{doc.dueDate}</time>
            </dd>
          </>
        )}
        {doc.indexNumber && (
          <>
            <dt>{t("documents.indexNumber")}</dt>
            <dd>{doc.indexNumber}</dd>
          </>
        )}
        {doc.publishedAt && (
          <>
            <dt>{t("documents.publishedAt")}</dt>
            <dd>
              <time dateTime={doc.publishedAt}>{date.format(new Date(doc.publishedAt))}</time>
            </dd>
          </>
        )}
      </dl>
      {general?.message && <FormMessage tone={general.ok ? "success" : "error"}>{message(general)}</FormMessage>}
      {readOnly && <p className="notice notice-info">{t("documents.readOnly")}</p>}

      <DocumentText fields={doc.fields} original={doc.original} ns={ns} omitted={doc.omitted} />
      {doc.classification && (
        <FindingsReview document={doc} classification={doc.classification} result={result ?? null} />
      )}
      <DecisionPanel document={doc} result={result && DECISION_INTENTS.has(result.intent) && !result.ok ? result : null} />
      <StepsAndHistory steps={doc.steps} decisions={doc.decisions} />
    </>
  );
}
