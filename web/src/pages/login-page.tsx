import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n-context';
import { Link, navigate } from '../router/router';
import { homePath } from '../session/roles';
import { useSession } from '../session/session-context';
import { TextField } from '../components/text-field';
import { accountTexts } from '../users/account-texts';
import { forgotPasswordHref } from '../users/forgot-password-page';

/** Where to go after logging in: the page that sent us here, if it is one of ours. */
function nextPath(): string | undefined {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function LoginPage() {
  const { t, language } = useI18n();
  const { login, ended, endedBecause } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await login(email.trim(), password);
      navigate(nextPath() ?? homePath(user), { replace: true });
    } catch (err) {
      // What was typed stays in the form; only the error changes.
      setError(err instanceof ApiError ? err : new ApiError('INTERNAL', String(err)));
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t.login.title}</h1>
      <p className="muted">{t.login.intro}</p>
      {ended && !error && (
        <p className="notice notice-info" role="status">
          {(endedBecause && t.login.sessionEndedBecause[endedBecause]) || t.login.sessionExpired}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate={false} aria-describedby="login-error">
        <TextField
          id="login-email"
          label={t.login.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          id="login-password"
          label={t.login.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <ErrorMessage
          id="login-error"
          error={error}
          overrides={{ UNAUTHENTICATED: t.login.wrongCredentials }}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t.login.submitting : t.login.submit}
        </button>
      </form>
      <p className="small">
        <Link to={forgotPasswordHref(email)}>{accountTexts(language).forgotLink}</Link>
      </p>
      <p className="muted small">
        <Link to="/plazos">{t.login.publicCalculator}</Link>
      </p>
    </section>
  );
}
