import { useTranslation } from "react-i18next";

/** "Overdue by 3 working days" / "2 working days left": in words and colour, so no one relies on colour alone. */
export function Urgency({ urgency, leftDays, overdueDays }: { urgency: "overdue" | "due_soon" | null; leftDays: number | null; overdueDays: number }) {
  const { t } = useTranslation("requests");
  if (urgency === "overdue") return <span className="urgent-overdue"> {t("urgency.overdueBy", { count: overdueDays })}</span>;
  if (urgency === "due_soon") return <span className="urgent-due-soon"> {t("urgency.leftDays", { count: leftDays ?? 0 })}</span>;
  return null;
}
