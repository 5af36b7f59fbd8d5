import { randomBytes, randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/** A proxy's request id is kept only when it looks like one: it goes into a header, the logs and pages. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The client's address, read while the socket is alive. Express's `req.ip` throws once the socket
 * is gone (its `remoteAddress` is then null), which is how a 30 MB POST used to kill the server:
 * the request log read it after the connection was destroyed (issue 13, 1).
 */
export function clientIp(req: Request): string | null {
  try {
    return req.ip ?? null;
  } catch {
    return req.socket?.remoteAddress ?? null;
  }
}

/**
 * Gives each request its id, CSP nonce and log fields, and logs one line when its connection is
 * done with it, answered or not (`aborted` when the client left first). Logging never throws: a
 * throw from an event handler has no caller to catch it and would end the process.
 */
export function requestLog(logger: Logger, opts: { trustProxy: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const forwarded = opts.trustProxy ? req.get("x-request-id") : undefined;
    res.locals.requestId = forwarded && REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
    res.locals.nonce = randomBytes(16).toString("base64");
    res.locals.logFields = {};
    res.locals.clientIp = clientIp(req);
    res.setHeader("X-Request-Id", res.locals.requestId);
    res.once("close", () => {
      try {
        logger.info(
          {
            requestId: res.locals.requestId,
            method: req.method,
            path: req.originalUrl.split("?")[0],
            status: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            ip: res.locals.clientIp,
            ...(res.writableFinished ? {} : { aborted: true }),
            ...res.locals.logFields,
          },
          "request",
        );
      } catch (err) {
        try {
          logger.error({ err, requestId: res.locals.requestId }, "request log failed");
        } catch {
          // Nothing left to tell.
        }
      }
    });
    next();
  };
}
