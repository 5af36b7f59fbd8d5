import type {
  PluginDescribeContext,
  PluginDocumentHookContext,
  PluginRequestContext,
  PluginTenantContext,
  PluginTransaction,
  WidgetContext,
} from "../../../app/plugin-api";
import type { RequestsDatabase } from "../db/schema";

/** The host's contexts with this plugin's own tables typed (db/schema.ts): what its code receives. */
export type RequestsTransaction = PluginTransaction<RequestsDatabase>;
export type RequestsContext = PluginRequestContext<RequestsDatabase>;
export type RequestsTenantContext = PluginTenantContext<RequestsDatabase>;
export type RequestsHookContext = PluginDocumentHookContext<RequestsDatabase>;
export type RequestsDescribeContext = PluginDescribeContext<RequestsDatabase>;
export type RequestsWidgetContext = WidgetContext<RequestsDatabase>;
