import { DecisionRefused } from "../../../../app/plugin-api";
import type { ReportsHookContext } from "../context";

/** A report on government information disclosure is published (条例第四十九条): 保密审查 must have let it through as 主动公开. */
export async function requireProactive(ctx: ReportsHookContext, documentId: string): Promise<void> {
  const review = await ctx.workflow.review(ctx.trx, documentId);
  if (review?.record?.attribute && review.record.attribute !== "proactive") throw new DecisionRefused("annual-report:errors.mustBeProactive");
}
