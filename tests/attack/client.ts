import { randomBytes } from "node:crypto";
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { Locale } from "../../app/core/i18n/config";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One submitted field: a text, or a file (name and bytes). */
export type FieldValue = string | { file: string; type: string; bytes: Buffer };
export type Fields = [string, FieldValue][];

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** The double-submit token the suite sends as cookie and `_csrf` field: any well-formed value is accepted. */
export const CSRF_TOKEN = randomBytes(32).toString("base64url");

/** Who is asking: a session cookie (or none) and the language of the pages. */
export interface Visitor {
  session: string | null;
  locale: Locale;
}

function cookieHeader(v: Visitor): string {
  return [`gk_csrf=${CSRF_TOKEN}`, `lng=${v.locale}`, ...(v.session ? [`gk_session=${v.session}`] : [])].join("; ");
}

export function send(
  baseUrl: string,
  opts: { method: string; path: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number },
): Promise<Reply> {
  const url = new URL(opts.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: opts.method, agent, headers: { ...opts.headers, ...(opts.body ? { "content-length": String(opts.body.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`timed out: ${opts.method} ${opts.path}`)));
    req.on("error", reject);
    req.end(opts.body);
  });
}

export function get(baseUrl: string, path: string, visitor: Visitor): Promise<Reply> {
  return send(baseUrl, { method: "GET", path, headers: { cookie: cookieHeader(visitor), accept: "text/html" } });
}

/** A form POST as the browser sends it from this origin, with the CSRF token added. */
export async function post(baseUrl: string, path: string, visitor: Visitor, fields: Fields, multipart = false): Promise<Reply> {
  const all: Fields = [["_csrf", CSRF_TOKEN], ...fields];
  let body: Buffer;
  let type: string;
  if (multipart || all.some(([, v]) => typeof v !== "string")) {
    const form = new FormData();
    for (const [k, v] of all) form.append(k, typeof v === "string" ? v : new File([new Uint8Array(v.bytes)], v.file, { type: v.type }));
    const encoded = new Request("http://local/", { method: "POST", body: form });
    body = Buffer.from(await encoded.arrayBuffer());
    type = encoded.headers.get("content-type")!;
  } else {
    body = Buffer.from(new URLSearchParams(all as [string, string][]).toString());
    type = "application/x-www-form-urlencoded";
  }
  const origin = new URL(baseUrl).origin;
  return send(baseUrl, { method: "POST", path, body, headers: { cookie: cookieHeader(visitor), origin, "content-type": type, accept: "text/html" } });
}
