import { type DragEvent, useEffect, useState } from 'react';
import type { QueueEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { SlaBadge, ticketPath, useLocalTime, useStateText } from '../tickets/ticket-bits';
import { DeliveryRiskBadge } from './delivery-risk-badge';

interface Props {
  entries: QueueEntry[];
  /** Ticket numbers flagged urgent (in the edit, not yet confirmed). */
  urgent: string[];
  editable: boolean;
  onMove: (number: string, toIndex: number) => void;
  onUrgent: (number: string, urgent: boolean) => void;
}

const DRAG_TYPE = 'text/plain';

/**
 * The queue as an ordered list. Editable: each ticket is draggable (HTML5 drag and drop; drop on a
 * ticket to take its place) and has Move up / Move down buttons and an urgency box, so the order
 * can be changed by keyboard too; each move is announced to screen readers.
 */
export function QueueList({ entries, urgent, editable, onMove, onUrgent }: Props) {
  const { t } = useI18n();
  const q = t.planning.queue;
  const stateName = useStateText();
  const { format } = useLocalTime();
  const [dragging, setDragging] = useState<string>();
  const [over, setOver] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  // After a keyboard move the button follows its ticket (or the other one at the list's end).
  const [focusAfter, setFocusAfter] = useState<{ number: string; dir: 'up' | 'down' }>();

  useEffect(() => {
    if (!focusAfter) return;
    const wanted = document.getElementById(`queue-${focusAfter.dir}-${focusAfter.number}`);
    const other = document.getElementById(
      `queue-${focusAfter.dir === 'up' ? 'down' : 'up'}-${focusAfter.number}`,
    );
    (wanted && !(wanted as HTMLButtonElement).disabled ? wanted : other)?.focus();
    setFocusAfter(undefined);
  }, [focusAfter]);

  const move = (number: string, to: number) => {
    const entry = entries.find((e) => e.ticketNumber === number);
    if (!entry || to < 0 || to >= entries.length) return;
    onMove(number, to);
    setAnnouncement(q.moved(entry.subject, to + 1));
  };

  const dragProps = (entry: QueueEntry, index: number) =>
    editable
      ? {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.setData(DRAG_TYPE, entry.ticketNumber);
            e.dataTransfer.effectAllowed = 'move';
            setDragging(entry.ticketNumber);
          },
          onDragOver: (e: DragEvent) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            setOver(entry.ticketNumber);
          },
          onDragLeave: () => setOver((o) => (o === entry.ticketNumber ? undefined : o)),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            const from = e.dataTransfer.getData(DRAG_TYPE) || dragging;
            if (from && from !== entry.ticketNumber) move(from, index);
            setDragging(undefined);
            setOver(undefined);
          },
          onDragEnd: () => {
            setDragging(undefined);
            setOver(undefined);
          },
        }
      : {};

  return (
    <>
      <ol className="queue-list" aria-label={q.listLabel} data-testid="client-queue">
        {entries.map((entry, index) => {
          const flagged = urgent.includes(entry.ticketNumber);
          const classes = [
            'queue-item',
            editable ? 'draggable' : '',
            dragging === entry.ticketNumber ? 'dragging' : '',
            over === entry.ticketNumber && dragging !== entry.ticketNumber ? 'drop-target' : '',
          ];
          return (
            <li
              key={entry.ticketNumber}
              className={classes.filter(Boolean).join(' ')}
              data-testid="queue-entry"
              data-number={entry.ticketNumber}
              {...dragProps(entry, index)}
            >
              {editable && (
                <span className="queue-grip" aria-hidden="true" title={q.dragHandle(entry.subject)}>
                  ⠿
                </span>
              )}
              <span className="queue-place" aria-label={q.position(index + 1)}>
                {index + 1}
              </span>
              <div className="queue-body">
                <p>
                  <Link to={ticketPath(entry.ticketNumber)} className="nowrap">
                    {entry.ticketNumber}
                  </Link>{' '}
                  <strong>{entry.subject}</strong>
                  {flagged && <span className="badge sla-risk queue-urgent">{q.urgent}</span>}
                  <DeliveryRiskBadge entry={entry} />
                </p>
                <p className="muted small">
                  {stateName(entry.state, entry.confirmedRemoteSessionAt)} ·{' '}
                  <SlaBadge status={entry.slaStatus} />
                  {entry.releaseDate && (
                    <>
                      {' '}
                      · {q.releaseDate}:{' '}
                      <time dateTime={entry.releaseDate}>{format(entry.releaseDate)}</time>
                    </>
                  )}
                  {entry.plannedReleaseDate && entry.plannedReleaseDate !== entry.releaseDate && (
                    <>
                      {' '}
                      · {q.plannedDate}:{' '}
                      <time dateTime={entry.plannedReleaseDate}>
                        {format(entry.plannedReleaseDate)}
                      </time>
                    </>
                  )}
                  {entry.remainingHours !== null && <> · {q.remaining(entry.remainingHours)}</>}
                </p>
              </div>
              {editable && (
                <div className="queue-tools">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={flagged}
                      aria-label={q.urgentLabel(entry.subject)}
                      onChange={(e) => onUrgent(entry.ticketNumber, e.target.checked)}
                    />
                    <span aria-hidden="true">{q.urgent}</span>
                  </label>
                  <button
                    type="button"
                    id={`queue-up-${entry.ticketNumber}`}
                    className="button small ghost"
                    aria-label={q.moveUpLabel(entry.subject)}
                    disabled={index === 0}
                    onClick={() => {
                      move(entry.ticketNumber, index - 1);
                      setFocusAfter({ number: entry.ticketNumber, dir: 'up' });
                    }}
                  >
                    <span aria-hidden="true">↑ </span>
                    {q.moveUp}
                  </button>
                  <button
                    type="button"
                    id={`queue-down-${entry.ticketNumber}`}
                    className="button small ghost"
                    aria-label={q.moveDownLabel(entry.subject)}
                    disabled={index === entries.length - 1}
                    onClick={() => {
                      move(entry.ticketNumber, index + 1);
                      setFocusAfter({ number: entry.ticketNumber, dir: 'down' });
                    }}
                  >
                    <span aria-hidden="true">↓ </span>
                    {q.moveDown}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
