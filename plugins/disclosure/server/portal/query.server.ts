import type { z } from "zod";
import { parseQuery, type Parsed } from "../../../../app/plugin-api/loaders.server";
import { E } from "./query";

/**
 * The portal's parameters through the host's one reader: host messages namespaced `core:`, so the
 * page and the API's `ctx.t` both translate them, and a zod default message becomes this page's
 * word for the field ("the year is not one we can use").
 */
export function parsePortalQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): Parsed<z.output<S>> {
  return parseQuery(schema, params, { namespaceCore: true, fallback: (field) => `${E}.${field}` });
}
