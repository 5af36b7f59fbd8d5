import type { Kysely } from "kysely";
import type { CoreDatabase } from "../../../db/schema";
import { NO_TENANT, withScope } from "../../../db/scope";
import { WorkCalendar, type CalendarOverride } from "./work-calendar";

export async function loadCalendarOverrides(db: Kysely<CoreDatabase>): Promise<CalendarOverride[]> {
  return withScope(db, NO_TENANT, (trx) =>
    trx.selectFrom("calendar_overrides").select(["date", "workday", "note", "notice_year as noticeYear"]).orderBy("date").execute(),
  );
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
