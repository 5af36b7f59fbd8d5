import { beforeAll, describe, expect, it } from "vitest";
import { chinaDate, fromDayNumber, toDayNumber } from "../../../app/plugin-api";
import { inboxSections } from "../../../app/plugin-api/testing";
import { clockId } from "../db/schema";
import { ApplicationInput } from "../server/applicant";
import { createApplication } from "../server/applications.server";
import { applicationForm, openRequests, type RequestsEnv } from "./setup";

let env: RequestsEnv;
const sectionsOf = (userId: string) => inboxSections(env, userId);

beforeAll(async () => {
  env = await openRequests();
  const ctx = env.systemContext(env.office.id);
  const today = chinaDate();
  /** The working day `n` working days before today. */
  const back = (n: number) => {
    let day = toDayNumber(today);
    for (let counted = 0; counted < n; ) if (ctx.calendar.isWorkday(fromDayNumber(--day))) counted += 1;
    return fromDayNumber(day);
  };
  await ctx.withTenant(async (trx) => {
    const received = async (subject: string, on: string) => {
      const created = await createApplication(ctx, trx, { input: ApplicationInput.parse(applicationForm({ subject })), channel: "in_person", receipt: { submittedOn: on } });
      if (!created.ok) throw new Error(created.error);
      return created.id;
    };
    await received("逾期的申请", back(25));
    await received("即将到期的申请", back(18));
    await received("刚收到的申请", back(2));
    const replied = await received("已答复的申请", back(30));
    await ctx.clocks.append(trx, clockId(replied), { kind: "stop", date: back(25), reason: "replied" });
  });
}, 60_000);

describe("the 收件箱 shows the officer's urgent applications", () => {
  it("lists overdue and due-soon open applications, most urgent first, with the due date and words for how urgent", async () => {
    const [section] = await sectionsOf(env.users.officer.id);
    expect(section).toMatchObject({ key: "requests.urgent", label: "requests:inbox.title", failed: false, more: 0 });
    expect(section!.entries.map((e) => [e.title.replace(/^YSQ\d+ /, ""), e.urgency])).toEqual([
      ["逾期的申请", "overdue"],
      ["即将到期的申请", "due_soon"],
    ]);
    expect(section!.entries[0]).toMatchObject({ note: expect.stringMatching(/^已逾期[45]个工作日$/), href: expect.stringMatching(new RegExp(`^/t/${env.office.code}/admin/requests/applications/[0-9a-f-]{36}$`)) });
    expect(section!.entries[1]!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("is not shown to staff who do not handle applications", async () => {
    expect(await sectionsOf(env.users.viewer.id)).toEqual([]);
  });
});
