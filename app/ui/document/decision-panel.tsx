import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import { PostForm } from "~/ui/forms";

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
          <button type="submit" className="button primary">
            {t("workflow.actions.submit")}
          </button>
        </PostForm>
      )}
      {may.decide && (
        <>
          {blocked && <p className="notice notice-info">{t("documents.classificationFirst", { count: doc.classification!.open })}</p>}
          <PostForm>
            <Hidden version={doc.version} intent="approve" />
            <button type="submit" className="button primary">
              {t("workflow.actions.approve")}
            </button>
          </PostForm>
          <PostForm className="stack narrow">
            <Hidden version={doc.version} intent="return" />
            <div className="field">
              <label htmlFor="return-comment">{t("workflow.inbox.comment")}</label>
              <textarea id="return-comment" name="comment" required rows={3} maxLength={2000} />
            </div>
            <button type="submit" className="button">
              {t("workflow.actions.return")}
            </button>
          </PostForm>
          {doc.reassignTo.length > 0 && (
            <PostForm className="stack narrow">
              <Hidden version={doc.version} intent="reassign" />
              <div className="field">
                <label htmlFor="reassign-to">{t("documents.reassignTo")}</label>
                <select id="reassign-to" name="assignee" required defaultValue="">
                  <option value="" disabled>
                    {t("documents.choose")}
                  </option>
                  {doc.reassignTo.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("workflow.actions.reassign")}
              </button>
            </PostForm>
          )}
        </>
      )}
      {may.withdraw && (
        <PostForm>
          <Hidden version={doc.version} intent="withdraw" />
          <button type="submit" className="button">
            {t("workflow.actions.withdraw")}
          </button>
        </PostForm>
      )}
    </section>
  );
}
