/**
 * Why a correct password must be replaced before a session is given (等保 8.1.4.1 a): the
 * security administrator reset it, or it is older than PASSWORD_MAX_AGE_DAYS (0: never).
 */
export function passwordChangeReason(
  account: { passwordChangedAt: Date; passwordMustChange: boolean },
  maxAgeDays: number,
  now = new Date(),
): "reset" | "expired" | null {
  if (account.passwordMustChange) return "reset";
  if (maxAgeDays > 0 && now.getTime() - account.passwordChangedAt.getTime() > maxAgeDays * 86_400_000) return "expired";
  return null;
}
