import { Random, seedOf } from "../../../plugins/requests/data/random";

/**
 * The requests plugin's seeded PRNG (mulberry32), so the bench data and the plugin's demo planners
 * it reuses draw from the same kind of stream. Every tenant and every kind of row gets its own
 * stream, named by the seed and a label: rows do not depend on the order tenants are loaded in.
 */
export { Random };

export function stream(seed: number, ...labels: (string | number)[]): Random {
  return new Random(seedOf([seed, ...labels].join(":")));
}

/** A version-4 UUID drawn from the stream: the same seed gives the same ids. */
export function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function weighted<T>(random: Random, weights: readonly (readonly [T, number])[]): T {
  let roll = random.next() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) if ((roll -= w) < 0) return value;
  return weights[0]![0];
}

/** Splits `total` over the weights in whole numbers that add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}
