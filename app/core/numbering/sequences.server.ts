import { sql, type Transaction } from "kysely";
import { formatNumber } from "./format";

/** `<area>.<name>`: the owner (`core` or a plugin id) and its counter, e.g. `core.index`, `requests.tracking`. */
const SEQUENCE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9]*([-_][a-z0-9]+)*$/;

/** The sequence for 索引号 of published records. */
export const INDEX_SEQUENCE = "core.index";

export function isSequenceName(name: string): boolean {
  return SEQUENCE_NAME.test(name);
}

export interface NextNumberInput {
  tenantId: string;
  sequence: string;
  year: number;
  pattern: string;
  creditCode: string;
  tenantCode?: string;
}

export interface AssignedNumber {
  seq: number;
  number: string;
}

/**
 * Takes the next number of a tenant's sequence for a year, inside the caller's transaction. The
 * upsert locks the counter row until that transaction ends: concurrent publishers of the same
 * sequence queue behind it, a rollback hands the number back (no gaps), and other tenants,
 * sequences and years use other rows and never wait. Take a number as late as possible in the
 * transaction, since everyone numbering the same sequence waits until it commits.
 */
export async function nextNumber<DB>(trx: Transaction<DB>, input: NextNumberInput): Promise<AssignedNumber> {
  if (!isSequenceName(input.sequence)) throw new Error(`sequence "${input.sequence}" is not named <area>.<name>`);
  // Format a dummy first so a bad pattern fails before the counter moves.
  formatNumber(input.pattern, { ...input, seq: 1 });
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO number_sequences (tenant_id, sequence, year, last_value)
    VALUES (${input.tenantId}, ${input.sequence}, ${input.year}, 1)
    ON CONFLICT (tenant_id, sequence, year) DO UPDATE SET last_value = number_sequences.last_value + 1
    RETURNING last_value`.execute(trx);
  const seq = rows[0]!.last_value;
  return { seq, number: formatNumber(input.pattern, { ...input, seq }) };
}
