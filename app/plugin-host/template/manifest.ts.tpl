import { z } from "zod";
import { definePlugin, type WidgetContext } from "../../app/plugin-api";
import * as createNotes from "./db/0001_create_notes";
import type { NotesDatabase } from "./db/schema";
import { ANSWER_CLOCK } from "./law/clock";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import zhTW from "./locales/zh-TW.json";

/** __TITLE__: everything this plugin adds to Gongkai. */
export default definePlugin({
  id: "__ID__",
  version: "0.1.0",
  host: "^0.1.0",
  name: "__ID__:name",
  routes: [
    { area: "admin", path: "", file: "routes/admin.tsx", permission: "__ID__.notes.view" },
    { area: "public", path: "", file: "routes/public.tsx" },
  ],
  nav: [
    { area: "admin", label: "__ID__:nav", to: "", permission: "__ID__.notes.view", order: 500 },
    { area: "public", label: "__ID__:nav", to: "", order: 500 },
  ],
  permissions: [
    {
      key: "__ID__.notes.view",
      label: "__ID__:permissions.view",
      defaultRoles: ["drafter", "dept_reviewer", "classifier", "leader", "principal", "supervisor", "viewer", "__TABLE___recorder"],
    },
    { key: "__ID__.notes.manage", label: "__ID__:permissions.manage", defaultRoles: ["drafter", "dept_reviewer", "__TABLE___recorder"] },
  ],
  // A business role of this plugin's own (key: the id with _, then _name). Like every business role
  // it enters the workspace; it holds the permissions above that name it, and the core ones listed.
  roles: [{ key: "__TABLE___recorder", label: "__ID__:roles.recorder", description: "__ID__:roles.recorderHint", defaultPermissions: [] }],
  migrations: { "0001_create_notes": createNotes },
  auditEvents: ["__ID__.note.create"],
  // Deadlines as data: the core counts, explains and checks any kind declared here.
  clockKinds: [ANSWER_CLOCK],
  settings: {
    schema: z.object({
      publicIntro: z.string().max(200).default(""),
      maxNotes: z.number().int().min(1).max(500).default(50),
    }),
  },
  widgets: [
    {
      key: "__ID__.notes",
      label: "__ID__:widget",
      // Its context names the plugin's tables; definePlugin reads them from it for every other function.
      compute: async (ctx: WidgetContext<NotesDatabase>, tenantIds) => {
        const rows = await ctx.withRead(tenantIds, (trx) =>
          trx
            .selectFrom("__TABLE___notes")
            .select(["tenant_id", (eb) => eb.fn.countAll<number>().as("n")])
            .groupBy("tenant_id")
            .execute(),
        );
        return Object.fromEntries(tenantIds.map((id) => [id, Number(rows.find((r) => r.tenant_id === id)?.n ?? 0)]));
      },
    },
  ],
  // Annual-report figures: one section, computed for every office asked about in one read.
  reportFigures: [
    {
      key: "__ID__.notes",
      label: "__ID__:report.section",
      figures: [{ key: "__ID__.notes.written", label: "__ID__:report.written", description: "__ID__:report.writtenHow" }],
      compute: async (ctx, tenantIds, year) => {
        const rows = await ctx.withRead(tenantIds, (trx) =>
          trx
            .selectFrom("__TABLE___notes")
            .select(["tenant_id", (eb) => eb.fn.countAll<number>().as("n")])
            .where("created_at", ">=", new Date(`${year}-01-01T00:00:00+08:00`))
            .where("created_at", "<", new Date(`${year + 1}-01-01T00:00:00+08:00`))
            .groupBy("tenant_id")
            .execute(),
        );
        return new Map(tenantIds.map((id) => [id, { "__ID__.notes.written": Number(rows.find((r) => r.tenant_id === id)?.n ?? 0) }]));
      },
    },
  ],
  locales: { "zh-CN": zhCN, "zh-TW": zhTW, en },
});
