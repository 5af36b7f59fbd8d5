/**
 * An amount in 分 as yuan, the way a report prints it: no trailing zeros after the point
 * (4350 → "43.5", 40000 → "400", 4305 → "43.05"), no digit grouping. Integer arithmetic, so the
 * printed amount is exactly what was collected.
 */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in 分: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}
