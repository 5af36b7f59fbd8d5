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
  /** An i18n key: what it measures, its period and source. */
  description?: string;
  format: PluginWidget["format"];
  /** Absent where no direction is better (a count of applications is neither good nor bad). */
  better?: PluginWidget["better"];
  values: Record<string, number | null>;
  /** The breakdown, when the request asked for series and the widget declares one (null where it failed). */
  series?: WidgetSeriesResult | null;
}

export interface WidgetSeriesResult {
  /** An i18n key of the plugin's: the chart's title. */
  label: string;
  /** `months`: `buckets` are `YYYY-MM`, oldest first; `buckets`: i18n keys of the plugin's. */
  over: "months" | "buckets";
  buckets: string[];
  /** Per tenant id asked for, one number (or null) per bucket; all null where its plugin is off. */
  values: Record<string, (number | null)[]>;
}

/** The 12 months ending with `today`'s, oldest first, as `YYYY-MM`. */
export function lastTwelveMonths(today = chinaDate()): string[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: 12 }, (_, i) => {
    const k = y * 12 + (m - 1) - (11 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
}

export interface WidgetRequest {
  viewerUserId: string;
  /** Everything the viewer may read (`access.readTenantIds`, or `supervisedTenantIds` for oversight): asking outside it is refused. */
  readableTenantIds: readonly string[];
  /** The tenants to compute for. */
  tenantIds: readonly string[];
  /** The viewer's permissions: a widget declaring a permission is left out without it. */
  permissions: ReadonlySet<string>;
  /** Also compute the widgets' series (the staff home and the oversight page draw them). */
  series?: boolean;
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
    const value = Promise.resolve()
      // Through a promise first, so a compute that throws before returning one is caught as well.
      .then(() => widget.compute(ctx, [...ids]))
      .then((raw) => pick(raw, ids))
      .catch((err: unknown) => {
        logger.warn({ err, pluginId: widget.pluginId, widget: widget.key }, "plugin widget failed; showing no value");
        return {} as Record<string, number | null>;
      });
    const declared = req.series ? widget.series : undefined;
    const buckets = declared ? (declared.over === "months" ? lastTwelveMonths() : [...declared.over]) : [];
    const series = declared
      ? Promise.resolve()
          .then(() => declared.compute(ctx, [...ids], [...buckets]))
          .then((raw): WidgetSeriesResult => {
            const found = pickSeries(raw, ids, buckets.length);
            return {
              label: declared.label,
              over: declared.over === "months" ? "months" : "buckets",
              buckets,
              values: Object.fromEntries(tenantIds.map((id) => [id, found[id] ?? buckets.map(() => null)])),
            };
          })
          .catch((err: unknown) => {
            logger.warn({ err, pluginId: widget.pluginId, widget: widget.key }, "plugin widget series failed; showing no chart");
            return null;
          })
      : Promise.resolve(undefined);
    return [
      Promise.all([value, series]).then(
        ([found, s]): WidgetResult => ({
          key: widget.key,
          pluginId: widget.pluginId,
          label: widget.label,
          ...(widget.description ? { description: widget.description } : {}),
          format: widget.format,
          ...(widget.better ? { better: widget.better } : {}),
          values: Object.fromEntries(tenantIds.map((id) => [id, found[id] ?? null])),
          ...(s !== undefined ? { series: s } : {}),
        }),
      ),
    ];
  });
  return Promise.all(jobs);
}

/** Keeps, per tenant asked about, an array of `length` finite numbers or nulls; a tenant whose array has another length is refused (a shifted month would be misread). */
function pickSeries(raw: unknown, ids: readonly string[], length: number): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  if (!raw || typeof raw !== "object") throw new Error("a series compute must return an object of arrays");
  for (const id of ids) {
    const v = (raw as Record<string, unknown>)[id];
    if (v === undefined) continue;
    if (!Array.isArray(v) || v.length !== length) throw new Error(`series for tenant ${id} must have ${length} values`);
    out[id] = v.map((x) => (typeof x === "number" && Number.isFinite(x) ? x : null));
  }
  return out;
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
