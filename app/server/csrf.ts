import { randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { readCookie } from "../core/cookies";

export const CSRF_COOKIE = "gk_csrf";
export const CSRF_FIELD = "_csrf";

function sameOrigin(req: Request): boolean {
  const source = req.get("origin") ?? req.get("referer");
  if (!source || source === "null") return !req.get("origin");
  try {
    return new URL(source).host === req.get("host");
  } catch {
    return false;
  }
}

async function submittedToken(req: Request, body: Buffer): Promise<string | null> {
  const type = req.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return null;
  try {
    const form = await new globalThis.Request("http://local/", { method: "POST", headers: { "content-type": type }, body: new Uint8Array(body) }).formData();
    const value = form.get(CSRF_FIELD);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF protection plus an origin check: every visitor gets a random token cookie;
 * every POST must come from this origin and carry the same token in its `_csrf` field. It reads
 * the body `bufferBody` buffered (`res.locals.body`), which Remix then gets, so the check covers
 * every POST.
 */
export function csrf(opts: { secure: (req: Request) => boolean; reject: (req: Request, res: Response) => void }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    let token = readCookie(req.headers.cookie, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomBytes(32).toString("base64url");
      res.append("Set-Cookie", `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${opts.secure(req) ? "; Secure" : ""}`);
    }
    res.locals.csrfToken = token;
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();

    const body: Buffer = res.locals.body ?? Buffer.alloc(0);
    const submitted = await submittedToken(req, body);
    if (!sameOrigin(req) || !submitted || !equal(submitted, readCookie(req.headers.cookie, CSRF_COOKIE) ?? "")) {
      res.locals.logFields.csrf = "rejected";
      return opts.reject(req, res);
    }
    next();
  };
}
