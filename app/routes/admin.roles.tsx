import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parseForm, readFilters, type FieldErrors } from "~/core/forms.server";
import { errorMessages } from "~/core/input/placed-errors";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { overridesOf } from "~/core/permissions/memberships.server";
import { saveRoleGrants, tenantPermissions, UnknownGrantError, type Grant } from "~/core/permissions/overrides.server";
import { readAsPlatform, requirePlatform } from "~/core/permissions/platform.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { IgnoredFilters } from "~/ui/ignored-filters";
import { useRoleLabel } from "~/ui/role-label";
import { Checkbox, ErrorSummary, FilterBar, SelectField, SubmitButton } from "~/ui/form-kit";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const SaveSchema = z.object({
  intent: z.enum(["save", "reset"]),
  tenant: z.uuid(),
  grant: z.array(z.string().max(200)),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.roles.manage");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const tenants = (await context.services.tenants.fresh()).all().sort((a, b) => a.code.localeCompare(b.code));
  const codes = tenants.map((x) => x.code);
  const { data: wanted, ignored } = readFilters(z.object({ tenant: z.string().refine((c) => codes.includes(c)).optional() }), new URL(request.url).searchParams);
  const tenant = tenants.find((x) => x.code === wanted.tenant) ?? tenants[0];
  const title = `${t("roles.title")} · ${t("console.title")}`;
  const choices = tenants.map((x) => ({ code: x.code, name: x.name[locale] }));
  const roles = context.services.permissions.roles.keys();
  // What each role a plugin adds is for, said under the table.
  const notes = context.services.permissions.roles.declared().map((r) => ({ role: r.key, description: r.description ?? "" }));
  if (!tenant) return { title, choices, ignored, tenant: null, roles, notes, matrix: [] };
  const overrides = await readAsPlatform(ctx, [tenant.id], (trx) => overridesOf(trx, tenant.id));
  const matrix = tenantPermissions(context.services.permissions).map((def) => ({
    key: def.key,
    label: def.label,
    cells: roles.map((role) => {
      const byDefault = def.defaultRoles.includes(role);
      const override = overrides.find((o) => o.role === role && o.permission === def.key);
      return { role, byDefault, granted: override ? override.granted : byDefault };
    }),
  }));
  return { title, choices, ignored, tenant: { id: tenant.id, code: tenant.code, name: tenant.name[locale] }, roles, notes, matrix };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.roles.manage");
  // Every refusal at once, as the form's own (its only fields are the table's boxes and hidden values).
  const refuse = (...keys: string[]) => data({ errors: { _form: keys } as FieldErrors, changed: 0 }, { status: 400 });
  const parsed = parseForm(SaveSchema, await request.formData(), ["grant"]);
  if (!parsed.ok) return refuse(...(errorMessages(parsed.errors).length ? errorMessages(parsed.errors) : ["errors.invalid"]));
  const { intent, tenant } = parsed.data;
  if (!(await context.services.tenants.fresh()).byId(tenant)) return refuse("errors.invalid");
  const registry = context.services.permissions;
  const grants: Grant[] =
    intent === "reset"
      ? tenantPermissions(registry).flatMap((d) => d.defaultRoles.filter((r) => registry.roles.has(r)).map((role) => ({ role, permission: d.key })))
      : parsed.data.grant.map((g) => {
          const [role = "", permission = ""] = g.split("|");
          return { role: role as Grant["role"], permission };
        });
  try {
    const changes = await saveRoleGrants(ctx, tenant, grants);
    return data({ errors: null as FieldErrors | null, changed: changes.length });
  } catch (e) {
    if (e instanceof UnknownGrantError) return refuse(e.i18nKey);
    throw e;
  }
}

export default function RolesPage() {
  const { t } = useTranslation("platform");
  const { choices, ignored, tenant, roles, notes, matrix } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const roleLabel = useRoleLabel();
  const label = (key: string) => t(key.includes(":") ? key : `core:${key}`);
  return (
    <>
      <h1>{t("roles.title")}</h1>
      <p className="muted">{t("roles.intro")}</p>
      <IgnoredFilters ignored={ignored} labels={{ tenant: t("roles.tenant") }} />
      <FilterBar label={t("roles.tenant")} applyLabel={t("roles.show")}>
        <SelectField name="tenant" label={t("roles.tenant")} defaultValue={tenant?.code} options={choices.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))} />
      </FilterBar>
      <ErrorSummary errors={result?.errors ?? undefined} />
      {result && !result.errors && (
        <FormMessage tone="success">{result.changed ? t("roles.saved", { count: result.changed }) : t("roles.unchanged")}</FormMessage>
      )}
      {tenant ? (
        <PostForm>
          <input type="hidden" name="tenant" value={tenant.id} />
          <TableScroll labelledBy="roles-caption">
            <table className="table">
              <caption id="roles-caption">{t("roles.caption", { tenant: tenant.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("roles.permission")}</th>
                  {roles.map((r) => (
                    <th scope="col" key={r}>
                      {roleLabel(r)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">
                      {label(p.label)}
                      <br />
                      <code className="muted">{p.key}</code>
                    </th>
                    {p.cells.map((c) => (
                      <td key={c.role}>
                        <Checkbox
                          name="grant"
                          idPrefix={`grant-${c.role}-${p.key}`}
                          label={t("roles.cell", { role: roleLabel(c.role), permission: label(p.label) })}
                          labelHidden
                          value={`${c.role}|${p.key}`}
                          defaultChecked={c.granted}
                        />
                        {c.byDefault && <span className="badge">{t("roles.default")}</span>}
                        {c.granted !== c.byDefault && <span className="badge">{t(c.granted ? "roles.addedHere" : "roles.removedHere")}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="hint">{t("roles.legend")}</p>
          {notes.length > 0 && (
            <>
              <h2>{t("roles.pluginRoles")}</h2>
              <dl>
                {notes.map((n) => (
                  <div key={n.role}>
                    <dt>{roleLabel(n.role)}</dt>
                    <dd>{n.description && t(n.description)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          <p className="inline-list">
            <SubmitButton name="intent" value="save" className="button primary">
              {t("roles.save")}
            </SubmitButton>
            <SubmitButton name="intent" value="reset" className="button">
              {t("roles.reset")}
            </SubmitButton>
          </p>
        </PostForm>
      ) : (
        <p className="muted">{t("roles.noTenants")}</p>
      )}
    </>
  );
}
