import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { validateManifest } from "../../../app/plugin-host/discover";
import { migratePlugins } from "../../../app/plugin-host/migrate";
import { PluginRegistry } from "../../../app/plugin-host/registry";
import { tenantContext } from "../../../app/plugin-host/request-context.server";
import type { BusinessRole } from "../../../app/core/permissions/roles";
import { requireStaff, withTenant, type StaffContext } from "../../../app/core/tenancy/staff.server";
import { createTenantTree, openTestDatabase, switchPlugin } from "../../../tests/helpers/db";
import { createUser, signedInRequest, testContext } from "../../../tests/helpers/context";
import { formBody, runAction, type Posted } from "../../../tests/helpers/routes";
import disclosureManifest from "../../disclosure/manifest";
import manifest from "../manifest";

/**
 * A test database with the requests plugin (and disclosure, whose published items the application
 * form suggests) migrated and enabled for a city and two offices, and staff in the first office.
 */
export async function openRequests() {
  const handle = await openTestDatabase();
  const dir = (p: string) => new URL(p, import.meta.url).pathname;
  const registry = new PluginRegistry([
    { manifest: validateManifest("disclosure", disclosureManifest), dir: dir("../../disclosure/") },
    { manifest: validateManifest("requests", manifest), dir: dir("../") },
  ]);
  await migratePlugins(handle.db, registry);
  const tree = await createTenantTree(handle, 2);
  for (const t of [tree.city, ...tree.offices]) {
    await switchPlugin(handle, t.id, true, {}, "disclosure");
    await switchPlugin(handle, t.id, true, {}, "requests");
  }
  const context: AppLoadContext = await testContext(handle, {}, registry);
  const office = tree.offices[0]!;
  const roles = {
    officer: ["requests_officer"],
    dept: ["dept_reviewer"],
    classifier: ["classifier"],
    leader: ["leader"],
    principal: ["principal"],
    drafter: ["drafter"],
    viewer: ["viewer"],
  } satisfies Record<string, BusinessRole[]>;
  const users = {} as Record<keyof typeof roles | "supervisor", { id: string; username: string }>;
  for (const [name, r] of Object.entries(roles)) users[name as keyof typeof roles] = await createUser(handle, { [office.id]: r });
  users.supervisor = await createUser(handle, { [tree.city.id]: ["supervisor"] });
  const systemContext = (tenantId: string, pluginId = "requests") =>
    tenantContext(context, registry.get(pluginId)!, context.services.tenants.byId(tenantId)!, { id: null, name: "test" });

  /** Runs `fn` in the office's transaction as the signed-in staff member. */
  async function asStaff<T>(userId: string, fn: (trx: Parameters<Parameters<typeof withTenant>[1]>[0], ctx: StaffContext) => Promise<T>): Promise<T> {
    const ctx = await requireStaff(await signedInRequest(context, userId, `/t/${office.code}/admin`), context, office.code);
    return withTenant(ctx, (trx) => fn(trx, ctx));
  }

  return { handle, registry, tree, context, office, users, systemContext, asStaff };
}

export type RequestsEnv = Awaited<ReturnType<typeof openRequests>>;
export { audited, statusOf, type Posted } from "../../../tests/helpers/routes";
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

export const staffPath = (env: RequestsEnv, sub = "") => `/t/${env.office.code}/admin/requests${sub}`;
export const publicPath = (env: RequestsEnv, sub = "") => `/t/${env.office.code}/requests${sub}`;

/** A loader's data for a signed-in user (`userId`) or the public (null), or the Response it threw. */
export async function load<T = Record<string, unknown>>(env: RequestsEnv, loader: Loader, userId: string | null, path: string, params: Record<string, string> = {}): Promise<T> {
  const request = userId ? await signedInRequest(env.context, userId, path) : new Request(`http://localhost${path}`);
  return (await loader({ request, params: { tenant: env.office.code, ...params }, context: env.context })) as T;
}

/** A POST as the browser sends it, by a signed-in user or the public (null, from `ip`); the answer or the redirect. */
export async function post<T = Record<string, unknown>>(
  env: RequestsEnv,
  action: Action,
  userId: string | null,
  path: string,
  fields: Record<string, string | string[] | File | File[]>,
  params: Record<string, string> = {},
  ip = "203.0.113.7",
): Promise<Posted<T>> {
  const body = formBody(fields);
  let request: Request;
  if (userId) {
    const get = await signedInRequest(env.context, userId, path);
    request = new Request(get.url, { method: "POST", headers: { Cookie: get.headers.get("Cookie")! }, body });
  } else request = new Request(`http://localhost${path}`, { method: "POST", body });
  return runAction<T>(action, request, { tenant: env.office.code, ...params }, { ...env.context, clientIp: ip });
}

/** A valid application form as a citizen fills it in (a natural person with a resident ID). */
export function applicationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    applicantType: "natural",
    name: "李明",
    idType: "resident_id",
    idNumber: "110101199003074514",
    phone: "13800138000",
    email: "liming@example.com",
    address: "示范市东湖区湖滨路1号",
    postcode: "361001",
    subject: "2025年东湖区重点排污单位监督性监测数据",
    docNumber: "",
    description: "请提供2025年第三季度东湖区重点排污单位的监督性监测报告。",
    form: "electronic",
    delivery: "email",
    ...overrides,
  };
}
