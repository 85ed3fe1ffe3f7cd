import { useId, useState } from 'react';
import { ApiError, isApiErrorCode } from '../api/graphql-client';
import {
  type OpenTicketsReassignment,
  REASSIGN_OPEN_TICKETS,
  type TicketReassignmentFailure,
  USER_OPEN_TICKETS,
} from '../api/operations';
import { ASSIGNABLE_AGENTS } from '../api/tickets';
import { describeError } from '../components/describe-error';
import { ErrorMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { useLocalTime } from '../tickets/ticket-bits';
import { accountTexts } from './account-texts';

interface Props {
  /** The person whose open tickets are handed over. */
  user: { id: string; displayName: string };
  /** After a reassignment (the caller's own counts change). */
  onChanged?: () => void;
  onClose: () => void;
  /** h2 under the users list; h3 inside «¿Desactivar a …?». */
  heading?: 'h2' | 'h3';
}

/**
 * L3-07: «Reasignar sus tickets»: every open ticket the person holds to one active agent, in one
 * step (reassignOpenTickets; each ticket as from its own page). Says how many there are, then
 * what moved, what was already the chosen agent's, and each ticket that could not move with why.
 * Trying again moves only what is still theirs.
 */
export function ReassignOpenTickets({ user, onChanged, onClose, heading = 'h2' }: Props) {
  const Heading = heading;
  const { t, language } = useI18n();
  const a = accountTexts(language);
  const { zone } = useLocalTime();
  const { call } = useSession();
  const id = useId();
  const open = useQuery(USER_OPEN_TICKETS, { userId: user.id });
  const agents = useQuery(ASSIGNABLE_AGENTS, {});
  const [toId, setToId] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<{ outcome: OpenTicketsReassignment; to: string }>();
  const count = open.data?.userOpenTickets.assigned;
  const choices = (agents.data?.assignableAgents ?? []).filter((p) => p.id !== user.id);

  const submit = async () => {
    const to = choices.find((p) => p.id === toId);
    if (!to) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const { reassignOpenTickets } = await call(REASSIGN_OPEN_TICKETS, {
        fromUserId: user.id,
        toUserId: to.id,
        ...(note.trim() ? { note } : {}),
      });
      setResult({ outcome: reassignOpenTickets, to: to.displayName });
      await open.reload();
      onChanged?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  /** Why one ticket could not move, in the UI language (as a refused reassignment reads). */
  const why = (f: TicketReassignmentFailure): string => {
    const code = isApiErrorCode(f.code) ? f.code : 'INTERNAL';
    const described = describeError(
      new ApiError(code, f.message, undefined, f.reason ?? undefined, {
        ...(f.reason ? { reason: f.reason } : {}),
      }),
      t,
      {},
      { language, timeZone: zone },
    );
    return described.detail && !described.detailLanguage ? described.detail : described.text;
  };

  return (
    <section
      className="reassign-open-tickets"
      aria-labelledby={`${id}-title`}
      data-testid="reassign-open-tickets"
    >
      <Heading id={`${id}-title`}>{a.reassignTicketsOf(user.displayName)}</Heading>
      {count === undefined ? (
        open.loading && <p className="muted">{a.countingOpenTickets}</p>
      ) : (
        <p data-testid="reassign-count">{a.reassignCount(count)}</p>
      )}
      <ErrorMessage error={open.error ?? agents.error} />
      {count !== undefined && count > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="muted small">{a.reassignHow}</p>
          {agents.data && choices.length === 0 ? (
            <p role="status">{a.reassignNoAgents}</p>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-to`}>{a.reassignTo}</label>
              <select
                id={`${id}-to`}
                name="toUserId"
                required
                value={toId}
                disabled={busy}
                onChange={(e) => setToId(e.target.value)}
              >
                <option value="">{a.reassignChoose}</option>
                {choices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-note`}>{a.reassignNote}</label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              value={note}
              disabled={busy}
              aria-describedby={`${id}-note-hint`}
              onChange={(e) => setNote(e.target.value)}
            />
            <span className="hint" id={`${id}-note-hint`}>
              {a.reassignNoteHint}
            </span>
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy || !toId}>
              {a.reassignSubmit(count)}
            </button>
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              {a.close}
            </button>
          </div>
          {busy && (
            <p role="status" className="muted">
              {a.reassigning(count)}
            </p>
          )}
        </form>
      )}
      <ErrorMessage error={error} />
      {result && (
        <div
          className={result.outcome.failed.length ? 'notice notice-info' : 'notice notice-success'}
          role="status"
          data-testid="reassign-result"
        >
          <p>
            {a.reassignMoved(result.outcome.movedCount, result.to)}
            {result.outcome.alreadyAssigned.length > 0 &&
              ` ${a.reassignAlready(result.outcome.alreadyAssigned.length, result.to)}`}
          </p>
          {result.outcome.failed.length > 0 && (
            <>
              <p>{a.reassignFailed(result.outcome.failed.length)}</p>
              <ul data-testid="reassign-failed">
                {result.outcome.failed.map((f) => (
                  <li key={f.number}>
                    <Link to={`/tickets/${f.number}`}>{f.number}</Link>: {why(f)}
                  </li>
                ))}
              </ul>
              <p className="muted small">{a.reassignRetry}</p>
            </>
          )}
        </div>
      )}
      {/* Nothing left to hand over: only «Cerrar» (the form above has its own). */}
      {count === 0 && (
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {a.close}
          </button>
        </div>
      )}
    </section>
  );
}
