import { type FormEvent, useState } from 'react';
import {
  NEXT_POLICY_STATUSES,
  type PolicyStatus,
  SET_PROGRESS_CADENCE,
  SET_SUPPORT_POLICY_STATUS,
  SUPPORT_POLICY,
  type SupportPolicy,
  UPSERT_SUPPORT_POLICY,
} from '../api/contracts';
import { formatMoney } from '../../../src/shared/intl-formats';
import { InlineConfirm } from '../components/inline-confirm';
import { ErrorMessage } from '../components/error-message';
import { refusedBy } from '../components/field-error';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useNotice } from '../components/use-notice';
import { useQuery } from '../components/use-query';
import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useLocalTime } from '../tickets/ticket-bits';
import { isKnownCurrency, unknownCurrencyText } from './currency';
import { CurrencyField } from './currency-field';

/** The terms form's own message (only the currency is checked before asking the API). */
const POLICY_ERROR_ID = 'policy-form-error';
const STATUS_ERROR_ID = 'policy-status-error';
import { odooAdminEventText } from './odoo-admin-event';
import { OdooAdminForm, odooAdminTexts } from './odoo-admin-form';

function PolicyBadge({ status }: { status: PolicyStatus }) {
  const { t } = useI18n();
  const cls =
    status === 'ACTIVE' ? 'badge ok' : status === 'SUSPENDED' ? 'badge sla-risk' : 'badge off';
  return <span className={cls}>{t.contracts.policyStatus[status]}</span>;
}

