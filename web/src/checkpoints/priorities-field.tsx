import { useEffect, useState } from 'react';
import type { QueueEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';
import { useStateText } from '../tickets/ticket-bits';

/**
 * L3-15: the client's open tickets in the order the meeting agreed, changed with Move up / Move
 * down buttons (keyboard first; focus follows the moved ticket, each move is announced).
 */
export function PrioritiesField({
  entries,
  order,
  onChange,
}: {
  /** The open tickets, in the queue's current order. */
  entries: QueueEntry[];
  /** Ticket numbers in the new order. */
  order: string[];
  onChange: (order: string[]) => void;
}) {
  const { t } = useI18n();
  const q = t.planning.queue;
  const stateName = useStateText();
  const c = t.planning.checkpoints;
  const [announcement, setAnnouncement] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ number: string; dir: 'up' | 'down' }>();

  useEffect(() => {
    if (!focusAfter) return;
    const id = (dir: string) => `priority-${dir}-${focusAfter.number}`;
    const wanted = document.getElementById(id(focusAfter.dir)) as HTMLButtonElement | null;
    const other = document.getElementById(id(focusAfter.dir === 'up' ? 'down' : 'up'));
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfter(undefined);
  }, [focusAfter]);

  const move = (number: string, to: number, dir: 'up' | 'down') => {
    const next = order.filter((n) => n !== number);
    next.splice(to, 0, number);
    onChange(next);
    const subject = entries.find((e) => e.ticketNumber === number)?.subject ?? number;
    setAnnouncement(q.moved(subject, to + 1));
    setFocusAfter({ number, dir });
  };

  return (
    <fieldset className="field span-all" aria-describedby="checkpoint-priorities-hint">
      <legend>{c.prioritiesTitle}</legend>
      <p className="hint" id="checkpoint-priorities-hint">
        {c.prioritiesHint}
      </p>
      {entries.length === 0 ? (
        <p className="muted">{c.prioritiesEmpty}</p>
      ) : (
        <ol className="queue-list" data-testid="checkpoint-priorities">
          {order.map((number, index) => {
            const entry = entries.find((e) => e.ticketNumber === number);
            if (!entry) return null;
            return (
              <li
                key={number}
                className="queue-item"
                data-testid="priority-entry"
                data-number={number}
              >
                <span className="queue-place" aria-label={q.position(index + 1)}>
                  {index + 1}
                </span>
                <div className="queue-body">
                  <p>
                    <span className="nowrap">{number}</span> <strong>{entry.subject}</strong>
                  </p>
                  <p className="muted small">{stateName(entry.state)}</p>
                </div>
                <div className="queue-tools">
                  <button
                    type="button"
                    id={`priority-up-${number}`}
                    className="button small ghost"
                    aria-label={q.moveUpLabel(entry.subject)}
                    disabled={index === 0}
                    onClick={() => move(number, index - 1, 'up')}
                  >
                    <span aria-hidden="true">↑ </span>
                    {q.moveUp}
                  </button>
                  <button
                    type="button"
                    id={`priority-down-${number}`}
                    className="button small ghost"
                    aria-label={q.moveDownLabel(entry.subject)}
                    disabled={index === order.length - 1}
                    onClick={() => move(number, index + 1, 'down')}
                  >
                    <span aria-hidden="true">↓ </span>
                    {q.moveDown}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
