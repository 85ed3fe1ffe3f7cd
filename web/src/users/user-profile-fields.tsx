import type { Locale, Role } from '../api/operations';
import { TextField } from '../components/text-field';
import { TimeZonePicker } from '../components/time-zone-picker';
import { useI18n } from '../i18n/i18n-context';

/** What a user is besides their email and organization (L3-04). */
export interface UserProfile {
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly locale: Locale;
  readonly timeZone: string;
}

interface Props {
  /** Prefix of the controls' ids (`<prefix>-name`, `-locale`, `-zone`). */
  readonly idPrefix: string;
  /** The roles the user's organization kind allows. */
  readonly allowedRoles: readonly Role[];
  readonly profile: UserProfile;
  readonly onChange: (patch: Partial<UserProfile>) => void;
}

/** The profile fields the create and edit forms share: name, roles, language, time zone. */
export function UserProfileFields({ idPrefix, allowedRoles, profile, onChange }: Props) {
  const { t } = useI18n();
  const toggleRole = (role: Role, on: boolean) =>
    onChange({
      roles: on ? [...profile.roles, role] : profile.roles.filter((r) => r !== role),
    });

  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label={t.users.displayName}
        autoComplete="off"
        required
        maxLength={200}
        value={profile.displayName}
        onChange={(displayName) => onChange({ displayName })}
      />
      <fieldset className="field">
        <legend>{t.users.roles}</legend>
        {allowedRoles.map((role) => (
          <label className="check" key={role}>
            <input
              type="checkbox"
              checked={profile.roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
            {t.users.roleNames[role]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}-locale`}>{t.users.locale}</label>
        <select
          id={`${idPrefix}-locale`}
          value={profile.locale}
          onChange={(e) => onChange({ locale: e.target.value as Locale })}
        >
          {(['ES_MX', 'EN'] as const).map((l) => (
            <option key={l} value={l}>
              {t.users.localeNames[l]}
            </option>
          ))}
        </select>
      </div>
      <TimeZonePicker
        id={`${idPrefix}-zone`}
        className="span-2"
        label={t.users.timeZone}
        value={profile.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
      />
    </>
  );
}
