import { writeFileSync } from "node:fs";
import { REPORT_LOCALES, reportLocaleText } from "./labels";

// Regenerates locales/<lang>/report.json from the law data: `npx tsx plugins/requests/server/figures/write-locales.ts`.
for (const locale of REPORT_LOCALES) {
  writeFileSync(new URL(`../../locales/${locale}/report.json`, import.meta.url), reportLocaleText(locale));
}
