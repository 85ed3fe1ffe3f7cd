import type { TicketEvent } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useLocalTime } from './ticket-bits';

type EventData = Record<string, unknown>;

function parse(event: TicketEvent): EventData {
  try {
    const data = JSON.parse(event.data) as unknown;
    return data && typeof data === 'object' ? (data as EventData) : {};
  } catch {
    // Not JSON: nothing to show.
    return {};
  }
}

/** The note, reason or comment a person wrote with an event, if any. */
function eventText(data: EventData): string | undefined {
  for (const key of ['body', 'note', 'reason', 'statement', 'scope', 'details']) {
    if (typeof data[key] === 'string' && data[key]) return data[key];
  }
  if (Array.isArray(data.reasons)) return data.reasons.join('; ');
  return undefined;
}

/**
 * The ticket's history, oldest first: what happened, when and by whom, with what people wrote.
 * Comments show their text (internal notes marked as such: the server never sends them to
 * clients); a published date change (L3-19) shows old → new and its reason.
 */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t } = useI18n();
  const tl = t.planning.timeline;
  const { format } = useLocalTime();
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => {
        const data = parse(event);
        const internal = event.type === 'comment' && data.internal !== false;
        const dateMoved = event.type === 'DATE_ADJUSTED' && typeof data.newDate === 'string';
        // Notes people wrote; the system's own reasons (English, technical) stay out.
        const text = event.actorRole && !dateMoved ? eventText(data) : undefined;
        return (
          <li
            key={event.seq}
            className={internal ? 'internal-note' : undefined}
            data-testid={`event-${event.type}`}
          >
            <p>
              <strong>{t.tickets.events[event.type] ?? event.type}</strong>
              {internal && <span className="badge internal">{tl.internalNote}</span>}
              <span className="muted small block">
                <time dateTime={event.at}>{format(event.at)}</time> ·{' '}
                {event.actorName && (
                  <span className="event-actor" data-testid="event-actor">
                    {event.actorName}{' '}
                  </span>
                )}
                {event.actorRole
                  ? event.actorName
                    ? `(${t.users.roleNames[event.actorRole] ?? event.actorRole})`
                    : (t.users.roleNames[event.actorRole] ?? event.actorRole)
                  : t.tickets.system}
              </span>
            </p>
            {event.agentName && (
              <p data-testid="event-agent">{t.ticketPage.assignedTo(event.agentName)}</p>
            )}
            {dateMoved && (
              <>
                <p className="date-move">
                  {typeof data.oldDate === 'string'
                    ? tl.dateMoved(format(data.oldDate), format(data.newDate as string))
                    : tl.dateSet(format(data.newDate as string))}
                </p>
                {typeof data.reason === 'string' && data.reason && (
                  <p className="prewrap">
                    {tl.reason}: {data.reason}
                  </p>
                )}
              </>
            )}
            {text && <p className="prewrap">{text}</p>}
          </li>
        );
      })}
    </ol>
  );
}
