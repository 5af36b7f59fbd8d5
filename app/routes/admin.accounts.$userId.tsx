import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  AccountNotFoundError,
  consoleRefusal,
  getAccount,
  refusalErrors,
  removeAccountMembership,
  resetAccountPassword,
  resetAccountSecondFactor,
  setAccountDisabled,
  setAccountMembership,
  unlockAccount,
  updateAccount,
} from "~/core/auth/account-admin.server";
import { badRequest, parseForm, parseQuery, type FieldErrors } from "~/core/forms.server";
import { requireUuidParam } from "~/core/input/uuid";
import { fixedT, localeOf } from "~/core/i18n/locale.server";
import { errorMessages, placeErrors } from "~/core/input/placed-errors";
import { membershipsInScope } from "~/core/permissions/memberships.server";
import { requirePlatform, withPlatform } from "~/core/permissions/platform.server";
import { notFound } from "~/core/tenancy/staff.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { Checkbox, CheckboxGroup, ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form-kit";
import { passwordProblems } from "~/core/auth/password-policy";
import { useRoleLabel } from "~/ui/role-label";
import { TableScroll } from "~/ui/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

const required = { error: "errors.required" };

const ProfileSchema = z.object({
  displayName: z.string().trim().min(1, required).max(100, { error: "errors.invalid" }),
});

const PasswordSchema = z
  .object({ password: z.string().min(1, required).max(256), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "errors.password.mismatch" });

const MembershipSchema = z.object({
  tenant: z.uuid({ error: "errors.required" }),
  // An empty list, and a role not in the catalogue, are the service's to refuse.
  roles: z.array(z.string().max(100)),
});

const TenantSchema = z.object({ tenant: z.uuid({ error: "platform:errors.membership.unknownTenant" }) });

const SecondFactorSchema = z.object({ confirmReset: z.literal("yes", { error: "platform:errors.secondFactor.confirm" }) });

const NoFields = z.object({});

