import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import type { FieldErrors } from "~/core/input/field-errors";
import { PostForm } from "~/ui/forms";
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form-kit";

/** A refused decision, shown beside the panel rather than at the top of a long page. */
export type DecisionResult = { intent: string; ok: boolean; message?: string; errors?: Record<string, string> } | null;

/** The opinions leaders write on 同意, the usual one for this step first: 拟同意 on the way, 同意发布 at the last step. */
const OPINIONS = { intermediate: ["proposed", "agreed", "publish"], final: ["publish", "agreed", "proposed"] } as const;

/** Longest opinion on 同意 (the page's action refuses more). */
export const APPROVE_OPINION_MAX = 500;

function Hidden({ version, intent }: { version: number; intent?: string }) {
  return (
    <>
      <input type="hidden" name="version" value={version} />
      {intent && <input type="hidden" name="intent" value={intent} />}
    </>
  );
}

/** The refusal of one decision form, its field errors linked: `_form` for a refusal that names no field. */
function errorsOf(result: DecisionResult, intent: string): FieldErrors | undefined {
  if (!result || result.ok || result.intent !== intent) return undefined;
  const errors = result.errors && Object.keys(result.errors).length ? result.errors : { _form: result.message ?? "errors.invalid" };
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, [key]]));
}

/** Why the 保密审查 step cannot be approved yet, with a link to what is left to do; null when it can. */
function ClassificationBlocker({ classification: c, id }: { classification: NonNullable<DocumentView["classification"]>; id: string }) {
  const { t } = useTranslation();
  if (c.open > 0) {
    const first = c.findings.find((f) => f.resolution === null || (f.resolution === "keep" && !f.reason?.trim()));
    return (
      <p id={id} className="notice notice-info">
        <a href={first ? `#resolve-${first.index + 1}` : "#classification-review"}>{t("documents.blocked.findings", { count: c.open })}</a>
      </p>
    );
  }
  if (!c.review) {
    return (
      <p id={id} className="notice notice-info">
        <a href="#classification-record">{t("documents.blocked.record")}</a>
      </p>
    );
  }
  return null;
}

/** 同意 with its optional opinion; quick choices fill the field (a datalist offers them without JavaScript too). */
function ApproveForm({ doc, errors }: { doc: DocumentView; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const field = useRef<HTMLDivElement>(null);
  const blocked = doc.may.classify && !!doc.classification && (doc.classification.open > 0 || !doc.classification.review);
  const opinions = OPINIONS[doc.finalStep ? "final" : "intermediate"].map((k) => t(`documents.opinions.${k}`));
  const fill = (text: string) => {
    const input = field.current?.querySelector("input");
    if (!input) return;
    input.value = text;
    input.focus();
  };
  return (
    <PostForm className="stack narrow decision-approve">
      <Hidden version={doc.version} intent="approve" />
      <div ref={field}>
        <TextField
          name="comment"
          idPrefix="approve"
          label={t("documents.opinion")}
          hint={t("documents.opinionHint")}
          maxLength={APPROVE_OPINION_MAX}
          list="approve-opinions"
          autoComplete="off"
          errors={errors}
        />
      </div>
      <datalist id="approve-opinions">
        {opinions.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <div className="actions opinion-choices" role="group" aria-label={t("documents.opinionChoices")}>
        {opinions.map((o) => (
          <button key={o} type="button" className="button small" aria-label={t("documents.useOpinion", { opinion: o })} onClick={() => fill(o)}>
            {o}
          </button>
        ))}
      </div>
      {blocked && doc.classification && <ClassificationBlocker classification={doc.classification} id="approve-blocked" />}
      <SubmitButton className="button primary" disabled={blocked} aria-describedby={blocked ? "approve-blocked" : undefined}>
        {t("workflow.actions.approve")}
      </SubmitButton>
    </PostForm>
  );
}

/** What this reader may do now: submit or withdraw their own document, or decide the step waiting for them. */
export function DecisionPanel({ document: doc, result = null }: { document: DocumentView; result?: DecisionResult }) {
  const { t } = useTranslation();
  const { may } = doc;
  if (!may.submit && !may.withdraw && !may.decide) return null;
  const refused = result && !result.ok ? result.intent : null;
  const errors = refused ? errorsOf(result, refused) : undefined;
  const labels: Record<string, string> = {
    comment: t(refused === "approve" ? "documents.opinion" : "workflow.inbox.comment"),
    assignee: t("documents.reassignTo"),
  };
  return (
    <section aria-labelledby="document-decide" className="panel no-print decision-panel" id="decision">
      <h2 id="document-decide">{t("documents.decide")}</h2>
      <ErrorSummary errors={errors} labels={labels} idPrefix={refused ?? "decision"} />
      {may.submit && (
        <PostForm>
          <Hidden version={doc.version} intent="submit" />
          <SubmitButton className="button primary">{t("workflow.actions.submit")}</SubmitButton>
        </PostForm>
      )}
      {may.decide && (
        <>
          <ApproveForm doc={doc} errors={errorsOf(result, "approve")} />
          <PostForm className="stack narrow">
            <Hidden version={doc.version} intent="return" />
            <TextArea name="comment" idPrefix="return" label={t("workflow.inbox.comment")} required rows={3} maxLength={2000} errors={errorsOf(result, "return")} />
            <SubmitButton className="button">{t("workflow.actions.return")}</SubmitButton>
          </PostForm>
          {doc.reassignTo.length > 0 && (
            <PostForm className="stack narrow">
              <Hidden version={doc.version} intent="reassign" />
              <SelectField
                name="assignee"
                idPrefix="reassign"
                label={t("documents.reassignTo")}
                required
                defaultValue=""
                errors={errorsOf(result, "reassign")}
                options={doc.reassignTo.map((u) => ({ value: u.id, label: u.name }))}
              >
                <option value="" disabled>
                  {t("documents.choose")}
                </option>
              </SelectField>
              <SubmitButton className="button">{t("workflow.actions.reassign")}</SubmitButton>
            </PostForm>
          )}
        </>
      )}
      {may.withdraw && (
        <PostForm>
          <Hidden version={doc.version} intent="withdraw" />
          <SubmitButton className="button">{t("workflow.actions.withdraw")}</SubmitButton>
        </PostForm>
      )}
    </section>
  );
}
