import { TextField } from '../components/text-field';
import type { accountTexts } from './account-texts';

type AccountTexts = ReturnType<typeof accountTexts>;

/** The server's password policy (12–256 characters), checked before sending. */
const MIN_PASSWORD = 12;

/**
 * Why a new password and its repetition cannot be sent, or undefined: the account text saying so,
 * looked up when shown (so it follows the language switch).
 */
export function newPasswordProblem(
  password: string,
  repeat: string,
): 'tooShort' | 'mismatch' | undefined {
  if (password.length < MIN_PASSWORD) return 'tooShort';
  if (password !== repeat) return 'mismatch';
  return undefined;
}

interface Props {
  /** Prefix of the controls' ids (`<prefix>-new`, `-repeat`, `-hint`). */
  readonly idPrefix: string;
  readonly a: AccountTexts;
  readonly password: string;
  readonly repeat: string;
  readonly onPassword: (value: string) => void;
  readonly onRepeat: (value: string) => void;
  readonly className?: string;
}

/** A new password with the policy hint, and its repetition (L3-04: set from a link or changed). */
export function NewPasswordFields({
  idPrefix,
  a,
  password,
  repeat,
  onPassword,
  onRepeat,
  className,
}: Props) {
  return (
    <>
      <TextField
        id={`${idPrefix}-new`}
        label={a.newPassword}
        type="password"
        autoComplete="new-password"
        required
        className={className}
        value={password}
        onChange={onPassword}
        aria-describedby={`${idPrefix}-hint`}
      >
        <p className="hint" id={`${idPrefix}-hint`}>
          {a.passwordHint}
        </p>
      </TextField>
      <TextField
        id={`${idPrefix}-repeat`}
        label={a.repeatPassword}
        type="password"
        autoComplete="new-password"
        required
        className={className}
        value={repeat}
        onChange={onRepeat}
      />
    </>
  );
}
