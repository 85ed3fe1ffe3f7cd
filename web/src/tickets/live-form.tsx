import { useEffect, useRef, useState } from 'react';
import { holdLeavePage, leavingLoses } from '../components/leave-guard';
import type { TicketDetail } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import {
  changeSentence,
  type ChangeWords,
  type DraftBaseline,
  type FormDraft,
  formDraftKey,
  type LiveFormStatus,
  liveFormStatus,
  readFormDraft,
  ticketBaseline,
  writeFormDraft,
} from './live-draft';
import { tabStorage } from './tab-storage';
import { useStateText } from './ticket-bits';

/**
 * How a form on the ticket page stands against the ticket as it changes live (see
 * `live-draft.ts`). `active`: the form is open (or holds a draft); its baseline is the ticket as
 * it was then, or `since` (a draft restored after a reload keeps the ticket it started on).
 * `allowed`: the form's action is allowed on the ticket as it is now. `sending`: the form's own
 * request is under way (its own change is no news to the person who sent it).
 */
export function useLiveForm(
  ticket: TicketDetail,
  {
    active,
    allowed,
    sending,
    since,
  }: { active: boolean; allowed: boolean; sending: boolean; since?: DraftBaseline },
): { status: LiveFormStatus; acknowledge: () => void; baseline: DraftBaseline | undefined } {
  const [baseline, setBaseline] = useState<DraftBaseline | undefined>(() =>
    active ? (since ?? ticketBaseline(ticket)) : undefined,
  );
  // Derived state, adjusted while rendering: the baseline starts when the form does.
  if (active && baseline === undefined) setBaseline(ticketBaseline(ticket));
  if (!active && baseline !== undefined) setBaseline(undefined);
  const effective = active ? (baseline ?? ticketBaseline(ticket)) : undefined;
  const status = liveFormStatus({ baseline: effective, ticket, allowed, sending });
  return { status, acknowledge: () => setBaseline(ticketBaseline(ticket)), baseline: effective };
}

// --- «¿Salir del sitio?» while a form on the page holds text not sent (`leave-guard.ts`). ---

/** Whether a form on the page holds text not sent (what «Cerrar sesión» asks about first). */
export function hasUnsentText(): boolean {
  return leavingLoses('text');
}

/** While `dirty`, leaving or reloading the page asks first (one listener for all forms). */
export function useUnsentGuard(dirty: boolean): void {
  useEffect(() => (dirty ? holdLeavePage('text') : undefined), [dirty]);
}

/**
 * The draft a form left in this tab's sessionStorage (per user, ticket and form: `formDraftKey`),
 * read once when the form mounts: after a reload or a visit to another screen, the form starts
 * from it. `key` goes to `useSavedDraft`.
 */
export function useRestoredDraft(
  ticketNumber: string,
  form: string,
): { key: string; restored: FormDraft | undefined } {
  const { user } = useSession();
  const key = formDraftKey(user?.id ?? '', ticketNumber, form);
  const [restored] = useState(() => readFormDraft(tabStorage(), key));
  return { key, restored };
}

/**
 * Keeps a form's draft under `key` (`useRestoredDraft`) as it is typed. `content`: the fields to
 * keep and the ticket the form started on, or undefined when nothing is typed (the entry goes).
 * While there is content the page warns before it is left (`useUnsentGuard`). `discard()`: sent,
 * «Descartar» or «Cancelar»: the entry goes, and nothing is kept or warned about any more while
 * the form still shows the text (it closes or empties; once empty, new text is kept again).
 */
export function useSavedDraft(
  key: string,
  content: Omit<FormDraft, 'at'> | undefined,
): { discard: () => void } {
  const [gone, setGone] = useState(false);
  // Discarded and emptied (the form stays for a new text): what is typed next is kept again.
  if (gone && content === undefined) setGone(false);
  const serialized = gone || content === undefined ? undefined : JSON.stringify(content);
  useEffect(() => {
    if (gone) return;
    writeFormDraft(
      tabStorage(),
      key,
      serialized === undefined
        ? undefined
        : { ...(JSON.parse(serialized) as Omit<FormDraft, 'at'>), at: Date.now() },
    );
  }, [key, serialized, gone]);
  useUnsentGuard(serialized !== undefined);
  return {
    discard: () => {
      writeFormDraft(tabStorage(), key, undefined);
      setGone(true);
    },
  };
}

/** The words of the change notices, from the timeline's own (`t.tickets.events`). */
function useChangeWords(): ChangeWords {
  const { t } = useI18n();
  const l = t.ticketPage.liveDraft;
  return {
    commented: l.commented,
    changed: l.changed,
    more: l.more,
    now: l.now,
    events: t.tickets.events,
    roles: t.users.roleNames,
  };
}

/**
 * «Úrsula Usuaria comentó mientras usted escribía.» above a form that stays as typed: what
 * happened since the form opened (the latest event, «y N cambios más»), the state only when it
 * changed.
 */
export function TicketUpdatedNotice({
  status,
  onAcknowledge,
}: {
  status: Extract<LiveFormStatus, { kind: 'updated' }>;
  onAcknowledge: () => void;
}) {
  const { t } = useI18n();
  const l = t.ticketPage.liveDraft;
  const words = useChangeWords();
  const stateName = useStateText()(status.state, status.confirmedRemoteSession);
  const text = status.change
    ? `${changeSentence(words, status.change, status.stateChanged ? stateName : undefined)}.`
    : l.updated(stateName);
  return (
    <div className="notice notice-info span-all" role="status" data-testid="ticket-updated-notice">
      <p>{text}</p>
      <button type="button" className="button ghost" onClick={onAcknowledge}>
        {l.acknowledge}
      </button>
    </div>
  );
}

/** «Recuperamos…» above a form that came back with the text the user had not sent. */
export function RestoredNotice({ text }: { text: string }) {
  return (
    <p className="notice notice-info span-all" role="status" data-testid="draft-restored">
      {text}
    </p>
  );
}

/**
 * What a form turns into when its action is no longer allowed: the reason, the typed text
 * read-only with «Copiar», and «Descartar». Nothing is sent from here.
 */
export function PreservedDraft({
  id,
  status,
  comment = false,
  text,
  onDiscard,
}: {
  /** Unique on the page: names the read-only copy of the text. */
  id: string;
  status: Extract<LiveFormStatus, { kind: 'withdrawn' }>;
  /** A comment is not an action: «Ya no se pueden agregar comentarios…». */
  comment?: boolean;
  text: string;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const l = t.ticketPage.liveDraft;
  const words = useChangeWords();
  const stateName = useStateText()(status.state, status.confirmedRemoteSession);
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
        {status.change && `${changeSentence(words, status.change)}. `}
        {comment ? l.commentsClosed(stateName) : l.withdrawn(stateName)}
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
