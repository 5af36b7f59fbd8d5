import { z } from "zod";
import { CORE_PERMISSIONS, isPlatformPermission } from "../../core/permissions/catalog";
import { CORE_ROLES, isCoreRole, isPlatformRole, pluginRolePrefix, type PluginRole } from "../../core/permissions/roles";

/** `roles[]`: a business role the plugin adds, such as 依申请公开专员 or 执法人员. */
export const RoleSchema = z.object({
  key: z.custom<PluginRole>((v) => typeof v === "string" && /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(v), {
    message: "lower case letters and digits in words joined by _, starting with the plugin id",
  }),
  /** i18n key in the plugin's namespace, in the three locales. */
  label: z.string().min(1),
  /** i18n key in the plugin's namespace: what the role does, for the security administrator. */
  description: z.string().min(1),
  /** Core permissions it holds by default besides the workspace (every business role enters it). */
  defaultPermissions: z.array(z.string()).default([]),
});

export type ManifestRole = z.output<typeof RoleSchema>;
/** A role as a manifest declares it (`roles[]`). */
export type PluginRoleDecl = z.input<typeof RoleSchema>;

/** What a role may hold by default: a core permission that is not one of the 三员's. */
const GRANTABLE = new Set(CORE_PERMISSIONS.filter((d) => !isPlatformPermission(d)).map((d) => d.key));

/**
 * What zod cannot say about a plugin's roles: each key starts with the plugin id (`-` as `_`) and
 * `_`, so no two plugins' keys collide and none is a core role; labels are in the plugin's
 * namespace; the default permissions are core ones a business role may hold.
 */
export function roleProblems(pluginId: string, roles: readonly ManifestRole[]): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  const prefix = pluginRolePrefix(pluginId);
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    const field = `roles.${i}`;
    if (isCoreRole(r.key) || isPlatformRole(r.key)) problems.push({ field: `${field}.key`, problem: `"${r.key}" is a core role (${CORE_ROLES.join(", ")} and the three platform roles)` });
    else if (!r.key.startsWith(prefix) || r.key.length === prefix.length) problems.push({ field: `${field}.key`, problem: `"${r.key}" must start with "${prefix}"` });
    else if (seen.has(r.key)) problems.push({ field: `${field}.key`, problem: `"${r.key}" is declared twice` });
    seen.add(r.key);
    for (const [name, key] of [["label", r.label], ["description", r.description]] as const) {
      if (!key.startsWith(`${pluginId}:`)) problems.push({ field: `${field}.${name}`, problem: `"${key}" must start with "${pluginId}:"` });
    }
    r.defaultPermissions.forEach((p, j) => {
      if (!GRANTABLE.has(p)) problems.push({ field: `${field}.defaultPermissions.${j}`, problem: `"${p}" is not a core permission a business role may hold (${[...GRANTABLE].join(", ")})` });
    });
  });
  return problems;
}

/**
 * Whether a role a manifest names (a permission's `defaultRoles`, a document type's `drafterRole`)
 * is known from the manifest alone: a core role or one it declares. `later` means it may be another
 * plugin's, for discovery to look up in the whole catalogue; `no` cannot be any business role.
 */
export function roleReference(pluginId: string, declared: readonly ManifestRole[], role: string): "yes" | "later" | "no" {
  if (isCoreRole(role) || declared.some((r) => r.key === role)) return "yes";
  if (isPlatformRole(role) || !role.includes("_") || role.startsWith(pluginRolePrefix(pluginId))) return "no";
  return "later";
}
