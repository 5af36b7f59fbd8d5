import { pino } from "pino";
import type { AppLoadContext } from "@remix-run/node";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { loadConfig } from "../../../app/core/config.server";
import { installAuditKey } from "../../../app/core/audit/hasher";
import { loadDataKey } from "../../../app/core/crypto/data-key.server";
import { createServices } from "../../../app/server/services.server";
import { discoverPlugins } from "../../../app/plugin-host/discover";
import { tenantContext } from "../../../app/plugin-host/request-context.server";
import type { PluginRequestContext } from "../../../app/plugin-api";
import type { BenchManifest } from "../data/index";

export interface InProcess {
  handle: DatabaseHandle;
  context: Pick<AppLoadContext, "services">;
  close(): Promise<void>;
}

/**
 * The server's services over the bench database, in this process, as app/server/main.ts builds
 * them (no migrations or sync: the data is already there). On PGlite no server may hold the
 * directory meanwhile.
 */
export async function openInProcess(manifest: BenchManifest, observe?: Parameters<typeof openDatabase>[0]["observe"]): Promise<InProcess> {
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    GONGKAI_DEMO: "false",
    GONGKAI_DATA_KEY: manifest.dataKeyBase64,
    ...(manifest.databaseUrl ? { DATABASE_URL: manifest.databaseUrl } : {}),
    ...(manifest.dataDir ? { GONGKAI_DATA_DIR: manifest.dataDir } : {}),
  });
  installAuditKey(Buffer.from(manifest.auditKeyBase64, "base64"));
  const handle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGKAI_DATA_DIR, observe });
  const services = await createServices({
    db: handle.db,
    engine: handle.engine,
    config,
    logger: pino({ level: "warn" }),
    plugins: await discoverPlugins(),
    dataKey: await loadDataKey(config),
  });
  return { handle, context: { services }, close: () => handle.close() };
}

/**
 * A plugin's context in one tenant, as the system acting there (tenantContext: read and write
 * that tenant through row-level security), with the request-only fields the computations touch.
 * The host has no annual-report route yet whose request context we could borrow.
 */
export function systemContext(ip: InProcess, pluginId: string, tenantId: string): PluginRequestContext {
  const { services } = ip.context;
  const plugin = services.plugins.get(pluginId);
  const tenant = services.tenants.byId(tenantId);
  if (!plugin || !tenant) throw new Error(`no plugin ${pluginId} or tenant ${tenantId}`);
  const ctx = tenantContext(ip.context, plugin, tenant, { id: null, name: "bench" });
  return { ...ctx, locale: "zh-CN", area: "admin", mode: "member" } as unknown as PluginRequestContext;
}
