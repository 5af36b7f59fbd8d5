import type { StaffContext } from "../core/tenancy/staff.server";
import type { PluginInboxEntry } from "../plugin-api";
import { staffPluginContext } from "./request-context.server";

const SHOWN = 50;

/** One plugin's part of a staff member's 收件箱. */
export interface InboxSection {
  key: string;
  /** An i18n key in the plugin's namespace. */
  label: string;
  entries: (Omit<PluginInboxEntry, "to"> & { href: string })[];
  /** Entries beyond the first SHOWN. */
  more: number;
  /** The plugin threw: the section says so instead of hiding work. */
  failed: boolean;
}

/**
 * What the tenant's enabled plugins have waiting for this member (e.g. applications due soon), for
 * each source whose permission they hold. A plugin that fails yields a failed section and a log line.
 */
export async function pluginInboxSections(request: Request, staff: StaffContext): Promise<InboxSection[]> {
  if (staff.access.mode !== "member") return [];
  const { context, tenant } = staff;
  const sources = context.services.plugins
    .inboxSources()
    .filter((s) => tenant.plugins.includes(s.plugin.manifest.id) && staff.permissions.has(s.permission));
  return Promise.all(
    sources.map(async (source): Promise<InboxSection> => {
      const pluginId = source.plugin.manifest.id;
      const section = { key: source.key, label: source.label, entries: [], more: 0, failed: false };
      try {
        const ctx = await staffPluginContext({ request, context }, source.plugin, tenant, staff);
        const entries = await source.list(ctx);
        return {
          ...section,
          entries: entries.slice(0, SHOWN).map(({ to, ...e }) => ({ ...e, href: `/t/${tenant.code}/admin/${pluginId}/${to}` })),
          more: Math.max(0, entries.length - SHOWN),
        };
      } catch (err) {
        context.services.logger.warn({ err, pluginId, inbox: source.key }, "plugin inbox failed");
        return { ...section, failed: true };
      }
    }),
  );
}
