import { readCookie } from "../core/cookies";

export const ELDER_COOKIE = "elder";

/** 长者模式 is on when `?elder=1` asks for it or the cookie remembers it (`?elder=0` turns it off). */
export function elderModeOf(request: Request): boolean {
  const asked = new URL(request.url).searchParams.get("elder");
  if (asked === "1" || asked === "0") return asked === "1";
  return readCookie(request.headers.get("Cookie"), ELDER_COOKIE) === "1";
}
