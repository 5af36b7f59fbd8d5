import { redirect, type AppLoadContext } from "@remix-run/node";
import type { CurrentSession, SessionUser } from "./sessions.server";

export interface Authenticated {
  user: SessionUser;
  session: CurrentSession;
}

const cache = new WeakMap<Request, Promise<Authenticated | null>>();

/** The signed-in user of this request, or null; validated once per request. */
export function getAuth(request: Request, context: AppLoadContext): Promise<Authenticated | null> {
  let found = cache.get(request);
  if (!found) {
    const token = context.services.sessions.readToken(request.headers.get("Cookie"));
    found = token ? context.services.sessions.validate(token) : Promise.resolve(null);
    found.then((auth) => {
      if (auth) context.logFields.user = auth.user.username;
    });
    cache.set(request, found);
  }
  return found;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireAuth(request: Request, context: AppLoadContext): Promise<Authenticated> {
  const auth = await getAuth(request, context);
  if (!auth) {
    const url = new URL(request.url);
    const back = url.pathname.replace(/\.data$/, "") + url.search;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return auth;
}

const ORIGIN = "http://gongkai.invalid";
/** C0 and C1 controls (tab, CR and LF included: browsers drop them inside a URL) and backslashes (read as slashes). */
function unsafe(to: string): boolean {
  for (let i = 0; i < to.length; i++) {
    const c = to.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x5c) return true;
  }
  return false;
}

/**
 * Only a path of this site is followed after sign-in, never another origin: the value is resolved
 * against a fixed origin, as a browser would resolve it, and kept only when it stays there.
 * Control characters and backslashes, which browsers drop or turn into slashes, are refused outright.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || unsafe(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
