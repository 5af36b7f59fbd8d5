import { useTranslation } from "react-i18next";
import { PLATFORM_ROLES } from "~/core/permissions/roles";

/**
 * The platform roles as checkboxes, not a single choice: the server, not the widget, enforces
 * 三员分立, so a refused combination is explained in place with the official wording.
 */
export function PlatformRoleChoice({ selected, errors, disabled }: { selected: readonly string[]; errors?: string[]; disabled?: boolean }) {
  const { t } = useTranslation("platform");
  const id = "f-platformRoles";
  return (
    <fieldset
      className="checks"
      aria-describedby={`${id}-hint${errors?.length ? ` ${id}-error` : ""}`}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend>{t("accounts.platformRoles")}</legend>
      {/* Disabled boxes are not submitted: the unchanged role still travels with the form. */}
      {disabled && selected.map((r) => <input key={r} type="hidden" name="platformRoles" value={r} />)}
      {PLATFORM_ROLES.map((r) => (
        <label key={r}>
          <input type="checkbox" name="platformRoles" value={r} defaultChecked={selected.includes(r)} disabled={disabled} />
          {t(`core:roles.${r}`)}
        </label>
      ))}
      <p className="hint" id={`${id}-hint`}>
        {disabled ? t("accounts.ownRoleHint") : t("accounts.platformRolesHint")}
      </p>
      {errors?.length ? (
        <p className="error" id={`${id}-error`} role="alert">
          {errors.map((k) => t(k.includes(":") ? k : `core:${k}`)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
