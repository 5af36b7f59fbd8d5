import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/core/input/field-errors";

/**
 * Says which of a list's filters were left out and why (see `readFilters`): a list answers with
 * what it can rather than an error page, and the reader sees that a filter did not apply.
 */
export function IgnoredFilters({ ignored, labels }: { ignored: FieldErrors | undefined; labels: Partial<Record<string, string>> }) {
  const { t } = useTranslation();
  const entries = Object.entries(ignored ?? {}).filter(([, keys]) => keys?.length);
  if (entries.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t("filters.ignored")}</p>
      <ul>
        {entries.map(([field, keys]) => (
          <li key={field}>
            {labels[field] ?? (field === "page" ? t("filters.page") : field)}: {keys!.map((k) => t(k)).join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
