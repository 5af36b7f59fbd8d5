import { chinaDate, type ClockStatus, type PluginRequestContext, type PluginTransaction } from "../../../../app/plugin-api";
import { clockId, typed, type ApplicationStatus } from "../../db/schema";

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

export function readFilter(url: URL): ListFilter {
  const p = url.searchParams;
  const status = p.get("status") as ApplicationStatus;
  const urgency = p.get("urgency") as Urgency;
  const year = Number(p.get("year"));
  return {
    status: LIST_STATUSES.includes(status) ? status : undefined,
    urgency: URGENCIES.includes(urgency) ? urgency : undefined,
    year: Number.isInteger(year) && year > 2000 && year < 3000 ? year : undefined,
    q: p.get("q")?.trim().slice(0, 100) || undefined,
    page: Math.max(1, Math.floor(Number(p.get("page")) || 1)),
  };
}

/** How pressing an open application is: overdue, due within DUE_SOON_DAYS working days, or neither. */
export function urgencyOf(clock: ClockStatus | undefined): Urgency | null {
  if (!clock || clock.stop) return null;
  if (clock.state === "overdue") return "overdue";
  if (clock.state === "running" && clock.leftDays <= DUE_SOON_DAYS) return "due_soon";
  return null;
}

/**
 * The office's applications, open ones first (most urgent first), then closed ones newest first;
 * the applicant only masked. Clocks are read in one query for the page.
 */
export async function applicationList(ctx: PluginRequestContext, trx: PluginTransaction, filter: ListFilter) {
  let q = typed(trx)
    .selectFrom("requests_applications")
    .select(["id", "tracking_no", "subject", "applicant_type", "applicant_masked", "channel", "received_on", "submitted_at", "status", "reply_type", "closed_on"]);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.urgency) q = q.where("status", "!=", "closed");
  if (filter.year) q = q.where((eb) => eb.or([eb("received_on", ">=", `${filter.year}-01-01`).and("received_on", "<=", `${filter.year}-12-31`), eb("received_on", "is", null)]));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("subject", "like", like), eb("tracking_no", "like", like)]));
  }
  const rows = await q.orderBy("submitted_at", "desc").limit(2000).execute();
  const today = chinaDate();
  const clocks = await ctx.clocks.statusMany(trx, rows.filter((r) => r.received_on).map((r) => clockId(r.id)), today);
  const viewed = rows.map((r) => {
    const clock = clocks.get(clockId(r.id));
    return {
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
    };
  });
  const rank = (v: (typeof viewed)[number]) => (v.status === "closed" ? 3 : v.urgency === "overdue" ? 0 : v.urgency === "due_soon" ? 1 : 2);
  const filtered = viewed.filter((v) => !filter.urgency || v.urgency === filter.urgency || (filter.urgency === "any" && v.urgency));
  filtered.sort((a, b) => rank(a) - rank(b) || (a.status === "closed" ? (b.closedOn ?? "").localeCompare(a.closedOn ?? "") : (a.dueDate ?? "9").localeCompare(b.dueDate ?? "9")));
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE));
  const page = Math.min(filter.page, pages);
  return {
    rows: filtered.slice((page - 1) * PAGE, page * PAGE),
    total: filtered.length,
    pages,
    page,
    counts: { overdue: viewed.filter((v) => v.urgency === "overdue").length, dueSoon: viewed.filter((v) => v.urgency === "due_soon").length, unconfirmed: viewed.filter((v) => v.status === "unconfirmed").length },
  };
}
