import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { chinaDate } from "../../../../app/plugin-api";
import { pluginAction, pluginLoader } from "../../server/loaders.server";
import { ErrorSummary, PostForm, RadioGroup, SelectField, SubmitButton, TextArea, TextField, useLocale } from "../../../../app/plugin-api/ui";
import { APPLICANT_TYPE_INFO } from "../../law/applicants";
import { RECEIPT_CHANNELS, RECEIPT_RULES, type ReceiptChannel } from "../../law/receipt";
import { DELIVERIES, FORMS, ID_TYPES } from "../../server/applicant";
import { blankValues } from "../../server/public/apply-form";
import { RECEIPT_FIELDS } from "../../server/staff/register-form";
import { registerApplication, type RegisterValues } from "../../server/staff/register.server";
import { applyLabels } from "../public/_parts/apply-labels";

/** Registers an application that came by letter, in person, fax or e-mail (条例第二十九条, 第三十一条). */
export const loader = pluginLoader(async (ctx) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const values: RegisterValues = { ...blankValues(), channel: "in_person", submittedOn: chinaDate(), signedForOn: "", arrivedOn: "", confirmedOn: "" };
  return { base: `/t/${ctx.tenant.code}/admin/requests`, values };
});

export const action = pluginAction(async (ctx, { request }) => {
  if (ctx.mode !== "member") throw new Response("Forbidden", { status: 403 });
  const r = await registerApplication(ctx, await request.formData());
  if (r.ok) return redirect(`/t/${ctx.tenant.code}/admin/requests/applications/${r.id}`);
  return data(r, { status: 400 });
});

export default function Register() {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? loaded.values;
  const errors = result?.errors ?? {};
  const p = (k: string) => t(`public.apply.${k}`);
  return (
    <>
      <p>
        <Link to={loaded.base}>{t("staff.application.back")}</Link>
      </p>
      <h1>{t("staff.register.title")}</h1>
      <p className="lead">{t("staff.register.lead")}</p>
      <PostForm className="stack" noValidate>
        <ErrorSummary
          errors={errors}
          labels={{ ...applyLabels(p), channel: t("fields.channel"), ...Object.fromEntries(RECEIPT_FIELDS.map((f) => [f, t(`staff.register.facts.${f}`)])) }}
        />
        <fieldset className="stack">
          <legend>{t("staff.register.receipt")}</legend>
          <SelectField
            name="channel"
            label={t("fields.channel")}
            defaultValue={values.channel}
            errors={errors}
            hint={t("staff.register.receiptHint")}
            required
            options={RECEIPT_CHANNELS.map((c) => ({ value: c, label: `${RECEIPT_RULES[c].label[locale]} — ${RECEIPT_RULES[c].receivedOn[locale]}` }))}
          />
          {RECEIPT_FIELDS.map((f) => (
            <TextField key={f} name={f} type="date" label={t(`staff.register.facts.${f}`)} defaultValue={values[f]} errors={errors} hint={t(`staff.register.factHints.${f}`, { channels: channelsUsing(f, locale) })} />
          ))}
        </fieldset>
        <fieldset className="stack">
          <legend>{p("applicant.legend")}</legend>
          <RadioGroup
            name="applicantType"
            legend={p("applicant.type")}
            value={values.applicantType}
            errors={errors}
            required
            groups={[{ choices: APPLICANT_TYPE_INFO.map((i) => ({ value: i.key, label: i.label[locale] })) }]}
          />
          <TextField name="name" label={p("name")} defaultValue={values.name} errors={errors} maxLength={50} required />
          <SelectField name="idType" label={p("idType")} defaultValue={values.idType} errors={errors} options={[{ value: "", label: p("idTypeChoose") }, ...ID_TYPES.map((k) => ({ value: k, label: p(`idTypes.${k}`) }))]} />
          <TextField name="idNumber" label={p("idNumber")} defaultValue={values.idNumber} errors={errors} maxLength={30} />
          <TextField name="organisation" label={p("organisationName")} defaultValue={values.organisation} errors={errors} maxLength={100} />
          <TextField name="creditCode" label={p("creditCode")} defaultValue={values.creditCode} errors={errors} maxLength={18} />
          <TextField name="phone" type="tel" label={p("phone")} defaultValue={values.phone} errors={errors} maxLength={20} required />
          <TextField name="email" type="email" label={p("email")} defaultValue={values.email} errors={errors} maxLength={100} />
          <TextField name="address" label={p("address")} defaultValue={values.address} errors={errors} maxLength={200} />
          <TextField name="postcode" label={p("postcode")} defaultValue={values.postcode} errors={errors} maxLength={6} />
        </fieldset>
        <fieldset className="stack">
          <legend>{p("request")}</legend>
          <TextField name="subject" label={p("subject")} defaultValue={values.subject} errors={errors} maxLength={200} required />
          <TextField name="docNumber" label={p("docNumber")} defaultValue={values.docNumber} errors={errors} maxLength={100} />
          <TextArea name="description" label={p("description")} defaultValue={values.description} errors={errors} required />
          <RadioGroup name="form" legend={p("form")} value={values.form} errors={errors} required groups={[{ choices: FORMS.map((k) => ({ value: k, label: p(`forms.${k}`) })) }]} />
          <RadioGroup name="delivery" legend={p("delivery")} value={values.delivery} errors={errors} required groups={[{ choices: DELIVERIES.map((k) => ({ value: k, label: p(`deliveries.${k}`) })) }]} />
        </fieldset>
        <p className="actions">
          <SubmitButton className="button primary">
            {t("staff.register.submit")}
          </SubmitButton>
        </p>
      </PostForm>
    </>
  );
}

function channelsUsing(fact: string, locale: ReturnType<typeof useLocale>): string {
  return RECEIPT_CHANNELS.filter((c: ReceiptChannel) => RECEIPT_RULES[c].fact === fact || RECEIPT_RULES[c].confirmSameDayAs === fact)
    .map((c) => RECEIPT_RULES[c].label[locale])
    .join(locale === "en" ? ", " : "、");
}
