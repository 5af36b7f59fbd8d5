import { useTranslation } from "react-i18next";
import type { DocumentView } from "~/core/workflow/document-view.server";
import { isUuid } from "~/core/input/uuid";

/** `payload.attachments.0.text` → the plugin's label for `text` (or the name itself), numbered when in a list. */
export function FieldLabel({ path, ns }: { path: string; ns: string }) {
  const { t } = useTranslation();
  if (path === "title") return <>{t("documents.fields.title")}</>;
  const parts = path.split(".").slice(1);
  const name = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? path;
  const numbers = parts.filter((p) => /^\d+$/.test(p)).map((n) => Number(n) + 1);
  // A nested field is named by its whole path first ("withheld.description"), then by its own name.
  const nested = parts.filter((p) => !/^\d+$/.test(p)).join(".");
  return (
    <>
      {t([`${ns}:fields.${nested}`, `${ns}:fields.${name}`], { defaultValue: name })}
      {numbers.length > 0 && ` ${numbers.join(".")}`}
    </>
  );
}

/** Rich text is read, not its markup: block ends become line breaks, other tags go. */
function readable(text: string): string {
  return text
    .replace(/<\/(p|li|tr|h\d|blockquote)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A text cut at its findings: each finding marked and linked to its decision. */
function Segments({ segments }: { segments: DocumentView["fields"][number]["segments"] }) {
  const { t } = useTranslation();
  return (
    <>
      {segments.map((s, i) =>
        "kind" in s ? (
          <mark key={i} id={`finding-${s.index + 1}`}>
            {s.text}
            <sup>
              <a href={`#resolve-${s.index + 1}`} aria-label={t("documents.findingRef", { n: s.index + 1 })}>
                {s.index + 1}
              </a>
            </sup>
          </mark>
        ) : (
          <span key={i}>{readable(s.text)}</span>
        ),
      )}
    </>
  );
}

/**
 * The document's texts, each scan finding marked; readers without the original see findings
 * masked. A rich-text field is shown as its published rendition, and its findings in its text below.
 */
export function DocumentText({ fields, original, ns, omitted = 0 }: { fields: DocumentView["fields"]; original: boolean; ns: string; omitted?: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="document-text">
      <h2 id="document-text">{t("documents.text")}</h2>
      <p className="muted">{original ? t("documents.originalShown") : t("documents.maskedShown")}</p>
      <dl className="document-fields">
        {/* References to other records (ids) are not text to read. */}
        {fields.filter((f) => !(f.segments.length === 1 && isUuid(f.segments[0]!.text))).map((f) => (
          <div key={f.path}>
            <dt>
              <FieldLabel path={f.path} ns={ns} />
            </dt>
            {f.html === undefined ? (
              <dd className="document-text">
                <Segments segments={f.segments} />
              </dd>
            ) : (
              <dd>
                <p className="hint">{t("documents.renditionHint")}</p>
                <div className="rich-text" data-rendition={f.path} aria-label={t("documents.rendition")} role="region" dangerouslySetInnerHTML={{ __html: f.html }} />
                {f.segments.some((s) => "kind" in s) && (
                  <details open>
                    <summary>{t("documents.findingsInText")}</summary>
                    <div className="document-text">
                      <Segments segments={f.segments} />
                    </div>
                  </details>
                )}
              </dd>
            )}
          </div>
        ))}
      </dl>
      {omitted > 0 && <p className="muted">{t("documents.omitted", { count: omitted })}</p>}
    </section>
  );
}
