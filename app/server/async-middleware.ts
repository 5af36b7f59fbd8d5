import type { NextFunction, Request, Response } from "express";

/**
 * Express 4 does not wait for a middleware's promise: a rejection would be unhandled (and, by
 * Node's default, end the process) while the request hangs. Here it goes to the error handler.
 */
export function catching(fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown>) {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res, next).catch(next);
  };
}
