import { data, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { FormMessage, publicPage, useLocale } from "../../../../app/plugin-api/ui";
import { blankValues } from "../../server/public/apply-form";
import { submitApplication, suggestForApplication, unknownIntent } from "../../server/public/apply.server";
import { publicOffice } from "../../server/public/office";
import { ApplicationForm } from "./_parts/application-form";
import { Confirmation } from "./_parts/confirmation";
import { LegalNotice } from "./_parts/office-contact";
import { Suggestions } from "./_parts/suggestions";

/** 政府信息公开申请 (条例第二十九条), for anyone, without an account. */
export const loader = pluginLoader(async (ctx) => ({
  office: publicOffice(ctx),
  title: `${ctx.t("public.apply.title")} · ${ctx.tenant.name[ctx.locale]}`,
}));

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export const handle = publicPage({ breadcrumb: ({ t }) => [{ label: t("requests:public.apply.title") }] });

/** `intent=suggest` looks for published items; anything else submits the application. */
export const action = pluginAction(async (ctx, { request }) => {
  const form = await request.formData();
  const intent = form.get("intent") ?? "submit";
  const answer = intent === "suggest" ? await suggestForApplication(ctx, form) : intent === "submit" ? await submitApplication(ctx, form) : unknownIntent(form);
  return data(answer, { status: answer.outcome === "refused" ? answer.status : answer.outcome === "suggested" && Object.keys(answer.errors).length ? 400 : 200 });
});

export default function Apply() {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const { office } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();

  if (answer?.outcome === "submitted") {
    return (
      <>
        <Confirmation office={office} trackingNo={answer.trackingNo} queryCode={answer.queryCode} />
      </>
    );
  }
  const values = answer?.values ?? blankValues();
  const errors = answer?.errors ?? {};
  return (
    <>
      <h1>{t("public.apply.title")}</h1>
      <p>{t("public.apply.intro", { office: office.name[locale] })}</p>
      {answer?.outcome === "refused" && <FormMessage tone="error">{t(answer.message)}</FormMessage>}
      {answer?.outcome === "suggested" && Object.keys(errors).length === 0 && <Suggestions suggestions={answer.suggestions} />}
      <LegalNotice office={office} />
      <ApplicationForm values={values} errors={errors} chooseFileAgain={answer?.chooseFileAgain ?? false} />
    </>
  );
}
