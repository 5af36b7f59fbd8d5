import { sql } from "kysely";
import type { PluginReportSection } from "../../../../app/plugin-api";
import type { DisclosureDatabase } from "../../db/schema";

/**
 * The facts the annual report's 一、总体情况 quotes about proactive disclosure (条例 Art 50(一)):
 * what the office published in its catalogue in the year. Counted by 发布日期 within the year; an item
 * withdrawn later in the year is not counted (the catalogue took it back), a corrected one once.
 */
const FACTS = [
  { key: "disclosure.facts.published", label: "disclosure:facts.published", description: "disclosure:facts.publishedAbout" },
  { key: "disclosure.facts.categories", label: "disclosure:facts.categories", description: "disclosure:facts.categoriesAbout" },
  { key: "disclosure.facts.interpretations", label: "disclosure:facts.interpretations", description: "disclosure:facts.interpretationsAbout" },
  { key: "disclosure.facts.withdrawn", label: "disclosure:facts.withdrawn", description: "disclosure:facts.withdrawnAbout" },
] as const;

interface FactsRow {
  tenant_id: string;
  published: number;
  categories: number;
  interpretations: number;
  withdrawn: number;
}

export const reportFactsSection: PluginReportSection<DisclosureDatabase> = {
  key: "disclosure.facts",
  label: "disclosure:facts.section",
  figures: FACTS.map((f) => ({ ...f })),
  compute: (ctx, tenantIds, year) =>
    ctx.withRead(tenantIds, async (trx) => {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      const { rows } = await sql<FactsRow>`
        SELECT i.tenant_id,
               count(*) FILTER (WHERE i.status = 'published' AND i.published_on BETWEEN ${start}::date AND ${end}::date)::int AS published,
               count(DISTINCT i.category_key) FILTER (WHERE i.status = 'published' AND i.published_on BETWEEN ${start}::date AND ${end}::date)::int AS categories,
               count(*) FILTER (WHERE i.status = 'published' AND c.kind = 'interpretation' AND i.published_on BETWEEN ${start}::date AND ${end}::date)::int AS interpretations,
               count(*) FILTER (WHERE i.status = 'withdrawn' AND i.withdrawn_on BETWEEN ${start}::date AND ${end}::date)::int AS withdrawn
          FROM disclosure_items i
          LEFT JOIN disclosure_categories c ON c.tenant_id = i.tenant_id AND c.key = i.category_key
         WHERE i.tenant_id IN (${sql.join(tenantIds)}) AND i.attribute = 'proactive'
         GROUP BY i.tenant_id`.execute(trx);
      const zero = { published: 0, categories: 0, interpretations: 0, withdrawn: 0 };
      return new Map(
        tenantIds.map((id) => {
          const r = rows.find((x) => x.tenant_id === id) ?? zero;
          return [id, { "disclosure.facts.published": r.published, "disclosure.facts.categories": r.categories, "disclosure.facts.interpretations": r.interpretations, "disclosure.facts.withdrawn": r.withdrawn }];
        }),
      );
    }),
};
