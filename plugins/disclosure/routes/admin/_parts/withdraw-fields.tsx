import { useTranslation } from "react-i18next";
import { Checkbox, TextArea, type FieldErrors } from "../../../../../app/plugin-api/ui";

/** The reason every withdrawal must give and the confirmation it asks for, for one item or many. */
export function WithdrawFields({ errors, reason, confirmLabel }: { errors?: FieldErrors; reason?: string; confirmLabel: string }) {
  const { t } = useTranslation("disclosure");
  return (
    <>
      <TextArea name="reason" label={t("staff.withdraw.reason")} hint={t("staff.withdraw.reasonHint")} defaultValue={reason} errors={errors} rows={3} required maxLength={500} />
      <Checkbox name="confirm" label={confirmLabel} errors={errors} />
    </>
  );
}
