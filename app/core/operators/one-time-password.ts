import { randomInt } from "node:crypto";

const SETS = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "-_.+"] as const;

/** 20 characters from every class (no look-alikes), so it meets the password policy for any username. */
export function oneTimePassword(length = 20): string {
  const all = SETS.join("");
  const chars = [...SETS.map((s) => s[randomInt(s.length)]!), ...Array.from({ length: length - SETS.length }, () => all[randomInt(all.length)]!)];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
