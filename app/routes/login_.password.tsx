import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { withOwnAccount } from "~/core/auth/own-account.server";
import { PasswordPolicyError, setPassword } from "~/core/auth/accounts.server";
import { advance, requireStep, signInMeta } from "~/core/auth/login-flow.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { PostForm } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";
import { passwordProblems } from "~/core/auth/password-policy";
import { PublicLayout } from "~/ui/public-layout";

const NewPasswordSchema = z
  .object({
    next: z.string({ error: "errors.required" }).min(1, { error: "errors.required" }).max(256),
    confirm: z.string({ error: "errors.required" }),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "errors.password.mismatch" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { state } = await requireStep(request, context, "password");
  const t = await fixedT(context, request);
  return {
    title: `${t("login.newPassword.title")} · ${t("app.name")}`,
    reason: state.passwordChange ?? "expired",
    days: context.services.config.PASSWORD_MAX_AGE_DAYS,
    history: context.services.config.PASSWORD_HISTORY,
  };
}

/** A password reset by the security administrator, or too old, is replaced before any session exists. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "password");
  const form = await request.formData();
  const parsed = parseForm(NewPasswordSchema, form);
  if (!parsed.ok) {
    // The policy's problems with the mismatch, so that one submit names every error of the form.
    const next = String(form.get("next") ?? "");
    const weak = next ? passwordProblems(next, state.username) : [];
    return { errors: weak.length ? { ...parsed.errors, next: [...new Set([...(parsed.errors.next ?? []), ...weak])] } : parsed.errors };
  }
  const { services } = context;
  const { ip, requestId } = signInMeta(request, context);
  try {
    await withOwnAccount(services.db, { id: state.userId, username: state.username, ip, requestId }, async (trx, audit) => {
      await setPassword(trx, state.userId, state.username, parsed.data.next, { mustChange: false, history: services.config.PASSWORD_HISTORY });
      await audit({ action: "auth.password.change", data: { reason: state.passwordChange } });
    });
  } catch (e) {
    if (e instanceof PasswordPolicyError) return { errors: { next: e.i18nKeys } };
    throw e;
  }
  // Whoever signed in with the old password is signed out.
  await services.sessions.invalidateAll(state.userId);
  return advance(request, context, challenge);
}

export default function LoginNewPassword() {
  const { t } = useTranslation();
  const { reason, days, history } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("login.newPassword.title")}</h1>
        <p>{t(`login.newPassword.${reason}`, { days })}</p>
        <ErrorSummary errors={data?.errors} labels={{ next: t("account.password.next"), confirm: t("account.password.confirm") }} />
        <PostForm className="stack" aria-label={t("login.newPassword.title")}>
          <TextField
            name="next"
            type="password"
            label={t("account.password.next")}
            autoComplete="new-password"
            required
            errors={data?.errors}
            hint={history > 0 ? `${t("account.password.policy")} ${t("account.password.history", { count: history })}` : t("account.password.policy")}
            autoFocus
          />
          <TextField name="confirm" type="password" label={t("account.password.confirm")} autoComplete="new-password" required errors={data?.errors} />
          <SubmitButton className="button primary">
            {t("account.password.submit")}
          </SubmitButton>
        </PostForm>
        <p>
          <Link to="/login">{t("login.startOver")}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
