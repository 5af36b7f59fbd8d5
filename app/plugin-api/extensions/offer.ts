import type { z } from "zod";
import type { PluginExtensionContext, PluginTransaction } from "../context";
import type { ExtensionPoint } from "./point";

/* eslint-disable @typescript-eslint/no-explicit-any -- a plugin that types no tables */
/**
 * A manifest `extensionPoints` entry: the plugin offers `point` (whose contract lives in the plugin
 * API) and answers each call with `handler`, which receives the input as the point's schema parsed it.
 */
export function offerExtension<S extends z.ZodType, O, DB = any>(
  point: ExtensionPoint<S, O>,
  handler: (ctx: PluginExtensionContext, input: z.output<S>, trx: PluginTransaction<DB>) => Promise<O>,
) {
  return { key: point.key, input: point.input, handler };
}
