import type { Locale } from "../i18n/config";
import { resources } from "../i18n/resources.server";
import { documentKind } from "./kinds";

/** "PDF 文档" / "PDF document" for server-written text (a classifier's file list), from `core:files.kinds`. */
export function documentKindName(mime: string | null | undefined, name: string | null | undefined, locale: Locale): string {
  const files = (resources[locale].core as { files?: { kinds?: Record<string, string> } }).files;
  return files?.kinds?.[documentKind(mime, name)] ?? documentKind(mime, name);
}
