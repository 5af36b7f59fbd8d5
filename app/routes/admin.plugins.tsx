import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useOutlet } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parseForm } from "~/core/forms.server";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform } from "~/core/permissions/platform.server";
import { PluginAdminError, setPluginEnabled } from "~/plugin-host/enablement.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { SubmitButton } from "~/ui/form-kit";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** A plugin's name in the reader's language: its manifest's name key, else its id. */
function pluginName(t: TFunction, registry: { get(id: string): { manifest: { name: string } } | undefined }, id: string): string {
  const key = registry.get(id)?.manifest.name ?? `${id}:name`;
  return t(key.includes(":") ? key : `${id}:${key}`, { defaultValue: id });
}

/** Every discovered plugin against every office: whether it is enabled there, with a switch. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatform(request, context, "core.tenants.manage");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const registry = context.services.plugins;
  const tenants = (await context.services.tenants.fresh()).all().sort((a, b) => a.code.localeCompare(b.code));
  return {
    title: `${t("plugins.title")} · ${t("console.title")}`,
    plugins: registry.plugins.map(({ manifest: m }) => ({
      id: m.id,
      name: pluginName(t, registry, m.id),
      version: m.version,
      dependsOn: m.dependsOn.map((id) => ({ id, name: pluginName(t, registry, id) })),
      hasSettings: !!m.settings && Object.keys(m.settings.schema.shape).length > 0,
      tenants: tenants.map((x) => ({ code: x.code, name: x.name[locale], enabled: x.plugins.includes(m.id) })),
    })),
    hasTenants: tenants.length > 0,
  };
}

/** What a module's disabling takes away from an office, read from its manifest, for the confirmation step. */
type Consequences = { publicPages: string[]; staffPages: string[]; documentTypes: string[]; roles: string[] };

type Confirm = { tenant: string; tenantName: string; plugin: string; pluginName: string; consequences: Consequences };
type Result = { tone: "success" | "error"; message: string } | { tone: "confirm"; message: string; confirm: Confirm };

/** A plugin key (`requests:nav.apply`) in the reader's language. */
const word = (t: TFunction, pluginId: string, key: string) => t(key.includes(":") ? key : `${pluginId}:${key}`, { defaultValue: key });

function consequencesOf(t: TFunction, m: PluginManifestShape): Consequences {
  return {
    publicPages: m.nav.filter((n) => n.area === "public").map((n) => word(t, m.id, n.label)),
    staffPages: m.nav.filter((n) => n.area === "admin").map((n) => word(t, m.id, n.label)),
    documentTypes: m.documentTypes.map((d) => word(t, m.id, d.label)),
    roles: m.roles.map((r) => word(t, m.id, r.label)),
  };
}
type PluginManifestShape = { id: string; nav: { area: string; label: string }[]; documentTypes: { label: string }[]; roles: { label: string }[] };

const ToggleSchema = z.object({
  intent: z.literal("toggle"),
  tenant: z.string().max(64),
  plugin: z.string().max(64),
  enabled: z.enum(["on", "off"]),
  confirm: z.literal("yes").optional(),
});

