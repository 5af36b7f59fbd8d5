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

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
