import { type FormEvent, useLayoutEffect, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { linkLanguage } from './link-language';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields';
import { SET_PASSWORD_WITH_TOKEN } from './user-operations';

/**
 * `/contrasena?token=…&lang=…` (public): a new user's invitation or an admin's reset link sets the
 * password once (L3-04); then the login page, with the email filled in.
 */
export function SetPasswordPage() {
  const { language, adoptAccountLocale } = useI18n();
  const a = accountTexts(language);
  // The link names the recipient's language (its email's): the page speaks it too, unless this
  // device remembers a language (its switch, or the account of its last login).
  useLayoutEffect(() => {
    const lang = linkLanguage(window.location.search);
    if (lang) adoptAccountLocale(lang === 'en' ? 'EN' : 'ES_MX');
  }, [adoptAccountLocale]);
  const { call } = useSession();
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useNotice();
  const form = useMutationForm();
  const [doneFor, setDoneFor] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = newPasswordProblem(password, repeat);
    setProblem(refused && ((w) => accountTexts(w.language)[refused]));
    if (refused) return;
    await form.run(
      async () => {
        const { setPasswordWithToken } = await call(SET_PASSWORD_WITH_TOKEN, { token, password });
        setDoneFor(setPasswordWithToken.email);
      },
      (_, w) => accountTexts(w.language).setDone,
    );
  };
  // A spent, expired or unknown link is worded for this page; any other refusal as usual.
  const linkInvalid =
    form.error instanceof ApiError && form.error.reason === 'PASSWORD_LINK_INVALID';

  return (
    <section className="card narrow" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{a.setTitle}</h1>
      {doneFor ? (
        <>
          <SuccessMessage text={a.setDone} />
          <p className="muted">{doneFor}</p>
          <p>
            <Link to="/entrar" className="button primary">
              {a.goLogin}
            </Link>
          </p>
        </>
      ) : !token ? (
        <p className="notice notice-error" role="alert">
          {a.noToken}
        </p>
      ) : (
        <>
          <p className="muted">{a.setIntro}</p>
          <form onSubmit={(e) => void submit(e)}>
            <NewPasswordFields
              idPrefix="set-password"
              a={a}
              password={password}
              repeat={repeat}
              onPassword={setPassword}
              onRepeat={setRepeat}
            />
            {(problem ?? linkInvalid) && (
              <p className="notice notice-error" role="alert">
                {problem ?? a.linkInvalid}
              </p>
            )}
            {!linkInvalid && <ErrorMessage error={form.error} />}
            <button type="submit" className="button primary" disabled={form.busy}>
              {a.setSubmit}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
