import { data, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { FormMessage } from "../../../../app/plugin-api/ui";
import { publicOffice } from "../../server/public/office";
import { track } from "../../server/public/track.server";
import { LookupForm, SupplementForm, TrackAnother } from "./_parts/track-forms";
import { NoticeList, TrackingResult } from "./_parts/tracking-result";
import { OfficeContact } from "./_parts/office-contact";

/** 申请查询: an applicant follows their application with its tracking number and query code. */
export const loader = pluginLoader(async (ctx) => ({
  office: publicOffice(ctx),
  title: `${ctx.t("public.track.title")} · ${ctx.tenant.name[ctx.locale]}`,
}));

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "robots", content: "noindex" }] : []);

/** A look-up (`intent=lookup`) or a supplement (`intent=supplement`); both carry the tracking number and code. */
export const action = pluginAction(async (ctx, { request }) => {
  const answer = await track(ctx, await request.formData());
  const status = answer.outcome === "refused" ? answer.status : Object.keys(answer.errors).length ? 400 : 200;
  return data(answer, { status });
});

export default function Track() {
  const { t } = useTranslation("requests");
  const { office } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();

  if (answer?.outcome === "found") {
    const { view, keys } = answer;
    return (
      <>
        <h1>{t("public.track.title")}</h1>
        {answer.supplemented && <FormMessage tone="success">{t("public.track.supplement.received")}</FormMessage>}
        <section aria-labelledby="track-result">
          <h2 id="track-result">{t("public.track.result")}</h2>
          <TrackingResult view={view} />
        </section>
        {/* The notices first: the supplement form answers the 补正 notice above it. */}
        <NoticeList notices={view.notices} keys={keys} code={office.code} />
        {view.status === "awaiting_supplement" && <SupplementForm keys={keys} errors={answer.errors} value={answer.supplement} />}
        {view.status !== "awaiting_supplement" && answer.errors.supplement && <FormMessage tone="error">{t(answer.errors.supplement[0]!.includes(":") ? answer.errors.supplement[0]! : `core:${answer.errors.supplement[0]}`)}</FormMessage>}
        <TrackAnother code={office.code} />
        <OfficeContact office={office} />
      </>
    );
  }
  return (
    <>
      <h1>{t("public.track.title")}</h1>
      <p>{t("public.track.intro")}</p>
      {answer?.outcome === "refused" && answer.message && <FormMessage tone="error">{t(answer.message.includes(":") ? answer.message : `core:${answer.message}`)}</FormMessage>}
      <LookupForm keys={answer?.keys ?? { trackingNo: "", queryCode: "" }} errors={answer?.errors ?? {}} />
      <OfficeContact office={office} />
    </>
  );
}
