import { redirect, type AppLoadContext } from "@remix-run/node";
import { recordPlatformEvent } from "../audit/record.server";
import { landingPath } from "./landing.server";
import { blankChallengeCookie, endChallenge, readChallenge, readChallengeToken, type LoginChallenge } from "./login-challenge.server";
import { finishChallenge, LOGIN_STEP_PATHS, nextStep, signInState, type LoginStep, type SignInState } from "./login-steps.server";

/** The pages of a pending sign-in (/login/verify, /login/password, /login/enrol) share these. */

export interface PendingSignIn {
  challenge: LoginChallenge;
  state: SignInState;
}

export const EXPIRED_LOGIN = "/login?expired=1";

export function signInMeta(request: Request, context: AppLoadContext) {
  return { ip: context.clientIp, userAgent: request.headers.get("User-Agent"), requestId: context.requestId };
}

function backToLogin(context: AppLoadContext): Response {
  return redirect(EXPIRED_LOGIN, { headers: { "Set-Cookie": blankChallengeCookie(context.secureCookies) } });
}

/**
 * This browser's pending sign-in when it stands at `step`. Without one (never started, expired,
 * ended after too many wrong codes) the browser goes back to the password form; at another step,
 * to that step's page.
 */
export async function requireStep(request: Request, context: AppLoadContext, step: LoginStep): Promise<PendingSignIn> {
  const { services } = context;
  const token = readChallengeToken(request.headers.get("Cookie"));
  const challenge = token ? await readChallenge(services.db, token) : null;
  if (!challenge) throw backToLogin(context);
  const state = await signInState(services, challenge.userId);
  if (!state) {
    await endChallenge(services.db, challenge.tokenHash);
    throw backToLogin(context);
  }
  if (nextStep(state, challenge) !== step) throw await advance(request, context, challenge);
  return { challenge, state };
}

export interface SignedIn {
  to: string;
  headers: Headers;
}

/** Ends the pending sign-in with its session: where to go, and the cookies to set. Null when it ended otherwise meanwhile. */
export async function finishSignIn(request: Request, context: AppLoadContext, challenge: LoginChallenge, state: SignInState): Promise<SignedIn | null> {
  const { services } = context;
  const token = await finishChallenge(services, challenge, state, signInMeta(request, context));
  if (!token) return null;
  const auth = await services.sessions.validate(token);
  const to = challenge.redirectTo ?? (auth ? await landingPath(context, auth.user) : "/");
  const headers = new Headers();
  headers.append("Set-Cookie", services.sessions.cookie(token, context.secureCookies));
  headers.append("Set-Cookie", blankChallengeCookie(context.secureCookies));
  return { to, headers };
}

/** After a step is done: the next step's page, or the signed-in destination. */
export async function advance(request: Request, context: AppLoadContext, challenge: LoginChallenge): Promise<Response> {
  const state = await signInState(context.services, challenge.userId);
  if (!state) return backToLogin(context);
  const next = nextStep(state, challenge);
  if (next) return redirect(LOGIN_STEP_PATHS[next]);
  const done = await finishSignIn(request, context, challenge, state);
  return done ? redirect(done.to, { headers: done.headers }) : backToLogin(context);
}

/** Audits a step of a pending sign-in on the platform chain. */
export function auditStep(
  request: Request,
  context: AppLoadContext,
  state: SignInState,
  e: { action: string; outcome?: "success" | "failure"; data?: Record<string, unknown> },
): Promise<void> {
  const { ip, requestId } = signInMeta(request, context);
  return recordPlatformEvent(context.services.db, { ...e, actor: { id: state.userId, name: state.username }, ip, requestId });
}
