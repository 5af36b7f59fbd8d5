const CHINA_TIME = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A moment as China's offices date it, YYYY-MM-DD HH:mm in Asia/Shanghai. */
export function chinaDateTime(at: Date): string {
  const part = Object.fromEntries(CHINA_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
