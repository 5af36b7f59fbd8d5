import { isPlatformRole } from "./roles";

/** 三员分立 (GB/T 22239 安全管理机构): system, security and audit administrators are different people. */
export function violatesSeparationOfDuties(roles: readonly string[]): boolean {
  return new Set(roles.filter(isPlatformRole)).size > 1;
}

export class SeparationOfDutiesError extends Error {
  readonly i18nKey = "errors.platformRoles.separation";
  constructor() {
    super("An account may hold at most one of sysadmin, secadmin and auditor");
  }
}
