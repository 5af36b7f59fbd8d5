import { KeyedChainHasher, type ChainHasher } from "./chain";

/**
 * The process's audit hasher, installed once at start (`startAuditTrail`) or by a test's setup, so
 * that `recordAudit`, called from many places inside transactions, needs no key argument. It lives
 * on `globalThis` because the server's own modules and the Remix server build are two module
 * instances of this file in one process, and both must see the key the server loaded.
 */
const SLOT = Symbol.for("gongkai.audit.hasher");

type Slot = { [SLOT]?: ChainHasher };

export class AuditKeyMissingError extends Error {
  constructor() {
    super("The audit key is not installed: the server and every command that writes audit events call startAuditTrail first");
    this.name = "AuditKeyMissingError";
  }
}

export function installAuditKey(key: Buffer): ChainHasher {
  const hasher = new KeyedChainHasher(key);
  (globalThis as Slot)[SLOT] = hasher;
  return hasher;
}

/** Fails closed: no event is ever written without the key. */
export function auditHasher(): ChainHasher {
  const hasher = (globalThis as Slot)[SLOT];
  if (!hasher) throw new AuditKeyMissingError();
  return hasher;
}
