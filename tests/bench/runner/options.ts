/** How `npm run bench` runs: everything but the data spec, which `specFrom` reads from the same arguments. */
export interface RunOptions {
  /** Scenario names to run; empty means all. */
  only: string[];
  connections: number[];
  /** Seconds measured per scenario and connection count. */
  duration: number;
  /** Seconds of load thrown away before each measurement. */
  warmup: number;
  /** Repetitions of each computation; the median is reported. */
  reps: number;
  /** Regenerate the data even if it is there. */
  fresh: boolean;
  /** Skip parts: "load", "baseline", "compute", "plans", "import" (the import within compute). */
  skip: string[];
}

function value(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

function list(raw: string | undefined): string[] {
  return raw ? raw.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

function positive(name: string, raw: string, integer = true): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`--${name}: expected a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  return n;
}

function nonNegative(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < 0) throw new Error(`--${name}: expected a number of seconds, got "${raw}"`);
  return n;
}

/**
 * Defaults keep `small` (the newcomer's check) under five minutes in all, data and build included:
 * 3 s per measurement there, 10 s on the bigger presets where the numbers are the point.
 */
export function runOptionsFrom(args: string[], preset: string): RunOptions {
  const small = preset === "small";
  const duration = value(args, "duration");
  const warmup = value(args, "warmup");
  const reps = value(args, "reps");
  return {
    only: list(value(args, "only")),
    connections: list(value(args, "connections") ?? "1,10,50").map((c) => positive("connections", c)),
    duration: duration ? positive("duration", duration, false) : small ? 3 : 10,
    warmup: warmup !== undefined ? nonNegative("warmup", warmup) : small ? 1 : 2,
    reps: reps ? positive("reps", reps) : small ? 3 : 5,
    fresh: args.includes("--fresh"),
    skip: list(value(args, "skip")),
  };
}
