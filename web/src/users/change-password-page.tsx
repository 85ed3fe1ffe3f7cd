import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields';
import { MyTimeZoneForm } from './my-time-zone-form';
import { CHANGE_PASSWORD } from './user-operations';

/**
 * «Mi cuenta» (`/mi-cuenta`, formerly `/cambiar-contrasena`): any logged-in user changes their own
 * password (L3-04) and sets their own time zone (L3-11); the header's switch saves the language.
 */
export function ChangePasswordPage() {
  const { language } = useI18n();
  const a = accountTexts(language);
  const { call, adopt } = useSession();
  const form = useMutationForm();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useNotice();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = newPasswordProblem(next, repeat);
    setProblem(refused && ((w) => accountTexts(w.language)[refused]));
    if (refused) return;
    const ok = await form.run(
      async () => {
        const { changePassword } = await call(CHANGE_PASSWORD, {
          currentPassword: current,
          newPassword: next,
        });
        // Every earlier session ended, this tab's too: it carries on with the fresh one.
        adopt(changePassword);
      },
      (_, w) => accountTexts(w.language).changed,
    );
    if (ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  };

  const wrongCurrent =
    form.error instanceof ApiError && form.error.reason === 'WRONG_CURRENT_PASSWORD';

  return (
    <>
      <section className="card narrow" aria-labelledby="my-account-title">
        <h1 id="my-account-title">{a.accountTitle}</h1>
        <p className="muted">{a.accountIntro}</p>
      </section>
      <section className="card narrow" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{a.changeTitle}</h2>
        <form className="form-grid" onSubmit={(e) => void submit(e)}>
          <TextField
            id="change-password-current"
            label={a.currentPassword}
            type="password"
            autoComplete="current-password"
            required
            className="span-all"
            value={current}
            onChange={setCurrent}
          />
          <NewPasswordFields
            idPrefix="change-password"
            a={a}
            className="span-all"
            password={next}
            repeat={repeat}
            onPassword={setNext}
            onRepeat={setRepeat}
          />
          {(problem ?? wrongCurrent) && (
            <p className="notice notice-error span-all" role="alert">
              {problem ?? a.wrongCurrent}
            </p>
          )}
          <FormFooter
            form={wrongCurrent ? { ...form, error: undefined } : form}
            label={a.changeSubmit}
            buttonClassName="button primary"
          />
        </form>
      </section>
      <MyTimeZoneForm />
    </>
  );
}

/** Where «Mi cuenta» lives; the old path still opens it (bookmarks). */
export const ACCOUNT_PATHS = ['/mi-cuenta', '/cambiar-contrasena'];

/** The shell's link to {@link ChangePasswordPage} («Mi cuenta»), in the UI language. */
export function ChangePasswordLink() {
  const { language } = useI18n();
  return (
    <Link to={ACCOUNT_PATHS[0]} className="button ghost">
      {accountTexts(language).accountLink}
    </Link>
  );
}
