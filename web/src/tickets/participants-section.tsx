import { type FormEvent, useState } from 'react';
import {
  ADD_TICKET_PARTICIPANT,
  REMOVE_TICKET_PARTICIPANT,
  TICKET_PARTICIPANTS,
  type TicketParticipant,
} from '../api/participants';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

/**
 * L3-11 (S19) «Participantes»: client users of the ticket's organisation who get its emails as its
 * registrant does. A client user follows or unfollows for themselves; provider staff and the
 * registrant add anyone of the organisation (a picker) and remove anyone. The API checks the same.
 */
export function ParticipantsSection({ number, staff }: { number: string; staff: boolean }) {
  const { t } = useI18n();
  const p = t.participants;
  const { user, call } = useSession();
  const query = useQuery(TICKET_PARTICIPANTS, { number });
  const form = useMutationForm();
  const [chosen, setChosen] = useState('');
  const data = query.data?.ticket;
  if (!user || !data) return null;

  const registrant = data.registrantId === user.id;
  const manages = staff || registrant;
  const following = data.participants.some((x) => x.id === user.id);
  const taken = new Set([data.registrantId, ...data.participants.map((x) => x.id)]);
  const choices = data.participantCandidates.filter((c) => !taken.has(c.id));

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
      {!staff && !registrant && (
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
      <ErrorMessage error={form.error ?? query.error} />
      <SuccessMessage text={form.done} />
    </section>
  );
}
