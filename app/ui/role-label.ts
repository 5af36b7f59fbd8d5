import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";

/**
 * Names a role in the reader's language: core's roles from the core namespace, a plugin's from
 * that plugin's namespace (the root loader sends each role's label key from the role catalogue).
 */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  const labels = useRootData()?.roleLabels;
  return (role) => t(labels?.[role] ?? `core:roles.${role}`, { defaultValue: role });
}
