import type { Kysely, Transaction } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { WorkCalendar, type CalendarOverride } from "./work-calendar";

export async function loadCalendarOverrides(db: Kysely<CoreDatabase>): Promise<CalendarOverride[]> {
  return withScope(db, NO_TENANT, (trx) =>
    trx.selectFrom("calendar_overrides").select(["date", "workday", "note", "notice_year as noticeYear"]).orderBy("date").execute(),
  );
}

type Trx = Transaction<CoreDatabase>;

/** Sets one day by hand (it then no longer belongs to an imported notice); returns what the day was before. */
export async function setCalendarOverride(trx: Trx, day: { date: string; workday: boolean; note: string | null }, userId: string) {
  const previous = await trx.selectFrom("calendar_overrides").select(["workday", "note"]).where("date", "=", day.date).executeTakeFirst();
  const now = new Date();
  await trx
    .insertInto("calendar_overrides")
    .values({ ...day, updated_by: userId, updated_at: now })
    .onConflict((oc) => oc.column("date").doUpdateSet({ workday: day.workday, note: day.note, notice_year: null, updated_by: userId, updated_at: now }))
    .execute();
  return previous ?? null;
}

/** Removes one day's override; returns what it was, or undefined when there was none. */
export function removeCalendarOverride(trx: Trx, date: string) {
  return trx.deleteFrom("calendar_overrides").where("date", "=", date).returning(["workday", "note"]).executeTakeFirst();
}

/**
 * Holds the current WorkCalendar: callers read `calendar` synchronously in hot paths, and
 * `refresh()` swaps in a new one after an administrator edits the overrides.
 */
export class WorkCalendarStore {
  private current: WorkCalendar = new WorkCalendar();

  constructor(private readonly db: Kysely<CoreDatabase>) {}

  get calendar(): WorkCalendar {
    return this.current;
  }

  async refresh(): Promise<WorkCalendar> {
    this.current = new WorkCalendar(await loadCalendarOverrides(this.db));
    return this.current;
  }
}

export async function openWorkCalendar(db: Kysely<CoreDatabase>): Promise<WorkCalendarStore> {
  const store = new WorkCalendarStore(db);
  await store.refresh();
  return store;
}
