
import { extractFileText, pdfWithText } from "../../../../app/plugin-api/files.server";
import { storeReplyFiles } from "./store.server";
import type { RequestsTenantContext, RequestsTransaction } from "../context";

/**
 * The demo's open application being answered: a file the officer has uploaded for the reply and
 * not yet sent, so the reply editor and the application page show what a reply's files look like.
 */
export async function seedDemoReplyFile(ctx: Pick<RequestsTenantContext, "tenant" | "audit">, trx: RequestsTransaction, applicationId: string): Promise<void> {
  const bytes = pdfWithText("Supervisory monitoring of key dischargers, Q3: all outlets within the limits.");
  const upload = { name: "重点排污单位监督性监测结果（第三季度）.pdf", kind: "pdf" as const, bytes, text: await extractFileText("pdf", bytes) };
  await storeReplyFiles({ tenant: ctx.tenant, user: null, audit: ctx.audit }, trx, applicationId, [upload]);
}
