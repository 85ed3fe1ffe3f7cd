import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ADJUST_RELEASE_DATE } from '../api/planning';
import type { TicketDetail } from '../api/tickets';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useInputRefusal } from '../components/use-input-refusal';
import { useRequestId } from '../components/use-request-id';
import { useI18n } from '../i18n/i18n-context';
import { nowInZone, zonedWallTimeToUtc } from '../i18n/zoned-time';
import { useSession } from '../session/session-context';
import { draftText } from './live-draft';
import {
  PreservedDraft,
  RestoredNotice,
  TicketUpdatedNotice,
  useLiveForm,
  useRestoredDraft,
  useSavedDraft,
} from './live-form';
import { useLocalTime } from './ticket-bits';
import { useNotice } from '../components/use-notice';
import { SpelledDate, spelledDateId } from '../components/spelled-date';

/**
 * L3-19: provider staff move a published release date with a reason ("Ajustar fecha"); the
 * change is emailed to the registrant and shown in the timeline, like a client reorder's.
 * `allowed`: the ticket as shown now has a release date and is open. When that ends while the
 * form is open, the form turns into a notice that keeps what was typed; otherwise nothing shows.
 * What is typed survives a reload or a visit elsewhere (`useSavedDraft`): the form reopens with it.
 * QA S60b #5: the agent had to remember the date being moved. The open form says it next to the
 * new date («Fecha publicada actual: …», with its weekday) and starts from it, to be moved from
 * there; a form that only holds that date is not a draft.
 */
export function AdjustDateForm({
  ticket,
  allowed,
  onDone,
}: {
  ticket: TicketDetail;
  allowed: boolean;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const a = t.planning.adjust;
  const { call } = useSession();
  const { zone, format, formatWithDay } = useLocalTime();
  const { key: draftKey, restored } = useRestoredDraft(ticket.number, 'adjust-date');
  const [open, setOpen] = useState(restored !== undefined);
  const [date, setDate] = useState(restored?.fields.date ?? '');
  const [reason, setReason] = useState(restored?.fields.reason ?? '');
  const [problem, setProblem] = useNotice();
  const [done, setDone] = useNotice();
  const [busy, setBusy] = useState(false);
  const requestIds = useRequestId();
  const live = useLiveForm(ticket, {
    active: open,
    allowed,
    sending: busy,
    since: restored?.since,
  });
  // The server's refusal; one of the input goes once the date or the reason changes (QA).
  const { error, refuse, clear: clearRefusal } = useInputRefusal({ date, reason });
  // The published date as the date input holds it, in the agent's zone ('' when none).
  const current = ticket.releaseDate ? nowInZone(zone, Date.parse(ticket.releaseDate)) : '';
  const typed = open && ((date !== '' && date !== current) || reason.trim() !== '');
  // Someone else moves the date while the form is open: an untouched date follows it.
  const shown = useRef(current);
  useEffect(() => {
    const before = shown.current;
    shown.current = current;
    if (before && before !== current) setDate((now) => (now === before ? current : now));
  }, [current]);
  const saved = useSavedDraft(
    draftKey,
    typed ? { fields: { date, reason }, since: live.baseline } : undefined,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || !reason.trim()) {
      setProblem(({ t }) => (date ? t.planning.adjust.missingReason : t.planning.adjust.missing));
      document.getElementById(date ? 'adjust-reason' : 'adjust-date')?.focus();
      return;
    }
    setProblem(undefined);
    clearRefusal();
    setBusy(true);
    const content = {
      number: ticket.number,
      newDate: zonedWallTimeToUtc(date, zone).toISOString(),
      reason: reason.trim(),
    };
    try {
      await requestIds.send(content, (requestId) =>
        call(ADJUST_RELEASE_DATE, { input: { ...content, requestId } }),
      );
      saved.discard();
      setDate('');
      setReason('');
      setOpen(false);
      setDone((w) => w.t.planning.adjust.done);
      await onDone();
    } catch (err) {
      refuse(err);
    } finally {
      setBusy(false);
    }
  };

  // «Cancelar» and «Descartar»: the text goes, here and in the tab's storage.
  const close = () => {
    saved.discard();
    setOpen(false);
    setDate('');
    setReason('');
    setProblem(undefined);
  };

  if (!allowed && !open) return null;
  if (live.status.kind === 'withdrawn')
    return (
      <section className="card" aria-labelledby="adjust-title" data-testid="adjust-date">
        <h2 id="adjust-title">{a.title}</h2>
        <PreservedDraft
          id="adjust-kept"
          status={live.status}
          text={draftText([
            { label: a.newDate, value: date },
            { label: a.reason, value: reason },
          ])}
          onDiscard={close}
        />
      </section>
    );

  return (
    <section className="card" aria-labelledby="adjust-title" data-testid="adjust-date">
      <h2 id="adjust-title">{a.title}</h2>
      {/* Open, the form says it beside the new date. */}
      {!open && <p>{a.current(format(ticket.releaseDate))}</p>}
      {restored && open && date === restored.fields.date && reason === restored.fields.reason && (
        <RestoredNotice text={t.ticketPage.liveDraft.restoredForm} />
      )}
      {live.status.kind === 'updated' && (
        <TicketUpdatedNotice status={live.status} onAcknowledge={live.acknowledge} />
      )}
      {!open && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(undefined);
            setDate(current);
            setOpen(true);
          }}
        >
          {a.action}
        </button>
      )}
      <SuccessMessage text={done} />
      {open && (
        <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="adjust-date">{a.newDate}</label>
            <input
              id="adjust-date"
              name="newDate"
              type="datetime-local"
              aria-required
              aria-describedby={`${ticket.releaseDate ? 'adjust-date-current ' : ''}adjust-date-hint ${spelledDateId('adjust-date')}`}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
            {ticket.releaseDate && (
              <p className="hint" id="adjust-date-current" data-testid="adjust-date-current">
                {a.currentInForm(formatWithDay(ticket.releaseDate))}
              </p>
            )}
            <p className="hint" id="adjust-date-hint">
              {t.tickets.dateHint(zone)}
            </p>
            <SpelledDate id={spelledDateId('adjust-date')} value={date} />
          </div>
          <TextAreaField
            id="adjust-reason"
            className="span-all"
            label={a.reason}
            hint={a.reasonHint}
            rows={2}
            aria-required
            value={reason}
            onChange={setReason}
          />
          <FormProblem problem={problem} />
          <div className="form-actions span-all">
            <button type="submit" className="button primary" disabled={busy}>
              {a.submit}
            </button>
            <button type="button" className="button ghost" onClick={close}>
              {a.cancel}
            </button>
          </div>
          <div className="span-all">
            <ErrorMessage error={error} />
          </div>
        </form>
      )}
    </section>
  );
}
