import type { RemoteSession } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { zoneLabel } from '../i18n/zone-name';
import { useLocalTime } from './ticket-bits';
import { LinkedText } from '../components/linked-text';
import { CalendarZoneDeadline } from './clocks-section';

/**
 * L3-06: the proposed remote session as a time range in the user's zone (`jueves, 3 de diciembre,
 * 10:00–11:00 a.m.`), its link as «Unirse a la sesión», its note, and the client's answer:
 * confirmed, or cannot attend (the reason and the time suggested), for both sides.
 *
 * QA S62 #2: a declined proposal is no session to join: its answer leads, the time it proposed
 * follows as what was proposed, and there is no «Unirse a la sesión». The time the client
 * suggests reads in the reader's zone and, when it reads otherwise, in the client calendar's.
 * QA S63 #14: a withdrawn session the same way: who withdrew it and when leads, its time follows
 * struck out, and the client's confirmation no longer shows as if the session stood.
 */
export function RemoteSessionCard({
  session,
  staff,
  open,
  calendarZone,
  withdrawnBy,
}: {
  session: RemoteSession;
  /** Provider staff see that the client has not answered yet. */
  staff: boolean;
  /** The ticket still waits on this proposal (REMOTE_SESSION_PROPOSED). */
  open: boolean;
  /** The ticket's calendar's zone (`Ticket.calendarTimeZone`). */
  calendarZone: string;
  /** QA S65 #2: who withdrew it, by name, for staff (`withdrawnByName`). */
  withdrawnBy?: string | null;
}) {
  const { t, language } = useI18n();
  const { user } = useSession();
  const { zone, format } = useLocalTime();
  const r = t.remoteSession;
  const start = new Date(session.at);
  const end = new Date(start.getTime() + session.durationMinutes * 60_000);
  const range = new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
  }).formatRange(start, end);
  return (
    <div className="remote-session" data-testid="remote-session">
      {/* QA S62: staff withdrew it; their note to the client under it. QA S63 #14: it leads. */}
      {session.withdrawn && (
        <div className="notice notice-warning" data-testid="remote-session-withdrawn">
          <p>{r.withdrawn(format(session.withdrawn.at), staff ? withdrawnBy : null)}</p>
          {session.withdrawn.note && (
            <p className="prewrap">
              <LinkedText text={session.withdrawn.note} />
            </p>
          )}
        </div>
      )}
      {session.declined && (
        <div className="notice notice-warning" data-testid="remote-session-declined">
          <p>
            {staff
              ? r.declined(format(session.declined.at))
              : r.declinedForClient(format(session.declined.at), session.declined.by === user?.id)}
          </p>
          {session.declined.reason && (
            <p className="prewrap">
              {r.reason}: {session.declined.reason}
            </p>
          )}
          {session.declined.suggestedAt && (
            <p>
              {r.suggested}: {format(session.declined.suggestedAt)}
              <CalendarZoneDeadline
                deadline={session.declined.suggestedAt}
                calendarZone={calendarZone}
              />
            </p>
          )}
        </div>
      )}
      <p className={session.declined || session.withdrawn ? 'muted' : undefined}>
        {session.withdrawn ? `${r.withdrawnTime}: ` : session.declined && `${r.declinedTime}: `}
        {session.withdrawn ? (
          <del data-testid="remote-session-range">{range}</del>
        ) : (
          <span data-testid="remote-session-range">{range}</span>
        )}
        , {/* The zone in words, never its IANA id (QA S50: «(America/Mexico_City)»). */}
        <span data-testid="remote-session-zone">{zoneLabel(zone, language, start)}</span> ·{' '}
        {r.minutes(session.durationMinutes)}
      </p>
      {session.link && !session.withdrawn && !session.declined && (
        <p>
          <a
            className="button"
            href={session.link}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="remote-session-join"
          >
            {r.join}
          </a>
        </p>
      )}
      {session.note && (
        <p className="prewrap">
          <LinkedText text={session.note} />
        </p>
      )}
      {staff && open && !session.accepted && !session.declined && !session.withdrawn && (
        <p className="hint" data-testid="remote-session-awaiting">
          {r.awaitingAnswer}
        </p>
      )}
      {session.accepted && !session.declined && !session.withdrawn && (
        <p className="notice notice-success" data-testid="remote-session-accepted">
          {staff
            ? r.accepted(format(session.accepted.at))
            : r.acceptedForClient(format(session.accepted.at), session.accepted.by === user?.id)}
        </p>
      )}
    </div>
  );
}
