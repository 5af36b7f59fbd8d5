import { PLATFORM_CHAIN } from "../../../db/roles";
import type { BreakReason, ChainBreak } from "./verify.server";

const REASONS: Record<BreakReason, string> = {
  altered: "altered: its content or hash does not match its keyed hash",
  missing: "missing: deleted from the chain",
  relinked: "relinked: it no longer points to the event before it",
  unkeyed: "unkeyed: it carries a plain SHA-256 hash, written without the audit key (forged, or never re-keyed)",
  truncated: "truncated: the chain ends before a head anchored for it",
  diverged: "diverged: its hash is not the one anchored for it",
};

/** One line naming the office (name, code, id), the event and what is wrong with it, for the operator. */
export function describeBreak(b: ChainBreak): string {
  const office = b.tenantId === PLATFORM_CHAIN ? "platform chain" : `${b.name?.["zh-CN"] ?? "office no longer in the database"} (${b.code ?? "unknown code"}, ${b.tenantId})`;
  return `${office}, event #${b.seq}: ${REASONS[b.reason]}`;
}
