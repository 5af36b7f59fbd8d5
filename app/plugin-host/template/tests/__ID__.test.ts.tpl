import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited, load, openTestbed, post, type Testbed } from "../../../app/plugin-api/testing";
import type { NotesDatabase } from "../db/schema";
import { action, loader } from "../routes/admin";

// A city and two offices with this plugin on, and a member of every role in the first office.
let env: Testbed<NotesDatabase>;
beforeAll(async () => {
  env = await openTestbed<NotesDatabase>({ plugins: ["__ID__"] });
});
afterAll(() => env.close());

const adminPath = () => `/t/${env.office.code}/admin/__ID__`;

describe("__ID__", () => {
  it("puts its table under forced row-level security", async () => {
    const { rows } = await sql<{ enabled: boolean; forced: boolean }>`
      SELECT relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class WHERE relname = '__TABLE___notes'`.execute(env.handle.db);
    expect(rows).toEqual([{ enabled: true, forced: true }]);
  });

  it("lets the recorder add a note, audited, listed in the office and in no other", async () => {
    const added = await post(env, action, env.member("__TABLE___recorder").id, adminPath(), { body: "东湖排污口现场检查", isPublic: "on" });
    expect(added).toMatchObject({ status: 200, data: { saved: true } });
    const page = await load<{ notes: { body: string; is_public: boolean }[] }>(env, loader, env.member("viewer").id, adminPath());
    expect(page.notes).toMatchObject([{ body: "东湖排污口现场检查", is_public: true }]);
    expect(await audited(env, "__ID__.note.create")).toHaveLength(1);
    const elsewhere = await env.systemContext(env.tree.offices[1]!.id).withTenant((trx) => trx.selectFrom("__TABLE___notes").selectAll().execute());
    expect(elsewhere).toEqual([]);
  });

  it("refuses a note from a member without the manage permission, and an empty one", async () => {
    expect((await post(env, action, env.member("viewer").id, adminPath(), { body: "查阅员的记录" })).status).toBe(403);
    const empty = await post<{ saved: boolean; errors: Record<string, unknown> }>(env, action, env.member("drafter").id, adminPath(), { body: "  " });
    expect(empty.data.saved).toBe(false);
    expect(Object.keys(empty.data.errors)).toEqual(["body"]);
  });
});
