import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { requirePlatform } from "~/core/permissions/platform.server";
import { notFound } from "~/core/tenancy/staff.server";
import { savePluginSettings } from "~/plugin-host/enablement.server";
import { pluginSettings } from "~/plugin-host/context-parts.server";
import { inputValue, readSettingsForm, settingsFields, type SettingsErrors, type SettingsField } from "~/plugin-host/settings-form";
import { FormMessage, PostForm } from "~/ui/forms";
import { Checkbox, ErrorSummary, FieldError, Hint, SelectField, SubmitButton, TextField } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

/** The plugin and office named in the URL (404 when either is unknown), with the reader's translator. */
async function target(request: Request, params: LoaderFunctionArgs["params"], context: AppLoadContext) {
  const ctx = await requirePlatform(request, context, "core.tenants.manage");
  const plugin = params.pluginId ? context.services.plugins.get(params.pluginId) : undefined;
  const tenant = params.tenant ? (await context.services.tenants.fresh()).byCode(params.tenant) : undefined;
  if (!plugin || !tenant) throw notFound();
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const id = plugin.manifest.id;
  const nameKey = plugin.manifest.name.includes(":") ? plugin.manifest.name : `${id}:${plugin.manifest.name}`;
  const schema = plugin.manifest.settings?.schema;
  const fields = (schema ? settingsFields(schema) : []).map((f) => ({
    ...f,
    label: t(`${id}:settings.${f.name}`, { defaultValue: f.name }),
  }));
  return { ctx, plugin, tenant, schema, fields, t, names: { plugin: t(nameKey, { defaultValue: id }), tenant: tenant.name[locale] } };
}

type Values = Record<string, string | boolean>;

/** How stored settings (or a submitted form) fill the inputs. */
function shown(fields: SettingsField[], values: Record<string, unknown>): Values {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === "checkbox" ? values[f.name] === true : inputValue(values[f.name])]));
}

