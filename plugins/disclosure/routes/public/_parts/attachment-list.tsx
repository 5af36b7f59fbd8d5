import { useTranslation } from "react-i18next";
import { FileMeta } from "../../../../../app/plugin-api/ui";

interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  redacted: boolean;
  text: string;
}

/** Download links; an attachment that needed redaction is not offered as a file, only as its published text. */
export function AttachmentList({ code, attachments }: { code: string; attachments: Attachment[] }) {
  const { t } = useTranslation("disclosure");
  return (
    <ul>
      {attachments.map((a) =>
        a.redacted ? (
          <li key={a.id}>
            <p>
              {a.name} <span className="badge">{t("portal.item.redactedBadge")}</span>
            </p>
            <p className="hint">{t("portal.item.redactedNote")}</p>
            <div className="document-text panel">{a.text}</div>
          </li>
        ) : (
          <li key={a.id}>
            <a href={`/t/${code}/disclosure/attachments/${a.id}`} download={a.name}>
              {a.name}
            </a>{" "}
            <FileMeta className="muted" mime={a.mime} name={a.name} size={a.size} />
          </li>
        ),
      )}
    </ul>
  );
}

/** Files another plugin serves for an item it fed to the catalogue: links to them where they are. */
export function LinkedFiles({ files }: { files: { name: string; url: string; mime?: string; size?: number }[] }) {
  return (
    <ul>
      {files.map((f) => (
        <li key={f.url}>
          <a href={f.url}>{f.name}</a> {f.mime && f.size !== undefined && <FileMeta className="muted" mime={f.mime} name={f.name} size={f.size} />}
        </li>
      ))}
    </ul>
  );
}
