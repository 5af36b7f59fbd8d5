import type { LoaderFunctionArgs } from "@remix-run/node";
import { readAuditFilter } from "~/core/audit/filter.server";
import { AuditPresenter, auditPlugins } from "~/core/audit/present.server";
import { auditEventBatches, everyChain } from "~/core/audit/query.server";
import { contentDisposition } from "~/core/files/content-disposition";
import { localeOf } from "~/core/i18n/locale.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";

/** One CSV field: quoted when it must be, and never read by a spreadsheet as a formula. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly (string | number)[]) => `${cells.map(cell).join(",")}\r\n`;

/** Beijing time as a spreadsheet sorts it: 2026-12-07 16:30:05. */
const csvTime = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

/**
 * The auditor's export of the audit trail: every event the page's filters select (not only the
 * page shown), newest first, UTF-8 with a byte-order mark so Excel reads the Chinese. The rows are
 * read in batches and written as they come, so a large trail is never held in memory at once. The
 * export is itself recorded on the platform chain, with its filters, before the first row is sent.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.audit.read");
  const locale = await localeOf(request);
  const tenants = (await context.services.tenants.fresh()).all();
  const presenter = new AuditPresenter(context.services.translators[locale], locale, auditPlugins(context.services.plugins.plugins), tenants);
  const read = readAuditFilter(new URL(request.url), tenants, presenter);
  if (!read.ok) {
    const message = Object.entries(read.errors)
      .map(([field, keys]) => {
        const key = keys?.[0] ?? "errors.invalid";
        return `${field}: ${presenter.t(key.includes(":") ? key : `core:${key}`)}`;
      })
      .join("\n");
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });
  }
  await withPlatform(ctx, {}, (_trx, audit) => audit({ action: "audit.export", data: { format: "csv", filters: read.values } }));

  const t = (key: string) => presenter.t(`audit.csv.${key}`);
  const header = line([t("at"), t("office"), t("person"), t("username"), t("event"), t("code"), t("outcome"), t("details"), t("seq"), t("hash")]);
  const batches = auditEventBatches(context.services.db, everyChain(ctx.user.id, tenants.map((x) => x.id)), read.filter);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${header}`));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        let chunk = "";
        for (const row of next.value) {
          const v = presenter.view(row);
          chunk += line([csvTime.format(row.at), v.office, v.person.name, v.person.username ?? "", v.event.label, v.event.code, v.failed, presenter.detailsText(v), v.seq, v.hash]);
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (e) {
        context.services.logger.error({ err: e, requestId: context.requestId }, "audit export failed");
        controller.error(e);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = csvTime.format(new Date()).slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`${presenter.t("audit.export.filename")}-${day}.csv`, `audit-trail-${day}.csv`),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
