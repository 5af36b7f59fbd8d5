import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldErrors, PostForm, SubmitButton, TextField } from "../../../../../app/plugin-api/ui";
import { NOTE_MAX, noteField, valueField } from "../../../server/workflow/manual-cells";
import type { YearView } from "./year-view.server";

/** The cells no enabled module provides: a figure and its source each (手填), every fault of the form said at once. */
export function ManualCellsForm({ cells, errors, kept, lang }: { cells: YearView["manualCells"]; errors: FieldErrors; kept: Record<string, string> | undefined; lang: string }) {
  const { t } = useTranslation("annual-report");
  const labels = Object.fromEntries(cells.flatMap((c) => [[valueField(c.key), `${c.name} · ${t("staff.cells.value")}`], [noteField(c.key), `${c.name} · ${t("staff.cells.note")}`]]));
  if (cells.length === 0) return <p className="muted">{t("staff.cells.none")}</p>;
  return (
    <PostForm className="stack" noValidate>
      <ErrorSummary errors={errors} labels={labels} idPrefix="cells" />
      <input type="hidden" name="intent" value="cells" />
      <p className="hint">{t("staff.cells.hint")}</p>
      {cells.map((c) => (
        <fieldset key={c.key} className="stack">
          <legend>
            <span lang={lang}>{c.name}</span> <span className="badge report-manual-badge">{t("table.manual")}</span>
          </legend>
          <TextField
            name={valueField(c.key)}
            idPrefix="cells"
            label={t("staff.cells.value")}
            inputMode="decimal"
            hint={c.decimals ? t("errors.decimals") : t("errors.wholeNumber")}
            defaultValue={kept?.[valueField(c.key)] ?? c.value}
            errors={errors}
          />
          <TextField name={noteField(c.key)} idPrefix="cells" label={t("staff.cells.note")} hint={t("staff.cells.noteHint")} maxLength={NOTE_MAX} defaultValue={kept?.[noteField(c.key)] ?? c.note} errors={errors} />
        </fieldset>
      ))}
      <p className="actions">
        <SubmitButton className="button primary">{t("staff.cells.save")}</SubmitButton>
      </p>
    </PostForm>
  );
}
