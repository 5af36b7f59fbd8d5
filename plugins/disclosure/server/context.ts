import type {
  PluginDescribeContext,
  PluginDocumentHookContext,
  PluginRequestContext,
  PluginTenantContext,
  PluginTransaction,
  WidgetContext,
} from "../../../app/plugin-api";
import type { DisclosureDatabase } from "../db/schema";

/** The host's contexts with this plugin's own tables typed (db/schema.ts): what its code receives. */
export type DisclosureTransaction = PluginTransaction<DisclosureDatabase>;
export type DisclosureContext = PluginRequestContext<DisclosureDatabase>;
export type DisclosureTenantContext = PluginTenantContext<DisclosureDatabase>;
export type DisclosureHookContext = PluginDocumentHookContext<DisclosureDatabase>;
export type DisclosureDescribeContext = PluginDescribeContext<DisclosureDatabase>;
export type DisclosureWidgetContext = WidgetContext<DisclosureDatabase>;
