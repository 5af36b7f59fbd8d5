import type { AppLoadContext } from "@remix-run/node";
import { pino } from "pino";
import type { DatabaseHandle } from "../../../db/client";
import { PLATFORM_SCOPE, withScope } from "../../../db/scope";
import { createAccount } from "../../core/auth/accounts.server";
import { createPlatformAdmin, parseRole } from "../../core/operators/platform-admins.server";
import { loadConfig } from "../../core/config.server";
import { createServices } from "../../server/services.server";
import type { BusinessRole } from "../../core/permissions/roles";
import type { PluginRegistry } from "../../plugin-host/registry";
import { uniq } from "./database";

export const TEST_PASSWORD = "Test-pass-2026";

/** The load context a request would get, over the test database; `env` as the server's environment (e.g. PUBLIC_ORIGIN). */
export async function testContext(handle: DatabaseHandle, env: Record<string, string> = {}, plugins?: PluginRegistry): Promise<AppLoadContext> {
  const config = loadConfig({ NODE_ENV: "test", ...env });
  const services = await createServices({ db: handle.db, engine: handle.engine, config, logger: pino({ level: "silent" }), plugins });
  return { services, requestId: "test-request", nonce: "", csrfToken: "", clientIp: "127.0.0.1", secureCookies: false, logFields: {} };
}

/**
 * Creates an account with memberships (tenant id → roles) through the real services; a platform
 * role (at most one) is granted as the operator's command line does.
 */
export async function createUser(handle: DatabaseHandle, memberships: Record<string, BusinessRole[]> = {}, platformRoles: string[] = []) {
  const username = `user-${uniq()}`;
  const id = platformRoles.length
    ? await createPlatformAdmin(handle.db, "operator:test", { username, displayName: username, role: parseRole(platformRoles[0]), password: TEST_PASSWORD })
    : await withScope(handle.db, PLATFORM_SCOPE, (trx) => createAccount(trx, { username, displayName: username, password: TEST_PASSWORD }));
  for (const [tenantId, roles] of Object.entries(memberships)) {
    await withScope(handle.db, { tenantId, readTenantIds: [tenantId], userId: null }, (trx) =>
      trx.insertInto("memberships").values({ tenant_id: tenantId, user_id: id, roles }).execute(),
    );
  }
  return { id, username };
}

/** A GET request carrying a fresh session of this user, as the browser would send it. */
export async function signedInRequest(context: AppLoadContext, userId: string, path: string): Promise<Request> {
  const token = await context.services.sessions.create(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return new Request(`http://localhost${path}`, { headers: { Cookie: `gk_session=${token}` } });
}
