import { useMemo } from 'react';
import { ISO_4217_ACTIVE } from '../../../src/shared/iso-4217';
import { refusedBy } from '../components/field-error';
import { TextField } from '../components/text-field';
import { useI18n } from '../i18n/i18n-context';

/**
 * «Moneda» of a support policy or an hour package (L3-03, L3-13): an ISO 4217 code typed, with the
 * active codes offered as the browser's suggestions (the same table the API and the form check
 * read), each with its name in the UI language. `refusedBy`: the ID of the message refusing it.
 */
export function CurrencyField({
  id,
  value,
  onChange,
  refusedBy: messageId,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  refusedBy?: string;
}) {
  const { t, language } = useI18n();
  const names = useMemo(() => {
    // A browser without the names still offers the codes.
    const display =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames([language], { type: 'currency' })
        : undefined;
    return ISO_4217_ACTIVE.map((code) => [code, display?.of(code) ?? code] as const);
  }, [language]);
  const list = `${id}-codes`;
  return (
    <TextField
      id={id}
      label={t.contracts.currency}
      required
      maxLength={3}
      autoComplete="off"
      list={list}
      value={value}
      onChange={onChange}
      {...refusedBy(messageId)}
    >
      <datalist id={list} data-testid={list}>
        {names.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </datalist>
    </TextField>
  );
}
