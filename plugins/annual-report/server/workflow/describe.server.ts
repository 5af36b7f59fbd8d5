import type { Locale } from "../../../../app/plugin-api";
import { FORMAT_2021 } from "../../law/format-2021";
import { locales } from "../../locales";
import { cellNames } from "../report/checks";
import { fillTables } from "../report/fill";
import { ReportPayload } from "./document";

/**
 * The report on its document page: each manual cell's source under the cell's printed name and
 * value (the chain approves the figure with its source), and where the tables the payload freezes
 * are shown as they will be published — the year's report page, which shows what was sent.
 */
export async function describeReport(ctx: { locale: Locale }, raw: unknown): Promise<Record<string, string>> {
  const parsed = ReportPayload.safeParse(raw);
  if (!parsed.success) return {};
  const { figures, manual, officeName, year } = parsed.data;
  const names = cellNames(fillTables(FORMAT_2021, figures, manual));
  const out: Record<string, string> = {
    "payload.officeName": locales[ctx.locale].describe.tables.replace("{{office}}", officeName).replace("{{year}}", String(year)),
  };
  for (const [key, cell] of Object.entries(manual)) out[`payload.manual.${key}.note`] = `${names.get(key) ?? key}：${cell.value}（${cell.note}）`;
  return out;
}
