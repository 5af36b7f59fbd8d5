/** The cookies a browser would hold after signing in through the login form. */
export interface Session {
  username: string;
  /** Where the form sent us: the staff workspace. */
  landing: string;
  cookie: string;
}

const pair = (setCookie: string) => setCookie.split(";")[0]!;

/**
 * Signs in once through the real form: GET /login for the CSRF cookie, POST the form with the
 * token and our origin, keep the session cookie. Throws with the answer if it does not redirect.
 */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const form = await fetch(`${baseUrl}/login`);
  const csrf = form.headers.getSetCookie().map(pair).find((c) => c.startsWith("gk_csrf="));
  if (!form.ok || !csrf) throw new Error(`GET /login answered ${form.status} without a gk_csrf cookie`);
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: csrf },
    body: new URLSearchParams({ _csrf: csrf.slice("gk_csrf=".length), username, password, redirectTo: "" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().map(pair).find((c) => c.startsWith("gk_session="));
  const landing = res.headers.get("location");
  if (res.status !== 302 || !session || !landing) {
    throw new Error(`signing in as ${username} answered ${res.status} (location ${landing}):\n${(await res.text()).slice(0, 500)}`);
  }
  return { username, landing, cookie: `${csrf}; ${session}` };
}
