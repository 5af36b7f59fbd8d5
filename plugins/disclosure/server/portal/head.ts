import type { PluginTenant } from "../../../../app/plugin-api";

/** What a portal page puts in <head>: built by the loader (it knows the origin and the reader's language), rendered by `headTags`. */
export interface Head {
  title: string;
  canonical: string;
  description?: string;
  /** Atom feeds offered for this page. */
  feeds?: { href: string; title: string }[];
  /** schema.org JSON-LD. */
  jsonLd?: Record<string, unknown>;
  /** Search results: not worth a search engine's index. */
  noindex?: boolean;
}

/** The origin the reader used, for absolute URLs (canonical links, feeds, the API's links). */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}

/** An absolute URL of `path` with only the given, non-empty parameters: language and 长者模式 switches stay out of canonical links. */
export function absolute(request: Request, path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const url = new URL(path, originOf(request));
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
  return url.toString();
}

export const portalPath = (code: string, rest = "") => `/t/${code}/disclosure${rest ? `/${rest}` : ""}`;
export const apiPath = (code: string, rest = "") => `/api/v1/t/${code}/disclosure${rest ? `/${rest}` : ""}`;

/** The office as schema.org sees it: a government organisation, with the contact details it publishes. */
export function organization(tenant: PluginTenant, locale: keyof PluginTenant["name"], homeUrl: string) {
  const c = tenant.contact;
  const address = c.address?.[locale];
  return {
    "@type": "GovernmentOrganization",
    name: tenant.name[locale],
    url: homeUrl,
    identifier: tenant.creditCode,
    ...(address ? { address: { "@type": "PostalAddress", streetAddress: address, ...(c.postcode ? { postalCode: c.postcode } : {}) } } : {}),
    ...(c.phone ? { telephone: c.phone } : {}),
    ...(c.fax ? { faxNumber: c.fax } : {}),
    ...(c.email ? { email: c.email } : {}),
  };
}