/**
 * `intent=toggle`, `tenant=<code>`, `plugin=<id>`, `enabled=on|off`: switches one plugin in one office.
 * Disabling an enabled plugin takes a second submit with `confirm=yes`: the first only answers
 * what the office would lose (its public pages, its staff pages, the work in its approval chains),
 * changing nothing.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.tenants.manage");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const registry = context.services.plugins;
  const refuse = (key: string, status: number, vars: Record<string, string> = {}) =>
    data<Result>({ tone: "error", message: t(key, vars) }, { status });
  const parsed = parseForm(ToggleSchema, await request.formData());
  if (!parsed.ok) return refuse("plugins.errors.badRequest", 400);
  const { tenant: code, plugin: pluginId, enabled } = parsed.data;
  const tenant = (await context.services.tenants.fresh()).byCode(code);
  if (!tenant) return refuse("plugins.errors.unknownTenant", 400);
  if (!registry.get(pluginId)) return refuse("plugins.errors.unknownPlugin", 400);
  const vars = { plugin: pluginName(t, registry, pluginId), tenant: tenant.name[locale] };
  const on = enabled === "on";
  if (!on && parsed.data.confirm !== "yes" && tenant.plugins.includes(pluginId)) {
    const manifest = registry.get(pluginId)!.manifest;
    return data<Result>({
      tone: "confirm",
      message: t("plugins.confirm.title", vars),
      confirm: { tenant: tenant.code, tenantName: vars.tenant, plugin: pluginId, pluginName: vars.plugin, consequences: consequencesOf(t, manifest) },
    });
  }
  try {
    const changed = await setPluginEnabled(ctx, tenant, pluginId, on);
    const done = changed ? (on ? "enabled" : "disabled") : on ? "alreadyEnabled" : "alreadyDisabled";
    return data<Result>({ tone: "success", message: t(`plugins.done.${done}`, vars) });
  } catch (e) {
    if (!(e instanceof PluginAdminError)) throw e;
    const list = e.plugins.map((id) => pluginName(t, registry, id)).join(locale === "en" ? ", " : "、");
    return refuse(e.i18nKey, 409, { ...vars, plugins: list });
  }
}

export default function PluginsPage() {
  const outlet = useOutlet();
  const { t } = useTranslation("platform");
  const { plugins, hasTenants } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // One plugin's settings in one office (admin.plugins.$pluginId.$tenant) render instead of the list.
  if (outlet) return outlet;
  return (
    <>
      <h1>{t("plugins.title")}</h1>
      <p className="muted">{t("plugins.intro")}</p>
      {result?.tone === "confirm" ? <ConfirmDisable confirm={result.confirm} /> : result && <FormMessage tone={result.tone}>{result.message}</FormMessage>}
      {plugins.length === 0 && (
        <div className="notice notice-info">
          <p>{t("plugins.none")}</p>
          <p>{t("plugins.scaffold")}</p>
          <pre>
            <code>npm run plugin:new my-module</code>
          </pre>
        </div>
      )}
      {plugins.length > 0 && !hasTenants && <p className="muted">{t("plugins.noTenants")}</p>}
      {plugins.map((p) => (
        <section key={p.id} aria-labelledby={`plugin-${p.id}`}>
          <h2 id={`plugin-${p.id}`}>{p.name}</h2>
          <dl className="meta-table">
            <dt>{t("plugins.id")}</dt>
            <dd>
              <code>{p.id}</code>
            </dd>
            <dt>{t("plugins.version")}</dt>
            <dd>{p.version}</dd>
            <dt>{t("plugins.dependsOn")}</dt>
            <dd>
              {p.dependsOn.length
                ? p.dependsOn.map((d, i) => (
                    <span key={d.id}>
                      {i > 0 && ", "}
                      {d.name} (<code>{d.id}</code>)
                    </span>
                  ))
                : t("plugins.noDependencies")}
            </dd>
          </dl>
          {hasTenants && (
            <TableScroll labelledBy={`plugin-${p.id}-caption`}>
              <table className="table">
                <caption id={`plugin-${p.id}-caption`}>{t("plugins.caption", { plugin: p.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("plugins.tenant")}</th>
                    <th scope="col">{t("plugins.code")}</th>
                    <th scope="col">{t("plugins.status")}</th>
                    <th scope="col">{t("plugins.action")}</th>
                    {p.hasSettings && <th scope="col">{t("plugins.settingsColumn")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {p.tenants.map((x) => {
                    const context = t("plugins.rowContext", { plugin: p.name, tenant: x.name });
                    return (
                      <tr key={x.code}>
                        <th scope="row">{x.name}</th>
                        <td>
                          <code>{x.code}</code>
                        </td>
                        <td>
                          {x.enabled ? <strong>{t("plugins.enabled")}</strong> : <span className="muted">{t("plugins.disabled")}</span>}
                        </td>
                        <td>
                          <PostForm action="/admin/plugins">
                            <input type="hidden" name="intent" value="toggle" />
                            <input type="hidden" name="tenant" value={x.code} />
                            <input type="hidden" name="plugin" value={p.id} />
                            <input type="hidden" name="enabled" value={x.enabled ? "off" : "on"} />
                            <SubmitButton className={x.enabled ? "button" : "button primary"}>
                              {t(x.enabled ? "plugins.disable" : "plugins.enable")}
                              <span className="visually-hidden">{context}</span>
                            </SubmitButton>
                          </PostForm>
                        </td>
                        {p.hasSettings && (
                          <td>
                            <Link to={`/admin/plugins/${p.id}/${x.code}`}>
                              {t("plugins.openSettings")}
                              <span className="visually-hidden">{context}</span>
                            </Link>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}
    </>
  );
}

/** The confirmation step before disabling: what the office loses, a confirming submit and a way back; the region takes focus. */
function ConfirmDisable({ confirm }: { confirm: Confirm }) {
  const { t } = useTranslation("platform");
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [confirm]);
  const vars = { plugin: confirm.pluginName, tenant: confirm.tenantName };
  const c = confirm.consequences;
  const list = (items: string[]) => items.join(t("plugins.confirm.separator"));
  return (
    <section ref={ref} className="notice notice-warning confirm-step" tabIndex={-1} aria-labelledby="confirm-disable-title">
      <h2 id="confirm-disable-title">{t("plugins.confirm.title", vars)}</h2>
      <p>{t("plugins.confirm.intro", vars)}</p>
      <ul>
        {c.publicPages.length > 0 && <li>{t("plugins.confirm.publicPages", { pages: list(c.publicPages) })}</li>}
        {c.staffPages.length > 0 && <li>{t("plugins.confirm.staffPages", { pages: list(c.staffPages) })}</li>}
        {c.documentTypes.length > 0 && <li>{t("plugins.confirm.documentTypes", { types: list(c.documentTypes) })}</li>}
        {c.roles.length > 0 && <li>{t("plugins.confirm.roles", { roles: list(c.roles) })}</li>}
        <li>{t("plugins.confirm.kept")}</li>
      </ul>
      <PostForm action="/admin/plugins" className="actions">
        <input type="hidden" name="intent" value="toggle" />
        <input type="hidden" name="tenant" value={confirm.tenant} />
        <input type="hidden" name="plugin" value={confirm.plugin} />
        <input type="hidden" name="enabled" value="off" />
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton className="button danger">{t("plugins.confirm.submit", vars)}</SubmitButton>
        <Link to="/admin/plugins" className="button">
          {t("plugins.confirm.cancel")}
        </Link>
      </PostForm>
    </section>
  );
}
