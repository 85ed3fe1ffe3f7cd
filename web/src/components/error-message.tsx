import { ApiError } from '../api/graphql-client';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/es-mx';

/** Codes whose server message says something useful to the person (which field, which date). */
const DETAILED = new Set(['VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION']);

/** The error in the UI language; `overrides` rewords a code for one screen (e.g. login). */
export function describeError(
  error: unknown,
  t: Messages,
  overrides: Partial<Record<string, string>> = {},
): { text: string; detail?: string } {
  if (error instanceof ApiError) {
    const base = overrides[error.code] ?? t.errors[error.code];
    // RATE_LIMITED says when the next attempt will be taken.
    const text =
      error.code === 'RATE_LIMITED' && error.retryAfterSeconds
        ? `${base} ${t.errors.retryIn(error.retryAfterSeconds)}`
        : base;
    return { text, detail: DETAILED.has(error.code) ? error.message : undefined };
  }
  return { text: t.errors.INTERNAL, detail: error instanceof Error ? error.message : undefined };
}

interface Props {
  error: unknown;
  overrides?: Partial<Record<string, string>>;
  id?: string;
}

/** An error announced to screen readers, next to the form or section it belongs to. */
export function ErrorMessage({ error, overrides, id }: Props) {
  const { t } = useI18n();
  if (!error) return null;
  const { text, detail } = describeError(error, t, overrides);
  return (
    <div className="notice notice-error" role="alert" id={id}>
      <p>{text}</p>
      {detail && (
        <p className="notice-detail">
          <span>{t.errors.detail}: </span>
          <span lang="en">{detail}</span>
        </p>
      )}
    </div>
  );
}

/** A success note, announced politely. */
export function SuccessMessage({ text }: { text: string | undefined }) {
  return (
    <p className="notice notice-success" role="status" hidden={!text}>
      {text}
    </p>
  );
}
