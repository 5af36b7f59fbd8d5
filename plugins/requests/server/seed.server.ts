import type { PluginTenantContext } from "../../../app/plugin-api";

// Being built this session: a believable year of requests per demo office.
export async function seedRequests(_ctx: PluginTenantContext): Promise<void> {}
