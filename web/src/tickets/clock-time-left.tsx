import type { ReactNode } from 'react';
import type { SlaClock } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { leftIncludesStartDay } from './clock-texts';

/**
 * The «Tiempo hábil restante» cell of the ticket page and the SLA board: a clock's time left
 * (`text`, from clockTimeText; `fallback` when it has none), with a muted line under it when it
 * reads as more than the target because the start day does not count ({@link
 * leftIncludesStartDay}, QA F15). One element: on a phone the cell is a grid of label and content.
 */
export function ClockTimeLeft({
  clock,
  text,
  fallback = '—',
}: {
  clock: Pick<SlaClock, 'status' | 'remainingMinutes' | 'businessDayMinutes' | 'target'> &
    Partial<Pick<SlaClock, 'daysLeft'>>;
  text: string | null;
  fallback?: ReactNode;
}) {
  const { t } = useI18n();
  if (text === null) return <>{fallback}</>;
  if (!leftIncludesStartDay(clock)) return <>{text}</>;
  return (
    <span>
      {text}
      <span className="muted small block" data-testid="clock-start-day-note">
        {t.ticketPage.startDayNote}
      </span>
    </span>
  );
}
