/**
 * What kind of document a file is, for people: "PDF 文档", "Word 文档", "WPS 文字", "OFD 版式文件"…,
 * from its MIME type and its name together, and its size in B, KB or MB. One mapping for every
 * page that lists files (a disclosure item's attachments, a reply's files); the words are
 * `core:files.kinds.<kind>` in the three locales. Safe in the browser: no server imports.
 */
export const DOCUMENT_KINDS = ["pdf", "ofd", "word", "wps", "excel", "wpsSheet", "csv", "presentation", "image", "archive", "text", "file"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: "pdf",
  ofd: "ofd",
  doc: "word",
  docx: "word",
  dot: "word",
  dotx: "word",
  rtf: "word",
  wps: "wps",
  wpt: "wps",
  xls: "excel",
  xlsx: "excel",
  xlsm: "excel",
  et: "wpsSheet",
  ett: "wpsSheet",
  csv: "csv",
  ppt: "presentation",
  pptx: "presentation",
  dps: "presentation",
  jpg: "image",
  jpeg: "image",
  png: "image",
  gif: "image",
  bmp: "image",
  tif: "image",
  tiff: "image",
  webp: "image",
  zip: "archive",
  rar: "archive",
  "7z": "archive",
  gz: "archive",
  tar: "archive",
  txt: "text",
};

const BY_MIME: Record<string, DocumentKind> = {
  "application/pdf": "pdf",
  "application/ofd": "ofd",
  "application/msword": "word",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/rtf": "word",
  "application/wps-office.wps": "wps",
  "application/kswps": "wps",
  "application/vnd.ms-works": "wps",
  "application/vnd.ms-excel": "excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/wps-office.et": "wpsSheet",
  "application/kset": "wpsSheet",
  "text/csv": "csv",
  "application/vnd.ms-powerpoint": "presentation",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "presentation",
  "application/wps-office.dps": "presentation",
  "application/zip": "archive",
  "application/x-zip-compressed": "archive",
  "application/vnd.rar": "archive",
  "application/x-rar-compressed": "archive",
  "application/x-7z-compressed": "archive",
  "application/gzip": "archive",
  "application/x-tar": "archive",
  "text/plain": "text",
};

/** Containers and catch-alls a browser or a scanner reports for many kinds: the file's extension says more. */
const GENERIC: ReadonlySet<DocumentKind> = new Set(["archive", "text", "file"]);

export function extensionOf(name: string | null | undefined): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec((name ?? "").trim());
  return m?.[1] ? m[1].toLowerCase() : "";
}

/**
 * The kind of a file: a specific MIME type first (the server reads it from the content), then the
 * extension (WPS and OFD files often arrive as `application/octet-stream`, a .docx as
 * `application/zip`), then a generic MIME type; "file" when nothing is known.
 */
export function documentKind(mime: string | null | undefined, name?: string | null): DocumentKind {
  const type = (mime ?? "").split(";")[0]!.trim().toLowerCase();
  const byMime: DocumentKind | undefined = BY_MIME[type] ?? (type.startsWith("image/") ? "image" : undefined);
  if (byMime && !GENERIC.has(byMime)) return byMime;
  return BY_EXTENSION[extensionOf(name)] ?? byMime ?? "file";
}

/** "165 B", "12 KB", "1.2 MB", "3.4 GB" with the locale's digits and decimal sign; a no-break space keeps the number on the line of its unit. */
export function humanSize(bytes: number, locale: string): string {
  const n = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const units = ["B", "KB", "MB", "GB"] as const;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)}\u00a0${units[unit]}`;
}
