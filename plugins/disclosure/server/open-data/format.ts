/** A byte count as people read it: 850 B, 12.3 KB, 4.1 MB (1 KB = 1,024 bytes, as file managers show it). */
export function humanBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB"] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

const CHINA_TIME = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A moment as China's offices date it, YYYY-MM-DD HH:mm in Asia/Shanghai. */
export function chinaDateTime(at: Date): string {
  const part = Object.fromEntries(CHINA_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
