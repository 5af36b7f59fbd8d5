import type { SerializeFrom } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { Locale } from "~/core/i18n/config";

/** One step of the breadcrumb trail: a label in the reader's language, linked unless it is the page itself. */
export interface Crumb {
  label: string;
  /** An absolute path; the last crumb is the current page and is never linked. */
  to?: string;
}

/** What a page's `breadcrumb` receives: its own loader data, its parameters, a translator (`"<plugin>:key"` works) and the office's public root. */
export interface CrumbArgs<D> {
  data: D;
  params: Params;
  t: TFunction;
  locale: Locale;
  /** `/t/<office>`. */
  office: string;
}

/**
 * The `handle` a page of an office's public site exports to add its crumbs after the office home and its
 * section (the navigation entry the page sits under, found by path). A page that *is* a section entry needs none.
 */
export interface PublicPageHandle<D = unknown> {
  breadcrumb: (args: CrumbArgs<D>) => Crumb[];
}

/** `export const handle = publicPage<typeof loader>({ breadcrumb: ({ data, t }) => [...] })`: the data typed as the page receives it. */
export function publicPage<L = undefined>(handle: PublicPageHandle<L extends (...args: never[]) => unknown ? SerializeFrom<L> : undefined>) {
  return handle;
}

export function isPublicPageHandle(handle: unknown): handle is PublicPageHandle<unknown> {
  return typeof handle === "object" && handle !== null && typeof (handle as { breadcrumb?: unknown }).breadcrumb === "function";
}
