import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import type { FieldErrors } from "~/core/input/field-errors";
import { Checkbox, ErrorSummary, RadioGroup, SelectField, SubmitButton, SubmitChoices, TextField } from "~/ui/form-kit";
import { FormMessage, PostForm } from "~/ui/forms";
import { FieldLabel } from "./document-text";
import { TableScroll } from "~/ui/table-scroll";

type Classification = NonNullable<DocumentView["classification"]>;
type Result = { intent: string; ok: boolean; message?: string; errors?: Record<string, string>; field?: string; key?: string } | null;

/** The review's answers carry one message per field; the kit's fields take a list. */
const asFieldErrors = (errors?: Record<string, string>): FieldErrors => Object.fromEntries(Object.entries(errors ?? {}).map(([field, key]) => [field, [key]]));

/** One decision for every undecided finding of a kind: a batch of thousands of rows may repeat one kind on every row. */
function DecideByKind({ kinds, errors }: { kinds: Classification["openByKind"]; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <PostForm className="stack narrow">
      <input type="hidden" name="intent" value="resolveKind" />
      <h3>{t("classification.byKind.title")}</h3>
      <SelectField
        name="kind"
        idPrefix="kind"
        label={t("classification.byKind.kind")}
        required
        errors={errors}
        options={kinds.map((k) => ({ value: k.kind, label: t("classification.byKind.option", { kind: k.label, count: k.open }) }))}
      />
      <TextField name="reason" idPrefix="kind" label={t("classification.keepReason")} maxLength={500} errors={errors} />
      <SubmitChoices name="action" choices={[{ value: "redact", label: t("classification.byKind.redact"), primary: true }, { value: "keep", label: t("classification.byKind.keep") }]} />
    </PostForm>
  );
}

/** 保密审查: each scan finding decided (redact, or keep with a reason), then the record of 公开属性, ground and declaration. */
export function FindingsReview({ document: doc, classification: c, result }: { document: DocumentView; classification: Classification; result: Result }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  const editable = doc.may.classify;
  const classifyResult = result?.intent === "classify" && !result.ok ? result : null;
  const classifyErrors = asFieldErrors(classifyResult ? (classifyResult.errors ?? { _form: classifyResult.message ?? "errors.invalid" }) : undefined);
  const proposed = !c.review && c.proposedAttribute ? c.attributes.find((a) => a.value === c.proposedAttribute) : undefined;
  const ns = doc.typeLabel.includes(":") ? doc.typeLabel.split(":")[0]! : "core";
  return (
    <section aria-labelledby="classification-review" className="panel">
      <h2 id="classification-review">{t("classification.title")}</h2>
      {editable && c.open > 1 && <DecideByKind kinds={c.openByKind} errors={asFieldErrors(result?.intent === "resolveKind" ? result.errors : undefined)} />}
      {c.findings.length === 0 ? (
        <p>{t("classification.noFindings")}</p>
      ) : (
        <TableScroll labelledBy="findings-caption">
          <table className="table findings-table">
            <caption id="findings-caption">{t("classification.findingsCaption", { count: c.total, open: c.open })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("classification.where")}</th>
                <th scope="col">{t("classification.kind")}</th>
                <th scope="col">{t("classification.found")}</th>
                <th scope="col">{t("classification.published")}</th>
                <th scope="col">{t("classification.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {c.findings.map((f) => {
                const mine = result?.intent === "resolve" && result.field === f.field && result.key === f.key ? result : null;
                return (
                  <tr key={`${f.field}/${f.key}`} id={`resolve-${f.index + 1}`}>
                    <th scope="row">
                      <a href={`#finding-${f.index + 1}`}>{f.index + 1}</a>
                    </th>
                    <td>
                      <FieldLabel path={f.field} ns={ns} />
                    </td>
                    <td>{f.kindLabel}</td>
                    <td>
                      <code>{f.shown}</code>
                    </td>
                    <td>
                      <code>{f.resolution === "keep" ? f.shown : f.masked}</code>
                    </td>
                    <td>
                      {f.resolution ? (
                        <p>
                          <strong>{t(`classification.resolution.${f.resolution}`)}</strong>
                          {f.reason && <> — {f.reason}</>}
                        </p>
                      ) : (
                        <p className="muted">{t("classification.undecided")}</p>
                      )}
                      {mine?.message && <FormMessage tone="error">{t(mine.message)}</FormMessage>}
                      {editable && (
                        <PostForm className="stack">
                          <input type="hidden" name="intent" value="resolve" />
                          <input type="hidden" name="field" value={f.field} />
                          <input type="hidden" name="key" value={f.key} />
                          <TextField
                            name="reason"
                            idPrefix={`finding-${f.index + 1}`}
                            label={t("classification.keepReason")}
                            maxLength={500}
                            defaultValue={f.reason ?? ""}
                            errors={asFieldErrors(mine?.errors)}
                          />
                          <SubmitChoices name="action" choices={[{ value: "redact", label: t("classification.redact"), primary: true }, { value: "keep", label: t("classification.keep") }]} />
                        </PostForm>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {c.total > c.findings.length && <p className="hint">{t("classification.moreFindings", { count: c.total - c.findings.length })}</p>}
        </TableScroll>
      )}

      <h3 id="classification-record">{t("classification.record")}</h3>
      {!c.attributeAsked && <p className="hint">{t("classification.noAttribute")}</p>}
      {c.review ? (
        <dl className="meta-table">
          {c.review.attributeLabel && (
            <>
              <dt>{t("classification.attribute")}</dt>
              <dd>{c.review.attributeLabel}</dd>
            </>
          )}
          {c.review.groundLabel && (
            <>
              <dt>{t("classification.ground")}</dt>
              <dd>{c.review.groundLabel}</dd>
            </>
          )}
          <dt>{t("classification.declaration")}</dt>
          <dd>{t("classification.declared")}</dd>
          <dt>{t("classification.reviewer")}</dt>
          <dd>
            {c.review.reviewer} · <time dateTime={c.review.at}>{date.format(new Date(c.review.at))}</time>
          </dd>
        </dl>
      ) : (
        <p className="muted">{t("classification.noRecord")}</p>
      )}
      {editable && (
        <PostForm className="stack narrow">
          <input type="hidden" name="intent" value="classify" />
          <ErrorSummary
            errors={classifyResult ? classifyErrors : undefined}
            idPrefix="classify"
            labels={{ attribute: t("classification.attribute"), ground: t("classification.ground"), noStateSecret: t("classification.declaration") }}
          />
          {c.attributeAsked && (
            <>
              <RadioGroup
                name="attribute"
                idPrefix="classify"
                legend={t("classification.attribute")}
                required
                value={c.proposedAttribute ?? undefined}
                hint={proposed ? t("classification.proposed", { attribute: proposed.label }) : undefined}
                errors={classifyErrors}
                groups={[{ choices: c.attributes }]}
              />
              <SelectField name="ground" idPrefix="classify" label={t("classification.ground")} hint={t("classification.groundHint")} defaultValue={c.review?.ground ?? ""} errors={classifyErrors} options={c.grounds}>
                <option value="">{t("classification.noGround")}</option>
              </SelectField>
            </>
          )}
          <Checkbox idPrefix="classify" name="noStateSecret" label={t("classification.declarationText")} required errors={classifyErrors} />
          <SubmitButton className="button primary">
            {t("classification.save")}
          </SubmitButton>
        </PostForm>
      )}
    </section>
  );
}
