import type { NextFunction, Request, Response } from "express";
import { hasForbiddenCharacters } from "../core/input/text";
import type { Refuse } from "./refusals";

/**
 * Whether a request target can be served: its path and query decode as UTF-8 percent-encoding and
 * hold no control characters (other than tab and line breaks) or bidi overrides. PostgreSQL cannot
 * store NUL, and a route should never meet `%E0%A4%A`; both used to end in a 500.
 */
export function acceptableTarget(target: string): boolean {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? "" : target.slice(q + 1);
  try {
    return !hasForbiddenCharacters(decodeURIComponent(path)) && !hasForbiddenCharacters(decodeURIComponent(query.replace(/\+/g, " ")));
  } catch {
    return false;
  }
}

/** A Host header a URL can be built on (the adapter builds the request's URL from it). */
function acceptableHost(host: string | undefined): boolean {
  return host === undefined || (host !== "" && !/[/?#@\\\s]/.test(host) && URL.canParse(`http://${host}`));
}

/**
 * The backstop in front of every route: a malformed or control-character URL, or a Host no URL can
 * be built on, gets a localised 400 before anything else reads it. Form bodies are checked field by
 * field where they are parsed (`parseForm`), with the message beside the field.
 */
export function checkUrl(refuse: Refuse) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (acceptableTarget(req.url) && acceptableHost(req.headers.host)) return next();
    res.locals.logFields.refused = "url";
    refuse(req, res, 400, "badUrl");
  };
}
