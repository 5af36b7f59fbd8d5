import { chinaDate } from "../../../../app/plugin-api";
import { FEE_NOTICE, OTHER_AGENCY, THIRD_PARTY } from "../../law/reply-clock";
import { clockId, type NoticeKind } from "../../db/schema";

import type { SentDates } from "./fields";
import type { RequestsContext, RequestsTransaction } from "../context";

/**
 * The dates a letter still in approval would give if it were sent today, counted as sending will
 * count them (notices.server.ts, from the ledger's rules): shown on its printable draft, marked as
 * provisional.
 */
export async function provisionalDates(
  ctx: RequestsContext,
  trx: RequestsTransaction,
  applicationId: string,
  kind: NoticeKind,
  details: Record<string, unknown>,
): Promise<SentDates> {
  const today = chinaDate();
  const add = (from: string, days: number) => ctx.calendar.addWorkdays(from, days).value;
  switch (kind) {
    case "fee":
      return { issuedOn: today, dueOn: add(today, FEE_NOTICE.days) };
    case "third_party":
      return { issuedOn: today, answerDue: add(today, THIRD_PARTY.days) };
    case "other_agency":
      return { issuedOn: today, answerDue: add(today, OTHER_AGENCY.days) };
    case "supplement": {
      const days = typeof details.dueDays === "number" ? details.dueDays : null;
      return { issuedOn: today, dueOn: days ? add(today, days) : typeof details.dueOn === "string" ? details.dueOn : undefined };
    }
    case "extension": {
      const status = await ctx.clocks.status(trx, clockId(applicationId), today);
      const days = Number(details.days);
      const base = status?.dueDate ?? (status ? add(today, status.leftDays) : null);
      return { issuedOn: today, newDueDate: base && Number.isInteger(days) ? add(base, days) : undefined };
    }
    case "reply":
      return { issuedOn: today };
  }
}
