import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { withScope, PLATFORM_SCOPE } from "../../db/scope";
import { PLATFORM_CHAIN } from "../../db/roles";
import { recordAudit, recordPlatformEvent } from "~/core/audit/record.server";
import { checkCurrentPassword, PasswordPolicyError, setPassword } from "~/core/auth/accounts.server";
import { requireAuth } from "~/core/auth/guards.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { membershipsOf } from "~/core/permissions/memberships.server";
import { Field, FormMessage, PostForm, RowAction } from "~/ui/forms";
import { PublicLayout } from "~/ui/public-layout";
import { useLocale } from "~/ui/use-locale";

const PasswordSchema = z
  .object({
    intent: z.literal("password"),
    current: z.string().min(1, { error: "errors.required" }),
    next: z.string().min(1, { error: "errors.required" }).max(256),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "errors.password.mismatch" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

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
  const t = await fixedT(context, request);
  return { title: `${t("account.title")} · ${t("app.name")}`, user, memberships, sessions };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, session } = await requireAuth(request, context);
  const { services } = context;
  const form = await request.formData();
  const event = { actor: { id: user.id, name: user.username }, ip: context.clientIp, requestId: context.requestId };
  switch (form.get("intent")) {
    case "password": {
      const parsed = parseForm(PasswordSchema, form);
      if (!parsed.ok) return { errors: parsed.errors, done: null };
      try {
        const ok = await withScope(services.db, { ...PLATFORM_SCOPE, userId: user.id }, async (trx) => {
          if (!(await checkCurrentPassword(trx, user.id, parsed.data.current))) return false;
          await setPassword(trx, user.id, user.username, parsed.data.next);
          await recordAudit(trx, { ...event, tenantId: PLATFORM_CHAIN, action: "auth.password.change" });
          return true;
        });
        if (!ok) return { errors: { current: ["errors.password.wrongCurrent"] }, done: null };
      } catch (e) {
        if (e instanceof PasswordPolicyError) return { errors: { next: e.i18nKeys }, done: null };
        throw e;
      }
      // A changed password ends every other session.
      for (const s of await services.sessions.list(user.id)) {
        if (s.idHash !== session.idHash) await services.sessions.revoke(user.id, s.idHash);
      }
      return { errors: {}, done: "account.password.changed" };
    }
    case "revoke": {
      const idHash = String(form.get("session") ?? "");
      if (await services.sessions.revoke(user.id, idHash)) {
        await recordPlatformEvent(services.db, { ...event, action: "auth.session.revoke", target: { type: "session", id: idHash.slice(0, 12) } });
      }
      return { errors: {}, done: "account.sessions.revoked" };
    }
    case "signOutEverywhere": {
      await services.sessions.invalidateAll(user.id);
      await recordPlatformEvent(services.db, { ...event, action: "auth.session.revoke_all" });
      return redirect("/login", { headers: { "Set-Cookie": services.sessions.blankCookie(context.secureCookies) } });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function Account() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user, memberships, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
                <Link to={`/t/${m.code}/admin`}>{m.name[locale]}</Link> — {m.roles.map((r) => t(`roles.${r}`)).join("、")}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password">
        <h2 id="password">{t("account.password.title")}</h2>
        {result?.done === "account.password.changed" && <FormMessage tone="success">{t(result.done)}</FormMessage>}
        <PostForm className="stack narrow">
          <input type="hidden" name="intent" value="password" />
          <Field name="current" type="password" label={t("account.password.current")} autoComplete="current-password" required errors={result?.errors} />
          <Field name="next" type="password" label={t("account.password.next")} autoComplete="new-password" required errors={result?.errors} hint={t("account.password.policy")} />
          <Field name="confirm" type="password" label={t("account.password.confirm")} autoComplete="new-password" required errors={result?.errors} />
          <button className="button primary" type="submit">
            {t("account.password.submit")}
          </button>
        </PostForm>
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t("account.sessions.title")}</h2>
        <table className="table">
          <caption className="visually-hidden">{t("account.sessions.title")}</caption>
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
        <PostForm>
          <input type="hidden" name="intent" value="signOutEverywhere" />
          <button className="button danger" type="submit">
            {t("account.sessions.signOutEverywhere")}
          </button>
        </PostForm>
      </section>
    </PublicLayout>
  );
}
