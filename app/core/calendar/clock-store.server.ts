import type { Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { chinaDate } from "./china-time";
import { ClockLedgerError, evaluateClock, type ClockEvent, type ClockStatus } from "./clock";
import type { ClockKinds } from "./clock-kind";
import type { WorkCalendar } from "./work-calendar";

type Trx = Transaction<CoreDatabase>;

/** A clock's ledger, oldest event first. */
/** The state of one clock as of `asOf`; null for a clock with no events. */
export async function clockStatus(trx: Trx, input: { tenantId: string; clockId: string; asOf: string; calendar: WorkCalendar; kinds: ClockKinds }): Promise<ClockStatus | null> {
  const kind = input.kinds.of(input.clockId);
  const events = await clockEvents(trx, input.tenantId, input.clockId);
  return events.length ? evaluateClock(kind, events, input.asOf, input.calendar) : null;
}

export async function clockEvents(trx: Trx, tenantId: string, clockId: string): Promise<ClockEvent[]> {
  const rows = await trx
    .selectFrom("clock_events")
    .select("event")
    .where("tenant_id", "=", tenantId)
    .where("clock_id", "=", clockId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.event as ClockEvent);
}

/**
 * Appends one event to a clock's ledger after checking that the ledger with it is one its kind's
 * rules allow (an extension beyond the kind's count, a pause the kind does not declare, an event
 * before the previous one… throw a `ClockLedgerError` and write nothing). Returns the clock's
 * state as of the event. The kind comes from the clock id's prefix among `kinds`; an undeclared
 * kind throws `UndeclaredClockKindError`. The caller locks whatever owns the clock, so two
 * appends to one clock cannot interleave.
 */
export async function appendClockEvent(
  trx: Trx,
  input: { tenantId: string; clockId: string; event: ClockEvent; recordedBy: string | null; calendar: WorkCalendar; kinds: ClockKinds },
): Promise<ClockStatus> {
  const kind = input.kinds.of(input.clockId);
  const events = await clockEvents(trx, input.tenantId, input.clockId);
  // A ledger may not run ahead of today: every later reading would refuse it (not-in-future).
  if (input.event.date > chinaDate()) throw new ClockLedgerError("not-in-future", events.length, `${input.event.kind} on ${input.event.date}: dated after today`);
  const ledger = [...events, input.event];
  // Read as of the latest date in the ledger, so an event dated too early fails the date-order rule.
  const asOf = ledger.reduce((d, e) => (e.date > d ? e.date : d), input.event.date);
  const status = evaluateClock(kind, ledger, asOf, input.calendar);
  await trx
    .insertInto("clock_events")
    .values({
      tenant_id: input.tenantId,
      clock_id: input.clockId,
      seq: ledger.length,
      event: JSON.stringify(input.event),
      recorded_by: input.recordedBy,
    })
    .execute();
  return status;
}

/**
 * The state of many clocks as of `asOf`, read in one query among the rows the transaction may
 * read (clock ids carry the owner's id, so they do not repeat across tenants). Clocks with no
 * events are absent from the map; a clock of an undeclared kind is refused before reading.
 */
export async function clockStatuses(
  trx: Trx,
  clockIds: readonly string[],
  asOf: string,
  calendar: WorkCalendar,
  kinds: ClockKinds,
): Promise<Map<string, ClockStatus>> {
  const out = new Map<string, ClockStatus>();
  const kindOf = new Map(clockIds.map((id) => [id, kinds.of(id)]));
  if (clockIds.length === 0) return out;
  const rows = await trx.selectFrom("clock_events").select(["clock_id", "event"]).where("clock_id", "in", [...clockIds]).orderBy("clock_id").orderBy("seq").execute();
  const ledgers = new Map<string, ClockEvent[]>();
  for (const r of rows) {
    const ledger = ledgers.get(r.clock_id) ?? [];
    ledger.push(r.event as ClockEvent);
    ledgers.set(r.clock_id, ledger);
  }
  for (const [id, events] of ledgers) {
    // One ledger the law refuses must not blank a whole list: it is left out, and its page says why.
    try {
      out.set(id, evaluateClock(kindOf.get(id)!, events, asOf, calendar));
    } catch (err) {
      if (!(err instanceof ClockLedgerError)) throw err;
    }
  }
  return out;
}
