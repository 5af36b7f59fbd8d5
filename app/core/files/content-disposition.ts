/**
 * A Content-Disposition header that keeps a Chinese file name (RFC 6266 with the RFC 5987
 * `filename*`), with an ASCII `filename` for clients that know only that.
 */
export function contentDisposition(name: string, asciiName?: string): string {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const base = (dot > 0 ? name.slice(0, dot) : name).replace(/[^\x20-\x7E]/g, "").replace(/["\\;]/g, "").trim();
  const fallback = asciiName ?? `${/[A-Za-z0-9]/.test(base) ? base : "download"}${ext}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
