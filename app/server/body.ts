import type { NextFunction, Request, Response } from "express";
import type { Refuse } from "./refusals";

const WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);
/** How long what a refused client still sends is thrown away before its connection is cut. */
const LINGER_MS = 2_000;

/** Whether the request announces a body longer than `maxBytes` (checked before a byte of it is read). */
export function declaresTooMuch(req: { headers: Record<string, string | string[] | undefined> }, maxBytes: number): boolean {
  return Number(req.headers["content-length"]) > maxBytes;
}

/** Reads the body up to `maxBytes`; stops keeping it as soon as it is over. */
function readBody(req: Request, maxBytes: number): Promise<Buffer | "too_large" | "aborted"> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | "too_large" | "aborted") => {
      req.off("data", onData).off("end", onEnd).off("close", onClose).off("error", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      done("too_large");
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onClose = () => done("aborted");
    req.on("data", onData).once("end", onEnd).once("close", onClose).once("error", onClose);
  });
}

/**
 * After an answer given before the body was read, the connection closes (the answer says
 * `Connection: close`), but not at once: a socket closed with unread data resets the connection,
 * and the reset can destroy the answer before the client has read it. So what still arrives is
 * thrown away unkept for a short while (as nginx's lingering close does), then the socket is cut.
 */
function closeLingering(req: Request) {
  const socket = req.socket;
  // Node's HTTP server calls destroySoon when an answer with `Connection: close` is finished.
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once("close", () => clearTimeout(timer));
  };
  req.resume();
}

/**
 * Buffers every request body (into `res.locals.body`, for the CSRF check and then Remix) up to the
 * configured limit. Over it, the answer is 413 at once and the connection closes: a body announced
 * as too long is not read at all, a chunked one stops being read where it went over.
 */
export function bufferBody(maxBytes: number, refuse: Refuse) {
  const tooLarge = (req: Request, res: Response) => {
    closeLingering(req);
    refuse(req, res, 413, "tooLarge", { close: true, vars: { limit: Math.floor(maxBytes / 1024 / 1024) } });
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (declaresTooMuch(req, maxBytes)) return tooLarge(req, res);
    if (WITHOUT_BODY.has(req.method)) return next();
    readBody(req, maxBytes).then((body) => {
      if (body === "too_large") return tooLarge(req, res);
      // The client left: there is no one to answer, and nothing was read that could be used.
      if (body === "aborted") return;
      res.locals.body = body;
      next();
    }, next);
  };
}
