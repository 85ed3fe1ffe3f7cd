import { useEffect, useState } from 'react';
import { operation } from '../api/graphql-client';
import type { SlaClock } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';

interface ClockExplanation {
  calendarVersion: number;
  timeZone: string;
  lines: string[];
}

/** The server writes the explanation (BUSINESS-TIME.md) in the language asked for. */
const CLOCK_EXPLANATIONS = operation<
  { ticket: { clocks: { id: string; explanation: ClockExplanation | null }[] } },
  { number: string; language: 'ES_MX' | 'EN' }
>(`query TicketClockExplanations($number: String!, $language: ExplanationLanguage!) {
  ticket(number: $number) { clocks { id explanation(language: $language) { calendarVersion timeZone lines } } }
}`);

/**
 * "¿Por qué esta fecha?" under a running or paused clock: the walk from its start through the
 * calendar (closed days, holidays by name, after-hours) and its pauses, asked for when opened.
 */
export function ClockExplanationDisclosure({
  ticketNumber,
  clock,
}: {
  ticketNumber: string;
  clock: SlaClock;
}) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const query = useQuery(
    CLOCK_EXPLANATIONS,
    { number: ticketNumber, language: language === 'en' ? 'EN' : 'ES_MX' },
    !open,
  );
  const { reload } = query;
  // The deadline moved (a pause, a resume, a calendar change): explain the new one.
  useEffect(() => {
    if (open) void reload();
  }, [clock.deadline, clock.status]);
  const explanation = query.data?.ticket.clocks.find((c) => c.id === clock.id)?.explanation;

  return (
    <details
      className="clock-why"
      data-testid={`why-${clock.kind}`}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t.ticketPage.whyTitle}</summary>
      <ErrorMessage error={query.error} />
      {open && query.loading && !explanation && <p role="status">{t.ticketPage.whyLoading}</p>}
      {open && query.data && !explanation && <p className="muted">{t.ticketPage.whyUnavailable}</p>}
      {explanation && (
        <>
          <ol className="explanation">
            {explanation.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
          <p className="muted small">
            {t.ticketPage.whyCalendar(explanation.calendarVersion, explanation.timeZone)}
          </p>
        </>
      )}
    </details>
  );
}
