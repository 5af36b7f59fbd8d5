import { installAuditKey } from "../../app/core/audit/hasher";

/** The audit key every test process installs (tests/helpers/setup.ts): fixed, so chains written by any test file verify in any other. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0xa7);

export function installTestAuditKey() {
  return installAuditKey(TEST_AUDIT_KEY);
}