const INTENTS = ["profile", "unlock", "password", "secondFactor", "disable", "enable", "membership", "removeMembership"] as const;
const IntentSchema = z.object({ intent: z.enum(INTENTS, { error: "errors.invalid" }) });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.accounts.manage");
  const userId = requireUuidParam(params, "userId");
  const locale = await localeOf(request);
  const t = await fixedT(context, request, "platform");
  const tenants = (await context.services.tenants.fresh()).all();
  const found = await withPlatform(ctx, { readTenantIds: tenants.map((x) => x.id) }, async (trx) => {
    const account = await getAccount(trx, userId);
    return account && { account, memberships: await membershipsInScope(trx, account.id) };
  });
  if (!found) throw notFound();
  const { account, memberships } = found;
  const format = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  const member = new Set(memberships.map((m) => m.tenantId));
  return {
    title: `${account.username} · ${t("accounts.title")}`,
    /** Why this account is read-only here (own account, or a platform administrator's), or null. */
    readOnly: consoleRefusal(ctx, account),
    account: {
      ...account,
      lockedUntil: account.status === "locked" && account.lockedUntil ? format.format(account.lockedUntil) : null,
      passwordChangedAt: format.format(account.passwordChangedAt),
      createdAt: format.format(account.createdAt),
    },
    memberships: memberships
      .map((m) => ({ ...m, tenant: tenants.find((x) => x.id === m.tenantId) }))
      .map((m) => ({ tenantId: m.tenantId, name: m.tenant?.name[locale] ?? m.tenantId, code: m.tenant?.code ?? "", roles: m.roles }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    addable: tenants.filter((x) => !member.has(x.id)).map((x) => ({ id: x.id, name: x.name[locale], code: x.code })),
    roles: context.services.permissions.roles.keys(),
  };
}

type Result = { intent: string; tenant?: string; errors: FieldErrors; done?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requirePlatform(request, context, "core.accounts.manage");
  const id = requireUuidParam(params, "userId");
  const form = await request.formData();
  const chosen = parseQuery(IntentSchema, new URLSearchParams({ intent: String(form.get("intent") ?? "") }));
  if (!chosen.ok) throw badRequest(chosen.errors.intent?.[0]);
  const { intent } = chosen.data;
  const done = (key: string, tenant?: string) => data<Result>({ intent, tenant, errors: {}, done: key });
  // Nothing changes; the page shows why, at the field or above its form.
  const fail = (errors: FieldErrors, tenant?: string) => data<Result>({ intent, tenant, errors }, { status: 400 });
  const knownTenant = async (tenant: string) => !!(await context.services.tenants.fresh()).byId(tenant);
  const usernameOf = async () => {
    const account = await withPlatform(ctx, {}, (trx) => getAccount(trx, id));
    if (!account) throw notFound();
    return account.username;
  };
  try {
    switch (intent) {
      case "profile": {
        const parsed = parseForm(ProfileSchema, form);
        if (!parsed.ok) return fail(placeErrors(parsed.errors, ["displayName"]));
        const changed = await updateAccount(ctx, id, parsed.data);
        return done(changed ? "accounts.done.updated" : "accounts.done.unchanged");
      }
      case "password": {
        const parsed = parseForm(PasswordSchema, form);
        if (!parsed.ok) {
          // The policy's problems too, the username rule included, not only the mismatch: every error of the form at once.
          const password = String(form.get("password") ?? "");
          const weak = password ? passwordProblems(password, await usernameOf()) : [];
          const errors = { ...parsed.errors, ...(weak.length ? { password: [...new Set([...(parsed.errors.password ?? []), ...weak])] } : {}) };
          return fail(placeErrors(errors, ["password", "confirm"]));
        }
        await resetAccountPassword(ctx, id, parsed.data.password);
        return done("accounts.done.passwordReset");
      }
      case "secondFactor": {
        const parsed = parseForm(SecondFactorSchema, form);
        if (!parsed.ok) return fail(placeErrors(parsed.errors, ["confirmReset"]));
        await resetAccountSecondFactor(ctx, id);
        return done("accounts.done.secondFactorReset");
      }
      case "unlock":
      case "disable":
      case "enable": {
        const parsed = parseForm(NoFields, form);
        if (!parsed.ok) return fail(placeErrors(parsed.errors));
        if (intent === "unlock") await unlockAccount(ctx, id);
        else await setAccountDisabled(ctx, id, intent === "disable");
        return done(`accounts.done.${intent === "unlock" ? "unlocked" : `${intent}d`}`);
      }
      case "membership": {
        const parsed = parseForm(MembershipSchema, form, ["roles"]);
        // Every fault at once: the office's, and the roles' the service would refuse next (none, or one not in the catalogue).
        const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
        if (parsed.ok && !(await knownTenant(parsed.data.tenant))) errors.tenant = ["platform:errors.membership.unknownTenant"];
        const roles = form.getAll("roles").map(String);
        if (!errors.roles && !roles.length) errors.roles = ["platform:errors.membership.rolesRequired"];
        else if (!errors.roles && !roles.every((r) => context.services.permissions.roles.has(r))) errors.roles = ["errors.invalid"];
        // A refused or unknown office belongs to the form for adding one, where the office is chosen.
        if (!parsed.ok || Object.keys(errors).length) return fail(placeErrors(errors, ["tenant", "roles"]), errors.tenant ? "" : String(form.get("tenant")));
        const changed = await setAccountMembership(ctx, id, parsed.data.tenant, parsed.data.roles);
        return done(changed ? "accounts.done.membershipSaved" : "accounts.done.unchanged", parsed.data.tenant);
      }
      case "removeMembership": {
        const parsed = parseForm(TenantSchema, form);
        if (!parsed.ok) return fail(placeErrors(parsed.errors));
        if (!(await knownTenant(parsed.data.tenant))) return fail({ _form: ["platform:errors.membership.unknownTenant"] });
        await removeAccountMembership(ctx, id, parsed.data.tenant);
        return done("accounts.done.membershipRemoved");
      }
    }
  } catch (e) {
    if (e instanceof AccountNotFoundError) throw notFound();
    const errors = refusalErrors(e);
    if (errors) return fail(errors, String(form.get("tenant") ?? "") || undefined);
    throw e;
  }
}

/**
 * The outcome of a form's submission: done, or a summary of all its refusals, each field's linked
 * by its label (`all` of them as text when the form is not on the page).
 */
function Notice({
  result,
  intent,
  tenant,
  all = false,
  labels = {},
  idPrefix,
}: {
  result: Result | undefined;
  intent: string | string[];
  tenant?: string;
  all?: boolean;
  labels?: Record<string, string>;
  idPrefix?: string;
}) {
  const { t } = useTranslation("platform");
  if (!result || !(Array.isArray(intent) ? intent.includes(result.intent) : result.intent === intent)) return null;
  if (tenant !== undefined && result.tenant !== tenant) return null;
  if (result.done) return <FormMessage tone="success">{t(result.done)}</FormMessage>;
  return <ErrorSummary errors={all ? { _form: errorMessages(result.errors) } : result.errors} labels={all ? {} : labels} idPrefix={idPrefix} />;
}

function RoleBoxes({ selected, legend, errors, idPrefix }: { selected: readonly string[]; legend: string; errors?: string[]; idPrefix: string }) {
  const roleLabel = useRoleLabel();
  const { roles } = useLoaderData<typeof loader>();
  return (
    <CheckboxGroup
      name="roles"
      idPrefix={idPrefix}
      legend={legend}
      className="checks"
      values={selected}
      errors={{ roles: errors }}
      groups={[{ choices: roles.map((r) => ({ value: r, label: roleLabel(r) })) }]}
    />
  );
}

export default function AccountDetail() {
  const { t } = useTranslation("platform");
  const { account, readOnly, memberships, addable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errorsFor = (intent: string, tenant?: string) =>
    result?.intent === intent && (tenant === undefined || result.tenant === tenant) ? result.errors : undefined;
  return (
    <>
      <p>
        <Link to="/admin/accounts">{t("accounts.back")}</Link>
      </p>
      <h1>
        {account.displayName} <span className="muted">({account.username})</span>
      </h1>
      {search.get("done") === "created" && !result && <FormMessage tone="success">{t("accounts.done.created")}</FormMessage>}
      <dl className="meta-table">
        <dt>{t("accounts.platformRole")}</dt>
        <dd>
          {account.platformRole ? t(`core:roles.${account.platformRole}`) : t("accounts.noPlatformRole")}
          <br />
          <span className="muted">{t("accounts.platformRoleByOperator")}</span>
        </dd>
        <dt>{t("accounts.status")}</dt>
        <dd className={account.status === "active" ? undefined : "outcome-failure"}>
          {t(`accounts.statuses.${account.status}`)}
          {account.lockedUntil && ` · ${t("accounts.lockedUntil", { until: account.lockedUntil })}`}
        </dd>
        <dt>{t("accounts.secondFactor")}</dt>
        <dd>{t(account.secondFactor ? "accounts.secondFactorOn" : "accounts.secondFactorOff")}</dd>
        <dt>{t("accounts.failedAttempts")}</dt>
        <dd>{account.failedAttempts}</dd>
        <dt>{t("accounts.passwordChangedAt")}</dt>
        <dd>{account.passwordChangedAt}</dd>
        <dt>{t("accounts.createdAt")}</dt>
        <dd>{account.createdAt}</dd>
      </dl>
      {readOnly ? (
        <>
          {result && !result.done && <ErrorSummary errors={{ _form: errorMessages(result.errors) }} />}
          <p className="notice notice-info">{t(readOnly)}</p>
          <MembershipList memberships={memberships} />
        </>
      ) : (
        <>
          <section aria-labelledby="profile">
            <h2 id="profile">{t("accounts.profile")}</h2>
            <Notice result={result} intent="profile" labels={{ displayName: t("accounts.displayName") }} />
            <PostForm className="stack narrow" noValidate>
              <input type="hidden" name="intent" value="profile" />
              <TextField
                name="displayName"
                label={t("accounts.displayName")}
                required
                defaultValue={account.displayName}
                errors={errorsFor("profile")}
              />
              <SubmitButton className="button primary">
                {t("common.save")}
              </SubmitButton>
            </PostForm>
          </section>

          <section aria-labelledby="security">
            <h2 id="security">{t("accounts.security")}</h2>
            <Notice result={result} intent={["unlock", "disable", "enable"]} />
            {(account.status === "locked" || account.failedAttempts > 0) && (
              <PostForm>
                <input type="hidden" name="intent" value="unlock" />
                <p>
                  <SubmitButton className="button">
                    {t("accounts.unlock")}
                  </SubmitButton>{" "}
                  <span className="muted">{t("accounts.unlockHint")}</span>
                </p>
              </PostForm>
            )}
            <PostForm>
              <input type="hidden" name="intent" value={account.status === "disabled" ? "enable" : "disable"} />
              <p>
                <SubmitButton className={account.status === "disabled" ? "button" : "button danger"}>
                  {account.status === "disabled" ? t("accounts.enable") : t("accounts.disable")}
                </SubmitButton>{" "}
                <span className="muted">{account.status === "disabled" ? t("accounts.enableHint") : t("accounts.disableHint")}</span>
              </p>
            </PostForm>
            <h3 id="reset">{t("accounts.resetPassword")}</h3>
            <Notice result={result} intent="password" labels={{ password: t("accounts.newPassword"), confirm: t("accounts.confirmPassword") }} />
            <PostForm className="stack narrow" noValidate aria-labelledby="reset">
              <input type="hidden" name="intent" value="password" />
              <TextField
                name="password"
                type="password"
                label={t("accounts.newPassword")}
                hint={t("core:account.password.policy")}
                autoComplete="new-password"
                required
                errors={errorsFor("password")}
              />
              <TextField
                name="confirm"
                type="password"
                label={t("accounts.confirmPassword")}
                autoComplete="new-password"
                required
                errors={errorsFor("password")}
              />
              <p className="hint">{t("accounts.resetHint")}</p>
              <SubmitButton className="button">
                {t("accounts.resetPassword")}
              </SubmitButton>
            </PostForm>
            {account.secondFactor ? (
              <SecondFactorReset result={result} errors={errorsFor("secondFactor")} />
            ) : (
              // Its form is gone (nothing to clear, or just cleared): the outcome is said here.
              <Notice result={result} intent="secondFactor" all />
            )}
          </section>

          <MembershipEditor result={result} memberships={memberships} addable={addable} errorsFor={errorsFor} />
        </>
      )}
    </>
  );
}

/** Clearing a lost second factor, confirmed with a box the server checks too. */
function SecondFactorReset({ result, errors }: { result: Result | undefined; errors: FieldErrors | undefined }) {
  const { t } = useTranslation("platform");
  return (
    <>
      <h3 id="second-factor-reset">{t("accounts.resetSecondFactor")}</h3>
      <Notice result={result} intent="secondFactor" labels={{ confirmReset: t("accounts.resetSecondFactorConfirm") }} />
      <PostForm className="stack narrow" noValidate aria-labelledby="second-factor-reset">
        <input type="hidden" name="intent" value="secondFactor" />
        <p className="hint">{t("accounts.resetSecondFactorHint")}</p>
        <Checkbox name="confirmReset" value="yes" required label={t("accounts.resetSecondFactorConfirm")} errors={errors} />
        <div>
          <SubmitButton className="button danger">
            {t("accounts.resetSecondFactor")}
          </SubmitButton>
        </div>
      </PostForm>
    </>
  );
}

type MembershipRow = { tenantId: string; name: string; code: string; roles: string[] };

/** The account's offices and roles, read only. */
function MembershipList({ memberships }: { memberships: MembershipRow[] }) {
  const { t } = useTranslation("platform");
  const roleLabel = useRoleLabel();
  return (
    <section aria-labelledby="memberships">
      <h2 id="memberships">{t("accounts.membershipsTitle")}</h2>
      {memberships.length === 0 ? (
        <p className="muted">{t("accounts.noMemberships")}</p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li key={m.tenantId}>
              {m.name} <span className="muted">{m.code}</span>: {m.roles.map(roleLabel).join("、")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MembershipEditor({
  result,
  memberships,
  addable,
  errorsFor,
}: {
  result: Result | undefined;
  memberships: MembershipRow[];
  addable: { id: string; name: string; code: string }[];
  errorsFor: (intent: string, tenant?: string) => FieldErrors | undefined;
}) {
  const { t } = useTranslation("platform");
  const stray = strayErrors(result, memberships, addable);
  return (
    <section aria-labelledby="memberships">
      <h2 id="memberships">{t("accounts.membershipsTitle")}</h2>
      <Notice result={result} intent="removeMembership" />
      {stray && <ErrorSummary errors={{ _form: errorMessages(stray) }} idPrefix="stray" />}
      <TableScroll labelledBy="memberships-caption">
        <table className="table">
          <caption id="memberships-caption" className="visually-hidden">{t("accounts.membershipsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("accounts.tenant")}</th>
              <th scope="col">{t("accounts.roles")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("core:common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {memberships.map((m) => (
              <tr key={m.tenantId}>
                <th scope="row">
                  {m.name} <span className="muted">{m.code}</span>
                </th>
                <td>
                  <Notice
                    result={result}
                    intent="membership"
                    tenant={m.tenantId}
                    labels={{ roles: t("accounts.rolesIn", { tenant: m.name }) }}
                    idPrefix={`m-${m.tenantId}`}
                  />
                  <PostForm className="stack">
                    <input type="hidden" name="intent" value="membership" />
                    <input type="hidden" name="tenant" value={m.tenantId} />
                    <RoleBoxes
                      idPrefix={`m-${m.tenantId}`}
                      selected={m.roles}
                      legend={t("accounts.rolesIn", { tenant: m.name })}
                      errors={errorsFor("membership", m.tenantId)?.roles}
                    />
                    <div>
                      <SubmitButton className="button small">
                        {t("accounts.saveRoles")}
                      </SubmitButton>
                    </div>
                  </PostForm>
                </td>
                <td>
                  <PostForm>
                    <input type="hidden" name="intent" value="removeMembership" />
                    <input type="hidden" name="tenant" value={m.tenantId} />
                    <SubmitButton className="button small danger" aria-label={t("accounts.removeFrom", { tenant: m.name })}>
                      {t("accounts.remove")}
                    </SubmitButton>
                  </PostForm>
                </td>
              </tr>
            ))}
            {memberships.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t("accounts.noMemberships")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScroll>

      {addable.length > 0 && (
        <>
          <h3 id="add-membership">{t("accounts.addMembership")}</h3>
          <PostForm className="stack" aria-labelledby="add-membership">
            <input type="hidden" name="intent" value="membership" />
            <ErrorSummary errors={addErrors(result, addable)} labels={{ tenant: t("accounts.tenant"), roles: t("accounts.roles") }} idPrefix="add" />
            <SelectField name="tenant" idPrefix="add" label={t("accounts.tenant")} defaultValue="" errors={addErrors(result, addable)} options={addable.map((x) => ({ value: x.id, label: `${x.name} (${x.code})` }))}>
              <option value="">{t("accounts.chooseTenant")}</option>
            </SelectField>
            <RoleBoxes idPrefix="add" selected={[]} legend={t("accounts.roles")} errors={addErrors(result, addable)?.roles} />
            <div>
              <SubmitButton className="button primary">
                {t("accounts.addMembership")}
              </SubmitButton>
            </div>
          </PostForm>
        </>
      )}
    </section>
  );
}

/** Errors of the "add a tenant" form: a membership submission for a tenant the account is not (yet) in. */
function addErrors(result: Result | undefined, addable: { id: string }[]): FieldErrors | undefined {
  if (result?.intent !== "membership" || result.done) return undefined;
  return result.tenant === "" || addable.some((x) => x.id === result.tenant) ? result.errors : undefined;
}

/** Errors of a membership submission that neither an office's row nor the "add" form shows (that form is absent when the account is in every office). */
function strayErrors(result: Result | undefined, memberships: MembershipRow[], addable: { id: string }[]): FieldErrors | undefined {
  if (result?.intent !== "membership" || result.done) return undefined;
  if (memberships.some((m) => m.tenantId === result.tenant)) return undefined;
  if (addable.length > 0 && addErrors(result, addable)) return undefined;
  return result.errors;
}
