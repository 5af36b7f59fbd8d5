import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { advance, EXPIRED_LOGIN, requireStep, signInMeta } from "~/core/auth/login-flow.server";
import { blankChallengeCookie } from "~/core/auth/login-challenge.server";
import { verifyPendingSignIn } from "~/core/auth/login-verify.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { PostForm } from "~/ui/forms";
import { ErrorSummary, SubmitButton, TextField } from "~/ui/form-kit";
import { PublicLayout } from "~/ui/public-layout";

const CodeSchema = z.object({
  code: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(32, { error: "errors.totp.wrongCode" }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStep(request, context, "verify");
  const t = await fixedT(context, request);
  return { title: `${t("login.verify.title")} · ${t("app.name")}` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "verify");
  const parsed = parseForm(CodeSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const outcome = await verifyPendingSignIn(context.services, challenge, state, parsed.data.code, signInMeta(request, context));
  if (outcome === "ended") return redirect(EXPIRED_LOGIN, { headers: { "Set-Cookie": blankChallengeCookie(context.secureCookies) } });
  if (outcome === "wrong") return { errors: { code: ["errors.totp.wrongCode"] } };
  return advance(request, context, challenge);
}

export default function LoginVerify() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("login.verify.title")}</h1>
        <p>{t("login.verify.intro")}</p>
        <ErrorSummary errors={data?.errors} labels={{ code: t("login.verify.code") }} />
        <PostForm className="stack" aria-label={t("login.verify.title")}>
          <TextField
            name="code"
            label={t("login.verify.code")}
            hint={t("login.verify.hint")}
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="off"
            spellCheck={false}
            required
            errors={data?.errors}
            autoFocus
          />
          <SubmitButton className="button primary">
            {t("login.verify.submit")}
          </SubmitButton>
        </PostForm>
        <p>
          <Link to="/login">{t("login.startOver")}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
