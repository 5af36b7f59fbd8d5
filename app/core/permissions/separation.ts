/**
 * 三员分立 (GB/T 22239 安全管理机构): system, security and audit administrators are different
 * people, and none of them does an office's business. The database holds the rule: one
 * `platform_role` column per account, and migration 0014's triggers refuse an office membership
 * for a platform administrator (and a platform role for an office member) with this constraint name.
 */
export const PLATFORM_MEMBERSHIP_CONSTRAINT = "platform_admin_no_membership";

/** Whether a database error is that refusal, so the caller can explain it in the user's language. */
export function isPlatformMembershipViolation(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  return typeof err === "object" && err !== null && err.code === "23514" && err.constraint === PLATFORM_MEMBERSHIP_CONSTRAINT;
}
