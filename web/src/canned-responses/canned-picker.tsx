import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { CANNED_RESPONSES } from '../api/canned-responses';
import { ORGANIZATIONS } from '../api/operations';
import type { TicketDetail } from '../api/tickets';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import {
  cannedLanguages,
  cannedTextFor,
  type CannedValues,
  fillCanned,
  insertCanned,
  type TextSelection,
  unfilledPlaceholders,
} from './canned-fill';

interface Props {
  ticket: TicketDetail;
  /** The id of the textarea the text goes into. */
  target: string;
  /** The textarea's text as the form holds it. */
  value: string;
  /** Sets the form's text: the inserted text is typed text (it is kept as a draft). */
  onChange: (value: string) => void;
}

/**
 * «Insertar respuesta predefinida» above a textarea whose text the client reads (a comment, a
 * transition's note): provider staff choose a canned response and «Insertar» puts it, its
 * placeholders filled with this ticket's facts, where the cursor was left in the text (else after
 * a blank line at the end).
 * The focus goes back to the textarea, after the inserted text, so the person reads and edits it
 * before sending. A select plus a button rather than a select that inserts on change: choosing
 * with the arrow keys must not insert (WCAG 3.2.2). Nothing for client users, nor while there
 * are no canned responses.
 */
export function CannedResponsePicker({ ticket, target, value, onChange }: Props) {
  const { t } = useI18n();
  const c = t.cannedResponses;
  const { user } = useSession();
  const staff = user ? can.seeCannedResponses(user) : false;
  const cannedQuery = useQuery(CANNED_RESPONSES, {}, !staff);
  const responses = cannedQuery.data?.cannedResponses ?? [];
  const reloadResponses = cannedQuery.reload;
  const organizations = useQuery(ORGANIZATIONS, {}, !staff).data?.organizations ?? [];
  const [chosen, setChosen] = useState('');
  const [inserted, setInserted] = useState<string>();
  // Placeholders the inserted text still holds: to replace before sending.
  // Placeholders the inserted texts left unfilled; shown while the text still holds them, so the
  // notice goes once the person has replaced them.
  const [insertedGaps, setInsertedGaps] = useState<string[]>([]);
  const gaps = insertedGaps.filter((gap) => value.includes(gap));
  // Where the person left the cursor in the textarea (read as focus leaves it, e.g. for this
  // picker). Never placed (a draft restored, text not touched): the text goes at the end.
  const lastSelection = useRef<TextSelection>(undefined);
  useEffect(() => {
    const remember = (event: FocusEvent) => {
      const area = event.target;
      if (area instanceof HTMLTextAreaElement && area.id === target)
        lastSelection.current = { start: area.selectionStart, end: area.selectionEnd };
    };
    document.addEventListener('focusout', remember);
    return () => document.removeEventListener('focusout', remember);
  }, [target]);
  // The list follows edits made elsewhere (a manager adds a response in another tab): read again
  // whenever this tab comes back to the front, without a reload of the page.
  useEffect(() => {
    if (!staff) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') void reloadResponses();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [staff, reloadResponses]);
  if (!staff || responses.length === 0) return null;

  const values: CannedValues = {
    client: organizations.find((o) => o.id === ticket.organizationId)?.name ?? null,
    ticket: ticket.number,
    subject: ticket.subject,
    requester: ticket.registrantName,
    agent: user?.displayName ?? null,
  };
  const id = `${target}-canned`;
  const readerLanguage = ticket.registrantLocale === 'EN' ? 'en' : 'es';

  const insert = () => {
    const canned = responses.find((r) => r.id === chosen);
    if (!canned) return;
    const area = document.getElementById(target);
    // The registrant's language picks the text; Spanish when the response has none in theirs.
    const picked = cannedTextFor(canned, ticket.registrantLocale);
    const filled = fillCanned(picked.text, values);
    const next = insertCanned(value, lastSelection.current, filled);
    // The form renders the new text before the cursor is placed after it.
    flushSync(() => onChange(next.value));
    if (area instanceof HTMLTextAreaElement) {
      area.focus();
      area.setSelectionRange(next.caret, next.caret);
    }
    setChosen('');
    setInserted(
      readerLanguage === 'en' && picked.language === 'es'
        ? c.insertedInSpanish(canned.title)
        : c.inserted(canned.title),
    );
    setInsertedGaps((before) => [
      ...new Set([
        ...before.filter((gap) => next.value.includes(gap)),
        ...unfilledPlaceholders(filled),
      ]),
    ]);
  };

  return (
    <div className="field span-all canned-picker" data-testid="canned-picker">
      <label htmlFor={id}>{c.insertLabel}</label>
      <div className="toolbar">
        <select
          id={id}
          aria-describedby={`${id}-hint`}
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
            setInserted(undefined);
          }}
        >
          <option value="">{c.choose}</option>
          {responses.map((r) => (
            <option key={r.id} value={r.id}>
              {c.optionLabel(r.title, cannedLanguages(r))}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!chosen} onClick={insert}>
          {c.insert}
        </button>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {c.insertHint} {c.insertLanguage(readerLanguage)}
      </p>
      {/* Said while the text it inserted is there: once sent (the box empty), «Comentario
          enviado» is the news, not «… insertada; revise el texto» (QA S56). */}
      <p className="visually-hidden" role="status">
        {value.trim() === '' ? '' : (inserted ?? '')}
      </p>
      {gaps.length > 0 && (
        <p className="notice notice-warning" data-testid="canned-gaps">
          {c.gaps(gaps.join(', '))}
        </p>
      )}
    </div>
  );
}
