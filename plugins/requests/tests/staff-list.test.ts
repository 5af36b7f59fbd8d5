import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { chinaDate, fromDayNumber, toDayNumber } from "../../../app/plugin-api";
import { inboxSections } from "../../../app/plugin-api/testing";
import { loader as listLoader } from "../routes/admin/applications";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { applicationForm, load, openRequests, staffPath, type RequestsEnv } from "./setup";

/**
 * The staff list at city scale: more closed applications than the list once read (2,000), and an
 * open one submitted before all of them, long overdue.
 */
const CLOSED = 2050;
const PAGE = 50;

let env: RequestsEnv;
let open: { overdue: string; dueSoon: string; fresh: string; unconfirmed: string };
/** The closed applications as the list must show them: closed_on newest first, then submitted_at newest first. */
let closed: { id: string; trackingNo: string; closedOn: string; receivedOn: string; submittedAt: string }[];

type List = Awaited<ReturnType<typeof listLoader>>;
const list = (query = "") => load<List>(env, listLoader, env.users.viewer.id, staffPath(env, query ? `?${query}` : ""));
const day = (base: string, add: number) => fromDayNumber(toDayNumber(base) + add);

beforeAll(async () => {
  env = await openRequests();
  const ctx = env.systemContext(env.office.id);
  const today = chinaDate();
  /** The working day `n` working days before today. */
  const back = (n: number) => {
    let d = toDayNumber(today);
    for (let counted = 0; counted < n; ) if (ctx.calendar.isWorkday(fromDayNumber(--d))) counted += 1;
    return fromDayNumber(d);
  };
  await ctx.withTenant(async (trx) => {
    const received = async (subject: string, on?: string) => {
      const created = await createApplication(ctx, trx, {
        input: ApplicationInput.parse(applicationForm({ subject })),
        channel: on ? "in_person" : "internet",
        ...(on ? { receipt: { submittedOn: on } } : {}),
      });
      if (!created.ok) throw new Error(created.error);
      return created.id;
    };
    open = {
      overdue: await received("久拖未复的申请", back(25)),
      dueSoon: await received("即将到期的申请", back(18)),
      fresh: await received("刚收到的申请", back(2)),
      unconfirmed: await received("待确认的网上申请"),
    };
    // Submitted long before every closed one below.
    await trx.updateTable("requests_applications").set({ submitted_at: sql<Date>`'2020-01-02T09:00:00+08:00'::timestamptz` as never }).where("id", "=", open.overdue).execute();

    // Three closed a day, so closed_on ties; submitted_at a permutation of hours, so the tiebreak matters.
    const rows = Array.from({ length: CLOSED }, (_, i) => {
      const closedOn = day("2024-01-01", Math.floor(i / 3));
      const submittedAt = new Date(Date.UTC(2021, 0, 1) + ((i * 7919) % CLOSED) * 3_600_000).toISOString();
      return { trackingNo: `YSQT${String(i).padStart(5, "0")}`, closedOn, receivedOn: day(closedOn, -10), submittedAt };
    });
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto("requests_applications")
        .values(
          rows.slice(i, i + 500).map((r) => ({
            tenant_id: env.office.id,
            tracking_no: r.trackingNo,
            query_code_hash: "-",
            channel: "post",
            received_on: r.receivedOn,
            applicant_type: "natural",
            applicant_sealed: "-",
            applicant_masked: "王*",
            applicant_key: "-",
            subject: `已答复的申请${r.trackingNo}`,
            description: "已答复",
            form: "paper" as const,
            delivery: "post" as const,
            status: "closed" as const,
            reply_type: "disclosed",
            closed_on: r.closedOn,
            submitted_at: sql<Date>`${r.submittedAt}::timestamptz` as never,
          })),
        )
        .returning(["id", "tracking_no"])
        .execute();
      for (const r of inserted) ids.set(r.tracking_no, r.id);
    }
    closed = rows
      .map((r) => ({ ...r, id: ids.get(r.trackingNo)! }))
      .sort((a, b) => b.closedOn.localeCompare(a.closedOn) || b.submittedAt.localeCompare(a.submittedAt));
  });
}, 120_000);

