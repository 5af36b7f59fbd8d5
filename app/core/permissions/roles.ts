/** Roles held through a membership in one tenant. */
export const BUSINESS_ROLES = [
  "drafter",
  "dept_reviewer",
  "classifier",
  "leader",
  "principal",
  "requests_officer",
  "supervisor",
  "viewer",
] as const;

/** 三员分立: platform roles held by an account itself; no account may hold two of them. */
export const PLATFORM_ROLES = ["sysadmin", "secadmin", "auditor"] as const;

export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export type Role = BusinessRole | PlatformRole;

export function isBusinessRole(r: string): r is BusinessRole {
  return (BUSINESS_ROLES as readonly string[]).includes(r);
}

export function isPlatformRole(r: string): r is PlatformRole {
  return (PLATFORM_ROLES as readonly string[]).includes(r);
}
