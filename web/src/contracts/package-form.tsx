import { type FormEvent, useRef, useState } from 'react';
import { PURCHASE_HOUR_PACKAGE } from '../api/contracts';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import type { Notice } from '../components/notice';
import { useNotice } from '../components/use-notice';
import { useI18n } from '../i18n/i18n-context';
import { dayInZone } from '../i18n/zoned-time';
import { useSession } from '../session/session-context';
import { useLocalTime } from '../tickets/ticket-bits';
import { isKnownCurrency, unknownCurrencyText } from './currency';
import { CurrencyField } from './currency-field';
import { refusedBy } from '../components/field-error';

/** The form's own message (a value refused before asking the API), which its field points to. */
const ERROR_ID = 'package-form-error';

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * L3-03/L3-13: a purchased package of prepaid hours (they never expire). The idempotency key stays
 * the same until the purchase succeeds, so a retry after a lost answer buys once.
 */
export function PackageForm({
  organizationId,
  onAdded,
}: {
  organizationId: string;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useMutationForm();
  const { zone } = useLocalTime();
  // L3-03/L3-13: the API takes no purchase date after today in the client's calendar zone, or in
  // the manager's own when that is already on the next day; the manager's today is always taken,
  // so the date starts there and the picker offers nothing later (never the browser's or UTC's).
  const today = dayInZone(new Date(), zone);
  const [hours, setHours] = useState('');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState('MXN');
  const [purchasedOn, setPurchasedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useNotice();
  // The field the local message is about, marked invalid and described by it (QA S18).
  const [invalidField, setInvalidField] = useState<string>();
  // The server's last answer is shown only until the form is edited or blocked locally: an old
  // refusal next to a new, unrelated local message would blame the wrong field.
  const [serverShown, setServerShown] = useState(true);
  const key = useRef(newKey());

  /** A field's setter that also clears messages about the values as they were. */
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setInvalid(undefined);
    setInvalidField(undefined);
    setServerShown(false);
  };

  const block = (message: Notice, field?: string) => {
    setInvalid(message);
    setInvalidField(field);
    setServerShown(false);
  };
  const refused = (field: string) => refusedBy(invalidField === field ? ERROR_ID : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const h = Number(hours);
    const p = Number(price);
    if (!(h > 0) || Math.round(h * 100) !== h * 100)
      return block(({ t }) => t.contracts.hoursInvalid, 'hours');
    if (!(p >= 0) || price.trim() === '')
      return block(({ t }) => t.contracts.priceInvalid, 'price');
    if (!isKnownCurrency(currency))
      return block((w) => unknownCurrencyText(w.language, currency), 'currency');
    if (!purchasedOn) return block(({ t }) => t.tickets.required(t.contracts.purchasedOn), 'date');
    // L3-12/L3-13: a package counts from its purchase; the API refuses a later date too.
    if (purchasedOn > today) return block(({ t }) => t.contracts.purchasedOnFuture, 'date');
    if (!reference.trim())
      return block(({ t }) => t.tickets.required(t.contracts.reference), 'reference');
    setInvalid(undefined);
    setInvalidField(undefined);
    setServerShown(true);
    const ok = await form.run(
      async () =>
        (
          await call(PURCHASE_HOUR_PACKAGE, {
            input: {
              organizationId,
              hours: h,
              price: p,
              currency: currency.trim().toUpperCase(),
              purchasedOn,
              reference: reference.trim(),
              idempotencyKey: key.current,
            },
          })
        ).purchaseHourPackage,
      (pkg, w) => w.t.contracts.packageAdded(pkg.hours, pkg.reference),
    );
    if (ok) {
      key.current = newKey();
      setHours('');
      setPrice('');
      setReference('');
      onAdded();
    }
  };

  return (
    <section className="card" aria-labelledby="package-title">
      <h2 id="package-title">{t.contracts.addPackage}</h2>
      <p className="muted">{t.contracts.packageIntro}</p>
      {/* Every refusal in the app's words, beside the field (QA S22): the browser's own bubble
          spoke its language and «tú» («Completa este campo»). */}
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => void submit(e)}
        data-testid="package-form"
      >
        <TextField
          id="package-hours"
          label={t.contracts.packageHours}
          type="number"
          inputMode="decimal"
          min="0.01"
          step="0.01"
          required
          value={hours}
          onChange={edit(setHours)}
          {...refused('hours')}
        />
        <TextField
          id="package-price"
          label={t.contracts.price}
          type="number"
          inputMode="decimal"
          min="0"
          step="0.01"
          required
          value={price}
          onChange={edit(setPrice)}
          {...refused('price')}
        />
        <CurrencyField
          id="package-currency"
          value={currency}
          onChange={edit(setCurrency)}
          refusedBy={invalidField === 'currency' ? ERROR_ID : undefined}
        />
        <TextField
          id="package-date"
          label={t.contracts.purchasedOn}
          type="date"
          required
          max={today}
          value={purchasedOn}
          onChange={edit(setPurchasedOn)}
          {...refused('date')}
        />
        <TextField
          id="package-reference"
          className="span-2"
          label={t.contracts.reference}
          required
          maxLength={200}
          value={reference}
          onChange={edit(setReference)}
          {...refused('reference')}
        />
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy}>
            {form.busy ? t.contracts.adding : t.contracts.addPackageButton}
          </button>
        </div>
        <div className="span-all">
          {invalid && (
            <p className="notice notice-error" role="alert" id={ERROR_ID}>
              {invalid}
            </p>
          )}
          {serverShown && <ErrorMessage error={form.error} />}
          {serverShown && <SuccessMessage text={form.done} />}
        </div>
      </form>
    </section>
  );
}
