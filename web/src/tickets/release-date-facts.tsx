import type { SlaClock } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useLocalTime } from './ticket-bits';

/**
 * The release date in the ticket page's facts (L3-09). After the client reported failures in the
 * release (QA S18), the date that was published no longer holds: it is shown struck through as the
 * previous one, with what comes next (a new date; the scheduling clock's deadline when it runs),
 * until the agent publishes a new date. Provider staff are told when a holiday or closed day was
 * added on it since it was published (it does not move by itself).
 */
export function ReleaseDateFacts({
  releaseDate,
  superseded,
  onClosedDay,
  scheduling,
  staff,
}: {
  releaseDate: string;
  superseded: boolean;
  /** Staff: the date fell on a day the calendar closed since it was published (L3-19). */
  onClosedDay: boolean;
  scheduling: SlaClock | undefined;
  staff: boolean;
}) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  if (!superseded) {
    return (
      <>
        <dt>{t.tickets.releaseDate}</dt>
        <dd data-testid="ticket-release-date">
          {format(releaseDate)}
          {/* QA S59: the agent read nothing of a holiday added on it (only the queue said so). */}
          {staff && onClosedDay && (
            <p className="notice notice-warning" data-testid="ticket-release-date-closed-day">
              {t.planning.queue.deliveryOnClosedDayHint}
            </p>
          )}
        </dd>
      </>
    );
  }
  const p = t.ticketPage;
  return (
    <>
      <dt>{p.previousReleaseDate}</dt>
      <dd data-testid="ticket-release-date">
        <del>
          <time dateTime={releaseDate}>{format(releaseDate)}</time>
        </del>
        <p className="hint" data-testid="ticket-release-date-superseded">
          {staff ? p.releaseDateSupersededStaff : p.releaseDateSupersededClient}
          {scheduling?.deadline ? ` ${p.schedulingAgain(format(scheduling.deadline))}` : ''}
        </p>
      </dd>
    </>
  );
}
