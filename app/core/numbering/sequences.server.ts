import { sql, type Transaction } from "kysely";
import { formatNumber, readNumber } from "./format";

/** `<area>.<name>`: the owner (`core` or a plugin id) and its counter, e.g. `core.index`, `requests.tracking`. */
const SEQUENCE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9]*([-_][a-z0-9]+)*$/;

/** The counter column is a PostgreSQL int. */
const MAX_COUNTER = 2_147_483_647;

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
  return (await nextNumbers(trx, input, 1))[0]!;
}

/** Takes `count` consecutive numbers at once (an import numbering its rows), with the same guarantees. */
export async function nextNumbers<DB>(trx: Transaction<DB>, input: NextNumberInput, count: number): Promise<AssignedNumber[]> {
  if (!isSequenceName(input.sequence)) throw new Error(`sequence "${input.sequence}" is not named <area>.<name>`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`cannot take ${count} numbers`);
  // Format a dummy first so a bad pattern fails before the counter moves.
  formatNumber(input.pattern, { ...input, seq: 1 });
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO number_sequences (tenant_id, sequence, year, last_value)
    VALUES (${input.tenantId}, ${input.sequence}, ${input.year}, ${count})
    ON CONFLICT (tenant_id, sequence, year) DO UPDATE SET last_value = number_sequences.last_value + ${count}
    RETURNING last_value`.execute(trx);
  const last = Number(rows[0]!.last_value);
  return Array.from({ length: count }, (_, i) => {
    const seq = last - count + 1 + i;
    return { seq, number: formatNumber(input.pattern, { ...input, seq }) };
  });
}

/**
 * Numbers given elsewhere and kept (an old portal's 索引号 on imported records): each one this
 * tenant's pattern would produce moves its year's counter up to it, so `nextNumber` never hands it
 * out again. Never moves a counter back, so claiming twice is harmless. Returns what matched.
 */
export async function claimNumbers<DB>(trx: Transaction<DB>, input: Omit<NextNumberInput, "year">, numbers: readonly string[]): Promise<{ number: string; year: number; seq: number }[]> {
  if (!isSequenceName(input.sequence)) throw new Error(`sequence "${input.sequence}" is not named <area>.<name>`);
  const matched = numbers.flatMap((number) => {
    const read = readNumber(input.pattern, input, number);
    // A number beyond the counter's range was never this office's to hand out.
    return read && read.seq <= MAX_COUNTER ? [{ number, ...read }] : [];
  });
  const highest = new Map<number, number>();
  for (const m of matched) highest.set(m.year, Math.max(highest.get(m.year) ?? 0, m.seq));
  for (const [year, seq] of [...highest].sort(([a], [b]) => a - b)) {
    await sql`
      INSERT INTO number_sequences (tenant_id, sequence, year, last_value)
      VALUES (${input.tenantId}, ${input.sequence}, ${year}, ${seq})
      ON CONFLICT (tenant_id, sequence, year) DO UPDATE SET last_value = GREATEST(number_sequences.last_value, EXCLUDED.last_value)`.execute(trx);
  }
  return matched;
}
