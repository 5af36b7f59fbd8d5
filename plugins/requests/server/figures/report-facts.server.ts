import { sql } from "kysely";
import type { PluginReportSection } from "../../../../app/plugin-api";
import type { RequestsDatabase } from "../../db/schema";

/**
 * The facts the annual report quotes beyond tables 三 and 四: how applications came in (一、总体情况,
 * 依申请公开) and the 信息处理费 actually collected in the year (六、其他需要报告的事项, 国办函〔2020〕109号),
 * in 分 so sums stay exact.
 */
const FACTS = [
  { key: "requests.facts.electronic", label: "requests:facts.electronic", description: "requests:facts.electronicAbout" },
  { key: "requests.facts.paper", label: "requests:facts.paper", description: "requests:facts.paperAbout" },
  { key: "requests.facts.feesCharged", label: "requests:facts.feesCharged", description: "requests:facts.feesChargedAbout" },
  { key: "requests.facts.feesFen", label: "requests:facts.feesFen", description: "requests:facts.feesFenAbout" },
] as const;

interface FactsRow {
  tenant_id: string;
  electronic: number;
  paper: number;
  fees_charged: number;
  fees_fen: string | number;
}

export const reportFactsSection: PluginReportSection<RequestsDatabase> = {
  key: "requests.facts",
  label: "requests:facts.section",
  figures: FACTS.map((f) => ({ ...f })),
  compute: (ctx, tenantIds, year) =>
    ctx.withRead(tenantIds, async (trx) => {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      const { rows } = await sql<FactsRow>`
        SELECT tenant_id,
               count(*) FILTER (WHERE form = 'electronic' AND received_on BETWEEN ${start}::date AND ${end}::date)::int AS electronic,
               count(*) FILTER (WHERE form = 'paper' AND received_on BETWEEN ${start}::date AND ${end}::date)::int AS paper,
               count(*) FILTER (WHERE fee_paid_on BETWEEN ${start}::date AND ${end}::date)::int AS fees_charged,
               coalesce(sum(fee_fen) FILTER (WHERE fee_paid_on BETWEEN ${start}::date AND ${end}::date), 0) AS fees_fen
          FROM requests_applications
         WHERE tenant_id IN (${sql.join(tenantIds)})
         GROUP BY tenant_id`.execute(trx);
      return new Map(
        tenantIds.map((id) => {
          const r = rows.find((x) => x.tenant_id === id);
          return [
            id,
            {
              "requests.facts.electronic": r?.electronic ?? 0,
              "requests.facts.paper": r?.paper ?? 0,
              "requests.facts.feesCharged": r?.fees_charged ?? 0,
              "requests.facts.feesFen": Number(r?.fees_fen ?? 0),
            },
          ];
        }),
      );
    }),
};
