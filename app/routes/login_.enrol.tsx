import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { withOwnAccount } from "~/core/auth/own-account.server";
import { confirmEnrolment, enrolmentOffer, openPendingSecret, sealPendingSecret, sealRecoveryCodes } from "~/core/auth/enrolment.server";
import { updateChallenge } from "~/core/auth/login-challenge.server";
import { advance, requireStep, signInMeta } from "~/core/auth/login-flow.server";
import { LOGIN_STEP_PATHS } from "~/core/auth/login-steps.server";
import { parseForm } from "~/core/forms.server";
import { fixedT } from "~/core/i18n/locale.server";
import { FormMessage, PostForm } from "~/ui/forms";
import { PublicLayout } from "~/ui/public-layout";
import { EnrolmentFields } from "~/ui/second-factor";
import { ErrorSummary, SubmitButton } from "~/ui/form-kit";

const EnrolSchema = z.object({
  code: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(16, { error: "errors.totp.wrongCode" }),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

/** A second factor is required of this account and it has none yet: it enrols one before any session exists. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "enrol");
  const { cipher } = context.services;
  // The same secret on a reload, until the pending sign-in ends.
  let pending = challenge.pendingSecret && openPendingSecret(cipher, state.userId, challenge.pendingSecret) ? challenge.pendingSecret : null;
  if (!pending) {
    pending = sealPendingSecret(cipher, state.userId);
    await updateChallenge(context.services.db, challenge.tokenHash, { pendingSecret: pending });
  }
  const offer = await enrolmentOffer(cipher, state.userId, state.username, pending);
  const t = await fixedT(context, request);
  return { title: `${t("mfa.enrol.title")} · ${t("app.name")}`, offer, platformRole: state.platformRole };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { challenge, state } = await requireStep(request, context, "enrol");
  if (!challenge.pendingSecret) return redirect(LOGIN_STEP_PATHS.enrol);
  const parsed = parseForm(EnrolSchema, await request.formData());
  if (!parsed.ok) return { errors: parsed.errors };
  const { services } = context;
  const { ip, requestId } = signInMeta(request, context);
  const result = await withOwnAccount(services.db, { id: state.userId, username: state.username, ip, requestId }, async (trx, audit) => {
    const r = await confirmEnrolment(trx, services.cipher, state.userId, challenge.pendingSecret!, parsed.data.code);
    await audit({ action: "auth.mfa.enrol", outcome: r.ok ? "success" : "failure", data: r.ok ? { during: "sign-in" } : { during: "sign-in", reason: r.error } });
    return r;
  });
  if (!result.ok) return { errors: { code: [result.error] } };
  const recoveryCodes = sealRecoveryCodes(services.cipher, state.userId, result.recoveryCodes);
  await updateChallenge(services.db, challenge.tokenHash, { secondFactor: "totp", recoveryCodes });
  return advance(request, context, { ...challenge, secondFactor: "totp", recoveryCodes });
}

export default function LoginEnrol() {
  const { t } = useTranslation();
  const { offer, platformRole } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <PublicLayout title={t("app.name")}>
      <div className="narrow">
        <h1>{t("mfa.enrol.title")}</h1>
        <p>{t(platformRole ? "mfa.enrol.requiredPlatform" : "mfa.enrol.requiredOffice")}</p>
        {offer ? (
          <>
            <ErrorSummary errors={result?.errors} labels={{ code: t("mfa.enrol.code") }} />
            <PostForm className="stack" aria-label={t("mfa.enrol.title")}>
              <EnrolmentFields offer={offer} errors={result?.errors} />
              <SubmitButton className="button primary">
                {t("mfa.enrol.submit")}
              </SubmitButton>
            </PostForm>
          </>
        ) : (
          <FormMessage tone="error">{t("errors.totp.expired")}</FormMessage>
        )}
        <p>
          <Link to="/login">{t("login.startOver")}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
