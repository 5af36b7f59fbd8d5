import { readdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import express, { type Request, type Response } from "express";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { I18N_BUNDLE_PREFIX } from "../core/i18n/bundles.server";
import { LOCALES } from "../core/i18n/config";
import type { Services } from "./services.server";
import { catching } from "./async-middleware";
import { bufferBody, declaresTooMuch } from "./body";
import { csrf } from "./csrf";
import { clientError } from "./client-error";
import { readerPreferences } from "./reader-preferences";
import { refusals } from "./refusals";
import { sendFetchResponse, toFetchRequest } from "./remix-adapter";
import { requestLog } from "./request-log";
import { securityHeaders } from "./security-headers";
import { tenantByHost } from "./tenant-host";
import { checkUrl } from "./url-check";

export type BuildSource = { build: ServerBuild; clientDir: string } | { vite: ViteDevServer };

const MB = 1024 * 1024;

/** The whole HTTP stack in front of Remix; the server entry and the tests both build it here. */
export function createHttpApp(services: Services, source: BuildSource) {
  const { config, logger } = services;
  const dev = "vite" in source;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);

  const refuse = refusals(services.translators);

  app.use(requestLog(logger, { trustProxy: config.TRUST_PROXY }));
  app.use(securityHeaders({ dev }));
  app.use(checkUrl(refuse));
  app.use(bufferBody(config.MAX_BODY_MB * MB, refuse));

  if ("vite" in source) {
    app.use(source.vite.middlewares);
  } else {
    app.use("/assets", express.static(`${source.clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
    // The few files at the top of the client build (favicon): matched by name, so a page request
    // does not cost a file-system look-up first.
    const topFiles = new Set(readdirSync(source.clientDir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => `/${f.name}`));
    const serveTop = express.static(source.clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (topFiles.has(req.path) ? serveTop(req, res, next) : next()));
  }

  app.get(`${I18N_BUNDLE_PREFIX}:file`, (req, res, next) => {
    const locale = LOCALES.find((l) => req.params.file!.startsWith(`${l}.`));
    if (!locale) return next();
    const bundle = services.i18nBundles[locale];
    // A page from before a deployment names an older file: it gets today's words, not kept.
    const current = bundle.path === req.path;
    res.setHeader("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
    res.type("application/json").send(bundle.body);
  });

  app.use(readerPreferences);
  app.use(catching(tenantByHost(services.tenants)));
  app.use(catching(csrf({ secure: (req) => req.secure, reject: (req, res) => refuse(req, res, 403, "csrf") })));

  const handle = createRequestHandler(
    "vite" in source ? () => source.vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild> : source.build,
    dev ? "development" : "production",
  );

  app.all("*", async (req: Request, res: Response, next) => {
    try {
      const context: AppLoadContext = {
        services,
        requestId: res.locals.requestId,
        nonce: res.locals.nonce,
        csrfToken: res.locals.csrfToken,
        clientIp: res.locals.clientIp,
        secureCookies: req.secure,
        logFields: res.locals.logFields,
      };
      const response = await handle(toFetchRequest(req, res, res.locals.body), context);
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: Request, res: Response, _next: express.NextFunction) => {
    const status = clientError(error);
    if (status) logger.warn({ err: error, requestId: res.locals.requestId }, "request refused");
    else logger.error({ err: error, requestId: res.locals.requestId }, "request failed");
    // An answer already on its way cannot become an error page; cutting it off tells the client it is incomplete.
    if (res.headersSent) return void res.destroy();
    if (status) refuse(req, res, status, status === 413 ? "tooLarge" : "badRequest", { vars: { limit: config.MAX_BODY_MB } });
    else refuse(req, res, 500, "server");
  });

  return app;
}

/**
 * The HTTP server around the app. A client that asks before sending a body (`Expect: 100-continue`,
 * as curl does for large ones) is told 413 without being invited to send a body over the limit.
 */
export function createHttpServer(services: Services, source: BuildSource): Server {
  const app = createHttpApp(services, source);
  const server = createServer(app);
  server.on("checkContinue", (req, res) => {
    if (!declaresTooMuch(req, services.config.MAX_BODY_MB * MB)) res.writeContinue();
    app(req, res);
  });
  return server;
}
