import { type FormEvent, useEffect, useState } from 'react';
import {
  ADD_TICKET_PARTICIPANT,
  REMOVE_TICKET_PARTICIPANT,
  TICKET_PARTICIPANTS,
  type TicketParticipant,
} from '../api/participants';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useMutationForm } from '../components/use-mutation-form';
import { FoldLabel } from '../components/fold-label';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { participantHistoryLines } from './participant-history';
import { useLocalTime } from './ticket-bits';

/** Longer histories are folded behind «Historial (n)», so the section stays short. */
const HISTORY_SHOWN = 3;

/**
 * L3-11 (S19) «Participantes»: client users of the ticket's organization who get its emails as its
 * registrant does. A client user follows or unfollows for themselves; provider staff and the
 * registrant add anyone of the organization (a picker) and remove anyone. The API checks the same.
 * Staff also read who added or removed whom and when, newest first; `changes`: bumped by the page
 * on each live change of the ticket, which re-reads the section. `open`: false once the ticket
 * has ended, when the list stays as it was (the API refuses changes with TICKET_CLOSED).
 */
export function ParticipantsSection({
  number,
  staff,
  open,
  changes = 0,
}: {
  number: string;
  staff: boolean;
  open: boolean;
  changes?: number;
}) {
  const { t } = useI18n();
  const p = t.participants;
  const { user, call } = useSession();
  const { format } = useLocalTime();
  const query = useQuery(TICKET_PARTICIPANTS, { number, staff });
  const form = useMutationForm();
  const [chosen, setChosen] = useState('');
  const [unfolded, setUnfolded] = useState(false);
  const { reload } = query;
  useEffect(() => {
    if (changes > 0) void reload();
  }, [changes, reload]);
  const data = query.data?.ticket;
  if (!user || !data) return null;

  const registrant = data.registrantId === user.id;
  const manages = open && (staff || registrant);
  const following = data.participants.some((x) => x.id === user.id);
  const taken = new Set([data.registrantId, ...data.participants.map((x) => x.id)]);
  const choices = data.participantCandidates.filter((c) => !taken.has(c.id));
  const history = participantHistoryLines(data.participantHistory ?? [], p, format);
  const folded = history.length > HISTORY_SHOWN && !unfolded;

  const change = async (
    adding: boolean,
    who: Pick<TicketParticipant, 'id' | 'name'>,
    own: boolean,
  ) => {
    const input = { number, userId: who.id };
    const ok = await form.run<unknown>(
      () =>
        adding
          ? call(ADD_TICKET_PARTICIPANT, { input })
          : call(REMOVE_TICKET_PARTICIPANT, { input }),
      (_, w) => {
        const m = w.t.participants;
        if (own) return adding ? m.followed : m.unfollowed;
        return adding ? m.added(who.name) : m.removed(who.name);
      },
    );
    if (ok) {
      setChosen('');
      await query.reload();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const who = choices.find((c) => c.id === chosen);
    if (who) void change(true, who, who.id === user.id);
  };

  return (
    <section className="card" aria-labelledby="participants-title" data-testid="participants">
      <h2 id="participants-title">{p.title}</h2>
      <p className="muted small">{p.explain}</p>
      {data.participants.length === 0 ? (
        <p className="muted">{p.none}</p>
      ) : (
        <ul className="upload-list" data-testid="participant-list">
          {data.participants.map((x) => (
            <li key={x.id} className="upload-item" data-testid="participant">
              <span>
                <strong data-testid="participant-name">{x.name}</strong>
                {x.id === user.id && <span className="muted"> {p.you}</span>}
              </span>
              <span className="muted small">{x.email}</span>
              {!x.active && <span className="muted small block">{p.inactive}</span>}
              {manages && x.id !== user.id && (
                <button
                  type="button"
                  className="button small"
                  aria-label={p.remove(x.name)}
                  disabled={form.busy}
                  onClick={() => void change(false, x, false)}
                >
                  {p.removeLabel}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!open && <p className="muted small">{p.ended}</p>}
      {open && !staff && !registrant && (
        <p>
          <button
            type="button"
            className="button"
            disabled={form.busy}
            data-testid="follow-ticket"
            onClick={() => void change(!following, { id: user.id, name: user.displayName }, true)}
          >
            {following ? p.unfollow : p.follow}
          </button>
        </p>
      )}
      {manages && choices.length > 0 && (
        <form onSubmit={submit}>
          <label htmlFor="participant-pick">{p.pick}</label>{' '}
          <select id="participant-pick" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{p.pickNone}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button primary" disabled={form.busy || chosen === ''}>
            {p.add}
          </button>
        </form>
      )}
      {history.length > 0 && (
        <div data-testid="participant-history">
          {history.length > HISTORY_SHOWN ? (
            <button
              type="button"
              className="button ghost small"
              aria-expanded={!folded}
              aria-controls="participant-history-list"
              onClick={() => setUnfolded(folded)}
            >
              <FoldLabel open={!folded}>{p.historyCount(history.length)}</FoldLabel>
            </button>
          ) : (
            <h3>{p.history}</h3>
          )}
          <ol id="participant-history-list" className="timeline small" hidden={folded}>
            {history.map((line, i) => (
              <li key={i} data-testid="participant-change">
                {line}
              </li>
            ))}
          </ol>
        </div>
      )}
      <ErrorMessage error={form.error ?? query.error} />
      <SuccessMessage text={form.done} />
    </section>
  );
}
