import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ADJUST_HOURS } from '../api/contracts';
import { ErrorMessage } from '../components/error-message';
import { InlineConfirm } from '../components/inline-confirm';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useRequestId } from '../components/use-request-id';
import { useNotice } from '../components/use-notice';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { checkAdjustment, MAX_REASON_LENGTH } from './ledger-corrections';
import { signedHours } from './signed-hours';

/**
 * «Ajustar horas» (L3-13): a manager adds hours to a client (a goodwill credit) or takes them
 * away (a mistaken entry), with a required reason the ledger shows. Either way it is confirmed
 * first with what stays available; more than the available hours is refused here as the API
 * refuses it. A double
 * click or a retry after a lost answer sends the same idempotency key: one adjustment.
 */
export function AdjustHoursForm({
  organizationId,
  organizationName,
  available,
  onAdjusted,
}: {
  organizationId: string;
  organizationName: string;
  available: number;
  onAdjusted: () => void;
}) {
  const { t, language } = useI18n();
  const c = t.hoursLedger.corrections;
  const { call } = useSession();
  const form = useMutationForm();
  const ids = useRequestId();
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useNotice();
  // The server's last answer is shown until the form is edited (as in the package form).
  const [serverShown, setServerShown] = useState(true);
  // The adjustment asked about in the page, with what stays available (QA S56: it was the
  // browser's own dialog, whose dismissal did nothing and said nothing).
  const [asking, setAsking] = useState<{ hours: number; after: number }>();
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  // The form stays open with its button focused, so the notice takes the focus itself (the app's
  // SuccessMessage takes it only when it fell to the page body).
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (form.done) notice.current?.focus();
  }, [form.done]);

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setAsking(undefined);
    setProblem(undefined);
    setServerShown(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkAdjustment(hours, reason, available);
    setServerShown(false);
    if (!check.ok) {
      if (check.problem === 'EXCEEDS_AVAILABLE') {
        return setProblem(({ t, language }) => {
          const n = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
          return t.hoursLedger.corrections.exceedsAvailable(
            n.format(-check.hours),
            n.format(check.available),
          );
        });
      }
      const key = check.problem === 'HOURS_INVALID' ? 'hoursInvalid' : 'reasonRequired';
      return setProblem(({ t }) => t.hoursLedger.corrections[key]);
    }
    setProblem(undefined);
    if (check.confirm) setAsking({ hours: check.hours, after: check.availableAfter });
    else await apply(check.hours);
  };

  const apply = async (hours: number) => {
    setServerShown(true);
    const input = { organizationId, hours, reason: reason.trim() };
    const ok = await form.run(
      () =>
        ids.send(input, async (idempotencyKey) =>
          call(ADJUST_HOURS, { input: { ...input, idempotencyKey } }),
        ),
      (data, w) =>
        w.t.hoursLedger.corrections.adjusted(
          signedHours(w.language, data.adjustHours.hours, false),
          organizationName,
        ),
    );
    setAsking(undefined);
    if (ok) {
      setHours('');
      setReason('');
      onAdjusted();
    }
  };

  // Taking hours away says it can only be undone by a reversal; adding them does not.
  const [question, consequence] =
    asking && asking.hours < 0
      ? [c.confirmNegative, c.confirmNegativeText]
      : [c.confirmPositive, c.confirmPositiveText];

  return (
    <div className="subsection">
      <h3 id="adjust-title">{c.adjustTitle}</h3>
      <p className="muted">{c.adjustIntro(organizationName)}</p>
      <form
        className="form-grid"
        noValidate
        aria-labelledby="adjust-title"
        onSubmit={(e) => void submit(e)}
        data-testid="adjust-hours-form"
      >
        <TextField
          id="adjust-hours"
          label={c.hours}
          inputMode="decimal"
          required
          aria-describedby="adjust-hours-hint"
          value={hours}
          onChange={edit(setHours)}
        >
          <p className="hint" id="adjust-hours-hint">
            {c.hoursHint}
          </p>
        </TextField>
        <TextAreaField
          id="adjust-reason"
          className="span-2"
          label={c.reason}
          required
          rows={2}
          limit={MAX_REASON_LENGTH}
          hint={c.reasonHint}
          value={reason}
          onChange={edit(setReason)}
        />
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy}>
            {form.busy ? c.applying : c.apply}
          </button>
        </div>
        {asking && (
          <div className="span-all">
            <InlineConfirm
              id="adjust-hours"
              title={question(number.format(Math.abs(asking.hours)), organizationName)}
              text={consequence(number.format(asking.after))}
              yes={form.busy ? c.applying : c.confirmAdjustYes}
              no={c.cancel}
              busy={form.busy}
              onYes={() => void apply(asking.hours)}
              onNo={() => setAsking(undefined)}
            />
          </div>
        )}
        <div className="span-all">
          <FormProblem problem={problem} />
          {serverShown && <ErrorMessage error={form.error} />}
          <p
            className="notice notice-success"
            role="status"
            hidden={!(serverShown && form.done)}
            tabIndex={-1}
            ref={notice}
          >
            {serverShown ? form.done : undefined}
          </p>
        </div>
      </form>
    </div>
  );
}