/** L3-03: the monthly fee and start date (creates the policy, ACTIVE, when there is none). */
function TermsForm({
  organizationId,
  policy,
  onSaved,
}: {
  organizationId: string;
  policy: SupportPolicy | null;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useMutationForm();
  const [fee, setFee] = useState(policy ? String(policy.monthlyFee) : '');
  const [currency, setCurrency] = useState(policy?.currency ?? 'MXN');
  const [startDate, setStartDate] = useState(policy?.startDate ?? '');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useNotice();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A typo («MNX») would be stored and shown on every statement.
    if (!isKnownCurrency(currency))
      return setInvalid((w) => unknownCurrencyText(w.language, currency));
    setInvalid(undefined);
    const ok = await form.run(
      () =>
        call(UPSERT_SUPPORT_POLICY, {
          input: {
            organizationId,
            monthlyFee: Number(fee),
            currency: currency.trim().toUpperCase(),
            startDate,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      (_, w) => w.t.contracts.termsSaved,
    );
    if (ok) {
      setReason('');
      await onSaved();
    }
  };

  return (
    <form
      className="form-grid subsection"
      onSubmit={(e) => void submit(e)}
      data-testid="terms-form"
    >
      <h3 className="span-all">{policy ? t.contracts.changeTerms : t.contracts.createPolicy}</h3>
      <TextField
        id="policy-fee"
        label={t.contracts.monthlyFee}
        type="number"
        inputMode="decimal"
        min="0"
        step="0.01"
        required
        value={fee}
        onChange={setFee}
      />
      <CurrencyField
        id="policy-currency"
        value={currency}
        onChange={setCurrency}
        refusedBy={invalid ? POLICY_ERROR_ID : undefined}
      />
      <TextField
        id="policy-start"
        label={t.contracts.startDate}
        type="date"
        required
        value={startDate}
        onChange={setStartDate}
      />
      {policy && (
        <TextField
          id="policy-terms-reason"
          className="span-all"
          label={t.contracts.reasonOptional}
          value={reason}
          onChange={setReason}
        />
      )}
      {invalid && (
        <p className="notice notice-error span-all" role="alert" id={POLICY_ERROR_ID}>
          {invalid}
        </p>
      )}
      <FormFooter form={form} label={policy ? t.contracts.saveTerms : t.contracts.createPolicy} />
    </form>
  );
}

/** Business minutes as hours in the reader's language (e.g. 90 → "1.5"). */
function cadenceHours(minutes: number, language: string): string {
  return (minutes / 60).toLocaleString(language, { maximumFractionDigits: 2 });
}

/**
 * L3-07: how many business hours apart the client's problem tickets owe it a progress update,
 * edited in hours (whole minutes, 1 to 80 h); tickets registered afterwards take it.
 */
function CadenceForm({ policy, onSaved }: { policy: SupportPolicy; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useMutationForm();
  const [hours, setHours] = useState(String(policy.progressCadenceMinutes / 60));
  const [useDefault, setUseDefault] = useState(policy.progressCadenceIsDefault);
  const [invalid, setInvalid] = useNotice();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Whole minutes only: 1.5 h is 90 min, 1.33 h is refused rather than rounded.
    const minutes = useDefault ? null : Math.round(Number(hours) * 60 * 1e6) / 1e6;
    if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 60 && minutes <= 4800)) {
      return setInvalid(({ t }) => t.contracts.cadenceInvalid);
    }
    setInvalid(undefined);
    const ok = await form.run(
      async () =>
        (
          await call(SET_PROGRESS_CADENCE, {
            input: { organizationId: policy.organizationId, progressCadenceMinutes: minutes },
          })
        ).setProgressCadence,
      (saved, w) =>
        w.t.contracts.cadenceSaved(cadenceHours(saved.progressCadenceMinutes, w.language)),
    );
    if (ok) await onSaved();
  };

  return (
    <form
      className="form-grid subsection"
      onSubmit={(e) => void submit(e)}
      data-testid="cadence-form"
    >
      <h3 className="span-all">{t.contracts.progressCadenceTitle}</h3>
      <p className="muted small span-all">{t.contracts.progressCadenceHelp}</p>
      <TextField
        id="policy-cadence-hours"
        label={t.contracts.progressCadence}
        type="number"
        inputMode="decimal"
        min="1"
        max="80"
        step="any"
        required={!useDefault}
        disabled={useDefault}
        value={hours}
        onChange={setHours}
      />
      <label className="check span-2">
        <input
          id="policy-cadence-default"
          type="checkbox"
          checked={useDefault}
          onChange={(e) => setUseDefault(e.target.checked)}
        />
        {t.contracts.progressCadenceUseDefault}
      </label>
      {invalid && (
        <p className="notice notice-error span-all" role="alert" id={POLICY_ERROR_ID}>
          {invalid}
        </p>
      )}
      <FormFooter form={form} label={t.contracts.saveCadence} />
    </form>
  );
}

/** L3-01: ACTIVE ⇄ SUSPENDED, either → ENDED, ENDED → ACTIVE, always with a reason. */
function StatusForm({ policy, onSaved }: { policy: SupportPolicy; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useMutationForm();
  // An ended policy is only renewed (back to Activa): the API refuses ENDED → SUSPENDED.
  const options = NEXT_POLICY_STATUSES[policy.status];
  const [status, setStatus] = useState<PolicyStatus>(options[0]);
  const chosen = options.includes(status) ? status : options[0];
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // Suspending or ending stops the client's new tickets: asked first; cancelling changes nothing.
  const [asking, setAsking] = useState(false);
  const stops = chosen === 'SUSPENDED' || chosen === 'ENDED' ? chosen : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The reason is kept in the history and shown to the client when tickets are refused.
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    if (stops) setAsking(true);
    else void save();
  };

  const save = async () => {
    setAsking(false);
    const ok = await form.run(
      () =>
        call(SET_SUPPORT_POLICY_STATUS, {
          input: { organizationId: policy.organizationId, status: chosen, reason: reason.trim() },
        }),
      (_, w) => w.t.contracts.statusSaved(w.t.contracts.policyStatus[chosen]),
    );
    if (ok) {
      setReason('');
      await onSaved();
    }
  };

  // noValidate: a missing reason is refused in the app's words, not by the browser's bubble in
  // its own language (QA S22, as «Agregar paquete»).
  return (
    <form className="form-grid subsection" noValidate onSubmit={submit} data-testid="status-form">
      <h3 className="span-all">{t.contracts.changeStatus}</h3>
      <div className="field">
        <label htmlFor="policy-status">{t.contracts.newStatus}</label>
        <select
          id="policy-status"
          value={chosen}
          onChange={(e) => {
            setStatus(e.target.value as PolicyStatus);
            setAsking(false);
          }}
        >
          {options.map((s) => (
            <option key={s} value={s}>
              {t.contracts.policyStatus[s]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="policy-status-reason"
        className="span-2"
        label={t.contracts.reason}
        required
        value={reason}
        onChange={(value) => {
          setReason(value);
          setMissing(false);
        }}
        {...refusedBy(missing ? STATUS_ERROR_ID : undefined)}
      />
      {missing && (
        <p className="notice notice-error span-all" role="alert" id={STATUS_ERROR_ID}>
          {t.tickets.required(t.contracts.reason)}
        </p>
      )}
      {asking && stops ? (
        <div className="span-all">
          <InlineConfirm
            id="policy-status"
            title={t.contracts.statusConfirmTitle(stops)}
            text={t.contracts.statusConfirmImpact(stops)}
            yes={t.contracts.statusConfirmYes(stops)}
            no={t.contracts.statusConfirmNo}
            busy={form.busy}
            onYes={() => void save()}
            onNo={() => setAsking(false)}
          />
        </div>
      ) : (
        <FormFooter form={form} label={t.contracts.saveStatus} />
      )}
    </form>
  );
}

/** A client's support policy (L3-01, L3-03, L3-16): terms, status, history; managers change it. */
export function PolicySection({
  organizationId,
  editable,
}: {
  organizationId: string;
  editable: boolean;
}) {
  const { t, language } = useI18n();
  const { format } = useLocalTime();
  const query = useQuery(SUPPORT_POLICY, { organizationId });
  const policy = query.data?.supportPolicy;
  const money = (amount: number, currency: string) => formatMoney(language, amount, currency);

  return (
    <section className="card" aria-labelledby="policy-title">
      <h2 id="policy-title">{t.contracts.policyTitle}</h2>
      <ErrorMessage error={query.error} />
      {query.loading && policy === undefined && <p role="status">{t.loading}</p>}
      {policy === null && <p>{t.contracts.noPolicy}</p>}
      {policy && (
        <>
          <dl className="facts" data-testid="policy">
            <dt>{t.contracts.status}</dt>
            <dd>
              <PolicyBadge status={policy.status} />
              {policy.statusReason && (
                <span className="muted small block">{policy.statusReason}</span>
              )}
            </dd>
            <dt>{t.contracts.monthlyFee}</dt>
            <dd>{money(policy.monthlyFee, policy.currency)}</dd>
            <dt>{t.contracts.startDate}</dt>
            <dd>{formatLocalDate(policy.startDate, language)}</dd>
            <dt>{t.contracts.registration}</dt>
            <dd>
              {policy.canRegisterTickets
                ? t.contracts.canRegister
                : (policy.registrationBlockedReason ?? t.contracts.cannotRegister)}
            </dd>
            <dt>{t.contracts.odooAdmin}</dt>
            <dd>
              {policy.odooAdminLogin ?? '—'}{' '}
              {policy.odooAdminMissing && (
                // L3-16: none recorded, or recorded and not yet checked.
                <span className="badge sla-risk" data-testid="odoo-admin-flag">
                  {policy.odooAdminLogin === null
                    ? odooAdminTexts(language).notRecorded
                    : t.contracts.odooAdminMissing}
                </span>
              )}
            </dd>
            <dt>{t.contracts.progressCadence}</dt>
            <dd data-testid="policy-cadence">
              {t.contracts.progressCadenceValue(
                cadenceHours(policy.progressCadenceMinutes, language),
                policy.progressCadenceIsDefault,
              )}
            </dd>
          </dl>
          <details className="subsection">
            <summary>{t.contracts.history(policy.history.length)}</summary>
            <ol className="timeline" data-testid="policy-history">
              {policy.history.map((e) => (
                <li key={e.id}>
                  <p>
                    <strong>
                      {(e.kind === 'ODOO_ADMIN_RECORDED' &&
                        odooAdminEventText(e.changes, language)) ||
                        (t.contracts.eventKinds[e.kind] ?? e.kind)}
                    </strong>
                    {e.toStatus && ` · ${t.contracts.policyStatus[e.toStatus]}`}
                    <span className="muted small block">
                      <time dateTime={e.at}>{format(e.at)}</time>
                    </span>
                  </p>
                  {e.reason && <p className="prewrap">{e.reason}</p>}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
      {editable && policy !== undefined && (
        <>
          {policy && <StatusForm policy={policy} onSaved={query.reload} />}
          {policy && <CadenceForm policy={policy} onSaved={query.reload} />}
          {policy && <OdooAdminForm policy={policy} onSaved={query.reload} />}
          <TermsForm organizationId={organizationId} policy={policy} onSaved={query.reload} />
        </>
      )}
    </section>
  );
}
