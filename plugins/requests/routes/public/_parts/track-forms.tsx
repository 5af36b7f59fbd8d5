import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, type FieldErrors, PostForm, SubmitButton, TextArea, TextField } from "../../../../../app/plugin-api/ui";

/** Tracking number and query code; a POST, so the code never sits in an address bar or a log. */
export function LookupForm({ keys, errors }: { keys: { trackingNo: string; queryCode: string }; errors: FieldErrors }) {
  const { t } = useTranslation("requests");
  return (
    <PostForm noValidate className="stack narrow">
      <ErrorSummary errors={errors} labels={{ trackingNo: t("public.track.trackingNo"), queryCode: t("public.track.queryCode") }} />
      <input type="hidden" name="intent" value="lookup" />
      <TextField name="trackingNo" label={t("public.track.trackingNo")} hint={t("public.track.trackingNoHint")} defaultValue={keys.trackingNo} errors={errors} maxLength={30} autoComplete="off" spellCheck={false} required />
      <TextField name="queryCode" label={t("public.track.queryCode")} hint={t("public.track.queryCodeHint")} defaultValue={keys.queryCode} errors={errors} maxLength={30} autoComplete="off" spellCheck={false} required />
      <div className="actions">
        <SubmitButton className="button primary">
          {t("public.track.submit")}
        </SubmitButton>
      </div>
    </PostForm>
  );
}

/** The 补正 sent from the tracking page; the keys travel along so the answer shows the application again. */
export function SupplementForm({ keys, errors, value }: { keys: { trackingNo: string; queryCode: string }; errors: FieldErrors; value: string }) {
  const { t } = useTranslation("requests");
  return (
    <section aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t("public.track.supplement.title")}</h2>
      <p>{t("public.track.supplement.intro")}</p>
      <PostForm noValidate className="stack">
        <ErrorSummary errors={errors} labels={{ supplement: t("public.track.supplement.body") }} idPrefix="s" />
        <input type="hidden" name="intent" value="supplement" />
        <input type="hidden" name="trackingNo" value={keys.trackingNo} />
        <input type="hidden" name="queryCode" value={keys.queryCode} />
        <TextArea name="supplement" label={t("public.track.supplement.body")} hint={t("public.track.supplement.hint")} defaultValue={value} errors={errors} maxLength={2000} idPrefix="s" required />
        <div className="actions">
          <SubmitButton className="button primary">
            {t("public.track.supplement.submit")}
          </SubmitButton>
        </div>
      </PostForm>
    </section>
  );
}

export function TrackAnother({ code }: { code: string }) {
  const { t } = useTranslation("requests");
  return (
    <p>
      <Link to={`/t/${code}/requests/track`} reloadDocument>
        {t("public.track.another")}
      </Link>
    </p>
  );
}
