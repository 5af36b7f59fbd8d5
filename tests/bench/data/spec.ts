/** What to generate: a preset's sizes, overridden by flags, and where it goes. */

export type BenchEngine = "pglite" | "postgres";
export type BenchPreset = "small" | "city" | "national";

export interface BenchSpec {
  preset: BenchPreset;
  tenants: number;
  items: number;
  requests: number;
  seed: number;
  engine: BenchEngine;
}

export const PRESETS: Record<BenchPreset, Pick<BenchSpec, "tenants" | "items" | "requests">> = {
  small: { tenants: 4, items: 2_000, requests: 400 },
  city: { tenants: 20, items: 100_000, requests: 20_000 },
  national: { tenants: 3_000, items: 1_000_000, requests: 200_000 },
};

/**
 * "Today" for everything the generator dates relative to now, so the same seed gives the same rows
 * whenever it runs. The clock ledger refuses events after the real today, so this stays in the past.
 */
export const BENCH_TODAY = "2026-11-20";

export class BenchSpecError extends Error {
  override name = "BenchSpecError";
}

/** `--name value` and `--name=value`; flags this parser does not know (the runner's own) are left alone. */
function flagValue(args: string[], name: string): string | undefined {
  let value: string | undefined;
  args.forEach((arg, i) => {
    if (arg === `--${name}`) value = args[i + 1];
    else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
  });
  return value;
}

function count(args: string[], name: string, fallback: number, min: number): number {
  const raw = flagValue(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < min) throw new BenchSpecError(`--${name} must be a whole number of at least ${min}, got "${raw}"`);
  return n;
}

/** Parses the CLI flags: `--preset small|city|national`, optional `--tenants --items --requests`, `--seed`, `--engine`. */
export function specFrom(args: string[]): BenchSpec {
  const preset = (flagValue(args, "preset") ?? "small") as BenchPreset;
  if (!(preset in PRESETS)) throw new BenchSpecError(`--preset must be small, city or national, got "${preset}"`);
  const engine = (flagValue(args, "engine") ?? "pglite") as BenchEngine;
  if (engine !== "pglite" && engine !== "postgres") throw new BenchSpecError(`--engine must be pglite or postgres, got "${engine}"`);
  const sizes = PRESETS[preset];
  const spec: BenchSpec = {
    preset,
    tenants: count(args, "tenants", sizes.tenants, 1),
    items: count(args, "items", sizes.items, 0),
    requests: count(args, "requests", sizes.requests, 0),
    seed: count(args, "seed", 1, 0),
    engine,
  };
  if (preset === "national" && engine === "pglite") {
    throw new BenchSpecError(
      "The national preset (3,000 tenants, 1,000,000 items) runs on PostgreSQL only: embedded PGlite is one WebAssembly process and would take hours. Add --engine postgres.",
    );
  }
  return spec;
}
