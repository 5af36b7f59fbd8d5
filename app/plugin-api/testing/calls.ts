import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { signedInRequest } from "./accounts";
import { formBody, runAction, type Posted } from "./routes";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

interface RouteEnv {
  context: AppLoadContext;
  office: { code: string };
}

/** A loader's data at `path` for a signed-in user (`userId`) or the public (null), or the Response it threw. Params default to the office's `tenant`. */
export async function load<T = Record<string, unknown>>(env: RouteEnv, loader: Loader, userId: string | null, path: string, params: Record<string, string> = {}): Promise<T> {
  const request = userId ? await signedInRequest(env.context, userId, path) : new Request(`http://localhost${path}`);
  return (await loader({ request, params: { tenant: env.office.code, ...params }, context: env.context })) as T;
}

/**
 * A POST as the browser sends a form (repeated names, files), by a signed-in user or the public
 * (null), from the client address `ip`; the answer or the redirect.
 */
export async function post<T = Record<string, unknown>>(
  env: RouteEnv,
  action: Action,
  userId: string | null,
  path: string,
  fields: Record<string, string | string[] | File | File[]>,
  params: Record<string, string> = {},
  ip: string | null = "203.0.113.7",
): Promise<Posted<T>> {
  const body = formBody(fields);
  let request: Request;
  if (userId) {
    const get = await signedInRequest(env.context, userId, path);
    request = new Request(get.url, { method: "POST", headers: { Cookie: get.headers.get("Cookie")! }, body });
  } else request = new Request(`http://localhost${path}`, { method: "POST", body });
  return runAction<T>(action, request, { tenant: env.office.code, ...params }, { ...env.context, clientIp: ip });
}
