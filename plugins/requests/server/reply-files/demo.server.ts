import type { PluginTenantContext, PluginTransaction } from "../../../../app/plugin-api";
import { extractFileText } from "../../../../app/plugin-api/loaders.server";
import { storeReplyFiles } from "./store.server";

/** A one-page PDF with a line of Latin text (the standard Helvetica font has no Chinese). */
function pdfWithText(text: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * The demo's open application being answered: a file the officer has uploaded for the reply and
 * not yet sent, so the reply editor and the application page show what a reply's files look like.
 */
export async function seedDemoReplyFile(ctx: Pick<PluginTenantContext, "tenant" | "audit">, trx: PluginTransaction, applicationId: string): Promise<void> {
  const bytes = pdfWithText("Supervisory monitoring of key dischargers, Q3: all outlets within the limits.");
  const upload = { name: "重点排污单位监督性监测结果（第三季度）.pdf", kind: "pdf" as const, bytes, text: await extractFileText("pdf", bytes) };
  await storeReplyFiles({ tenant: ctx.tenant, user: null, audit: ctx.audit }, trx, applicationId, [upload]);
}
