import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { openRecoveryCodes } from "~/core/auth/enrolment.server";
import { EXPIRED_LOGIN, finishSignIn, requireStep } from "~/core/auth/login-flow.server";
import { fixedT } from "~/core/i18n/locale.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { PublicLayout } from "~/ui/public-layout";
import { RecoveryCodes } from "~/ui/second-factor";
import { SubmitButton } from "~/ui/form-kit";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** The recovery codes of an enrolment made while signing in, shown before the session starts (and never again). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "codes");
  const codes = openRecoveryCodes(context.services.cipher, state.userId, challenge.recoveryCodes!);
  const t = await fixedT(context, request);
  return { title: `${t("mfa.recovery.title")} · ${t("app.name")}`, codes };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "codes");
  const done = await finishSignIn(request, context, challenge, state);
  return done ? redirect(done.to, { headers: done.headers }) : redirect(EXPIRED_LOGIN);
}

export default function LoginRecoveryCodes() {
  const { t } = useTranslation();
  const { codes } = useLoaderData<typeof loader>();
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("mfa.enrol.title")}</h1>
        <FormMessage tone="success">{t("mfa.enrol.done")}</FormMessage>
        <RecoveryCodes codes={codes} />
        <PostForm>
          <SubmitButton className="button primary">
            {t("mfa.recovery.continue")}
          </SubmitButton>
        </PostForm>
      </div>
    </PublicLayout>
  );
}
