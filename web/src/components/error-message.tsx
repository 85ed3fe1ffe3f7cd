import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/graphql-client';
import { serverErrorText } from '../i18n/error-text';
import { formatInstant } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { Messages } from '../i18n/es-mx';
import { useClientReader, useLocalTime } from '../tickets/ticket-bits';
import { useFocusWhenLost } from './use-focus-when-lost';

/** Codes whose server message says something useful to the person (which field, which date). */
const DETAILED = new Set(['VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION']);

/** How to word details: the user's time zone, and the labels of the form the error is about. */
export interface DescribeContext {
  readonly language: string;
  readonly timeZone: string;
  readonly fieldLabel?: (property: string, path: string) => string | undefined;
  /** A client reads ticket states in its words (`stateText`). */
  readonly client?: boolean;
}

/**
 * The error in the UI language; `overrides` rewords a code for one screen (e.g. login). The
 * detail is the server's reason in words when it is known (`i18n/error-text.ts`), else the
 * server's own message (English: `detailLanguage` says so).
 */
export function describeError(
  error: unknown,
  t: Messages,
  overrides: Partial<Record<string, string>> = {},
  context: DescribeContext = { language: 'es-MX', timeZone: 'America/Mexico_City' },
): { text: string; detail?: string; detailLanguage?: 'en' } {
  if (error instanceof ApiError) {
    const base = overrides[error.code] ?? t.errors[error.code];
    // RATE_LIMITED says when the next attempt will be taken.
    const text =
      error.code === 'RATE_LIMITED' && error.retryAfterSeconds
        ? `${base} ${t.errors.retryIn(error.retryAfterSeconds)}`
        : base;
    const worded = serverErrorText(
      { code: error.code, message: error.message, extensions: error.extensions },
      {
        server: t.serverErrors,
        roleNames: t.users.roleNames,
        actionNames: t.tickets.actionNames,
        states: context.client
          ? { ...t.tickets.states, ...t.tickets.clientStates }
          : t.tickets.states,
        categories: t.tickets.categories,
      },
      {
        language: context.language,
        formatInstant: (iso) => formatInstant(iso, context.language as 'es-MX', context.timeZone),
        fieldLabel: context.fieldLabel,
      },
    );
    if (worded) return { text, detail: worded };
    return DETAILED.has(error.code)
      ? { text, detail: error.message, detailLanguage: 'en' }
      : { text };
  }
  return {
    text: t.errors.INTERNAL,
    detail: error instanceof Error ? error.message : undefined,
    detailLanguage: 'en',
  };
}

/**
 * The label a form shows for `property`: the control whose `name` is the property, or whose id
 * is it or ends with `-property`, inside `scope` (the error's form or section).
 */
export function formLabelOf(scope: Element | null, property: string): string | undefined {
  if (!scope || !property) return undefined;
  const controls = Array.from(scope.querySelectorAll('input, textarea, select'));
  const wanted = property.toLowerCase();
  const control = controls.find((c) => {
    const name = (c.getAttribute('name') ?? '').toLowerCase();
    const id = c.id.toLowerCase();
    return name === wanted || id === wanted || id.endsWith(`-${wanted}`);
  }) as HTMLInputElement | undefined;
  const label = control?.labels?.[0]?.textContent?.trim();
  return label || undefined;
}

interface Props {
  error: unknown;
  overrides?: Partial<Record<string, string>>;
  id?: string;
}

/** An error announced to screen readers, next to the form or section it belongs to. */
export function ErrorMessage({ error, overrides, id }: Props) {
  const { t, language } = useI18n();
  const { zone } = useLocalTime();
  const client = useClientReader();
  const [scope, setScope] = useState<Element | null>(null);
  // The closest form (else section) around the message: its labels name the fields.
  const place = useCallback((el: HTMLDivElement | null) => {
    setScope(el?.closest('form') ?? el?.closest('section') ?? null);
  }, []);
  if (!error) return null;
  const { text, detail, detailLanguage } = describeError(error, t, overrides, {
    language,
    timeZone: zone,
    fieldLabel: (property) => formLabelOf(scope, property),
    client,
  });
  return (
    <div className="notice notice-error" role="alert" id={id} ref={place}>
      <p>{text}</p>
      {detail && (
        <p className="notice-detail">
          {detailLanguage ? (
            <>
              <span>{t.errors.detail}: </span>
              <span lang={detailLanguage}>{detail}</span>
            </>
          ) : (
            detail
          )}
        </p>
      )}
    </div>
  );
}

/** A success note, announced politely; it takes the focus a sent form leaves behind. */
export function SuccessMessage({ text }: { text: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useFocusWhenLost(ref, text);
  return (
    <p className="notice notice-success" role="status" hidden={!text} tabIndex={-1} ref={ref}>
      {text}
    </p>
  );
}
