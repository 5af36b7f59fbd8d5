import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { resolvePluginRequest } from "../plugin-host/request-context.server";
import type { PluginRequestContext } from "./context";

/** Marks a loader or action built here; a contract test refuses plugin routes without it. */
export const GUARDED = Symbol.for("gongkai.plugin-route.guarded");

type Guarded<F> = F & { [GUARDED]: true };

function guard<F extends object>(f: F): Guarded<F> {
  return Object.assign(f, { [GUARDED]: true as const });
}

/**
 * The loader and action builders of a plugin whose own tables are `DB` (its db/schema.ts): every
 * `ctx.withTenant` of its routes hands out a transaction with those tables typed. A plugin binds
 * them once, `export const { pluginLoader, pluginAction } = pluginRoutes<NotesDatabase>();`, in a
 * module its routes import (the manifest must not reach this one).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a route that types no tables
export function pluginRoutes<DB = any>() {
  return {
    /**
     * A plugin route's loader. The host checks, before `fn` runs, that the plugin is enabled for the
     * tenant and that the user holds the route's permission (declared in the manifest).
     */
    pluginLoader<T>(fn: (ctx: PluginRequestContext<DB>, args: LoaderFunctionArgs) => Promise<T>) {
      return guard(async (args: LoaderFunctionArgs) => fn(await resolvePluginRequest(args), args));
    },
    /** A plugin route's action, with the same checks as `pluginLoader`. */
    pluginAction<T>(fn: (ctx: PluginRequestContext<DB>, args: ActionFunctionArgs) => Promise<T>) {
      return guard(async (args: ActionFunctionArgs) => fn(await resolvePluginRequest(args), args));
    },
  };
}

/** The builders for a route that types no tables of its own (see `pluginRoutes`). */
export const { pluginLoader, pluginAction } = pluginRoutes();
export * from "./forms.server";
