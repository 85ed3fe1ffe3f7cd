import { useMemo } from 'react';
import type { Locale, Role } from '../api/operations';
import { TextField } from '../components/text-field';
import { useI18n } from '../i18n/i18n-context';

/** What a user is besides their email and organisation (L3-04). */
export interface UserProfile {
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly locale: Locale;
  readonly timeZone: string;
}

interface Props {
  /** Prefix of the controls' ids (`<prefix>-name`, `-locale`, `-zone`). */
  readonly idPrefix: string;
  /** The roles the user's organisation kind allows. */
  readonly allowedRoles: readonly Role[];
  readonly profile: UserProfile;
  readonly onChange: (patch: Partial<UserProfile>) => void;
}

/** The profile fields the create and edit forms share: name, roles, language, time zone. */
export function UserProfileFields({ idPrefix, allowedRoles, profile, onChange }: Props) {
  const { t } = useI18n();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
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
      <TextField
        id={`${idPrefix}-zone`}
        label={t.users.timeZone}
        list={`${idPrefix}-zones`}
        required
        value={profile.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
      >
        <datalist id={`${idPrefix}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </TextField>
    </>
  );
}
