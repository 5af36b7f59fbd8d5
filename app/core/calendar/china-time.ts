/** Every office keeps China's date: due dates, numbering years and publication dates follow Asia/Shanghai. */
const DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in China, as YYYY-MM-DD. */
export function chinaDate(now = new Date()): string {
  return DATE.format(now);
}

/** The current year in China. */
export function chinaYear(now = new Date()): number {
  return Number(chinaDate(now).slice(0, 4));
}
