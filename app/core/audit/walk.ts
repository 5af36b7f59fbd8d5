import { GENESIS_HASH, type ChainedFields, type ChainHasher } from "./chain";

export type LinkBreak = "missing" | "relinked" | "altered";

export interface StoredEvent extends ChainedFields {
  prev_hash: string;
  hash: string;
}

export interface ChainWalk {
  /** seq → hash of every event before the first break: the part of the chain that holds. */
  intact: Map<number, string>;
  /** The event count, i.e. the newest seq when nothing is missing. */
  length: number;
  /** The first break, if any: the event `seq` is missing, points elsewhere, or does not hash to its stored hash. */
  broken: { seq: number; reason: LinkBreak } | null;
}

/** Recomputes a chain (events in seq order) with one hasher, stopping at the first break. */
export function walkChain(events: readonly StoredEvent[], hasher: ChainHasher): ChainWalk {
  const intact = new Map<number, string>();
  let prev = GENESIS_HASH;
  for (const [i, e] of events.entries()) {
    const seq = i + 1;
    const reason: LinkBreak | null = e.seq !== seq ? "missing" : e.prev_hash !== prev ? "relinked" : hasher.hash(e, prev) !== e.hash ? "altered" : null;
    if (reason) return { intact, length: events.length, broken: { seq, reason } };
    intact.set(seq, e.hash);
    prev = e.hash;
  }
  return { intact, length: events.length, broken: null };
}
