import { useEffect, useId, useRef, useState } from 'react';
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
  /**
   * QA S65 #5: the dialog above already says «Tiene N tickets abiertos asignados» (and re-reads it
   * on `onChanged`): the form does not say it again.
   */
  countSaidAbove?: boolean;
  /**
   * QA S65 #5: told when a hand-over starts and ends (and false when the form goes), so the
   * dialog around it holds «Sí, desactivar» while tickets are moving.
   */
  onBusyChange?: (busy: boolean) => void;
}

/**
 * Tickets per reassignOpenTickets call (the API takes up to 100): each call answers in about a
 * second or two, so the progress moves and no request comes near a proxy’s timeout.
 */
export const REASSIGN_BATCH = 50;

/** What the batches did so far; `stopped` when a whole call failed and the loop ended there. */
interface Run {
  outcome: OpenTicketsReassignment;
  to: string;
  stopped?: boolean;
}

/**
 * L3-07: «Reasignar sus tickets»: every open ticket the person holds to one active agent, in one
 * step for the manager (reassignOpenTickets, called batch after batch from each answer's
 * `nextAfter` until the pass is over; each ticket as from its own page). Says how many there are,
 * «Reasignando… 50 de 120 tickets» while it runs, then what moved, what was already the chosen
 * agent's, and each ticket that could not move with why. A call that fails as a whole (the
 * network) stops the loop and says how many had moved. Trying again moves only what is still
 * theirs.
 */
export function ReassignOpenTickets({
  user,
  onChanged,
  onClose,
  heading = 'h2',
  countSaidAbove = false,
  onBusyChange,
}: Props) {
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
  useEffect(() => {
    onBusyChange?.(busy);
    return () => onBusyChange?.(false);
  }, [busy, onBusyChange]);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<Run>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  // Closed mid-run (the dialog around it): no further batch is asked for.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const count = open.data?.userOpenTickets.assigned;
  const choices = (agents.data?.assignableAgents ?? []).filter((p) => p.id !== user.id);
  /** QA S65 #5: no other active agent to hand the tickets to. */
  const noAgents = agents.data !== undefined && choices.length === 0;

  const submit = async () => {
    const to = choices.find((p) => p.id === toId);
    if (!to) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const moved: string[] = [];
    const alreadyAssigned: string[] = [];
    const failed: TicketReassignmentFailure[] = [];
    let remaining = count ?? 0;
    let stopped = false;
    setProgress({ done: 0, total: remaining });
    try {
      let after: string | undefined;
      do {
        const { reassignOpenTickets: batch } = await call(REASSIGN_OPEN_TICKETS, {
          fromUserId: user.id,
          toUserId: to.id,
          ...(note.trim() ? { note } : {}),
          first: REASSIGN_BATCH,
          ...(after ? { after } : {}),
        });
        moved.push(...batch.moved);
        alreadyAssigned.push(...batch.alreadyAssigned);
        failed.push(...batch.failed);
        remaining = batch.remaining;
        const done = moved.length + alreadyAssigned.length + failed.length;
        // Still to try: what they hold but the tickets this run tried and could not move.
        setProgress({ done, total: done + Math.max(0, remaining - failed.length) });
        // The server's cursor: each ticket is tried once, so failures cannot keep this looping.
        after = batch.nextAfter ?? undefined;
      } while (after && mounted.current);
    } catch (err) {
      stopped = true;
      setError(err);
    }
    if (!mounted.current) return;
    setResult({
      outcome: {
        moved,
        movedCount: moved.length,
        alreadyAssigned,
        failed,
        remaining,
        nextAfter: null,
      },
      to: to.displayName,
      ...(stopped ? { stopped } : {}),
    });
    setProgress(undefined);
    setBusy(false);
    if (moved.length > 0 || !stopped) {
      await open.reload();
      onChanged?.();
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
      {count === undefined
        ? open.loading && <p className="muted">{a.countingOpenTickets}</p>
        : !countSaidAbove && <p data-testid="reassign-count">{a.reassignCount(count)}</p>}
      <ErrorMessage error={open.error ?? agents.error} />
      {count !== undefined && count > 0 && noAgents && (
        // QA S65 #5: nobody to hand them to: only that, and what to do, not a form to fill.
        <>
          <p role="status" data-testid="reassign-no-agents">
            {a.reassignNoAgents} {a.reassignNoAgentsNext}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {a.close}
            </button>
          </div>
        </>
      )}
      {count !== undefined && count > 0 && !noAgents && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="muted small">{a.reassignHow}</p>
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
          {busy && progress && (
            <p role="status" className="muted" data-testid="reassign-progress">
              <progress
                max={Math.max(progress.total, 1)}
                value={progress.done}
                aria-hidden="true"
              />{' '}
              {a.reassignProgress(progress.done, progress.total)}
            </p>
          )}
        </form>
      )}
      <ErrorMessage error={error} />
      {result && (
        <div
          className={
            result.stopped || result.outcome.failed.length
              ? 'notice notice-info'
              : 'notice notice-success'
          }
          role="status"
          data-testid="reassign-result"
        >
          <p>
            {result.stopped
              ? a.reassignStopped(result.outcome.movedCount, result.to)
              : a.reassignMoved(result.outcome.movedCount, result.to)}
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
            </>
          )}
          {(result.stopped || result.outcome.failed.length > 0) && (
            <p className="muted small">{a.reassignRetry}</p>
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
