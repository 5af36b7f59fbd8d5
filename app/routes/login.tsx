import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getAuth, safeRedirect } from "~/core/auth/guards.server";
import { landingPath } from "~/core/auth/landing.server";
import { challengeCookie } from "~/core/auth/login-challenge.server";
import { LOGIN_STEP_PATHS } from "~/core/auth/login-steps.server";
import { attemptLogin } from "~/core/auth/login.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";
import { PublicLayout } from "~/ui/public-layout";

const LoginSchema = z.object({
  username: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(64),
  password: z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(256),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const auth = await getAuth(request, context);
  if (auth) throw redirect(safeRedirect(params.get("redirectTo"), await landingPath(context, auth.user)));
  const t = await fixedT(context, request);
  return {
    title: `${t("login.title")} · ${t("app.name")}`,
    expired: params.get("expired") === "1",
    redirectTo: safeRedirect(params.get("redirectTo"), ""),
    lock: { max: context.services.config.LOGIN_MAX_FAILURES, minutes: context.services.config.LOGIN_LOCK_MINUTES },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  // Checked before anything is signed in, more strictly than any text: an unsafe target is dropped
  // for the landing page, never followed, and never a 500 after the session exists.
  const redirectTo = safeRedirect(form.get("redirectTo"), "") || null;
  form.delete("redirectTo");
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return { errors: parsed.errors, message: null };
  const { services } = context;
  const result = await attemptLogin(services, {
    username: parsed.data.username,
    password: parsed.data.password,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
    requestId: context.requestId,
    redirectTo,
  });
  if (result.ok === false) return { errors: {}, message: `login.failed.${result.reason}` };
  if (result.ok === "pending") {
    return redirect(LOGIN_STEP_PATHS[result.step], { headers: { "Set-Cookie": challengeCookie(result.challenge, context.secureCookies) } });
  }
  const auth = await services.sessions.validate(result.token);
  const to = redirectTo ?? (auth ? await landingPath(context, auth.user) : "/");
  return redirect(to, { headers: { "Set-Cookie": services.sessions.cookie(result.token, context.secureCookies) } });
}

export default function Login() {
  const { t } = useTranslation();
  const { expired, redirectTo, lock } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro", lock)}</p>
        {data?.message ? (
          <FormMessage tone="error">{t(data.message)}</FormMessage>
        ) : (
          expired && <FormMessage tone="error">{t("login.expired")}</FormMessage>
        )}
        <ErrorSummary errors={data?.errors} labels={{ username: t("login.username"), password: t("login.password") }} />
        <PostForm className="stack" aria-label={t("login.title")}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField name="username" label={t("login.username")} autoComplete="username" required errors={data?.errors} autoFocus />
          <TextField name="password" label={t("login.password")} type="password" autoComplete="current-password" required errors={data?.errors} />
          <SubmitButton className="button primary">
            {t("login.submit")}
          </SubmitButton>
        </PostForm>
      </div>
    </PublicLayout>
  );
}
