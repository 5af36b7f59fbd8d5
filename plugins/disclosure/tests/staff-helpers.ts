import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createUser, load as loadAt, post as postAt, type Posted } from "../../../app/plugin-api/testing";
import { seedDisclosure } from "../server/seed.server";
import { openDisclosure } from "./setup";

export type StaffEnv = Awaited<ReturnType<typeof openStaff>>;

/**
 * The plugin's test database, seeded, with the members the staff pages need beyond setup's: a
 * second drafter, the principal (catalogue and list), and the city's supervisor who reads the office.
 */
export async function openStaff() {
  const env = await openDisclosure();
  for (const t of [env.tree.city, ...env.tree.offices]) await seedDisclosure(env.systemContext(t.id));
  const more = {
    drafter2: await createUser(env.handle, { [env.office.id]: ["drafter"] }),
    principal: env.member("principal"),
    supervisor: env.member("supervisor"),
  };
  return { ...env, users: { ...env.users, ...more } };
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

export { audited, statusOf, type Posted } from "../../../app/plugin-api/testing";

export const pathOf = (env: StaffEnv, sub = "") => `/t/${env.office.code}/admin/disclosure${sub}`;

/** A loader's data as the signed-in user sees it, or the Response it threw (403, 404, a redirect). */
export function load<T = Record<string, unknown>>(env: StaffEnv, loader: Loader, userId: string, sub = "", params: Record<string, string> = {}): Promise<T> {
  return loadAt<T>(env, loader, userId, pathOf(env, sub), params);
}

/** A POST as the browser sends it (form fields, repeated names, files); the answer or the redirect. */
export function post<T = Record<string, unknown>>(
  env: StaffEnv,
  action: Action,
  userId: string,
  sub: string,
  fields: Record<string, string | string[] | File | File[]>,
  params: Record<string, string> = {},
): Promise<Posted<T>> {
  // From the test context's own address, as staff at the office.
  return postAt<T>(env, action, userId, pathOf(env, sub), fields, params, env.context.clientIp);
}

/** Inserts a published item directly, numbered as publication would number it. */
export async function publishedItem(
  env: StaffEnv,
  values: { title: string; formedOn: string; publishedOn: string; categoryKey?: string; listRowKey?: string | null; docNumber?: string | null; validity?: string | null; endedOn?: string | null },
  tenantId = env.office.id,
) {
  const ctx = env.systemContext(tenantId);
  return ctx.withTenant(async (trx) => {
    const { number } = await ctx.numbering.next(trx, "core.index", { year: Number(values.publishedOn.slice(0, 4)) });
    return trx
      .insertInto("disclosure_items")
      .values({
        tenant_id: tenantId,
        index_number: number,
        category_key: values.categoryKey ?? "quality",
        list_row_key: values.listRowKey ?? null,
        title: values.title,
        issuer: "测试分局",
        doc_number: values.docNumber ?? null,
        written_on: values.formedOn,
        formed_on: values.formedOn,
        published_on: values.publishedOn,
        topic: "环境监测、保护与治理",
        attribute: "proactive",
        validity: values.validity ?? null,
        ended_on: values.endedOn ?? null,
        body_html: "<p>正文。</p>",
        attachments: "[]",
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** The editor's form filled in correctly; override what a test is about. */
export function draftForm(overrides: Record<string, string | string[] | File | File[]> = {}) {
  return {
    intent: "save",
    title: "关于东湖片区2026年第三季度环境质量状况的通报",
    categoryKey: "quality",
    listRowKey: "",
    issuer: "测试分局",
    docNumber: "东环通〔2026〕7号",
    writtenOn: "2026-10-09",
    formedOn: "2026-10-09",
    topic: "环境监测、保护与治理",
    attribute: "proactive",
    validity: "",
    validFrom: "",
    endedOn: "",
    interpretsId: "",
    body: "<p>监测结果显示，片区空气质量优良天数比例为91.3%。</p>",
    bodyFormat: "html",
    seenFindings: "",
    ...overrides,
  };
}
