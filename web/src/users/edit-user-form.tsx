import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { ROLES_BY_KIND, type User } from '../api/operations';
import { FormFooter } from '../components/form-footer';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { UPDATE_USER } from './user-operations';
import { type UserProfile, UserProfileFields } from './user-profile-fields';

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
  const [profile, setProfile] = useState<UserProfile>({
    displayName: user.displayName,
    roles: user.roles,
    locale: user.locale,
    timeZone: user.timeZone,
  });
  const [problem, setProblem] = useState<string>();
  const allowedRoles = ROLES_BY_KIND[user.organization.kind];
  const { displayName, roles, locale, timeZone } = profile;

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
        <UserProfileFields
          idPrefix="edit-user"
          allowedRoles={allowedRoles}
          profile={profile}
          onChange={(patch) => setProfile((p) => ({ ...p, ...patch }))}
        />
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
