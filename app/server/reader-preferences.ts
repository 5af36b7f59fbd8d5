import type { NextFunction, Request, Response } from "express";
import { isLocale, LOCALE_COOKIE } from "../core/i18n/config";
import { ELDER_COOKIE } from "../ui/elder-mode.server";

const YEAR = 365 * 24 * 3600;

/** `?lng=` and `?elder=` are remembered in cookies, so the choice holds on every later page. */
export function readerPreferences(req: Request, res: Response, next: NextFunction) {
  const { lng, elder } = req.query;
  if (isLocale(lng)) res.append("Set-Cookie", `${LOCALE_COOKIE}=${lng}; Path=/; Max-Age=${YEAR}; SameSite=Lax`);
  if (elder === "1" || elder === "0") res.append("Set-Cookie", `${ELDER_COOKIE}=${elder}; Path=/; Max-Age=${YEAR}; SameSite=Lax`);
  next();
}
