import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { recordPlatformEvent } from "~/core/audit/record.server";
import { checkCurrentPassword, PasswordPolicyError, setPassword } from "~/core/auth/accounts.server";
import { confirmEnrolment, enrolmentOffer, sealPendingSecret, type EnrolmentOffer } from "~/core/auth/enrolment.server";
import { requireAuth } from "~/core/auth/guards.server";
import { ownSecondFactor, withOwnAccount } from "~/core/auth/own-account.server";
import { hasSecondFactor, removeSecondFactor } from "~/core/auth/second-factor.server";
import { secondFactorRequired } from "~/core/auth/second-factor-policy.server";
import { badRequest, parseForm, parseQuery, type FieldErrors } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { errorMessages, placeErrors } from "~/core/input/placed-errors";
import { membershipsOf } from "~/core/permissions/memberships.server";
import { FormMessage, PostForm, RowAction } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";
import { passwordProblems } from "~/core/auth/password-policy";
import { PublicLayout } from "~/ui/public-layout";
import { EnrolmentFields, RecoveryCodes } from "~/ui/second-factor";
import { useRoleLabel } from "~/ui/role-label";
import { useLocale } from "~/ui/use-locale";
import { TableScroll } from "~/ui/table-scroll";

const current = z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(256);

const PasswordSchema = z
  .object({
    intent: z.literal("password"),
    current,
    next: z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(256),
    confirm: z.string({ error: "errors.required" }),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "errors.password.mismatch" });
const RevokeSchema = z.object({ intent: z.literal("revoke"), session: z.string().regex(/^[0-9a-f]{64}$/) });
// Each form names its password field differently: one page, one id per field.
const EnrolSchema = z.object({
  intent: z.literal("mfaEnrol"),
  pending: z.string().min(1).max(1024),
  code: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(16, { error: "errors.totp.wrongCode" }),
  enrolPassword: current,
});
const RemoveSchema = z.object({ intent: z.literal("mfaRemove"), removePassword: current });
const NoFields = z.object({});

const INTENTS = ["password", "revoke", "revokeOthers", "signOutEverywhere", "mfaEnrol", "mfaRemove"] as const;
const IntentSchema = z.object({ intent: z.enum(INTENTS, { error: "errors.invalid" }) });
/** The fields each form shows its errors at; any other field's refusal is said above the form. */
const SHOWN: Record<string, readonly string[]> = {
  password: ["current", "next", "confirm"],
  mfaEnrol: ["code", "enrolPassword"],
  mfaRemove: ["removePassword"],
};

