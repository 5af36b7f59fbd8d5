import { Link, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";

export type ProgressProps = {
  /** What is running ("导入登记表", "校验审计链"), the bar's accessible name. */
  label: string;
  /** Units done so far. */
  value: number;
  /** Units in all; unknown (still reading) draws an indeterminate bar. */
  max?: number;
  /** The unit counted, already localised ("行", "rows"); the count reads "已处理 3,200 / 10,000 行". */
  unit?: string;
  /** The current stage in words (读取、校验、保存), shown beside the count. */
  stage?: string;
  /**
   * While true the page reloads its data every `intervalMs` (Remix revalidation) and, without
   * JavaScript, refreshes itself every `refreshSeconds` and offers a link to do so at once.
   */
  running?: boolean;
  intervalMs?: number;
  refreshSeconds?: number;
};

/**
 * A long task's progress: a native `<progress>` with its counts in words, announced politely as
 * they change. Works without JavaScript (the page refreshes itself while `running`) and, with it,
 * polls the route's loader so the bar moves without a reload.
 */
export function ProgressBar({ label, value, max, unit, stage, running = false, intervalMs = 1000, refreshSeconds = 2 }: ProgressProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { pathname, search } = useLocation();
  const revalidator = useRevalidator();
  const known = max !== undefined && max > 0;
  const done = known ? Math.min(Math.max(value, 0), max) : Math.max(value, 0);
  const number = new Intl.NumberFormat(i18n.language);
  const count = known
    ? t("forms.progress.count", { done: number.format(done), total: number.format(max), unit: unit ?? "" })
    : t("forms.progress.countUnknown", { done: number.format(done), unit: unit ?? "" });
  const percent = known ? Math.floor((done / max) * 100) : undefined;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState !== "hidden") revalidator.revalidate();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [running, intervalMs, revalidator]);

  return (
    <div className="progress" role="group" aria-labelledby={`${id}-label`}>
      {running && (
        <noscript>
          <meta httpEquiv="refresh" content={String(refreshSeconds)} />
        </noscript>
      )}
      <p className="progress-label" id={`${id}-label`}>
        {label}
      </p>
      <progress id={`${id}-bar`} aria-labelledby={`${id}-label`} aria-describedby={`${id}-status`} value={known ? done : undefined} max={known ? max : undefined}>
        {percent !== undefined ? `${percent}%` : count}
      </progress>
      <p className="progress-status" id={`${id}-status`} aria-live="polite" aria-atomic="true">
        {count}
        {percent !== undefined && <span> ({t("forms.progress.percent", { percent })})</span>}
        {stage && <span> · {stage}</span>}
      </p>
      {running && (
        <noscript>
          <p>
            <Link to={`${pathname}${search}`}>{t("forms.progress.refresh")}</Link>
          </p>
        </noscript>
      )}
    </div>
  );
}
