import { type FormEvent, useEffect, useState } from 'react';
import { operation } from '../api/graphql-client';
import { ErrorMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useNotice } from '../components/use-notice';
import { useRequestId } from '../components/use-request-id';
import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

export const REVERSE_TICKET_TIME_ENTRY = operation<
  { reverseTicketTimeEntry: { id: string; reversed: boolean } },
  { input: { number: string; timeEntryId: string; reason: string; requestId: string } }
>(`mutation ReverseTicketTimeEntry($input: ReverseTicketTimeEntryInput!) {
  reverseTicketTimeEntry(input: $input) { id reversed }
}`);

/**
 * «Anular registro» (L3-12, L3-13): cancels one time entry with a reason, which the client's
 * approvers read in their email. The entry stays listed, marked reversed; its hours go back to the
 * ticket's authorized estimate while the ticket is at work. A retry of the same reason reuses its
 * request ID (one reversal); a refusal keeps what was typed.
 */
export function CancelTimeEntryForm({
  number,
  entry,
  onDone,
  onClose,
}: {
  number: string;
  entry: { id: string; date: string; hours: number };
  /** After the reversal: the section reads its entries again, then says so. */
  onDone: () => Promise<void>;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const c = t.timeEntries.cancel;
  const { call } = useSession();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useNotice();
  // The section says it is done (this form closes): no notice of its own.
  const { error, busy, run } = useMutationForm();
  const requestIds = useRequestId();
  const focusReason = () => document.getElementById('cancel-time-reason')?.focus();
  // Opened from an entry's «Anular»: the reason is what to write first.
  useEffect(focusReason, []);
  const day = formatLocalDate(entry.date, language, 'medium');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem(({ t }) => t.timeEntries.cancel.reasonRequired);
      focusReason();
      return;
    }
    setProblem(undefined);
    const content = { number, timeEntryId: entry.id, reason: reason.trim() };
    await run(
      async () => {
        await requestIds.send(content, (requestId) =>
          call(REVERSE_TICKET_TIME_ENTRY, { input: { ...content, requestId } }),
        );
        await onDone();
      },
      () => '',
    );
  };

  return (
    <form
      className="subsection form-grid"
      noValidate
      aria-labelledby="cancel-time-title"
      data-testid="cancel-time-entry"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="cancel-time-title" className="span-all">
        {c.entryName(entry.hours, day)}
      </h3>
      <p className="muted span-all">{c.intro}</p>
      <TextAreaField
        id="cancel-time-reason"
        className="span-all"
        label={c.reason}
        hint={c.reasonHint}
        rows={2}
        limit={500}
        aria-required
        value={reason}
        onChange={setReason}
      />
      <FormProblem problem={problem} />
      <div className="form-actions span-all">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? c.sending : c.submit}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          {c.keep}
        </button>
      </div>
      <div className="span-all">
        <ErrorMessage error={error} />
      </div>
    </form>
  );
}
