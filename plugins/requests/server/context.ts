import type { PluginContexts } from "../../../app/plugin-api";
import type { RequestsDatabase } from "../db/schema";

/** The host's contexts with this plugin's own tables typed (db/schema.ts): what its code receives. */
type Contexts = PluginContexts<RequestsDatabase>;
export type RequestsTransaction = Contexts["transaction"];
export type RequestsContext = Contexts["request"];
export type RequestsTenantContext = Contexts["tenant"];
export type RequestsHookContext = Contexts["hook"];
export type RequestsDescribeContext = Contexts["describe"];
export type RequestsWidgetContext = Contexts["widget"];
