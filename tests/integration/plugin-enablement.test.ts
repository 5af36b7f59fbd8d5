import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import type { CoreDatabase } from "../../db/schema";
import { withScope } from "../../db/scope";
import { verifyAuditChains } from "../../app/core/audit/verify.server";
import type { PlatformContext } from "../../app/core/permissions/platform.server";
import { validateManifest } from "../../app/plugin-host/discover";
import { PluginAdminError, savePluginSettings, setPluginEnabled } from "../../app/plugin-host/enablement.server";
import { PluginRegistry, type LoadedPlugin } from "../../app/plugin-host/registry";
import { pluginSettings } from "../../app/plugin-host/context-parts.server";
import { resolvePluginRequest } from "../../app/plugin-host/request-context.server";
import { readSettingsForm } from "../../app/plugin-host/settings-form";
import type { PluginTenantContext } from "../../app/plugin-api";
import { action as pluginsAction } from "../../app/routes/admin.plugins";
import { createTenantTree, openTestDatabase, uniq, loadFixturePlugins } from "../helpers/db";
import { createUser, signedInRequest, testContext } from "../helpers/context";

let handle: DatabaseHandle;
let fixture: LoadedPlugin;
let context: AppLoadContext;
let sysadmin: { id: string; username: string };

type Office = { code: string; id: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  const registry = await loadFixturePlugins(handle);
  fixture = registry.get("fixture-notes")!;
  context = await testContext(handle, {}, registry);
  sysadmin = await createUser(handle, {}, ["sysadmin"]);
});
afterAll(() => handle.close());

/** What requirePlatform hands to the services, over a given load context. */
function platformContext(ctx: AppLoadContext = context): PlatformContext {
  return {
    user: { id: sysadmin.id, username: sysadmin.username, displayName: sysadmin.username, platformRole: "sysadmin" },
    session: { token: "t", idHash: "h", createdAt: new Date(), expiresAt: new Date() },
    context: { ...ctx, clientIp: "192.0.2.20", requestId: `req-${uniq()}` },
    permissions: new Set(["core.tenants.manage"]),
  };
}

/** A fresh city with two offices, seen through `ctx`'s directory. */
async function offices(ctx: AppLoadContext = context): Promise<[Office, Office]> {
  const tree = await createTenantTree(handle, 2);
  await ctx.services.tenants.refresh();
  return tree.offices as [Office, Office];
}

const tenantOf = (code: string, ctx: AppLoadContext = context) => ctx.services.tenants.byCode(code)!;

async function staffRequest(office: Office, ctx: AppLoadContext = context) {
  const user = await createUser(handle, { [office.id]: ["drafter"] });
  const request = await signedInRequest(ctx, user.id, `/t/${office.code}/admin/fixture-notes`);
  return resolvePluginRequest({ request, context: ctx, params: { tenant: office.code } });
}

async function status(office: Office): Promise<number> {
  return staffRequest(office).then(
    () => 200,
    (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e))
  );
}

async function events(tenantId: string, action?: string) {
  let q = handle.db.selectFrom("audit_events").selectAll().where("tenant_id", "=", tenantId);
  if (action) q = q.where("action", "=", action);
  return q.orderBy("seq").execute();
}

