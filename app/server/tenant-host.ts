import type { NextFunction, Request, Response } from "express";
import type { TenantDirectory } from "../core/tenancy/directory.server";

const PLATFORM_PATHS = /^\/(t\/|login|logout|account|admin|healthz|assets\/|api\/|favicon|__manifest|.*\.data$)/;

/**
 * A tenant that declares host names is served at their root: `https://host/x` is `/t/<code>/x`.
 * Platform paths (login, admin, assets, data requests) keep their meaning on every host.
 */
export function tenantByHost(tenants: TenantDirectory) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (PLATFORM_PATHS.test(req.path)) return next();
    const tenant = (await tenants.fresh()).byHost(req.hostname);
    if (tenant) req.url = `/t/${tenant.code}${req.url === "/" ? "" : req.url}`;
    next();
  };
}
