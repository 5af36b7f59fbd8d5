import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import express, { type Request, type Response } from "express";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { readCookie } from "../core/cookies";
import { I18N_BUNDLE_PREFIX } from "../core/i18n/bundles.server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "../core/i18n/config";
import { resources } from "../core/i18n/resources.server";
import type { Services } from "../core/services.server";
import { csrf } from "./csrf";
import { readerPreferences } from "./reader-preferences";
import { sendFetchResponse, toFetchRequest } from "./remix-adapter";
import { securityHeaders } from "./security-headers";
import { tenantByHost } from "./tenant-host";

export type BuildSource = { build: ServerBuild; clientDir: string } | { vite: ViteDevServer };

function requestLocale(req: Request): Locale {
  const asked = req.query.lng ?? readCookie(req.headers.cookie, LOCALE_COOKIE);
  return isLocale(asked) ? asked : DEFAULT_LOCALE;
}

function csrfRejectedPage(req: Request): string {
  const locale = requestLocale(req);
  const errors = (resources[locale].core as { errors: { csrf: { title: string; body: string } } }).errors.csrf;
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${errors.title}</title><main><h1>${errors.title}</h1><p>${errors.body}</p><p><a href="/">/</a></p></main></html>`;
}

/** The whole HTTP stack in front of Remix; the server entry and the tests both build it here. */
export function createHttpApp(services: Services, source: BuildSource) {
  const { config, logger } = services;
  const dev = "vite" in source;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.locals.requestId = (config.TRUST_PROXY && req.get("x-request-id")) || randomUUID();
    res.locals.nonce = randomBytes(16).toString("base64");
    res.locals.logFields = {};
    res.setHeader("X-Request-Id", res.locals.requestId);
    res.on("finish", () => {
      logger.info(
        {
          requestId: res.locals.requestId,
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          ip: req.ip,
          ...res.locals.logFields,
        },
        "request",
      );
    });
    next();
  });
  app.use(securityHeaders({ dev }));

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
  app.use(tenantByHost(services.tenants));
  app.use(csrf({ secure: (req) => req.secure, rejectedPage: csrfRejectedPage }));

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
        clientIp: req.ip ?? null,
        secureCookies: req.secure,
        logFields: res.locals.logFields,
      };
      const response = await handle(toFetchRequest(req, res, res.locals.body), context);
      await sendFetchResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    logger.error({ err: error, requestId: res.locals.requestId }, "request failed");
    if (!res.headersSent) res.status(500).type("text/plain").send(`Internal Server Error (${res.locals.requestId})`);
  });

  return app;
}
