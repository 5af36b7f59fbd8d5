import { pluginRoutes } from "../../../app/plugin-api/loaders.server";
import type { AnnualReportDatabase } from "../db/schema";

/** The host's loader and action builders, with this plugin's tables typed in every `ctx.withTenant`. Routes only: the manifest must not reach this module. */
export const { pluginLoader, pluginAction } = pluginRoutes<AnnualReportDatabase>();
