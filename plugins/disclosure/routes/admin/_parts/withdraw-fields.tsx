import { useTranslation } from "react-i18next";
import { Checkbox, ErrorSummary, TextArea, type FieldErrors } from "../../../../../app/plugin-api/ui";

/**
 * The reason every withdrawal must give and the confirmation it asks for, for one item or many,
 * under the summary of a refused withdrawal: every error at once, `message` (the withdrawal refused
 * as a whole) as its text, and any error of a field not here (the ticked items) as text too.
 */
export function WithdrawFields({ errors, message, reason, confirmLabel }: { errors?: FieldErrors; message?: string; reason?: string; confirmLabel: string }) {
  const { t } = useTranslation("disclosure");
  const summary: FieldErrors = { ...errors, ...(message ? { _form: [message] } : {}) };
  return (
    <>
      <ErrorSummary errors={summary} labels={{ reason: t("staff.withdraw.reason"), confirm: confirmLabel }} />
      <TextArea name="reason" label={t("staff.withdraw.reason")} hint={t("staff.withdraw.reasonHint")} defaultValue={reason} errors={errors} rows={3} required maxLength={500} />
      <Checkbox name="confirm" label={confirmLabel} errors={errors} />
    </>
  );
}
