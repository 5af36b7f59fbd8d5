import { useTranslation } from "react-i18next";
import { Checkbox, FileField, FileMeta } from "../../../../../app/plugin-api/ui";
import type { DraftFile } from "../../../server/reply-files/store.server";

/**
 * 提供的文件: the files uploaded for this reply (ticked ones go with it) and a field to add more.
 * Their text goes through 保密审查 with the letter; an image has none and is read by eye.
 */
export function ReplyFilesField({ files, chosen, errors, base, accept, max }: { files: DraftFile[]; chosen?: string[]; errors?: string[]; base: string; accept: string; max: { count: number; mb: number } }) {
  const { t } = useTranslation("requests");
  return (
    <fieldset className="stack">
      <legend>{t("replyFiles.staff.title")}</legend>
      <p className="hint">{t("replyFiles.staff.hint", { count: max.count, mb: max.mb })}</p>
      {files.length > 0 && (
        <ul className="stack">
          {files.map((f) => (
            <li key={f.id}>
              <Checkbox
                name="file"
                idPrefix={`file-${f.id}`}
                value={f.id}
                defaultChecked={chosen ? chosen.includes(f.id) : true}
                label={f.name}
                hint={
                  <span className="muted">
                    <FileMeta mime={f.mime} name={f.name} size={f.size} /> · {f.hasText ? t("replyFiles.staff.hasText") : t("replyFiles.staff.noText")} · <a href={`${base}/files/${f.id}`}>{t("replyFiles.staff.open")}</a>
                  </span>
                }
              />
            </li>
          ))}
        </ul>
      )}
      <FileField name="upload" label={t("replyFiles.staff.upload")} multiple accept={accept} errors={{ upload: errors }} />
    </fieldset>
  );
}

/** The application's reply files on its staff page, each openable (a reviewer reads an image by eye), with whether it was sent. */
export function ReplyFilesList({ files, base }: { files: (DraftFile & { state: "unsent" | "sent" | "sentAsText" })[]; base: string }) {
  const { t } = useTranslation("requests");
  if (files.length === 0) return null;
  return (
    <section aria-labelledby="reply-files-h">
      <h2 id="reply-files-h">{t("replyFiles.staff.title")}</h2>
      <ul className="stack">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`${base}/files/${f.id}`}>{f.name}</a> <span className="muted"><FileMeta mime={f.mime} name={f.name} size={f.size} /> · {f.hasText ? t("replyFiles.staff.hasText") : t("replyFiles.staff.noText")} · {t(`replyFiles.staff.state.${f.state}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
