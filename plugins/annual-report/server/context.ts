import type { PluginContexts } from "../../../app/plugin-api";
import type { AnnualReportDatabase } from "../db/schema";

/** The host's contexts with this plugin's own tables typed (db/schema.ts): what its code receives. */
type Contexts = PluginContexts<AnnualReportDatabase>;
export type ReportsTransaction = Contexts["transaction"];
export type ReportsContext = Contexts["request"];
export type ReportsHookContext = Contexts["hook"];
export type ReportsWidgetContext = Contexts["widget"];
export type ReportsTenantContext = Contexts["tenant"];
