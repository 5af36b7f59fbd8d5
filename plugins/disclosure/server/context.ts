import type { PluginContexts } from "../../../app/plugin-api";
import type { DisclosureDatabase } from "../db/schema";

/** The host's contexts with this plugin's own tables typed (db/schema.ts): what its code receives. */
type Contexts = PluginContexts<DisclosureDatabase>;
export type DisclosureTransaction = Contexts["transaction"];
export type DisclosureContext = Contexts["request"];
export type DisclosureTenantContext = Contexts["tenant"];
export type DisclosureHookContext = Contexts["hook"];
export type DisclosureExtensionContext = Contexts["extension"];
export type DisclosureDescribeContext = Contexts["describe"];
export type DisclosureWidgetContext = Contexts["widget"];
