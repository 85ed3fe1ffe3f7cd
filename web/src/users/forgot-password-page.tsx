import { type FormEvent, useState } from 'react';
import { FORGOT_PASSWORD_PATH } from '../../../src/shared/portal-paths';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { REQUEST_PASSWORD_RESET } from './user-operations';

/** The path of the page, and of the login page's link to it (with the email typed there). */
export { FORGOT_PASSWORD_PATH };

export const forgotPasswordHref = (email: string): string =>
  email.trim()
    ? `${FORGOT_PASSWORD_PATH}?correo=${encodeURIComponent(email.trim())}`
    : FORGOT_PASSWORD_PATH;

/**
 * `/olvide-contrasena` (public), «¿Olvidó su contraseña?» (L3-04): asks the API to email the
 * account a one-time link to `/contrasena`. The API answers the same whether the account exists,
 * so the confirmation is neutral ("if it belongs to an active account…").
 */
export function ForgotPasswordPage() {
  const { language } = useI18n();
  const a = accountTexts(language);
  const { call } = useSession();
  const [email, setEmail] = useState(
    () => new URLSearchParams(window.location.search).get('correo') ?? '',
  );
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The address the API answered for: the confirmation is worded from it in the current language.
  const [sentTo, setSentTo] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { requestPasswordReset } = await call(REQUEST_PASSWORD_RESET, { email: email.trim() });
      setSentTo(requestPasswordReset.email);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{a.forgotTitle}</h1>
      {sentTo ? (
        <>
          <p className="notice notice-success" role="status">
            {a.forgotSent(sentTo)}
          </p>
          <p className="muted">{a.forgotNoMail}</p>
        </>
      ) : (
        <>
          <p className="muted">{a.forgotIntro}</p>
          <form onSubmit={(e) => void submit(e)} aria-describedby="forgot-error">
            <TextField
              id="forgot-email"
              label={a.forgotEmail}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={setEmail}
            />
            <ErrorMessage
              id="forgot-error"
              error={error}
              overrides={{ VALIDATION_FAILED: a.forgotBadEmail, RATE_LIMITED: a.forgotRateLimited }}
            />
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? a.forgotSubmitting : a.forgotSubmit}
            </button>
          </form>
        </>
      )}
      <p className="muted small">
        <Link to="/entrar">{a.backToLogin}</Link>
      </p>
    </section>
  );
}
