import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { SET_PASSWORD_WITH_TOKEN } from './user-operations';

const MIN_PASSWORD = 12;

/**
 * `/contrasena?token=…` (public): a new user's invitation or an admin's reset link sets the
 * password once (L3-04); then the login page, with the email filled in.
 */
export function SetPasswordPage() {
  const { language } = useI18n();
  const a = accountTexts(language);
  const { call } = useSession();
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [doneFor, setDoneFor] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return setProblem(a.tooShort);
    if (password !== repeat) return setProblem(a.mismatch);
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const { setPasswordWithToken } = await call(SET_PASSWORD_WITH_TOKEN, { token, password });
      setDoneFor(setPasswordWithToken.email);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'PASSWORD_LINK_INVALID')
        setProblem(a.linkInvalid);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

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
            <TextField
              id="set-password-new"
              label={a.newPassword}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={setPassword}
              aria-describedby="set-password-hint"
            >
              <p className="hint" id="set-password-hint">
                {a.passwordHint}
              </p>
            </TextField>
            <TextField
              id="set-password-repeat"
              label={a.repeatPassword}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={setRepeat}
            />
            {problem && (
              <p className="notice notice-error" role="alert">
                {problem}
              </p>
            )}
            <ErrorMessage error={error} />
            <button type="submit" className="button primary" disabled={busy}>
              {a.setSubmit}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