/** `offer`: a refused enrolment's secret again, so its form and errors stay on the page (the app may hold it already). */
type Result = { errors: FieldErrors; done: string | null; form?: string; recoveryCodes?: string[]; offer?: EnrolmentOffer | null };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session } = await requireAuth(request, context);
  const { services } = context;
  const tenants = await services.tenants.fresh();
  const memberships = (await membershipsOf(services.db, user.id)).flatMap((m) => {
    const t = tenants.byId(m.tenantId);
    return t ? [{ code: t.code, name: t.name, roles: m.roles }] : [];
  });
  const sessions = (await services.sessions.list(user.id)).map((s) => ({
    ...s,
    createdAt: s.createdAt.toISOString(),
    current: s.idHash === session.idHash,
  }));
  const { enrolled, remaining } = await ownSecondFactor(services.db, user.id);
  const setup = new URL(request.url).searchParams.get("mfa") === "setup";
  const offer = setup ? await enrolmentOffer(services.cipher, user.id, user.username, sealPendingSecret(services.cipher, user.id)) : null;
  const t = await fixedT(context, request);
  return {
    title: `${t("account.title")} · ${t("app.name")}`,
    user,
    memberships,
    sessions,
    secondFactor: { enrolled, required: await secondFactorRequired(services, user), remaining, offer },
    passwordHistory: services.config.PASSWORD_HISTORY,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireAuth(request, context);
  const { services } = context;
  const form = await request.formData();
  const chosen = parseQuery(IntentSchema, new URLSearchParams({ intent: String(form.get("intent") ?? "") }));
  if (!chosen.ok) throw badRequest(chosen.errors.intent?.[0]);
  const { intent } = chosen.data;
  // The three session actions share one place on the page for their messages.
  const formName = intent === "revoke" || intent === "revokeOthers" || intent === "signOutEverywhere" ? "sessions" : intent;
  const refused = (errors: FieldErrors, more: Partial<Result> = {}) =>
    data<Result>({ errors: placeErrors(errors, SHOWN[intent]), done: null, form: formName, ...more }, { status: 400 });
  const event = { actor: { id: user.id, name: user.username }, ip: context.clientIp, requestId: context.requestId };
  const inUserScope = <T,>(fn: Parameters<typeof withOwnAccount<T>>[2]) =>
    withOwnAccount(services.db, { id: user.id, username: user.username, ip: context.clientIp, requestId: context.requestId }, fn);
  const wrongCurrent = (formName: string, field = "current"): Result => ({ errors: { [field]: ["errors.password.wrongCurrent"] }, done: null, form: formName });

  switch (intent) {
    case "password": {
      const parsed = parseForm(PasswordSchema, form);
      // The new password's problems with the rest, so that one submit shows every error of the form.
      const next = String(form.get("next") ?? "");
      const weak = next ? passwordProblems(next, user.username) : [];
      const withWeak = (errors: FieldErrors): FieldErrors => (weak.length ? { ...errors, next: [...new Set([...(errors.next ?? []), ...weak])] } : errors);
      if (!parsed.ok) {
        // A wrong current password is named with the form's other faults, not only once they are fixed.
        const typed = String(form.get("current") ?? "");
        const wrong = typed !== "" && !parsed.errors.current && !(await inUserScope((trx) => checkCurrentPassword(trx, user.id, typed)));
        return refused(withWeak(wrong ? { ...parsed.errors, current: ["errors.password.wrongCurrent"] } : parsed.errors));
      }
      try {
        const ok = await inUserScope(async (trx, audit) => {
          if (!(await checkCurrentPassword(trx, user.id, parsed.data.current))) return false;
          await setPassword(trx, user.id, user.username, parsed.data.next, { mustChange: false, history: services.config.PASSWORD_HISTORY });
          await audit({ action: "auth.password.change", data: { reason: "user" } });
          return true;
        });
        if (!ok) return { ...wrongCurrent("password"), errors: withWeak(wrongCurrent("password").errors) };
      } catch (e) {
        if (e instanceof PasswordPolicyError) return { errors: { next: e.i18nKeys }, done: null, form: "password" };
        throw e;
      }
      // A changed password ends every other session.
      await services.sessions.revokeOthers(user.id, session.idHash);
      return { errors: {}, done: "account.password.changed" };
    }
    case "revoke": {
      const parsed = parseForm(RevokeSchema, form);
      if (!parsed.ok) return refused(parsed.errors);
      if (await services.sessions.revoke(user.id, parsed.data.session)) {
        await recordPlatformEvent(services.db, { ...event, action: "auth.session.revoke", target: { type: "session", id: parsed.data.session.slice(0, 12) } });
      }
      return { errors: {}, done: "account.sessions.revoked" };
    }
    case "revokeOthers": {
      const parsed = parseForm(NoFields, form);
      if (!parsed.ok) return refused(parsed.errors);
      const ended = await services.sessions.revokeOthers(user.id, session.idHash);
      await recordPlatformEvent(services.db, { ...event, action: "auth.session.revoke_others", data: { ended } });
      return { errors: {}, done: "account.sessions.othersRevoked" };
    }
    case "signOutEverywhere": {
      const parsed = parseForm(NoFields, form);
      if (!parsed.ok) return refused(parsed.errors);
      await services.sessions.invalidateAll(user.id);
      await recordPlatformEvent(services.db, { ...event, action: "auth.session.revoke_all" });
      return redirect("/login", { headers: { "Set-Cookie": services.sessions.blankCookie(context.secureCookies) } });
    }
    case "mfaEnrol": {
      const pending = form.get("pending");
      const offer = typeof pending === "string" ? await enrolmentOffer(services.cipher, user.id, user.username, pending) : null;
      const parsed = parseForm(EnrolSchema, form);
      if (!parsed.ok) return refused(parsed.errors, { offer });
      const result = await inUserScope(async (trx, audit) => {
        if (!(await checkCurrentPassword(trx, user.id, parsed.data.enrolPassword))) return null;
        const replaced = await hasSecondFactor(trx, user.id);
        const r = await confirmEnrolment(trx, services.cipher, user.id, parsed.data.pending, parsed.data.code);
        if (r.ok) await audit({ action: "auth.mfa.enrol", data: { during: "account", replaced } });
        return r;
      });
      if (!result) return { ...wrongCurrent("mfaEnrol", "enrolPassword"), offer };
      if (!result.ok) return { errors: { code: [result.error] }, done: null, form: "mfaEnrol", offer };
      return { errors: {}, done: "mfa.enrol.done", recoveryCodes: result.recoveryCodes };
    }
    case "mfaRemove": {
      const parsed = parseForm(RemoveSchema, form);
      if (!parsed.ok) return refused(parsed.errors);
      if (await secondFactorRequired(services, user)) return { errors: { removePassword: ["errors.totp.required"] }, done: null, form: "mfaRemove" };
      const removed = await inUserScope(async (trx, audit) => {
        if (!(await checkCurrentPassword(trx, user.id, parsed.data.removePassword))) return null;
        const had = await removeSecondFactor(trx, user.id);
        if (had) await audit({ action: "auth.mfa.remove" });
        return had;
      });
      if (removed === null) return wrongCurrent("mfaRemove", "removePassword");
      return { errors: {}, done: "mfa.removed" };
    }
  }
}

