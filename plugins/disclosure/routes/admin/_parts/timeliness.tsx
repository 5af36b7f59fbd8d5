import { useTranslation } from "react-i18next";

/** formed → due → published, in words: whether it was on time is written out, never shown by colour alone. */
export function Timeliness({
  formedOn,
  publishedOn,
  value,
}: {
  formedOn: string;
  publishedOn: string | null;
  value: { dueOn: string; late: boolean; daysLate: number; uncertain: boolean; limit: number };
}) {
  const { t } = useTranslation("disclosure");
  return (
    <>
      <ol className="steps">
        <li>{t("staff.timeliness.formed", { date: formedOn })}</li>
        <li>{t("staff.timeliness.due", { date: value.dueOn, count: value.limit })}</li>
        <li>{publishedOn ? t("staff.timeliness.published", { date: publishedOn }) : t("staff.timeliness.notPublished")}</li>
      </ol>
      <p>
        <strong>{value.late ? t("staff.timeliness.late", { count: value.daysLate }) : publishedOn ? t("staff.timeliness.onTime") : t("staff.timeliness.pending")}</strong>
      </p>
      {value.uncertain && <p className="hint">{t("staff.timeliness.uncertain")}</p>}
    </>
  );
}
