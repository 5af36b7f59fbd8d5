import { WORKFLOW_ACTIONS } from "../workflow/transitions";

/**
 * Every event core writes to the audit trail, grouped by the module an auditor looks for it
 * under. A unit test reads core's sources for the events they write and fails on one missing
 * here; each has a label in the core locales (`platform:audit.events.<code with _ for .>`), so the
 * log never shows a bare code. Plugins declare theirs in the manifest (`auditEvents`), labelled
 * by the convention `auditEventLabel` states.
 */
export const CORE_AUDIT_GROUPS = {
  signIn: [
    "auth.login",
    "auth.login.pending",
    "auth.lock",
    "auth.logout",
    "auth.mfa.verify",
    "auth.mfa.enrol",
    "auth.mfa.remove",
    "auth.password.change",
    "auth.session.revoke",
    "auth.session.revoke_others",
    "auth.session.revoke_all",
  ],
  accounts: [
    "account.create",
    "account.update",
    "account.unlock",
    "account.password_reset",
    "account.second_factor_reset",
    "account.disable",
    "account.enable",
    "membership.set",
    "membership.remove",
    "membership.seed",
    "platform_role.grant",
    "platform_role.revoke",
    "role_permissions.update",
  ],
  workflow: [
    "workflow.create",
    "workflow.update",
    "workflow.chain.update",
    ...WORKFLOW_ACTIONS.map((a) => `workflow.${a}`),
    "classification.review",
    "classification.resolve",
    "sensitive_word.add",
    "sensitive_word.remove",
  ],
  offices: ["tenant.sync", "plugin.enable", "plugin.disable", "plugin.settings", "calendar.override.set", "calendar.override.remove", "calendar.notice.import"],
  audit: ["audit.verify", "audit.export", "audit.anchor", "audit.rekey", "audit.rekey_refused"],
  demo: ["demo.accounts_created", "demo.password_reset"],
} as const satisfies Record<string, readonly string[]>;

export type CoreAuditGroup = keyof typeof CORE_AUDIT_GROUPS;

export const CORE_AUDIT_EVENTS: readonly string[] = Object.values(CORE_AUDIT_GROUPS).flat();

/** The i18n key (namespace `platform`) of a core event's label: dots become underscores, so `auth.login` and `auth.login.pending` do not nest. */
export function coreEventLabelKey(code: string): string {
  return `audit.events.${code.replace(/\./g, "_")}`;
}

/** The i18n key (namespace `platform`) of a core module's name. */
export function coreGroupLabelKey(group: string): string {
  return `audit.groups.${group}`;
}

/**
 * A plugin's event `<id>.<rest>` is labelled `<id>:audit.<rest>` in the plugin's own namespace
 * (`requests.application.submit` → `requests:audit.application.submit`); the plugin contract test
 * fails on a declared event without it in all three locales.
 */
export function auditEventLabel(pluginId: string, event: string): string {
  return `${pluginId}:audit.${event.slice(pluginId.length + 1)}`;
}
