/**
 * The origin of the absolute URLs a tenant publishes (Atom feeds, the open-data API, canonical
 * links). Never the Host header as such: the client chooses it, and an answer cached by a proxy
 * would hand the attacker's links to every later reader. In order:
 *
 * 1. the request came on a host the tenant declares: that host (it is the operator's word);
 * 2. `PUBLIC_ORIGIN` is configured: that origin;
 * 3. outside production, a request to a loopback host (localhost, *.localhost, 127.x, [::1]):
 *    its own origin, so development and tests show real links;
 * 4. otherwise null: build relative URLs. They cannot point anywhere else, and a reader resolves
 *    them against the page, feed or API answer that carries them; refusing to start instead would
 *    take a portal down over a setting that does not touch its safety.
 */
export function publicOrigin(requestUrl: string, opts: { configured?: string; production: boolean; tenantHosts: readonly string[] }): string | null {
  const url = new URL(requestUrl);
  if (opts.tenantHosts.some((h) => declares(h, url))) return url.origin;
  if (opts.configured) return opts.configured;
  if (!opts.production && isLoopback(url.hostname)) return url.origin;
  return null;
}

/** A declared host names a port or not; without one it covers the name on any port (the demo serves on 3000). */
function declares(declared: string, url: URL): boolean {
  return declared.includes(":") ? declared === url.host : declared === url.hostname;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

