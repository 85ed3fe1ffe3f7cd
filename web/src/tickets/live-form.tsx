import { useEffect, useRef, useState } from 'react';
import type { TicketDetail } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { type DraftStorage, type LiveFormStatus, liveFormStatus, ticketMark } from './live-draft';

/** The tab's sessionStorage, or undefined where the browser refuses it (locked-down profiles). */
export function tabStorage(): DraftStorage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * How a form on the ticket page stands against the ticket as it changes live (see
 * `live-draft.ts`). `active`: the form is open (or holds a draft); its baseline is the ticket as
 * it was then. `allowed`: the form's action is allowed on the ticket as it is now. `sending`: the
 * form's own request is under way (its own change is no news to the person who sent it).
 */
export function useLiveForm(
  ticket: TicketDetail,
  { active, allowed, sending }: { active: boolean; allowed: boolean; sending: boolean },
): { status: LiveFormStatus; acknowledge: () => void } {
  const mark = ticketMark(ticket);
  const [baseline, setBaseline] = useState(active ? mark : undefined);
  // Derived state, adjusted while rendering: the baseline starts when the form does.
  if (active && baseline === undefined) setBaseline(mark);
  if (!active && baseline !== undefined) setBaseline(undefined);
  const status = liveFormStatus({
    baseline: active ? (baseline ?? mark) : undefined,
    current: mark,
    state: ticket.state,
    allowed,
    sending,
  });
  return { status, acknowledge: () => setBaseline(mark) };
}

/** «El ticket se actualizó mientras escribías (estado: …)» above a form that stays as typed. */
export function TicketUpdatedNotice({
  state,
  onAcknowledge,
}: {
  state: string;
  onAcknowledge: () => void;
}) {
  const { t } = useI18n();
  const l = t.ticketPage.liveDraft;
  return (
    <div className="notice notice-info span-all" role="status" data-testid="ticket-updated-notice">
      <p>{l.updated(t.tickets.states[state] ?? state)}</p>
      <button type="button" className="button ghost" onClick={onAcknowledge}>
        {l.acknowledge}
      </button>
    </div>
  );
}

/**
 * What a form turns into when its action is no longer allowed: the reason, the typed text
 * read-only with «Copiar», and «Descartar». Nothing is sent from here.
 */
export function PreservedDraft({
  id,
  state,
  text,
  onDiscard,
}: {
  /** Unique on the page: names the read-only copy of the text. */
  id: string;
  state: string;
  text: string;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const l = t.ticketPage.liveDraft;
  const [copy, setCopy] = useState<'copied' | 'failed'>();
  const box = useRef<HTMLDivElement>(null);
  // The field being typed in has just gone: keystrokes should not fall on the page body.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) box.current?.focus();
  }, []);

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // No clipboard (insecure origin, refused permission): the text is there to select.
      setCopy('failed');
      document.getElementById(id)?.focus();
    }
  };

  return (
    <div
      ref={box}
      tabIndex={-1}
      className="notice notice-info span-all"
      role="alert"
      data-testid="preserved-draft"
    >
      <p>
        {l.withdrawn(t.tickets.states[state] ?? state)}
        {text && ` ${l.kept}`}
      </p>
      {text && (
        <textarea
          id={id}
          className="block"
          aria-label={l.keptLabel}
          readOnly
          rows={Math.min(8, text.split('\n').length + 1)}
          value={text}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <div className="form-actions">
        {text && (
          <button type="button" className="button" onClick={() => void copyText()}>
            {l.copy}
          </button>
        )}
        <button type="button" className="button ghost" onClick={onDiscard}>
          {l.discard}
        </button>
      </div>
      <p role="status" className="hint">
        {copy === 'copied' ? l.copied : copy === 'failed' ? l.copyFailed : ''}
      </p>
    </div>
  );
}
