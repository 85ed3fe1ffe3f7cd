import { useCallback, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useClientReader, useLocalTime } from '../tickets/ticket-bits';
import { describeError } from './describe-error';
import { useFocusWhenLost } from './use-focus-when-lost';

/**
 * The label a form shows for `property`: the control whose `name` is the property, or whose id
 * is it or ends with `-property`, inside `scope` (the error's form or section), without a
 * trailing «(opcional)» / "(optional)".
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
  // Named as a field, without the label's «(opcional)»: «"Horario que le conviene" debe…».
  const label = control?.labels?.[0]?.textContent
    ?.replace(/\s*\((?:opcional|optional)\)\s*$/i, '')
    .trim();
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
  const box = useRef<HTMLDivElement | null>(null);
  // The closest form (else section) around the message: its labels name the fields.
  const place = useCallback((el: HTMLDivElement | null) => {
    box.current = el;
    setScope(el?.closest('form') ?? el?.closest('section') ?? null);
  }, []);
  // A refusal by the server after the button was disabled while sending: the focus fell to the
  // page, so it goes to the message (QA S59), not back to the top of the page.
  useFocusWhenLost(box, error);
  if (!error) return null;
  const { text, detail, detailLanguage } = describeError(error, t, overrides, {
    language,
    timeZone: zone,
    fieldLabel: (property) => formLabelOf(scope, property),
    client,
  });
  return (
    <div className="notice notice-error" role="alert" id={id} ref={place} tabIndex={-1}>
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