/**
 * A form's refusals above it, taking focus: each field's linked by its label, a hidden value's as
 * text; `all` of them as text when the form is not on the page.
 */
function FormError({ errors, all = false, labels = {}, idPrefix }: { errors: FieldErrors | undefined; all?: boolean; labels?: Record<string, string>; idPrefix?: string }) {
  return <ErrorSummary errors={errors && all ? { _form: errorMessages(errors) } : errors} labels={all ? {} : labels} idPrefix={idPrefix} />;
}

export default function Account() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const locale = useLocale();
  const { user, memberships, sessions, secondFactor, passwordHistory } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsOf = (form: string) => (result?.form === form ? result.errors : undefined);
  const others = sessions.filter((s) => !s.current).length;
  const offer = (result?.form === "mfaEnrol" && result.offer) || secondFactor.offer;
  return (
    <PublicLayout title={t("app.name")}>
      <h1>{t("account.title")}</h1>
      <p>
        {user.displayName} <span className="muted">({user.username})</span>
      </p>
      {user.platformRole && (
        <p>
          <Link to="/admin">{t("nav.platform")}</Link> · {t(`roles.${user.platformRole}`)}
        </p>
      )}

      <section aria-labelledby="memberships">
        <h2 id="memberships">{t("account.memberships")}</h2>
        {memberships.length === 0 ? (
          <p className="muted">{t("account.noMemberships")}</p>
        ) : (
          <ul>
            {memberships.map((m) => (
              <li key={m.code}>
                <Link to={`/t/${m.code}/admin`}>{m.name[locale]}</Link> — {m.roles.map(roleLabel).join("、")}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password">
        <h2 id="password">{t("account.password.title")}</h2>
        {result?.done === "account.password.changed" && <FormMessage tone="success">{t(result.done)}</FormMessage>}
        <FormError
          errors={errorsOf("password")}
          labels={{ current: t("account.password.current"), next: t("account.password.next"), confirm: t("account.password.confirm") }}
        />
        <PostForm className="stack narrow">
          <input type="hidden" name="intent" value="password" />
          <TextField name="current" type="password" label={t("account.password.current")} autoComplete="current-password" required errors={errorsOf("password")} />
          <TextField
            name="next"
            type="password"
            label={t("account.password.next")}
            autoComplete="new-password"
            required
            errors={errorsOf("password")}
            hint={passwordHistory > 0 ? `${t("account.password.policy")} ${t("account.password.history", { count: passwordHistory })}` : t("account.password.policy")}
          />
          <TextField name="confirm" type="password" label={t("account.password.confirm")} autoComplete="new-password" required errors={errorsOf("password")} />
          <SubmitButton className="button primary">
            {t("account.password.submit")}
          </SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="second-factor">
        <h2 id="second-factor">{t("mfa.title")}</h2>
        {(result?.done === "mfa.enrol.done" || result?.done === "mfa.removed") && <FormMessage tone="success">{t(result.done)}</FormMessage>}
        {result?.recoveryCodes && <RecoveryCodes codes={result.recoveryCodes} />}
        <FormError errors={errorsOf("mfaEnrol")} all={!offer} labels={{ code: t("mfa.enrol.code"), enrolPassword: t("account.password.current") }} />
        <FormError errors={errorsOf("mfaRemove")} all={!(secondFactor.enrolled && !secondFactor.required)} labels={{ removePassword: t("account.password.current") }} />
        <p>
          {t(secondFactor.enrolled ? "mfa.status.on" : "mfa.status.off")}
          {secondFactor.enrolled && ` ${t("mfa.status.remaining", { count: secondFactor.remaining })}`}
          {secondFactor.required && ` ${t("mfa.status.required")}`}
        </p>
        {offer ? (
          <PostForm className="stack narrow" action="/account" aria-label={t("mfa.enrol.title")}>
            <input type="hidden" name="intent" value="mfaEnrol" />
            <EnrolmentFields offer={offer} errors={errorsOf("mfaEnrol")} />
            <TextField name="enrolPassword" type="password" label={t("account.password.current")} autoComplete="current-password" required errors={errorsOf("mfaEnrol")} />
            <SubmitButton className="button primary">
              {t("mfa.enrol.submit")}
            </SubmitButton>
          </PostForm>
        ) : (
          <p>
            <Link className="button" to="/account?mfa=setup">
              {t(secondFactor.enrolled ? "mfa.replace" : "mfa.setUp")}
            </Link>
          </p>
        )}
        {secondFactor.enrolled && !secondFactor.required && (
          <PostForm className="stack narrow" aria-label={t("mfa.remove")}>
            <input type="hidden" name="intent" value="mfaRemove" />
            <TextField name="removePassword" type="password" label={t("account.password.current")} autoComplete="current-password" required errors={errorsOf("mfaRemove")} />
            <SubmitButton className="button danger">
              {t("mfa.remove")}
            </SubmitButton>
          </PostForm>
        )}
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t("account.sessions.title")}</h2>
        {(result?.done === "account.sessions.revoked" || result?.done === "account.sessions.othersRevoked") && (
          <FormMessage tone="success">{t(result.done)}</FormMessage>
        )}
        <FormError errors={errorsOf("sessions")} />
        <TableScroll labelledBy="sessions-caption">
          <table className="table">
            <caption id="sessions-caption" className="visually-hidden">{t("account.sessions.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("account.sessions.started")}</th>
                <th scope="col">{t("account.sessions.ip")}</th>
                <th scope="col">{t("account.sessions.device")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.idHash}>
                  <td>{new Date(s.createdAt).toLocaleString(locale, { timeZone: "Asia/Shanghai" })}</td>
                  <td>{s.ip}</td>
                  <td className="truncate">{s.userAgent}</td>
                  <td>
                    {s.current ? (
                      <strong>{t("account.sessions.current")}</strong>
                    ) : (
                      <RowAction intent="revoke" fields={{ session: s.idHash }} label={t("account.sessions.revoke")} className="button small" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div className="actions">
          {others > 0 && (
            <PostForm>
              <input type="hidden" name="intent" value="revokeOthers" />
              <SubmitButton className="button">
                {t("account.sessions.revokeOthers")}
              </SubmitButton>
            </PostForm>
          )}
          <PostForm>
            <input type="hidden" name="intent" value="signOutEverywhere" />
            <SubmitButton className="button danger">
              {t("account.sessions.signOutEverywhere")}
            </SubmitButton>
          </PostForm>
        </div>
      </section>
    </PublicLayout>
  );
}
