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
 * A plugin route's loader. The host checks, before `fn` runs, that the plugin is enabled for the
 * tenant and that the user holds the route's permission (declared in the manifest).
 */
export function pluginLoader<T>(fn: (ctx: PluginRequestContext, args: LoaderFunctionArgs) => Promise<T>) {
  return guard(async (args: LoaderFunctionArgs) => fn(await resolvePluginRequest(args), args));
}

/** A plugin route's action, with the same checks as `pluginLoader`. */
export function pluginAction<T>(fn: (ctx: PluginRequestContext, args: ActionFunctionArgs) => Promise<T>) {
  return guard(async (args: ActionFunctionArgs) => fn(await resolvePluginRequest(args), args));
}
export { badRequest, parseForm, parseQuery, readFilters, requireQuery, type FieldErrors, type Filters } from "../core/forms.server";
export { checkText, hasForbiddenCharacters, withoutForbiddenCharacters } from "../core/input/text";
export { requireUuidParam } from "../core/input/uuid";
