import type { Request, Response } from "express";
import type { i18n } from "i18next";
import { readCookie } from "../core/cookies";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "../core/i18n/config";

/** What the HTTP layer refuses before Remix sees a request, or answers when request work failed. */
export type Refusal = "csrf" | "tooLarge" | "badUrl" | "badRequest" | "server";

const KEYS: Record<Refusal, string> = {
  csrf: "errors.csrf",
  tooLarge: "errors.http.tooLarge",
  badUrl: "errors.http.badUrl",
  badRequest: "errors.http.badRequest",
  server: "errors.page.server",
};

/** The open-data API answers errors as JSON (`{ error: { code, message } }`), like its own refusals. */
const API_CODES: Record<Refusal, string> = {
  csrf: "csrf_rejected",
  tooLarge: "payload_too_large",
  badUrl: "bad_url",
  badRequest: "bad_request",
  server: "server_error",
};

/** The reader's language as the pages choose it: `?lng=`, the `lng` cookie, Accept-Language, zh-CN. */
export function requestLocale(req: Request): Locale {
  const asked = req.query.lng ?? readCookie(req.headers.cookie, LOCALE_COOKIE);
  if (isLocale(asked)) return asked;
  const accepted = req.acceptsLanguages(...LOCALES);
  return isLocale(accepted) ? accepted : DEFAULT_LOCALE;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type Refuse = (req: Request, res: Response, status: number, refusal: Refusal, opts?: { close?: boolean; vars?: Record<string, string | number> }) => void;

/**
 * Sends a small page in the reader's language (JSON under /api/) with the request number. With
 * `close`, the connection ends after the answer: the client may still be sending a body nobody reads.
 */
export function refusals(translators: Record<Locale, i18n>): Refuse {
  return (req, res, status, refusal, opts = {}) => {
    const locale = requestLocale(req);
    const t = translators[locale].getFixedT(locale, "core");
    const vars = opts.vars ?? {};
    const title = t(`${KEYS[refusal]}.title`, vars);
    const body = t(`${KEYS[refusal]}.body`, vars);
    const requestId = String(res.locals.requestId ?? "");
    if (opts.close) res.setHeader("Connection", "close");
    res.status(status).setHeader("Cache-Control", "no-store");
    if (req.originalUrl.startsWith("/api/")) {
      res.json({ error: { code: API_CODES[refusal], message: body, requestId } });
      return;
    }
    const e = escapeHtml;
    res
      .type("html")
      .send(
        `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title>` +
          `<main><h1>${e(title)}</h1><p role="alert">${e(body)}</p><p>${e(t("errors.page.requestId"))}: <code>${e(requestId)}</code></p><p><a href="/">${e(t("nav.home"))}</a></p></main></html>`,
      );
  };
}
