import { useTranslation } from "react-i18next";
import { documentKind, humanSize } from "~/core/files/kinds";
import { useLocale } from "./use-locale";

/** "PDF 文档 · 1.2 MB" beside a file's link: its kind from MIME type and name, and a human size. */
export function FileMeta({ mime, name, size, className }: { mime?: string | null; name?: string | null; size: number; className?: string }) {
  const { t } = useTranslation("core");
  const locale = useLocale();
  const kind = documentKind(mime, name);
  return (
    <span className={`file-meta file-kind-${kind}${className ? ` ${className}` : ""}`}>
      {t(`files.kinds.${kind}`)} · {humanSize(size, locale)}
    </span>
  );
}
