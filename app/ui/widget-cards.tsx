import { useTranslation } from "react-i18next";
import { useLocale } from "./use-locale";
import { formatWidgetValue, type WidgetView } from "./widget-format";

/** One office's plugin widgets as cards: its number, large, then what it measures (period, source) and, only where one exists, which direction is better. */
export function WidgetCards({ widgets, tenantId }: { widgets: WidgetView[]; tenantId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="widget-cards">
      {widgets.map((w) => {
        const value = w.values[tenantId] ?? null;
        return (
          <div key={w.key} className="widget-card">
            <dt>{t(w.label)}</dt>
            <dd className="widget-value">
              {value === null ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{t("workspace.noValue")}</span>
                </>
              ) : (
                formatWidgetValue(value, w.format, locale)
              )}
            </dd>
            {w.description && <dd className="widget-description">{t(w.description)}</dd>}
            {w.better && <dd className="widget-direction">{t(w.better === "higher" ? "oversight.higherBetter" : "oversight.lowerBetter")}</dd>}
          </div>
        );
      })}
    </dl>
  );
}
