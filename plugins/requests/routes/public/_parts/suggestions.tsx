import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Suggestion } from "../../../server/public/suggest.server";

/** Published items that may already answer the application, above the kept form. */
export function Suggestions({ suggestions }: { suggestions: Suggestion[] }) {
  const { t } = useTranslation("requests");
  return (
    <section aria-labelledby="suggestions" role="status">
      <h2 id="suggestions">{t("public.suggest.title")}</h2>
      {suggestions.length === 0 ? (
        <p>{t("public.suggest.none")}</p>
      ) : (
        <>
          <p>{t("public.suggest.intro")}</p>
          <ul className="stack">
            {suggestions.map((s) => (
              <li key={s.url}>
                <Link to={s.url}>{s.title}</Link>
                {s.publishedOn && <span className="muted"> · {t("public.suggest.publishedOn", { date: s.publishedOn })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
