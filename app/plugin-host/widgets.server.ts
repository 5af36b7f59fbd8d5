import type { AppLoadContext } from "@remix-run/node";
import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../db/schema";
import { chinaDate } from "../core/calendar/china-time";
import { clockKindKey } from "../core/calendar/clock-kind";
import { clockStatuses } from "../core/calendar/clock-store.server";
import { withScope } from "../../db/scope";
import { forbidden } from "../core/tenancy/staff.server";
import type { WidgetContext } from "../plugin-api/context";
import type { PluginWidget } from "./manifest-schema";

/** One widget's numbers, one per tenant asked for: null where its plugin is off, or where it failed. */
export interface WidgetResult {
  key: string;
  pluginId: string;
  /** An i18n key in the plugin's namespace, `<pluginId>:…`. */
  label: string;
  format: PluginWidget["format"];
  better: PluginWidget["better"];
  values: Record<string, number | null>;
}

export interface WidgetRequest {
  viewerUserId: string;
  /** Everything the viewer may read (`access.readTenantIds`, or `supervisedTenantIds` for oversight): asking outside it is refused. */
  readableTenantIds: readonly string[];
  /** The tenants to compute for. */
  tenantIds: readonly string[];
  /** The viewer's permissions: a widget declaring a permission is left out without it. */
  permissions: ReadonlySet<string>;
}

/**
 * Computes the widgets of every plugin enabled in at least one of the tenants asked for. Each widget
 * runs concurrently, sees only the tenants where its plugin is enabled (row-level security decides,
 * through its own read-only scope) and, if it throws, yields nulls and a log line instead of an error.
 * Throws 403 when a tenant asked for is outside what the viewer may read.
 */
export async function computeWidgets(context: Pick<AppLoadContext, "services">, req: WidgetRequest): Promise<WidgetResult[]> {
  const readable = new Set(req.readableTenantIds);
  const tenantIds = [...new Set(req.tenantIds)];
  if (tenantIds.some((id) => !readable.has(id))) throw forbidden();

  const { db, logger, plugins, tenants } = context.services;
  const enabledFor = (pluginId: string) => tenantIds.filter((id) => tenants.byId(id)?.plugins.includes(pluginId));

  const jobs = plugins.widgets().flatMap((widget) => {
    const ids = enabledFor(widget.pluginId);
    if (ids.length === 0 || (widget.permission && !req.permissions.has(widget.permission))) return [];
    const ctx: WidgetContext = {
      pluginId: widget.pluginId,
      calendar: context.services.calendar.calendar,
      clockStatuses: (trx, clockIds, asOf = chinaDate()) => {
        const kinds = plugins.clockKinds(widget.pluginId);
        const foreign = clockIds.find((id) => !kinds.get(clockKindKey(id) ?? ""));
        if (foreign) return Promise.reject(new Error(`widget ${widget.key} may not read clock ${foreign}`));
        return clockStatuses(trx as Transaction<CoreDatabase>, clockIds, asOf, context.services.calendar.calendar, kinds);
      },
      withRead: (asked, fn) => {
        const outside = asked.filter((id) => !ids.includes(id));
        if (outside.length) return Promise.reject(new Error(`widget ${widget.key} may not read tenants ${outside.join(", ")}`));
        return withScope(db, { tenantId: null, readTenantIds: asked, userId: req.viewerUserId }, fn);
      },
    };
    return [
      // Through a promise first, so a compute that throws before returning one is caught as well.
      Promise.resolve()
        .then(() => widget.compute(ctx, [...ids]))
        .then((raw) => pick(raw, ids))
        .catch((err: unknown) => {
          logger.warn({ err, pluginId: widget.pluginId, widget: widget.key }, "plugin widget failed; showing no value");
          return {} as Record<string, number | null>;
        })
        .then((found): WidgetResult => ({
          key: widget.key,
          pluginId: widget.pluginId,
          label: widget.label,
          format: widget.format,
          better: widget.better,
          values: Object.fromEntries(tenantIds.map((id) => [id, found[id] ?? null])),
        })),
    ];
  });
  return Promise.all(jobs);
}

/** Keeps the finite numbers a widget returned for the tenants it was asked about, and nothing else. */
function pick(raw: unknown, ids: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!raw || typeof raw !== "object") return out;
  for (const id of ids) {
    const v = (raw as Record<string, unknown>)[id];
    out[id] = typeof v === "number" && Number.isFinite(v) ? v : null;
  }
  return out;
}
