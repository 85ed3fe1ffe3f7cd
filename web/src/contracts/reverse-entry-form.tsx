import { type FormEvent, useEffect, useRef, useState } from 'react';
import { REVERSE_HOUR_ENTRY } from '../api/contracts';
import { ErrorMessage } from '../components/error-message';
import { InlineConfirm } from '../components/inline-confirm';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useRequestId } from '../components/use-request-id';
import { useNotice } from '../components/use-notice';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { checkReversal, MAX_REASON_LENGTH } from './ledger-corrections';

/**
 * «Revertir» on one ledger row (L3-13): a required reason, then a confirmation that names the
 * entry (date, ticket, hours). The REVERSAL entry cancels it in the ledger; a double click or a
 * retry sends the same idempotency key, so it is reversed once. The panel takes the focus when it
 * opens; `onReversed` is told once it is reversed (the ledger announces it, in the words shown).
 */
export function ReverseEntryForm({
  entryId,
  entryName,
  availableEffect,
  available,
  onReversed,
  onCancel,
}: {
  entryId: string;
  /** The entry in words: date · ticket · kind and hours. */
  entryName: string;
  /** The entry's effect on the available hours, which the reversal takes back. */
  availableEffect: number;
  /** The client's available hours now. */
  available: number;
  onReversed: () => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const c = t.hoursLedger.corrections;
  const { call } = useSession();
  const form = useMutationForm();
  const ids = useRequestId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useNotice();
  // The confirmation naming the entry and what stays available, asked in the page (QA S56: it
  // was the browser's dialog; QA S57: it said neither, and a reversal the balance could not take
  // was refused only after «Sí, revertir»).
  const [asking, setAsking] = useState<number>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entryId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim())
      return setProblem(({ t }) => t.hoursLedger.corrections.reverseReasonRequired);
    const check = checkReversal(availableEffect, available);
    if (!check.ok) {
      return setProblem(({ t, language }) => {
        const n = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
        return t.hoursLedger.corrections.reverseExceeds(
          n.format(check.takes),
          n.format(check.available),
        );
      });
    }
    setProblem(undefined);
    setAsking(check.availableAfter);
  };

  const reverse = async () => {
    const input = { entryId, reason: reason.trim() };
    const ok = await form.run(
      () =>
        ids.send(input, async (idempotencyKey) =>
          call(REVERSE_HOUR_ENTRY, { input: { ...input, idempotencyKey } }),
        ),
      (_, w) => w.t.hoursLedger.corrections.reversed(entryName),
    );
    setAsking(undefined);
    if (ok) onReversed();
  };

  return (
    <form
      className="form-grid subsection"
      noValidate
      aria-labelledby="reverse-title"
      onSubmit={submit}
      data-testid="reverse-entry-form"
    >
      <h3 id="reverse-title" className="span-all" tabIndex={-1} ref={heading}>
        {c.reverseTitle}
      </h3>
      <p className="span-all muted">{c.reverseIntro(entryName)}</p>
      <TextAreaField
        id="reverse-reason"
        className="span-2"
        label={c.reverseReason}
        required
        rows={2}
        limit={MAX_REASON_LENGTH}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setProblem(undefined);
        }}
      />
      <div className="form-actions span-all">
        <button type="submit" className="button primary" disabled={form.busy}>
          {form.busy ? c.reversing : c.reverseApply}
        </button>
        <button type="button" className="button" disabled={form.busy} onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
      {asking !== undefined && (
        <div className="span-all">
          <InlineConfirm
            id="reverse-entry"
            title={c.confirmReverse(entryName)}
            text={c.confirmReverseText(number.format(asking))}
            yes={form.busy ? c.reversing : c.confirmReverseYes}
            no={c.cancel}
            busy={form.busy}
            onYes={() => void reverse()}
            onNo={() => setAsking(undefined)}
          />
        </div>
      )}
      <div className="span-all">
        <FormProblem problem={problem} />
        <ErrorMessage error={form.error} />
      </div>
    </form>
  );
}