/** One plugin's settings in one office, as a form generated from the plugin's zod schema. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { plugin, tenant, fields, t, names } = await target(request, params, context);
  return {
    title: `${t("plugins.settings.title", { plugin: names.plugin })} · ${names.tenant} · ${t("console.title")}`,
    pluginId: plugin.manifest.id,
    tenantCode: tenant.code,
    names,
    enabled: tenant.plugins.includes(plugin.manifest.id),
    fields,
    values: shown(fields, pluginSettings(plugin, tenant)),
  };
}

type Result = { errors: SettingsErrors; submitted: Values | null; message: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx, plugin, tenant, schema, fields, t } = await target(request, params, context);
  if (!schema)
    return data<Result>({ errors: { _form: ["platform:plugins.errors.noSettings"] }, submitted: null, message: null }, { status: 400 });
  const form = await request.formData();
  const values = readSettingsForm(schema, form, pluginSettings(plugin, tenant));
  const result = await savePluginSettings(ctx, tenant, plugin.manifest.id, values);
  if (!result.ok) {
    const raw = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : "";
    };
    const submitted = Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.kind === "checkbox" ? form.has(f.name) : f.kind === "unsupported" ? inputValue(values[f.name]) : raw(f.name),
      ])
    );
    return data<Result>({ errors: result.errors, submitted, message: null }, { status: 400 });
  }
  const labels = fields.filter((f) => result.changed.includes(f.name)).map((f) => f.label);
  const list = labels.join((await localeOf(request)) === "en" ? ", " : "、");
  const message = labels.length ? t("plugins.settings.saved", { keys: list }) : t("plugins.settings.unchanged");
  return data<Result>({ errors: {}, submitted: null, message });
}

function hintOf(t: (key: string, vars?: Record<string, unknown>) => string, f: SettingsField): string {
  const parts: string[] = [];
  if (f.kind === "checkbox" && f.default !== null) parts.push(t(f.default ? "plugins.settings.defaultOn" : "plugins.settings.defaultOff"));
  else if (f.kind === "text" && f.default === "") parts.push(t("plugins.settings.defaultEmpty"));
  else if (f.kind !== "checkbox" && f.kind !== "unsupported" && f.default !== null)
    parts.push(t("plugins.settings.default", { value: f.default }));
  if (f.kind === "number") {
    if (f.min !== undefined && f.max !== undefined) parts.push(t("plugins.settings.range", { min: f.min, max: f.max }));
    else if (f.min !== undefined) parts.push(t("plugins.settings.min", { min: f.min }));
    else if (f.max !== undefined) parts.push(t("plugins.settings.max", { max: f.max }));
  }
  if (f.kind === "text" && f.maxLength !== undefined) parts.push(t("plugins.settings.maxLength", { count: f.maxLength }));
  if (f.kind === "unsupported") parts.push(t("plugins.settings.unsupported"));
  return parts.join(" · ");
}

function SettingInput({
  f,
  value,
  errors,
  hint,
}: {
  f: SettingsField & { label: string };
  value: string | boolean;
  errors: SettingsErrors;
  hint: string;
}) {
  const { t } = useTranslation("platform");
  const id = `f-${f.name}`;
  switch (f.kind) {
    case "text":
    case "number": {
      const own =
        f.kind === "number"
          ? { type: "number", inputMode: f.integer ? ("numeric" as const) : ("decimal" as const), min: f.min, max: f.max, step: f.integer ? 1 : "any", required: !f.optional }
          : { maxLength: f.maxLength, minLength: f.minLength, required: !f.optional && (f.minLength ?? 0) > 0 };
      return <TextField name={f.name} label={f.label} errors={errors} hint={hint || undefined} defaultValue={String(value)} {...own} />;
    }
    case "checkbox":
      return <Checkbox name={f.name} label={f.label} errors={errors} hint={hint || undefined} defaultChecked={value === true} />;
    case "select":
      return (
        <SelectField name={f.name} label={f.label} errors={errors} hint={hint || undefined} defaultValue={String(value)} required={!f.optional} options={f.options.map((o) => ({ value: o, label: o }))}>
          {(f.optional || value === "") && <option value="">{t("plugins.settings.notSet")}</option>}
        </SelectField>
      );
    case "unsupported":
      return (
        <div className="field">
          <p>
            <strong>{f.label}</strong>: <code>{String(value) || t("plugins.settings.notSet")}</code>
          </p>
          <Hint id={id}>{hint}</Hint>
          <FieldError id={id} keys={errors[f.name]} />
        </div>
      );
  }
}

export default function PluginSettingsPage() {
  const { t } = useTranslation("platform");
  const { names, enabled, fields, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const current = result?.submitted ?? values;
  // Each refused setting linked to its control (a setting the form only shows, as text), the form's own refusal as text.
  const labels = Object.fromEntries(fields.filter((f) => f.kind !== "unsupported").map((f) => [f.name, f.label]));
  return (
    <>
      <p>
        <Link to="/admin/plugins">{t("plugins.settings.back")}</Link>
      </p>
      <h1>
        {t("plugins.settings.title", { plugin: names.plugin })} · {names.tenant}
      </h1>
      <p className="muted">{t("plugins.settings.intro", { tenant: names.tenant })}</p>
      <p className="notice notice-info">
        {t(enabled ? "plugins.settings.enabledHere" : "plugins.settings.notEnabled", { plugin: names.plugin, tenant: names.tenant })}
      </p>
      {result?.message && <FormMessage tone="success">{result.message}</FormMessage>}
      {result && !result.message && (
        <ErrorSummary errors={Object.values(errors).some((k) => k?.length) ? errors : { _form: ["platform:plugins.settings.invalid"] }} labels={labels} />
      )}
      {fields.length === 0 ? (
        <p className="muted">{t("plugins.errors.noSettings")}</p>
      ) : (
        <PostForm className="stack" noValidate>
          {fields.map((f) => (
            <SettingInput key={f.name} f={f} value={current[f.name] ?? ""} errors={errors} hint={hintOf(t, f)} />
          ))}
          <p>
            <SubmitButton className="button primary">
              {t("plugins.settings.save")}
            </SubmitButton>
          </p>
        </PostForm>
      )}
    </>
  );
}
