import { pluginRoutes } from "../../../../../app/plugin-api/loaders.server";
import type { AnnualReportDatabase } from "../../../db/schema";

/** The host's loader and action builders, with this plugin's tables typed in every `ctx.withTenant`. Routes only. */
export const { pluginLoader, pluginAction } = pluginRoutes<AnnualReportDatabase>();

/** The `:year` of a staff page, or a 404: anything but a year a report can have names no page. */
export function yearParam(params: Readonly<Record<string, string | undefined>>): number {
  const raw = params.year ?? "";
  const year = /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(year) || year < 2008 || year > 2200) throw new Response("Not Found", { status: 404 });
  return year;
}

export const DRAFT_PERMISSION = "annual-report.reports.draft";
export const staffBase = (officeCode: string) => `/t/${officeCode}/admin/annual-report`;
/** The core's permission to read the offices under one's own: the city's consolidation page. */
export const OVERSIGHT = "core.oversight.view";
