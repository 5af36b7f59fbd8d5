import { z } from "zod";

import { itemById } from "../items.server";
import { withdrawItem } from "../publish.server";
import type { DisclosureContext } from "../context";

const W = "disclosure:staff.withdraw.errors";

/** 撤回 needs a reason the public notice shows, and a deliberate confirmation. */
export const WithdrawForm = z.object({
  ids: z.array(z.string().uuid({ error: `${W}.none` })).min(1, { error: `${W}.none` }).max(500),
  reason: z.string({ error: `${W}.reason` }).trim().min(1, { error: `${W}.reason` }).max(500, { error: `${W}.reasonTooLong` }),
  confirm: z.literal("on", { error: `${W}.confirm` }),
});

class NotPublished extends Error {}
class FedItem extends Error {}

/**
 * Withdraws every item named, with one reason, in one transaction: if any of them is no longer
 * published (withdrawn meanwhile, or not this office's), none is withdrawn.
 */
export async function withdrawItems(ctx: DisclosureContext, ids: string[], reason: string): Promise<{ ok: true; count: number } | { ok: false; error: string }> {
  try {
    const count = await ctx.withTenant(async (trx) => {
      for (const id of new Set(ids)) {
        // Another plugin's document leaves the catalogue through that plugin (the catalogue extension point).
        if ((await itemById(trx, ctx.tenant.id, id))?.source) throw new FedItem();
        const item = await withdrawItem(ctx, trx, id, reason);
        if (!item) throw new NotPublished();
        await ctx.audit(trx, { action: "disclosure.item.withdraw", target: { type: "disclosure_item", id }, data: { indexNumber: item.indexNumber, reason } });
      }
      return new Set(ids).size;
    });
    return { ok: true, count };
  } catch (e) {
    if (e instanceof NotPublished) return { ok: false, error: `${W}.notPublished` };
    if (e instanceof FedItem) return { ok: false, error: "disclosure:feed.errors.readOnly" };
    throw e;
  }
}
