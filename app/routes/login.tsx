import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getAuth, safeRedirect } from "~/core/auth/guards.server";
import { landingPath } from "~/core/auth/landing.server";
import { attemptLogin } from "~/core/auth/login.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { Field, FormMessage, PostForm } from "~/ui/forms";
import { PublicLayout } from "~/ui/public-layout";

const LoginSchema = z.object({
  username: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(64),
  password: z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(256),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await getAuth(request, context);
  if (auth) {
    const to = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirect(to, await landingPath(context, auth.user)));
  }
  const t = await fixedT(context, request);
  return { title: `${t("login.title")} · ${t("app.name")}` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors, message: null, until: null };
  const { services } = context;
  const result = await attemptLogin(services, {
    username: parsed.data.username,
    password: parsed.data.password,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
    requestId: context.requestId,
  });
  if (!result.ok) {
    const until = result.lockedUntil?.toISOString() ?? null;
    return { errors: {}, message: `login.failed.${result.reason}`, until };
  }
  const auth = await services.sessions.validate(result.token);
  const fallback = auth ? await landingPath(context, auth.user) : "/";
  return redirect(safeRedirect(parsed.data.redirectTo, fallback), {
    headers: { "Set-Cookie": services.sessions.cookie(result.token, context.secureCookies) },
  });
}

export default function Login() {
  const { t, i18n } = useTranslation();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const until = data?.until ? new Date(data.until).toLocaleString(i18n.language, { timeZone: "Asia/Shanghai" }) : "";
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        {data?.message && <FormMessage tone="error">{t(data.message, { until })}</FormMessage>}
        <PostForm className="stack" aria-label={t("login.title")}>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field name="username" label={t("login.username")} autoComplete="username" required errors={data?.errors} autoFocus />
          <Field name="password" label={t("login.password")} type="password" autoComplete="current-password" required errors={data?.errors} />
          <button type="submit" className="button primary">
            {t("login.submit")}
          </button>
        </PostForm>
      </div>
    </PublicLayout>
  );
}