async function row(tenantId: string, pluginId = "fixture-notes") {
  return withScope(handle.db, { tenantId: null, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx.selectFrom("tenant_plugins").selectAll().where("tenant_id", "=", tenantId).where("plugin_id", "=", pluginId).executeTakeFirst()
  );
}

/** The fixture's own table, as far as these tests read it. */
type WithNotes = CoreDatabase & { fixture_notes_notes: { tenant_id: string; body: string } };

async function notes(tenantId: string) {
  return withScope(handle.db as unknown as Kysely<WithNotes>, { tenantId: null, readTenantIds: [tenantId], userId: null }, (trx) =>
    trx.selectFrom("fixture_notes_notes").select("body").where("tenant_id", "=", tenantId).execute()
  );
}

/** Breaks in one chain only: other test files tamper with their own chains in a shared database on purpose. */
async function breaksIn(tenantId: string) {
  return (await verifyAuditChains(handle.db)).breaks.filter((b) => b.tenantId === tenantId);
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("enabling and disabling a plugin per office", () => {
  it("serves the plugin in an office once enabled there, and answers 404 there once disabled while other offices keep it", async () => {
    const [one, two] = await offices();
    expect(await status(two)).toBe(404);

    expect(await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", true)).toBe(true);
    expect(await setPluginEnabled(platformContext(), tenantOf(two.code), "fixture-notes", true)).toBe(true);
    const staff = await staffRequest(two);
    expect(staff).toMatchObject({ pluginId: "fixture-notes", tenant: { code: two.code } });
    await staff.withTenant((trx) => trx.insertInto("fixture_notes_notes").values({ tenant_id: two.id, body: "kept" }).execute());

    expect(await setPluginEnabled(platformContext(), tenantOf(two.code), "fixture-notes", false)).toBe(true);
    expect(await status(two)).toBe(404);
    expect(await status(one)).toBe(200);
    expect(tenantOf(two.code).plugins).not.toContain("fixture-notes");
    expect(await notes(two.id)).toEqual([{ body: "kept" }]);
    expect(await row(two.id)).toMatchObject({ enabled: false, updated_by: sysadmin.id });
  });

  it("audits each switch on that office's chain, and does nothing when the plugin is already so", async () => {
    const [one] = await offices();
    await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", true);
    expect(await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", true)).toBe(false);
    await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", false);
    expect(await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", false)).toBe(false);

    const audited = await events(one.id);
    expect(audited.map((e) => e.action)).toEqual(["plugin.enable", "plugin.disable"]);
    for (const e of audited) {
      expect(e).toMatchObject({
        actor_id: sysadmin.id,
        actor_name: sysadmin.username,
        target_type: "plugin",
        target_id: "fixture-notes",
        ip: "192.0.2.20",
      });
      expect(e.data).toEqual({ tenant: one.code });
    }
    expect(await breaksIn(one.id)).toEqual([]);
  });

  it("refuses an unknown plugin", async () => {
    const [one] = await offices();
    await expect(setPluginEnabled(platformContext(), tenantOf(one.code), "no-such-plugin", true)).rejects.toMatchObject({
      i18nKey: "platform:plugins.errors.unknownPlugin",
    });
    expect(await events(one.id)).toEqual([]);
  });
});

describe("onEnable and onDisable", () => {
  /** The fixture with hooks added (the fixture itself stays as scaffolded). */
  async function withHooks(hooks: {
    onEnable?: (ctx: PluginTenantContext) => Promise<void>;
    onDisable?: (ctx: PluginTenantContext) => Promise<void>;
  }) {
    const registry = new PluginRegistry([{ manifest: { ...fixture.manifest, ...hooks }, dir: fixture.dir }]);
    return testContext(handle, {}, registry);
  }

  it("runs the hook in the same request and transaction, in the office's scope, with its settings", async () => {
    const onEnable = vi.fn(async (ctx: PluginTenantContext) => {
      await ctx.withTenant(async (trx) => {
        await trx.insertInto("fixture_notes_notes").values({ tenant_id: ctx.tenant.id, body: "welcome" }).execute();
        await ctx.audit(trx, { action: "fixture-notes.note.create", data: { body: "welcome" } });
      });
    });
    const onDisable = vi.fn(async () => {});
    const ctx = await withHooks({ onEnable, onDisable });
    const [, two] = await offices(ctx);

    await setPluginEnabled(platformContext(ctx), tenantOf(two.code, ctx), "fixture-notes", true);
    expect(onEnable).toHaveBeenCalledTimes(1);
    expect(onEnable.mock.calls[0]![0]).toMatchObject({
      pluginId: "fixture-notes",
      tenant: { id: two.id, code: two.code },
      settings: { maxNotes: 50, publicIntro: "" },
    });
    expect(await notes(two.id)).toEqual([{ body: "welcome" }]);
    expect((await events(two.id)).map((e) => [e.action, e.actor_id])).toEqual([
      ["fixture-notes.note.create", sysadmin.id],
      ["plugin.enable", sysadmin.id],
    ]);

    await setPluginEnabled(platformContext(ctx), tenantOf(two.code, ctx), "fixture-notes", false);
    expect(onDisable).toHaveBeenCalledTimes(1);
    expect(onEnable).toHaveBeenCalledTimes(1);
  });

  it("leaves everything as it was when the hook fails", async () => {
    const ctx = await withHooks({
      onEnable: async (c) => {
        await c.withTenant((trx) => trx.insertInto("fixture_notes_notes").values({ tenant_id: c.tenant.id, body: "half" }).execute());
        throw new Error("boom");
      },
    });
    const [one] = await offices(ctx);
    const refused = await setPluginEnabled(platformContext(ctx), tenantOf(one.code, ctx), "fixture-notes", true).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PluginAdminError);
    expect(refused).toMatchObject({ i18nKey: "platform:plugins.errors.enableFailed", plugins: ["fixture-notes"] });
    expect(await row(one.id)).toBeUndefined();
    expect(await notes(one.id)).toEqual([]);
    expect(await events(one.id)).toEqual([]);
    expect(tenantOf(one.code, ctx).plugins).not.toContain("fixture-notes");
  });
});

describe("dependencies", () => {
  let ctx: AppLoadContext;
  beforeAll(async () => {
    const extra = validateManifest("fixture-extra", {
      id: "fixture-extra",
      version: "0.1.0",
      host: "^0.1.0",
      name: "fixture-extra:name",
      dependsOn: ["fixture-notes"],
      locales: { "zh-CN": { name: "附加" }, "zh-TW": { name: "附加" }, en: { name: "Extra" } },
    });
    ctx = await testContext(handle, {}, new PluginRegistry([fixture, { manifest: extra, dir: fixture.dir }]));
  });

  it("refuses to enable a plugin before what it depends on, and to disable what an enabled plugin depends on", async () => {
    const [one] = await offices(ctx);
    const sys = () => platformContext(ctx);
    const tenant = () => tenantOf(one.code, ctx);
    await expect(setPluginEnabled(sys(), tenant(), "fixture-extra", true)).rejects.toMatchObject({
      i18nKey: "platform:plugins.errors.missingDependencies",
      plugins: ["fixture-notes"],
    });
    expect(await row(one.id, "fixture-extra")).toBeUndefined();

    await setPluginEnabled(sys(), tenant(), "fixture-notes", true);
    await setPluginEnabled(sys(), tenant(), "fixture-extra", true);
    await expect(setPluginEnabled(sys(), tenant(), "fixture-notes", false)).rejects.toMatchObject({
      i18nKey: "platform:plugins.errors.requiredBy",
      plugins: ["fixture-extra"],
    });
    expect(tenant().plugins).toEqual(["fixture-extra", "fixture-notes"]);

    await setPluginEnabled(sys(), tenant(), "fixture-extra", false);
    await setPluginEnabled(sys(), tenant(), "fixture-notes", false);
    expect(tenant().plugins).toEqual([]);
    expect((await events(one.id)).map((e) => `${e.action} ${e.target_id}`)).toEqual([
      "plugin.enable fixture-notes",
      "plugin.enable fixture-extra",
      "plugin.disable fixture-extra",
      "plugin.disable fixture-notes",
    ]);
  });
});

describe("settings", () => {
  it("refuses bad values with an error per field and stores nothing", async () => {
    const [one] = await offices();
    await setPluginEnabled(platformContext(), tenantOf(one.code), "fixture-notes", true);
    const schema = fixture.manifest.settings!.schema;
    const before = await events(one.id);

    const zero = await savePluginSettings(platformContext(), tenantOf(one.code), "fixture-notes", { publicIntro: "", maxNotes: 0 });
    expect(zero).toEqual({ ok: false, errors: { maxNotes: ["core:errors.invalid"] } });
    const abc = readSettingsForm(schema, form({ publicIntro: "x".repeat(201), maxNotes: "abc" }));
    expect(await savePluginSettings(platformContext(), tenantOf(one.code), "fixture-notes", abc)).toEqual({
      ok: false,
      errors: { publicIntro: ["core:errors.invalid"], maxNotes: ["core:errors.invalid"] },
    });
    const empty = readSettingsForm(schema, form({ publicIntro: "", maxNotes: "" }));
    expect(await savePluginSettings(platformContext(), tenantOf(one.code), "fixture-notes", empty)).toEqual({
      ok: false,
      errors: { maxNotes: ["core:errors.required"] },
    });

    expect((await row(one.id))?.settings).toEqual({});
    expect(await events(one.id)).toEqual(before);
    expect(pluginSettings(fixture, tenantOf(one.code))).toEqual({ publicIntro: "", maxNotes: 50 });
  });

  it("stores good values, which the plugin then reads, and audits the keys that changed", async () => {
    const [, two] = await offices();
    const schema = fixture.manifest.settings!.schema;
    const values = readSettingsForm(schema, form({ publicIntro: "本局公开指南", maxNotes: "120", _csrf: "x", extra: "dropped" }));
    expect(await savePluginSettings(platformContext(), tenantOf(two.code), "fixture-notes", values)).toEqual({
      ok: true,
      changed: ["maxNotes", "publicIntro"],
    });
    // Saving settings in an office where the plugin is off keeps it off.
    expect(await row(two.id)).toMatchObject({ enabled: false, settings: { publicIntro: "本局公开指南", maxNotes: 120 } });
    expect(pluginSettings(fixture, tenantOf(two.code))).toEqual({ publicIntro: "本局公开指南", maxNotes: 120 });

    await setPluginEnabled(platformContext(), tenantOf(two.code), "fixture-notes", true);
    expect((await staffRequest(two)).settings).toEqual({ publicIntro: "本局公开指南", maxNotes: 120 });

    const again = await savePluginSettings(platformContext(), tenantOf(two.code), "fixture-notes", {
      publicIntro: "本局公开指南",
      maxNotes: 7,
    });
    expect(again).toEqual({ ok: true, changed: ["maxNotes"] });
    expect(
      await savePluginSettings(platformContext(), tenantOf(two.code), "fixture-notes", { publicIntro: "本局公开指南", maxNotes: 7 })
    ).toEqual({
      ok: true,
      changed: [],
    });
    expect(await row(two.id)).toMatchObject({ enabled: true, settings: { publicIntro: "本局公开指南", maxNotes: 7 } });

    const audited = await events(two.id);
    expect(audited.map((e) => [e.action, e.data])).toEqual([
      ["plugin.settings", { tenant: two.code, changed: ["maxNotes", "publicIntro"] }],
      ["plugin.enable", { tenant: two.code }],
      ["plugin.settings", { tenant: two.code, changed: ["maxNotes"] }],
    ]);
    expect(audited.every((e) => e.target_id === "fixture-notes" && e.actor_id === sysadmin.id)).toBe(true);
    expect(await breaksIn(two.id)).toEqual([]);
  });
});

describe("the console's toggle form", () => {
  async function post(fields: Record<string, string>) {
    const token = await context.services.sessions.create(sysadmin.id, { ip: "127.0.0.1", userAgent: "vitest" });
    const request = new Request("http://localhost/admin/plugins", {
      method: "POST",
      headers: { Cookie: `gk_session=${token}`, "Accept-Language": "en" },
      body: form(fields),
    });
    const result = (await pluginsAction({ request, context, params: {} })) as unknown as {
      data: { tone: string; message: string };
      init: ResponseInit | null;
    };
    return { status: result.init?.status ?? 200, ...result.data };
  }

  it("takes intent=toggle, tenant=<code>, plugin=<id>, enabled=on|off", async () => {
    const [one] = await offices();
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "on" })).toEqual({
      status: 200,
      tone: "success",
      message: "Fixture Notes was enabled for Test Office 1.",
    });
    expect(tenantOf(one.code).plugins).toContain("fixture-notes");
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "off", confirm: "yes" })).toMatchObject({
      status: 200,
      tone: "success",
    });
    expect(tenantOf(one.code).plugins).not.toContain("fixture-notes");
  });

  it("does not disable on one click: the first submit only says what the office would lose, the confirmed one disables and audits", async () => {
    const [one] = await offices();
    await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "on" });
    const before = await events(one.id);
    const asked = (await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "off" })) as unknown as {
      status: number;
      tone: string;
      confirm: { tenant: string; plugin: string; consequences: { publicPages: string[]; staffPages: string[]; documentTypes: string[]; roles: string[] } };
    };
    expect(asked).toMatchObject({ status: 200, tone: "confirm", confirm: { tenant: one.code, plugin: "fixture-notes" } });
    // Read from the manifest, in the reader's language (the fixture's nav labels), never as keys.
    const said = asked.confirm.consequences;
    expect([...said.publicPages, ...said.staffPages].length).toBeGreaterThan(0);
    for (const w of [...said.publicPages, ...said.staffPages, ...said.documentTypes, ...said.roles]) expect(w).not.toMatch(/^[\w-]+:[\w.]+$/);
    expect(tenantOf(one.code).plugins).toContain("fixture-notes");
    expect(await events(one.id)).toEqual(before);
    // Anything but confirm=yes is refused, changing nothing.
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "off", confirm: "sure" })).toMatchObject({ status: 400, tone: "error" });
    expect(tenantOf(one.code).plugins).toContain("fixture-notes");

    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "off", confirm: "yes" })).toMatchObject({ status: 200, tone: "success" });
    expect(tenantOf(one.code).plugins).not.toContain("fixture-notes");
    expect((await events(one.id, "plugin.disable")).map((e) => e.data)).toEqual([{ tenant: one.code }]);
    // Disabling what is already off needs no confirmation: nothing would be lost.
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "off" })).toMatchObject({ status: 200, tone: "success" });
  });

  it("answers bad input with a localised error and changes nothing", async () => {
    const [one] = await offices();
    expect(await post({ intent: "toggle", tenant: "nowhere", plugin: "fixture-notes", enabled: "on" })).toEqual({
      status: 400,
      tone: "error",
      message: "This office does not exist.",
    });
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "fixture-notes", enabled: "yes" })).toMatchObject({
      status: 400,
      tone: "error",
    });
    expect(await post({ intent: "toggle", tenant: one.code, plugin: "nothing", enabled: "on" })).toMatchObject({
      status: 400,
      message: "This module is not installed.",
    });
    expect(await events(one.id)).toEqual([]);
  });
});
