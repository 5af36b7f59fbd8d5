import { useTranslation } from "react-i18next";
import { FieldError, TextAreaField } from "./fields";

/** The reason every withdrawal must give and the confirmation it asks for, for one item or many. */
export function WithdrawFields({ errors, reason, confirmLabel }: { errors?: Partial<Record<string, string[]>>; reason?: string; confirmLabel: string }) {
  const { t } = useTranslation("disclosure");
  return (
    <>
      <TextAreaField name="reason" label={t("staff.withdraw.reason")} hint={t("staff.withdraw.reasonHint")} defaultValue={reason} errors={errors} rows={3} required maxLength={500} />
      <div className="field">
        <label>
          <input type="checkbox" name="confirm" aria-describedby={errors?.confirm ? "f-confirm-error" : undefined} /> {confirmLabel}
        </label>
        <FieldError id="f-confirm" keys={errors?.confirm} />
      </div>
    </>
  );
}
