import { chinaDate, type ClockStatus } from "../../../../app/plugin-api";
import { clockId, type ApplicationStatus } from "../../db/schema";
import type { RequestsContext, RequestsTransaction } from "../context";

export const LIST_STATUSES: readonly ApplicationStatus[] = ["unconfirmed", "processing", "awaiting_supplement", "consulting", "awaiting_fee", "closed"];
export const URGENCIES = ["overdue", "due_soon"] as const;
type Urgency = (typeof URGENCIES)[number];

/** Working days left at which a running clock counts as due soon. */
export const DUE_SOON_DAYS = 3;
const PAGE = 50;

export interface ListFilter {
  status?: ApplicationStatus;
  /** "any": overdue or due soon (the inbox). */
  urgency?: Urgency | "any";
  year?: number;
  q?: string;
  page: number;
}

/** How pressing an open application is: overdue, due within DUE_SOON_DAYS working days, or neither. */
export function urgencyOf(clock: ClockStatus | undefined): Urgency | null {
  if (!clock || clock.stop) return null;
  if (clock.state === "overdue") return "overdue";
  if (clock.state === "running" && clock.leftDays <= DUE_SOON_DAYS) return "due_soon";
  return null;
}

const OPEN_STATUSES = LIST_STATUSES.filter((s) => s !== "closed");

/**
 * The office's applications, open ones first (most urgent first), then closed ones newest first;
 * the applicant only masked. Every open application is read and its clock computed (an office has
 * at most a few hundred open); closed ones, most of the table, are counted and paged in SQL, without
 * clocks: the list shows no due date for them.
 */
export async function applicationList(ctx: RequestsContext, trx: RequestsTransaction, filter: ListFilter) {
  const matching = (statuses: readonly ApplicationStatus[]) => {
    let q = trx.selectFrom("requests_applications").where("tenant_id", "=", ctx.tenant.id).where("status", "in", statuses);
    if (filter.year) q = q.where((eb) => eb.or([eb("received_on", ">=", `${filter.year}-01-01`).and("received_on", "<=", `${filter.year}-12-31`), eb("received_on", "is", null)]));
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb("subject", "like", like), eb("tracking_no", "like", like)]));
    }
    return q;
  };
  const listed = (statuses: readonly ApplicationStatus[]) =>
    matching(statuses).select(["id", "tracking_no", "subject", "applicant_type", "applicant_masked", "channel", "received_on", "submitted_at", "status", "reply_type", "closed_on"]);
  const view = (r: Awaited<ReturnType<ReturnType<typeof listed>["execute"]>>[number], clock: ClockStatus | undefined) => ({
    id: r.id,
    trackingNo: r.tracking_no,
    subject: r.subject,
    applicantType: r.applicant_type,
    applicant: r.applicant_masked,
    channel: r.channel,
    receivedOn: r.received_on,
    status: r.status,
    replyType: r.reply_type,
    closedOn: r.closed_on,
    dueDate: clock?.dueDate ?? null,
    leftDays: clock && !clock.stop ? clock.leftDays : null,
    overdueDays: clock?.overdueDays ?? 0,
    paused: clock?.state === "paused",
    urgency: urgencyOf(clock),
  });

  // Open ones: all of them, with their clocks; overdue, then due soon, then the rest, each by due date.
  const openStatuses = filter.status ? OPEN_STATUSES.filter((s) => s === filter.status) : OPEN_STATUSES;
  const openRows = openStatuses.length ? await listed(openStatuses).orderBy("submitted_at", "desc").orderBy("id", "desc").execute() : [];
  const clocks = await ctx.clocks.statusMany(trx, openRows.filter((r) => r.received_on).map((r) => clockId(r.id)), chinaDate());
  const viewed = openRows.map((r) => view(r, clocks.get(clockId(r.id))));
  const rank = (v: (typeof viewed)[number]) => (v.urgency === "overdue" ? 0 : v.urgency === "due_soon" ? 1 : 2);
  const open = viewed.filter((v) => !filter.urgency || v.urgency === filter.urgency || (filter.urgency === "any" && v.urgency));
  open.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? "9").localeCompare(b.dueDate ?? "9"));

  // Closed ones: after every open one, closed_on newest first; none when asked for an urgency or an open status.
  const withClosed = !filter.urgency && (!filter.status || filter.status === "closed");
  const closedTotal = withClosed
    ? Number((await matching(["closed"]).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)
    : 0;

  const total = open.length + closedTotal;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const page = Math.min(filter.page, pages);
  const [start, end] = [(page - 1) * PAGE, page * PAGE];
  const rows: (typeof viewed)[number][] = open.slice(start, end);
  if (withClosed && end > open.length && closedTotal > 0) {
    const offset = Math.max(0, start - open.length);
    const closed = await listed(["closed"])
      .orderBy("closed_on", "desc")
      .orderBy("submitted_at", "desc")
      .orderBy("id", "desc")
      .limit(end - Math.max(start, open.length))
      .offset(offset)
      .execute();
    rows.push(...closed.map((r) => view(r, undefined)));
  }
  return {
    rows,
    total,
    pages,
    page,
    counts: { overdue: viewed.filter((v) => v.urgency === "overdue").length, dueSoon: viewed.filter((v) => v.urgency === "due_soon").length, unconfirmed: viewed.filter((v) => v.status === "unconfirmed").length },
  };
}
