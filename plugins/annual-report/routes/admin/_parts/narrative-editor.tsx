import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldErrors, PostForm, SubmitButton, TextArea } from "../../../../../app/plugin-api/ui";
import type { YearView } from "./year-view.server";

const field = (place: string) => `text:${place}`;

/**
 * 一、五 and 六 as textareas, one per paragraph: drafted from the figures on first open; a paragraph
 * the drafter must complete marked, one whose quoted figure changed flagged with old and new values
 * and a "checked" action of its own.
 */
export function NarrativeEditor({ view, errors, kept, lang }: { view: YearView; errors: FieldErrors; kept: Record<string, string> | undefined; lang: string }) {
  const { t } = useTranslation("annual-report");
  const stale = new Map(view.stale.map((s) => [s.place, s]));
  const unfinished = new Set(view.unfinished);
  const labels: Record<string, string> = {};
  view.narrative.forEach((s) => s.parts.forEach((part) => part.paragraphs.forEach((p, j) => (labels[field(p.place)] = `${s.heading}${part.heading ? ` ${part.heading}` : ""} · ${t("staff.narrative.paragraph", { n: j + 1 })}`))));
  return (
    <>
      {view.unfinished.length > 0 && <p className="notice notice-warning">{t("narrative.unfinished", { count: view.unfinished.length })}</p>}
      {view.stale.map((s) => (
        <div key={s.place} className="notice notice-warning" id={`stale-${s.place}`}>
          <p>
            {labels[field(s.place)]}：{t("narrative.stale")}
          </p>
          <ul>
            {s.changes.map((c) => (
              <li key={c.cell}>{t("narrative.staleCell", { cell: c.cell, then: c.then ?? "—", now: c.now ?? "—" })}</li>
            ))}
          </ul>
          <PostForm>
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="place" value={s.place} />
            <SubmitButton className="button">{t("narrative.confirm")}</SubmitButton>
          </PostForm>
        </div>
      ))}
      <PostForm className="stack" noValidate>
        <ErrorSummary errors={errors} labels={labels} idPrefix="nar" />
        <input type="hidden" name="intent" value="narrative" />
        {view.narrative.map((s) => (
          <fieldset key={s.key} className="stack">
            <legend lang={lang}>{s.heading}</legend>
            {s.parts.map((part, i) => (
              <div key={i} className="stack">
                {part.heading && <h4 lang={lang}>{part.heading}</h4>}
                {part.paragraphs.map((p, j) => {
                  const marks = [p.todo || unfinished.has(p.place) ? t("narrative.todo") : null, stale.has(p.place) ? t("narrative.stale") : null].filter(Boolean);
                  return (
                    <TextArea
                      key={p.place}
                      name={field(p.place)}
                      idPrefix="nar"
                      rows={5}
                      lang="zh-CN"
                      label={`${t("staff.narrative.paragraph", { n: j + 1 })}${marks.length ? ` — ${marks.join("；")}` : ""}`}
                      hint={p.todo ? t("narrative.todoAbout") : undefined}
                      defaultValue={kept?.[field(p.place)] ?? p.text}
                      errors={errors}
                    />
                  );
                })}
              </div>
            ))}
          </fieldset>
        ))}
        <p className="hint">{t("staff.narrative.hint")}</p>
        <p className="actions">
          <SubmitButton className="button primary">{t("staff.narrative.save")}</SubmitButton>
        </p>
      </PostForm>
    </>
  );
}
