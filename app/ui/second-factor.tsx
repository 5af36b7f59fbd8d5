import { useTranslation } from "react-i18next";
import { TextField } from "./form-kit";
import type { FieldErrors } from "~/core/input/field-errors";

/** What an enrolment page shows: the QR code, the same secret as text, and the sealed offer to send back. */
export interface EnrolmentView {
  pending: string;
  secret: string;
  qrCode: string;
}

/** The fields of an enrolment form: scan (or type) the secret, then confirm with the app's first code. */
export function EnrolmentFields({ offer, errors }: { offer: EnrolmentView; errors?: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <ol className="stack">
        <li>{t("mfa.enrol.install")}</li>
        <li>
          {t("mfa.enrol.scan")}
          <div>
            <img src={offer.qrCode} width={200} height={200} alt={t("mfa.enrol.qrAlt")} />
          </div>
          <p>
            {t("mfa.enrol.manual")} <code className="totp-secret">{offer.secret}</code>
          </p>
        </li>
        <li>{t("mfa.enrol.confirm")}</li>
      </ol>
      <input type="hidden" name="pending" value={offer.pending} />
      <TextField
        name="code"
        label={t("mfa.enrol.code")}
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        errors={errors}
      />
    </>
  );
}

/** New recovery codes, shown this once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes">
      <h2 id="recovery-codes">{t("mfa.recovery.title")}</h2>
      <p>{t("mfa.recovery.intro", { count: codes.length })}</p>
      <ul className="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
