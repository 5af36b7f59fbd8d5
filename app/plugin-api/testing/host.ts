import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { withScope } from "../../../db/scope";
import { clockStatuses } from "../../core/calendar/clock-store.server";
import { search, type SearchQuery, type SearchResults } from "../../core/search/index.server";
import type { InboxSection } from "../../plugin-host/inbox.server";
import { resolvePluginRequest } from "../../plugin-host/request-context.server";
import { computeWidgets, type WidgetRequest, type WidgetResult } from "../../plugin-host/widgets.server";
import { reportBatchContext } from "../../plugin-host/reports.server";
import { loader as inboxLoader } from "../../routes/t.$tenant.admin.inbox";
import { chinaDate } from "../../core/calendar/china-time";
import type { PluginRequestContext, ReportBatchContext, WidgetContext } from "../index";
import { signedInRequest } from "./accounts";
import { load } from "./calls";
import type { Testbed } from "./testbed";

export type { InboxSection, SearchResults, WidgetResult };

type Env = Pick<Testbed, "handle" | "context" | "office">;

/** The portal's search over one office, as an anonymous reader. */
export function publicSearch(env: Env, tenantId: string, query: SearchQuery): Promise<SearchResults> {
  return withScope(env.handle.db, { tenantId: null, readTenantIds: [tenantId], userId: null }, (trx) => search(trx, query));
}

/** The sections plugins add to the member's 收件箱 in the office. */
export async function inboxSections(env: Env, userId: string): Promise<InboxSection[]> {
  return (await load<{ sections: InboxSection[] }>(env, inboxLoader, userId, `/t/${env.office.code}/admin/inbox`)).sections;
}

/** The widgets of the oversight page and the staff home, as the host computes them for this viewer. */
export function widgetValues(env: Env, request: WidgetRequest): Promise<WidgetResult[]> {
  return computeWidgets(env.context, request);
}

/** A widget context as the host gives a plugin's widget, reading as `viewerUserId`. */
export function widgetContext(env: Env, pluginId: string, viewerUserId: string): WidgetContext {
  const calendar = env.context.services.calendar.calendar;
  return {
    pluginId,
    calendar,
    clockStatuses: (trx, ids, asOf = chinaDate()) => clockStatuses(trx as Transaction<CoreDatabase>, ids, asOf, calendar, env.context.services.plugins.clockKinds(pluginId)),
    withRead: (ids, fn) => withScope(env.handle.db, { tenantId: null, readTenantIds: ids, userId: viewerUserId }, fn),
  };
}

/** The context the host gives a report section's `compute`, reading these tenants as `userId` (and refusing any other). */
export function reportContext(env: Env, section: { pluginId: string; key: string }, userId: string, tenantIds: readonly string[]): ReportBatchContext {
  return reportBatchContext(env.context, section, userId, tenantIds);
}

/** The request context a plugin's admin route at `path` gets for this signed-in member. */
export async function pluginRequest(env: Env, userId: string, path: string, params: Record<string, string> = {}): Promise<PluginRequestContext> {
  const request = await signedInRequest(env.context, userId, path);
  return resolvePluginRequest({ request, params: { tenant: env.office.code, ...params }, context: env.context });
}
