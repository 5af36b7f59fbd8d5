import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldErrors, FileField, PostForm, RadioGroup, SubmitButton, TextArea, TextField, useLocale } from "../../../../../app/plugin-api/ui";
import { APPLICANT_TYPE_INFO, ORGANISATION_GROUP_LABEL } from "../../../law/applicants";
import { DELIVERIES, FORMS, ID_TYPES } from "../../../server/applicant";
import { ATTACHMENT, HONEYPOT, type ApplyValues } from "../../../server/public/apply-form";
import { applyLabels } from "./apply-labels";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/**
 * The application of 条例第二十九条: who applies, how to reach them, what they want and in what form.
 * Without JavaScript both the person's and the organisation's fields show; with it, only those of
 * the chosen applicant type. The server checks only the chosen type's fields either way; each
 * group's fields are marked required inside the group that needs them (证件 for 自然人, 名称 and
 * 统一社会信用代码 for an organisation).
 */
export function ApplicationForm({ values, errors, chooseFileAgain }: { values: ApplyValues; errors: FieldErrors; chooseFileAgain: boolean }) {
  const { t } = useTranslation("requests");
  const locale = useLocale();
  const [type, setType] = useState(values.applicantType);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const group = APPLICANT_TYPE_INFO.find((i) => i.key === type)?.group;
  // A class that sets `display` would override the hidden attribute, so a hidden group has none.
  const shown = (g: "natural" | "organisation") => (enhanced && group && group !== g ? { hidden: true } : { className: "stack" });
  const req = (key: string) => t("public.apply.requiredLabel", { label: t(key) });
  const p = (key: string) => t(`public.apply.${key}`);
  const labels = { ...applyLabels(p), [ATTACHMENT]: p("attachment") };

  return (
    <PostForm encType="multipart/form-data" noValidate className="stack">
      <ErrorSummary errors={errors} labels={labels} />
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="f-website">{p("honeypot")}</label>
        <input id="f-website" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <section className="stack" aria-labelledby="apply-applicant">
        <h2 id="apply-applicant">{p("applicant.legend")}</h2>
        <RadioGroup
          name="applicantType"
          legend={req("public.apply.applicant.type")}
          value={values.applicantType}
          errors={errors}
          onChange={setType}
          groups={[
            { choices: APPLICANT_TYPE_INFO.filter((i) => i.group === "natural").map((i) => ({ value: i.key, label: i.label[locale] })) },
            {
              heading: ORGANISATION_GROUP_LABEL[locale],
              choices: APPLICANT_TYPE_INFO.filter((i) => i.group === "organisation").map((i) => ({ value: i.key, label: i.label[locale] })),
            },
          ]}
        />
        <TextField size={12} name="name" label={req("public.apply.name")} hint={p("nameHint")} defaultValue={values.name} errors={errors} maxLength={50} autoComplete="name" aria-required />
        {(!enhanced || !group) && <p className="hint">{p("applicant.bothShown")}</p>}
        <fieldset {...shown("natural")}>
          <legend>{p("applicant.natural")}</legend>
          <RadioGroup
            name="idType"
            legend={req("public.apply.idType")}
            value={values.idType}
            errors={errors}
            groups={[{ choices: ID_TYPES.map((k) => ({ value: k, label: p(`idTypes.${k}`) })) }]}
          />
          <TextField size={12} name="idNumber" label={req("public.apply.idNumber")} hint={p("idNumberHint")} defaultValue={values.idNumber} errors={errors} maxLength={30} autoComplete="off" spellCheck={false} aria-required />
        </fieldset>
        <fieldset {...shown("organisation")}>
          <legend>{p("applicant.organisation")}</legend>
          <TextField size={12} name="organisation" label={req("public.apply.organisationName")} defaultValue={values.organisation} errors={errors} maxLength={100} autoComplete="organization" aria-required />
          <TextField size={12} name="creditCode" label={req("public.apply.creditCode")} hint={p("creditCodeHint")} defaultValue={values.creditCode} errors={errors} maxLength={18} autoComplete="off" spellCheck={false} aria-required />
        </fieldset>
      </section>

      <section className="stack" aria-labelledby="apply-contact">
        <h2 id="apply-contact">{p("contact")}</h2>
        <TextField size={12} name="phone" type="tel" label={req("public.apply.phone")} hint={p("phoneHint")} defaultValue={values.phone} errors={errors} maxLength={20} autoComplete="tel" inputMode="tel" aria-required />
        <TextField size={12} name="email" type="email" label={p("email")} defaultValue={values.email} errors={errors} maxLength={100} autoComplete="email" />
        <TextField size={12} name="address" label={p("address")} defaultValue={values.address} errors={errors} maxLength={200} autoComplete="street-address" />
        <TextField size={12} name="postcode" label={p("postcode")} defaultValue={values.postcode} errors={errors} maxLength={6} autoComplete="postal-code" inputMode="numeric" />
      </section>

      <section className="stack" aria-labelledby="apply-request">
        <h2 id="apply-request">{p("request")}</h2>
        <TextField size={12} name="subject" label={req("public.apply.subject")} hint={p("subjectHint")} defaultValue={values.subject} errors={errors} maxLength={200} aria-required />
        <TextField size={12} name="docNumber" label={p("docNumber")} hint={p("docNumberHint")} defaultValue={values.docNumber} errors={errors} maxLength={100} />
        <TextArea name="description" label={req("public.apply.description")} hint={p("descriptionHint")} defaultValue={values.description} errors={errors} aria-required />
        <div className="stack">
          <p className="hint" id="suggest-hint">
            {p("suggestHint")}
          </p>
          <div className="actions">
            <SubmitButton name="intent" value="suggest" className="button" aria-describedby="suggest-hint">
              {p("suggest")}
            </SubmitButton>
          </div>
        </div>
      </section>

      <RadioGroup
        name="form"
        legend={req("public.apply.form")}
        value={values.form}
        errors={errors}
        groups={[{ choices: FORMS.map((k) => ({ value: k, label: p(`forms.${k}`) })) }]}
      />
      <RadioGroup
        name="delivery"
        legend={req("public.apply.delivery")}
        value={values.delivery}
        errors={errors}
        groups={[{ choices: DELIVERIES.map((k) => ({ value: k, label: p(`deliveries.${k}`) })) }]}
      />

      <FileField
        name={ATTACHMENT}
        accept={ACCEPT}
        label={p("attachment")}
        hint={chooseFileAgain ? `${p("attachmentHint")} ${p("chooseFileAgain")}` : p("attachmentHint")}
        errors={errors}
      />

      <div className="actions">
        <SubmitButton name="intent" value="submit">
          {p("submit")}
        </SubmitButton>
      </div>
    </PostForm>
  );
}