describe("the staff list of a busy office", () => {
  it("starts with the long overdue application submitted before every closed one, then the other open ones by urgency", async () => {
    const first = await list();
    expect(first.rows.slice(0, 4).map((r) => r.id)).toEqual([open.overdue, open.dueSoon, open.fresh, open.unconfirmed]);
    expect(first.rows[0]).toMatchObject({ urgency: "overdue", status: "processing" });
    expect(first.rows[0]!.overdueDays).toBeGreaterThan(0);
    expect(first.rows[1]).toMatchObject({ urgency: "due_soon" });
    expect(first.rows[1]!.leftDays).toBeLessThanOrEqual(3);
    expect(first.rows[2]).toMatchObject({ urgency: null, paused: false, dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(first.rows[3]).toMatchObject({ status: "unconfirmed", dueDate: null, receivedOn: null });
    expect(first.counts).toEqual({ overdue: 1, dueSoon: 1, unconfirmed: 1 });
  });

  it("counts every application, open and closed, and pages through them all: open first, closed newest first, without repeats or gaps", async () => {
    const first = await list();
    expect(first.total).toBe(CLOSED + 4);
    expect(first.pages).toBe(Math.ceil((CLOSED + 4) / PAGE));
    expect(first.page).toBe(1);
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const p = page === 1 ? first : await list(`page=${page}`);
      expect(p.page).toBe(page);
      expect(p.total).toBe(CLOSED + 4);
      expect(p.rows.length).toBe(page < first.pages ? PAGE : CLOSED + 4 - (first.pages - 1) * PAGE);
      seen.push(...p.rows.map((r) => r.id));
    }
    expect(seen).toEqual([open.overdue, open.dueSoon, open.fresh, open.unconfirmed, ...closed.map((c) => c.id)]);
  });

  it("shows a closed application without a clock, with its reply and the date it was closed", async () => {
    const second = await list("page=2");
    expect(second.rows[0]!.id).toBe(closed[PAGE - 4]!.id);
    expect(second.rows[0]).toEqual({
      id: closed[PAGE - 4]!.id,
      trackingNo: closed[PAGE - 4]!.trackingNo,
      subject: `已答复的申请${closed[PAGE - 4]!.trackingNo}`,
      applicantType: "natural",
      applicant: "王*",
      channel: "post",
      receivedOn: closed[PAGE - 4]!.receivedOn,
      status: "closed",
      replyType: "disclosed",
      closedOn: closed[PAGE - 4]!.closedOn,
      dueDate: null,
      leftDays: null,
      overdueDays: 0,
      paused: false,
      urgency: null,
    });
  });

  it("shows the last page for a page number past the end", async () => {
    const past = await list("page=999");
    expect(past.page).toBe(past.pages);
    expect(past.rows.at(-1)!.id).toBe(closed.at(-1)!.id);
  });

  it("filters by status: closed ones alone, newest first, or one open status without the closed ones", async () => {
    const onlyClosed = await list("status=closed");
    expect(onlyClosed.total).toBe(CLOSED);
    expect(onlyClosed.rows.map((r) => r.id)).toEqual(closed.slice(0, PAGE).map((c) => c.id));
    expect(onlyClosed.counts).toEqual({ overdue: 0, dueSoon: 0, unconfirmed: 0 });
    const page3 = await list("status=closed&page=3");
    expect(page3.rows.map((r) => r.id)).toEqual(closed.slice(2 * PAGE, 3 * PAGE).map((c) => c.id));

    const processing = await list("status=processing");
    expect(processing.rows.map((r) => r.id)).toEqual([open.overdue, open.dueSoon, open.fresh]);
    expect(processing.total).toBe(3);
    expect(processing.pages).toBe(1);
    expect(processing.counts).toEqual({ overdue: 1, dueSoon: 1, unconfirmed: 0 });

    const unconfirmed = await list("status=unconfirmed");
    expect(unconfirmed.rows.map((r) => r.id)).toEqual([open.unconfirmed]);
  });

  it("filters by urgency: only open applications, counts still over every open one", async () => {
    const overdue = await list("urgency=overdue");
    expect(overdue.rows.map((r) => r.id)).toEqual([open.overdue]);
    expect(overdue.total).toBe(1);
    expect(overdue.counts).toEqual({ overdue: 1, dueSoon: 1, unconfirmed: 1 });
    const dueSoon = await list("urgency=due_soon");
    expect(dueSoon.rows.map((r) => r.id)).toEqual([open.dueSoon]);
    expect(dueSoon.total).toBe(1);
  });

  it("filters by year of receipt (unconfirmed ones have none and stay) and by what was searched for", async () => {
    const in2024 = closed.filter((c) => c.receivedOn.startsWith("2024-"));
    const byYear = await list("year=2024");
    expect(byYear.total).toBe(in2024.length + 1);
    expect(byYear.rows.map((r) => r.id)).toEqual([open.unconfirmed, ...in2024.slice(0, PAGE - 1).map((c) => c.id)]);
    const lastPage = await list(`year=2024&page=${byYear.pages}`);
    expect(lastPage.rows.at(-1)!.id).toBe(in2024.at(-1)!.id);

    const one = closed[123]!;
    const found = await list(`q=${one.trackingNo}`);
    expect(found.rows.map((r) => r.id)).toEqual([one.id]);
    expect(found.total).toBe(1);
    const overdue = await list(`q=${encodeURIComponent("久拖")}`);
    expect(overdue.rows.map((r) => r.id)).toEqual([open.overdue]);
  });

  it("puts the long overdue application in the officer's 收件箱, first", async () => {
    const sections = await inboxSections(env, env.users.officer.id);
    expect(sections[0]!.entries.map((e) => [e.href, e.urgency])).toEqual([
      [expect.stringContaining(open.overdue), "overdue"],
      [expect.stringContaining(open.dueSoon), "due_soon"],
    ]);
  });
});
