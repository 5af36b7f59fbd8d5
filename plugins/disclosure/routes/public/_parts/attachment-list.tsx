import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../../app/plugin-api/ui";

interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  redacted: boolean;
  text: string;
}

function fileSize(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "KB");
  return format(bytes / 1024 / 1024, "MB");
}

/** Download links; an attachment that needed redaction is not offered as a file, only as its published text. */
export function AttachmentList({ code, attachments }: { code: string; attachments: Attachment[] }) {
  const { t } = useTranslation("disclosure");
  const locale = useLocale();
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
            <span className="muted">{t("portal.item.fileInfo", { type: a.mime.split(";")[0], size: fileSize(a.size, locale) })}</span>
          </li>
        ),
      )}
    </ul>
  );
}
