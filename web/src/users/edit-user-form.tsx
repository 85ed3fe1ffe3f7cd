import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { type Locale, type Role, ROLES_BY_KIND, type User } from '../api/operations';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { UPDATE_USER } from './user-operations';

interface Props {
  user: User;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

/** Edits a user's name, roles (those of the organisation's kind), language and zone (L3-04). */
export function EditUserForm({ user, onSaved, onClose }: Props) {
  const { t, language } = useI18n();
  const a = accountTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [problem, setProblem] = useState<string>();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const allowedRoles = ROLES_BY_KIND[user.organization.kind];

  const toggleRole = (role: Role, on: boolean) =>
    setRoles((all) => (on ? [...all, role] : all.filter((r) => r !== role)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = allowedRoles.filter((r) => roles.includes(r));
    if (chosen.length === 0) return setProblem(t.users.rolesRequired);
    setProblem(undefined);
    await form.run(
      async () => {
        const { updateUser } = await call(UPDATE_USER, {
          input: {
            userId: user.id,
            displayName: displayName.trim(),
            roles: chosen,
            locale,
            timeZone,
          },
        });
        await onSaved();
        return updateUser;
      },
      (saved) => a.saved(saved.email),
    );
  };

  const ownAdmin =
    form.error instanceof ApiError && form.error.reason === 'OWN_ADMIN_ROLE'
      ? a.ownAdminRole
      : undefined;

  return (
    <section className="card" aria-labelledby="edit-user-title" data-testid="edit-user">
      <h2 id="edit-user-title">{a.editTitle(user.email)}</h2>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <TextField
          id="edit-user-name"
          label={t.users.displayName}
          autoComplete="off"
          required
          maxLength={200}
          value={displayName}
          onChange={setDisplayName}
        />
        <fieldset className="field">
          <legend>{t.users.roles}</legend>
          {allowedRoles.map((role) => (
            <label className="check" key={role}>
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
              {t.users.roleNames[role]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="edit-user-locale">{t.users.locale}</label>
          <select
            id="edit-user-locale"
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            {(['ES_MX', 'EN'] as const).map((l) => (
              <option key={l} value={l}>
                {t.users.localeNames[l]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="edit-user-zone"
          label={t.users.timeZone}
          list="edit-time-zones"
          required
          value={timeZone}
          onChange={setTimeZone}
        >
          <datalist id="edit-time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </TextField>
        {(problem ?? ownAdmin) && (
          <p className="notice notice-error span-all" role="alert">
            {problem ?? ownAdmin}
          </p>
        )}
        <FormFooter
          form={ownAdmin ? { ...form, error: undefined } : form}
          label={a.save}
          buttonClassName="button primary"
        />
        <div className="form-actions span-all">
          <button type="button" className="button ghost" onClick={onClose}>
            {a.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
