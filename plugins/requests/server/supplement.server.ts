import { z } from "zod";
import type { ClockStatus, PluginAuditEvent, PluginCoreServices, PluginTenant } from "../../../app/plugin-api";
import { clockId } from "../db/schema";

import type { ApplicationRow } from "./applications.server";
import type { RequestsTransaction } from "./context";

/** What the applicant sends in answer to a 补正 notice. */
export const SupplementText = z
  .string()
  .trim()
  .min(1, "requests:public.errors.supplementRequired")
  .max(2000, "requests:errors.tooLong");

type Services = Pick<PluginCoreServices, "clocks"> & {
  tenant: PluginTenant;
  audit(trx: RequestsTransaction, event: PluginAuditEvent): Promise<void>;
};

export interface ReceivedSupplement {
  body: string;
  /** 'YYYY-MM-DD': the day the supplemented application arrived. */
  receivedOn: string;
  via: "online" | "staff";
}

export type SupplementResult = { ok: true; supplementId: string; clock: ClockStatus } | { ok: false; error: string };

/**
 * Records a supplement (补正) and lets the reply period run anew from the day it arrived
 * (条例第三十条: 答复期限自行政机关收到补正的申请之日起计算). Refused, changing nothing, unless the
 * application is waiting for one. The row is locked first, so two supplements sent at once cannot
 * both restart the clock.
 */
export async function receiveSupplement(ctx: Services, trx: RequestsTransaction, application: Pick<ApplicationRow, "id">, s: ReceivedSupplement): Promise<SupplementResult> {
  // Browsers send a text area's line breaks as CRLF; the limit counts what the applicant typed.
  const body = SupplementText.safeParse(s.body.replace(/\r\n?/g, "\n"));
  if (!body.success) return { ok: false, error: body.error.issues[0]!.message };
  const current = await trx.selectFrom("requests_applications").select(["id", "status"]).where("id", "=", application.id).forUpdate().executeTakeFirst();
  if (current?.status !== "awaiting_supplement") return { ok: false, error: "requests:public.errors.notAwaitingSupplement" };

  let clock: ClockStatus;
  try {
    clock = await ctx.clocks.append(trx, clockId(current.id), { kind: "restart", date: s.receivedOn, note: s.via });
  } catch (e) {
    // The ledger refuses a restart dated before the notice's pause (a mistyped date when staff register one).
    if (e instanceof Error && e.name === "ClockLedgerError") return { ok: false, error: "requests:public.errors.supplementDate" };
    throw e;
  }
  const row = await trx
    .insertInto("requests_supplements")
    .values({ tenant_id: ctx.tenant.id, application_id: current.id, body: body.data, received_on: s.receivedOn, via: s.via })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("requests_applications")
    .set({ status: "processing", supplement_due: null, updated_at: new Date() })
    .where("id", "=", current.id)
    .execute();
  await ctx.audit(trx, {
    action: "requests.supplement.receive",
    target: { type: "requests_application", id: current.id },
    data: { supplementId: row.id, receivedOn: s.receivedOn, via: s.via },
  });
  return { ok: true, supplementId: row.id, clock };
}
