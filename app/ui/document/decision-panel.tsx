import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import { PostForm } from "~/ui/forms";
import { SelectField, SubmitButton, TextArea } from "~/ui/form-kit";

function Hidden({ version, intent }: { version: number; intent?: string }) {
  return (
    <>
      <input type="hidden" name="version" value={version} />
      {intent && <input type="hidden" name="intent" value={intent} />}
    </>
  );
}

/** What this reader may do now: submit or withdraw their own document, or decide the step waiting for them. */
export function DecisionPanel({ document: doc }: { document: DocumentView }) {
  const { t } = useTranslation();
  const { may } = doc;
  if (!may.submit && !may.withdraw && !may.decide) return null;
  const blocked = may.classify && doc.classification && (doc.classification.open > 0 || !doc.classification.review);
  return (
    <section aria-labelledby="document-decide" className="panel">
      <h2 id="document-decide">{t("documents.decide")}</h2>
      {may.submit && (
        <PostForm>
          <Hidden version={doc.version} intent="submit" />
          <SubmitButton className="button primary">
            {t("workflow.actions.submit")}
          </SubmitButton>
        </PostForm>
      )}
      {may.decide && (
        <>
          {blocked && <p className="notice notice-info">{t("documents.classificationFirst", { count: doc.classification!.open })}</p>}
          <PostForm>
            <Hidden version={doc.version} intent="approve" />
            <SubmitButton className="button primary">
              {t("workflow.actions.approve")}
            </SubmitButton>
          </PostForm>
          <PostForm className="stack narrow">
            <Hidden version={doc.version} intent="return" />
            <TextArea name="comment" idPrefix="return" label={t("workflow.inbox.comment")} required rows={3} maxLength={2000} />
            <SubmitButton className="button">
              {t("workflow.actions.return")}
            </SubmitButton>
          </PostForm>
          {doc.reassignTo.length > 0 && (
            <PostForm className="stack narrow">
              <Hidden version={doc.version} intent="reassign" />
              <SelectField name="assignee" idPrefix="reassign" label={t("documents.reassignTo")} required defaultValue="" options={doc.reassignTo.map((u) => ({ value: u.id, label: u.name }))}>
                <option value="" disabled>
                  {t("documents.choose")}
                </option>
              </SelectField>
              <SubmitButton className="button">
                {t("workflow.actions.reassign")}
              </SubmitButton>
            </PostForm>
          )}
        </>
      )}
      {may.withdraw && (
        <PostForm>
          <Hidden version={doc.version} intent="withdraw" />
          <SubmitButton className="button">
            {t("workflow.actions.withdraw")}
          </SubmitButton>
        </PostForm>
      )}
    </section>
  );
}
