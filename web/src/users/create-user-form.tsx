import { type FormEvent, useEffect, useState } from 'react';
import { type Organization, ROLES_BY_KIND } from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { TextField } from '../components/text-field';
import { accountTexts } from './account-texts';
import { unaccentedEmail } from './email-accents';
import { emailTakenText } from './email-taken';
import { INVITE_USER } from './user-operations';
import { type UserProfile, UserProfileFields } from './user-profile-fields';

const EMPTY_PROFILE: UserProfile = {
  displayName: '',
  roles: [],
  locale: 'ES_MX',
  timeZone: 'America/Mexico_City',
};

interface Props {
  organizations: Organization[];
  onCreated: () => Promise<void>;
  /**
   * An organization to choose now (a client just created, QA S60), with its `at` so choosing the
   * same one again (after picking another meanwhile) chooses it again.
   */
  choose?: { readonly organizationId: string; readonly at: number };
}

/**
 * Issues a portal user or staff account (L3-04): roles offered fit the organization's kind. No
 * password is handed over: the user is emailed an invitation link to choose one.
 */
export function CreateUserForm({ organizations, onCreated, choose }: Props) {
  const { t, language } = useI18n();
  const a = accountTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const [organizationId, setOrganizationId] = useState('');
  const [email, setEmail] = useState('');
  const [profile, setProfile] = useState<UserProfile>(EMPTY_PROFILE);
  const [problem, setProblem] = useNotice();
  const { displayName, roles, locale, timeZone } = profile;
  useEffect(() => {
    if (choose) setOrganizationId(choose.organizationId);
  }, [choose]);

  const org = organizations.find((o) => o.id === organizationId) ?? organizations[0];
  const allowedRoles = org ? ROLES_BY_KIND[org.kind] : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return setProblem(({ t }) => t.tickets.required(t.users.email));
    const plain = unaccentedEmail(email.trim());
    if (plain) return setProblem(({ language }) => accountTexts(language).emailAccented(plain));
    if (!displayName.trim()) return setProblem(({ t }) => t.tickets.required(t.users.displayName));
    const chosen = roles.filter((r) => allowedRoles.includes(r));
    if (chosen.length === 0) return setProblem(({ t }) => t.users.rolesRequired);
    if (!org) return;
    setProblem(undefined);
    const ok = await form.run(
      async () => {
        const { createUser } = await call(INVITE_USER, {
          input: {
            organizationId: org.id,
            email: email.trim(),
            displayName: displayName.trim(),
            roles: chosen,
            locale,
            timeZone,
          },
        });
        await onCreated();
        return createUser;
      },
      (user, w) => accountTexts(w.language).invited(user.email),
    );
    if (ok) {
      setEmail('');
      // The next person starts from the defaults, not the last one's language and zone (QA S55:
      // three users in a row got English emails).
      setProfile(EMPTY_PROFILE);
    }
  };

  const taken = emailTakenText(form.error, t);

  return (
    <section className="card" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t.users.create}</h2>
      {/* A missing field is said in the app's words, not by the browser's bubble in its own
          language (QA S22); the API refuses a malformed address in words too. */}
      <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="new-user-org">{t.users.organization}</label>
          <select
            id="new-user-org"
            value={org?.id ?? ''}
            onChange={(e) => setOrganizationId(e.target.value)}
            required
          >
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="new-user-email"
          label={t.users.email}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={setEmail}
        />
        <UserProfileFields
          idPrefix="new-user"
          allowedRoles={allowedRoles}
          profile={profile}
          onChange={(patch) => setProfile((p) => ({ ...p, ...patch }))}
        />
        <p className="hint span-all" id="new-user-invitation">
          {a.invitationNote}
        </p>
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy || !org}>
            {t.users.create}
          </button>
        </div>
        <div className="span-all">
          {(problem ?? taken) && (
            <p className="notice notice-error" role="alert">
              {problem ?? taken}
            </p>
          )}
          {!taken && <ErrorMessage error={form.error} />}
          <SuccessMessage text={form.done} />
        </div>
      </form>
    </section>
  );
}
