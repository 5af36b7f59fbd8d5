import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryOptions } from "./category-options";
import { CheckboxGroup, ErrorSummary, type FieldErrors, PostForm, SelectField, SubmitButton, TextArea, TextField } from "../../../../../app/plugin-api/ui";
import { DISCLOSURE_CHANNELS } from "../../../data/standard-list";

const AUDIENCE = { 全社会: "society", 特定群体: "specific" } as const;
const MODE = { 主动: "proactive", 依申请: "onRequest" } as const;

export interface RowValues {
  key: string;
  categoryKey: string;
  firstLevel: string;
  secondLevel: string;
  content: string;
  basis: string;
  timeLimit: string;
  timeLimitWorkdays: string;
  responsible: string;
  channels: string[];
  audience: string;
  mode: string;
  position: string;
}

/** Adds a row of the 清单 or edits one (whose key is then fixed: items refer to it). */
export function ListRowForm({
  op,
  values,
  errors,
  message,
  categories,
  cancel,
}: {
  op: "add" | "update";
  values: RowValues;
  errors: FieldErrors;
  /** A refusal of the whole form or of a hidden field, said in the summary as text. */
  message?: string;
  categories: { key: string; label: string; depth: number }[];
  cancel?: string;
}) {
  const { t } = useTranslation("disclosure");
  const labels: Record<string, string> = {
    ...(op === "add" ? { key: t("staff.list.key") } : {}),
    categoryKey: t("fields.categoryKey"),
    firstLevel: t("staff.list.firstLevel"),
    secondLevel: t("staff.list.secondLevel"),
    content: t("staff.list.content"),
    basis: t("staff.list.basis"),
    timeLimit: t("staff.list.timeLimit"),
    timeLimitWorkdays: t("staff.list.workdays"),
    responsible: t("staff.list.responsible"),
    channels: t("staff.list.channels"),
    audience: t("staff.list.audience"),
    mode: t("staff.list.mode"),
    position: t("staff.list.position"),
  };
  // `message` already says a hidden field's refusal; without one, such an error is listed as text.
  const summary: FieldErrors = message ? { ...Object.fromEntries(Object.entries(errors).filter(([field]) => field in labels)), _form: [message] } : errors;
  return (
    <PostForm className="stack narrow" noValidate>
      <ErrorSummary errors={summary} labels={labels} />
      <input type="hidden" name="intent" value={op} />
      {op === "update" ? (
        <>
          <input type="hidden" name="key" value={values.key} />
          <p>
            {t("staff.list.key")}: <code>{values.key}</code>
          </p>
        </>
      ) : (
        <TextField name="key" label={t("staff.list.key")} hint={t("staff.list.keyHint")} defaultValue={values.key} errors={errors} required maxLength={100} />
      )}
      <SelectField name="categoryKey" label={t("fields.categoryKey")} defaultValue={values.categoryKey} errors={errors} required>
        <option value="">{t("staff.editor.choose")}</option>
        <CategoryOptions categories={categories} />
      </SelectField>
      <TextField name="firstLevel" label={t("staff.list.firstLevel")} defaultValue={values.firstLevel} errors={errors} required maxLength={100} />
      <TextField name="secondLevel" label={t("staff.list.secondLevel")} defaultValue={values.secondLevel} errors={errors} required maxLength={100} />
      <TextArea name="content" label={t("staff.list.content")} defaultValue={values.content} errors={errors} rows={3} required maxLength={2000} />
      <TextArea name="basis" label={t("staff.list.basis")} defaultValue={values.basis} errors={errors} rows={3} required maxLength={2000} />
      <TextField name="timeLimit" label={t("staff.list.timeLimit")} defaultValue={values.timeLimit} errors={errors} required maxLength={200} />
      <TextField
        name="timeLimitWorkdays"
       
        type="number"
        min={1}
        max={365}
        label={t("staff.list.workdays")}
        hint={t("staff.list.workdaysHint")}
        defaultValue={values.timeLimitWorkdays}
        errors={errors}
      />
      <TextField name="responsible" label={t("staff.list.responsible")} defaultValue={values.responsible} errors={errors} required maxLength={100} />
      <CheckboxGroup
        name="channels"
        legend={t("staff.list.channels")}
        className="checks"
        values={values.channels}
        errors={errors}
        groups={[{ choices: DISCLOSURE_CHANNELS.map((c) => ({ value: c, label: c })) }]}
      />
      <SelectField name="audience" label={t("staff.list.audience")} defaultValue={values.audience} errors={errors}>
        {Object.entries(AUDIENCE).map(([v, k]) => (
          <option key={v} value={v}>
            {t(`staff.list.audiences.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="mode" label={t("staff.list.mode")} defaultValue={values.mode} errors={errors}>
        {Object.entries(MODE).map(([v, k]) => (
          <option key={v} value={v}>
            {t(`staff.list.modes.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField name="position" type="number" min={0} label={t("staff.list.position")} hint={t("staff.list.positionHint")} defaultValue={values.position} errors={errors} />
      <div className="actions">
        <SubmitButton className="button primary">
          {op === "add" ? t("staff.list.add") : t("staff.list.save")}
        </SubmitButton>
        {cancel && <Link to={cancel}>{t("staff.list.cancel")}</Link>}
      </div>
    </PostForm>
  );
}
