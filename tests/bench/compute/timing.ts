export interface Timed {
  /** Median of the repetitions, ms. */
  medianMs: number;
  runsMs: number[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` `reps` times, one after another; the median and every run. */
export async function timed(reps: number, fn: () => Promise<unknown>): Promise<Timed> {
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    await fn();
    runs.push(performance.now() - started);
  }
  return { medianMs: round(median(runs)), runsMs: runs.map(round) };
}
