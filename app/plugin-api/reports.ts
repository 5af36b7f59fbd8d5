import type { WorkCalendar } from "../core/calendar/work-calendar";
import type { Locale } from "../core/i18n/config";
import type { PluginTransaction } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any -- `DB`, a plugin's own tables, is unknown to the host */

/** One figure of a report section; `label` and `description` are i18n keys of the declaring plugin. */
export interface PluginReportFigure {
  /** `<pluginId>.…`, unique among the plugin's figures, e.g. "requests.t3.received.total". */
  key: string;
  label: string;
  /** How the figure is counted, where the report's format leaves a choice. */
  description?: string;
}

/** What a section's compute receives: read access to the tenants it was asked about, and the calendar. */
export interface ReportBatchContext<DB = any> {
  pluginId: string;
  calendar: WorkCalendar;
  /** One read-only transaction over some of the tenants asked about; row-level security keeps every other tenant out. */
  withRead<T>(tenantIds: readonly string[], fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
}

/**
 * A batch of annual-report figures computed together (a table of the report): one `compute` gives
 * every figure of the section for many offices, in as few reads as the plugin likes.
 */
export interface PluginReportSection<DB = any> {
  /** `<pluginId>.…`, e.g. "requests.t3". */
  key: string;
  /** i18n key of the section's heading, e.g. "requests:sections.t3". */
  label: string;
  figures: PluginReportFigure[];
  /**
   * For each tenant id given (the plugin is enabled in each), a number for every figure key of the
   * section. A tenant or figure left out fails the whole read: a blank in a report would read as 0.
   */
  compute(ctx: ReportBatchContext<DB>, tenantIds: readonly string[], year: number): Promise<Map<string, Record<string, number>>>;
}

/** A section as a reader lays it out: which plugin declares it, its heading and its figures. */
export interface ReportSectionInfo {
  pluginId: string;
  key: string;
  label: string;
  figures: PluginReportFigure[];
}

export interface ReportFigures {
  year: number;
  /** The sections of plugins enabled in at least one of the tenants read, in the plugins' order. */
  sections: ReportSectionInfo[];
  /** Tenant id → figure key → number: only the figures of plugins enabled in that tenant. */
  byTenant: Record<string, Record<string, number>>;
}

/** An office a reader may read the figures of. */
export interface ReportOffice {
  id: string;
  code: string;
  name: Record<Locale, string>;
  parentId: string | null;
}

/** `ctx.reports`: the annual-report figures every plugin declares, for the offices this reader may read. */
export interface PluginReports {
  /** The context's own office first, then (for a supervisor) the offices under it. */
  offices: readonly ReportOffice[];
  /** Figures of `year` for `tenantIds` (default: the context's office). Throws 403 for an office outside `offices`. */
  figures(year: number, options?: { tenantIds?: readonly string[] }): Promise<ReportFigures>;
}
