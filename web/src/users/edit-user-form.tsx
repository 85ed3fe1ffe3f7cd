import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { ROLES_BY_KIND, type User } from '../api/operations';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { unaccentedEmail } from './email-accents';
import { emailTakenText } from './email-taken';
import { UPDATE_USER } from './user-operations';
import { type UserProfile, UserProfileFields } from './user-profile-fields';

interface Props {
  user: User;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

/** Edits a user's name, roles (those of the organization's kind), language and zone (L3-04). */
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
  // L3-04: a mistyped address is corrected here; the user is emailed at the new one.
  const [email, setEmail] = useState(user.email);
  const [problem, setProblem] = useNotice();
  const allowedRoles = ROLES_BY_KIND[user.organization.kind];
  const { displayName, roles, locale, timeZone } = profile;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = allowedRoles.filter((r) => roles.includes(r));
    if (chosen.length === 0) return setProblem(({ t }) => t.users.rolesRequired);
    // Checked when corrected only: an address stored before the API refused accents stays editable.
    const plain = email.trim().toLowerCase() !== user.email ? unaccentedEmail(email.trim()) : null;
    if (plain) return setProblem(({ language }) => accountTexts(language).emailAccented(plain));
    setProblem(undefined);
    await form.run(
      async () => {
        const corrected = email.trim().toLowerCase();
        const { updateUser } = await call(UPDATE_USER, {
          input: {
            userId: user.id,
            ...(corrected !== user.email ? { email: corrected } : {}),
            displayName: displayName.trim(),
            roles: chosen,
            locale,
            timeZone,
          },
        });
        await onSaved();
        return updateUser;
      },
      (saved, w) =>
        saved.email !== user.email
          ? accountTexts(w.language).emailChanged(user.email, saved.email)
          : accountTexts(w.language).saved(saved.email),
    );
  };

  // A refusal with words of its own is said alone, not under the generic one.
  const ownWords =
    form.error instanceof ApiError && form.error.reason === 'OWN_ADMIN_ROLE'
      ? a.ownAdminRole
      : emailTakenText(form.error, t);

  return (
    <section className="card" aria-labelledby="edit-user-title" data-testid="edit-user">
      <h2 id="edit-user-title">{a.editTitle(user.email)}</h2>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <TextField
          id="edit-user-email"
          label={t.users.email}
          type="email"
          autoComplete="off"
          required
          maxLength={254}
          value={email}
          onChange={setEmail}
          aria-describedby="edit-user-email-hint"
        >
          <p className="hint" id="edit-user-email-hint">
            {user.invitationPending ? a.emailHintPending : a.emailHintActive}
          </p>
        </TextField>
        <UserProfileFields
          idPrefix="edit-user"
          allowedRoles={allowedRoles}
          profile={profile}
          onChange={(patch) => setProfile((p) => ({ ...p, ...patch }))}
        />
        {(problem ?? ownWords) && (
          <p className="notice notice-error span-all" role="alert">
            {problem ?? ownWords}
          </p>
        )}
        <FormFooter
          form={ownWords ? { ...form, error: undefined } : form}
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
