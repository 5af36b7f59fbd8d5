import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import type { PluginTenantContext } from "../context";

/** What an action answered: its data and status, or where it redirected. */
export type Posted<T = Record<string, unknown>> = { status: number; data: T; location: string | null };

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

/** A multipart body as the browser sends a form: repeated names for arrays, files as files. */
export function formBody(fields: Record<string, string | string[] | File | File[]>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
}

/** Runs an action on `request` and reads its answer the way Remix would: thrown or returned Responses become status and location. */
export async function runAction<T>(action: Action, request: Request, params: Record<string, string>, context: AppLoadContext): Promise<Posted<T>> {
  let res: unknown;
  try {
    res = await action({ request, params, context });
  } catch (e) {
    if (e instanceof Response) return { status: e.status, data: {} as T, location: e.headers.get("Location") };
    throw e;
  }
  if (res instanceof Response) return { status: res.status, data: {} as T, location: res.headers.get("Location") };
  // `data(value, init)` carries a status; a plain object is answered with 200.
  if (res !== null && typeof res === "object" && (res as { type?: unknown }).type === "DataWithResponseInit") {
    const r = res as { data: T; init: { status?: number } | null };
    return { status: r.init?.status ?? 200, data: r.data, location: null };
  }
  return { status: 200, data: res as T, location: null };
}

/** The status a loader or action throws (200 when it does not). */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  return p.then(
    () => 200,
    (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e)),
  );
}

interface OfficeEnv {
  office: { id: string };
  systemContext(tenantId: string): Pick<PluginTenantContext, "withTenant">;
}

/** The office's audit events of one action, oldest first. */
export function audited(env: OfficeEnv, action: string) {
  return env.systemContext(env.office.id).withTenant((trx) =>
    trx.selectFrom("audit_events").select(["action", "target_id", "data", "actor_id", "actor_name"]).where("tenant_id", "=", env.office.id).where("action", "=", action).orderBy("seq").execute(),
  );
}
