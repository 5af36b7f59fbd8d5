import type { WorkCalendar } from "../core/calendar/work-calendar";
import type { Locale } from "../core/i18n/config";
import type { z } from "zod";
import type { reportSectionSchema } from "../plugin-host/manifest/report-figures";
import type { PluginTransaction } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any -- `DB`, a plugin's own tables, is unknown to the host */

/** What a section's compute receives: read access to the tenants it was asked about, and the calendar. */
export interface ReportBatchContext<DB = any> {
  pluginId: string;
  calendar: WorkCalendar;
  /** One read-only transaction over some of the tenants asked about; row-level security keeps every other tenant out. */
  withRead<T>(tenantIds: readonly string[], fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
}

/** A section of report figures as the manifest declares it (`reportFigures[]`; the schema in plugin-host/manifest/report-figures.ts). */
export type PluginReportSection<DB = any> = z.input<ReturnType<typeof reportSectionSchema<DB>>>;
/** One figure of a section; `label` and `description` are i18n keys of the declaring plugin. */
export type PluginReportFigure = PluginReportSection["figures"][number];

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
export interface PluginReports<DB = any> {
  /** The context's own office first, then (for a supervisor) the offices under it. */
  offices: readonly ReportOffice[];
  /** Figures of `year` for `tenantIds` (default: the context's office). Throws 403 for an office outside `offices`. */
  figures(year: number, options?: { tenantIds?: readonly string[] }): Promise<ReportFigures>;
  /**
   * For a plugin's own rows of the offices it consolidates: one read-only transaction over
   * `tenantIds`, as this reader, row-level security keeping every other office out. Throws 403 for
   * an office outside `offices`.
   */
  read<T>(tenantIds: readonly string[], fn: (trx: PluginTransaction<DB>) => Promise<T>): Promise<T>;
}
