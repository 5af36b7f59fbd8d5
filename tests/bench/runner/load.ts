import autocannon from "autocannon";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  /** Latency of 2xx answers, ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Requests sent but not answered when the window closed: one per connection is normal, more means queueing. */
  inFlightAtEnd: number;
  /** Status codes seen, with counts. */
  statuses: Record<string, number>;
  bytesPerRequest: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function fire(baseUrl: string, paths: string[], connections: number, seconds: number, headers: Record<string, string>, onResponse?: (status: number, ms: number, bytes: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: seconds, timeout: 10, headers, requests: paths.map((path) => ({ method: "GET", path })) },
      (err: unknown, result: autocannon.Result) => (err ? reject(err) : resolve(result)),
    );
    // autocannon 8 emits (client, status, bytes, ms); @types/autocannon leaves out the client.
    if (onResponse) (instance as NodeJS.EventEmitter).on("response", (_client: unknown, status: number, bytes: number, ms: number) => onResponse(status, ms, bytes));
  });
}

/**
 * One measurement: `warmup` seconds of the same load thrown away, then `seconds` measured.
 * Autocannon 8 has no p95, so every 2xx latency is kept and the percentiles are taken here.
 */
export async function measure(opts: { baseUrl: string; paths: string[]; connections: number; seconds: number; warmup: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const headers = opts.headers ?? {};
  if (opts.warmup > 0) await fire(opts.baseUrl, opts.paths, opts.connections, opts.warmup, headers);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const result = await fire(opts.baseUrl, opts.paths, opts.connections, opts.seconds, headers, (status, ms, size) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(ms);
    bytes += size;
  });
  latencies.sort((a, b) => a - b);
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    connections: opts.connections,
    seconds: opts.seconds,
    requests: answered,
    reqPerSec: round(latencies.length / opts.seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? NaN),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    inFlightAtEnd: Math.max(0, ((result.requests as { sent?: number }).sent ?? answered) - answered - result.errors),
    statuses,
    bytesPerRequest: answered ? Math.round(bytes / answered) : 0,
  };
}
