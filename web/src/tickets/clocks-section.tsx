import { useState } from 'react';
import type { SlaClock } from '../api/tickets';
import { FoldLabel } from '../components/fold-label';
import { formatInstantWithDay } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { zoneName, zoneOffset } from '../i18n/zone-name';
import { ClockExplanationDisclosure } from './clock-explanation';
import { groupClockRuns } from './clock-runs';
import { clockKindText, clockStatusText, clockTimeText, clockTimeWords } from './clock-texts';
import { ClockTimeLeft } from './clock-time-left';
import { CountsFromLine, useClientReader, useLocalTime, ZoneNameLine } from './ticket-bits';

/**
 * A deadline in the ticket's calendar's zone, with its weekday, when it reads otherwise in the
 * reader's (QA S59: staff in Mexico City read a Tokyo client's deadlines only in their own time;
 * the client's 9 a.m. was their 6 p.m. of the day before). Nothing when both read the same. Also
 * under the triage deadline of «Mis tickets»' registration notice (QA S60b #3).
 */
export function CalendarZoneDeadline({
  deadline,
  calendarZone,
}: {
  deadline: string;
  calendarZone: string;
}) {
  const { t, language } = useI18n();
  const { zone, formatWithDay } = useLocalTime();
  const client = useClientReader();
  const there = formatInstantWithDay(deadline, language, calendarZone);
  if (zone === calendarZone || there === formatWithDay(deadline)) return null;
  const at = new Date(deadline);
  const label = `${zoneName(calendarZone, language, at)}, ${zoneOffset(calendarZone, at)}`;
  return (
    <span className="muted small block" data-testid="clock-deadline-calendar-zone">
      {t.tickets.deadlineInCalendarZone(there, label, client)}
    </span>
  );
}

/** One run of a clock: kind and target, state, deadline, time left (or when it ended). */
function ClockRow({
  clock,
  calendarZone,
  earlier = false,
}: {
  clock: SlaClock;
  calendarZone: string;
  earlier?: boolean;
}) {
  const { t, language } = useI18n();
  const { format, formatTime } = useLocalTime();
  const client = useClientReader();
  const breached = clock.breachedAt !== null;
  const left = clockTimeText(clock, clockTimeWords[language], formatTime);
  const endedAt = left == null ? clock.endedAt : null;
  return (
    <tr
      data-testid={earlier ? 'clock-earlier' : 'clock-current'}
      data-kind={clock.kind}
      className={earlier ? 'clock-earlier' : undefined}
    >
      <th scope="row">
        {clockKindText(t, clock.kind, client)}
        <span className="muted small block">{t.tickets.target(clock.target)}</span>
      </th>
      <td data-label={t.tickets.clockStatusLabel}>
        {/* One child: on a phone the cell is a grid of its label and its value (QA S52: the
            second line fell under the label). */}
        <div>
          {/* A breached run says so in words and colour, folded or not (QA). */}
          <span className={breached ? 'badge sla-breached' : undefined}>
            {clockStatusText(clock, t.tickets)}
          </span>
          {/* BUSINESS-TIME.md: a night, a weekend or a holiday uses none of its time (QA S51). */}
          <CountsFromLine countsFrom={clock.countsFrom} />
        </div>
      </td>
      <td data-label={t.tickets.deadline} className="clock-deadline">
        {clock.deadline ? (
          <div>
            <time dateTime={clock.deadline}>{format(clock.deadline)}</time>
            <CalendarZoneDeadline deadline={clock.deadline} calendarZone={calendarZone} />
          </div>
        ) : (
          '—'
        )}
      </td>
      {/* An ended clock's cell says «Terminó: …» itself: on a phone it is not labelled «Tiempo
          hábil restante» (QA S16). */}
      <td data-label={endedAt ? undefined : t.tickets.remaining}>
        <ClockTimeLeft
          clock={clock}
          text={left}
          fallback={
            endedAt ? (
              // When a met clock was met, not only its deadline (QA).
              <span data-testid="clock-ended">{t.tickets.clockEndedAt(format(endedAt))}</span>
            ) : undefined
          }
        />
      </td>
    </tr>
  );
}

/**
 * The ticket's SLA clocks, one line per kind (QA, L3-07): the progress clock runs again after each
 * progress update, so its earlier runs are folded under its current one behind a button
 * («3 plazos anteriores (1 vencido)», aria-expanded) that shows them as rows of the same table
 * (their own tbody), so they keep the table's columns for screen readers. On a phone (styles.css)
 * each row is a stacked block whose cells carry their column's name (data-label), and
 * «¿Por qué esta fecha?» a full-width block under it: nothing scrolls sideways nor is cut.
 */
export function ClocksSection({
  ticketNumber,
  clocks,
  calendarTimeZone,
}: {
  ticketNumber: string;
  clocks: SlaClock[];
  /** The ticket's calendar's zone: each deadline is also shown in it when the reader's differs. */
  calendarTimeZone: string;
}) {
  const { t } = useI18n();
  const client = useClientReader();
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (kind: string) =>
    setUnfolded((now) => {
      const next = new Set(now);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  return (
    <section className="card" aria-labelledby="clocks-title">
      <h2 id="clocks-title">{t.tickets.clocks}</h2>
      {clocks.length === 0 ? (
        <p className="muted">{t.tickets.noClocks}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="clocks" className="clock-table">
            <thead>
              <tr>
                <th scope="col">{t.tickets.clockKind}</th>
                <th scope="col">{t.tickets.clockStatusLabel}</th>
                <th scope="col">
                  {t.tickets.deadline}
                  <ZoneNameLine />
                </th>
                <th scope="col">{t.tickets.remaining}</th>
              </tr>
            </thead>
            {groupClockRuns(clocks).flatMap(({ kind, current, earlier, earlierBreached }) => {
              const open = unfolded.has(kind);
              const earlierId = `clock-earlier-${ticketNumber}-${kind}`;
              const live = current.status === 'RUNNING' || current.status === 'PAUSED';
              return [
                <tbody key={kind} data-testid={`clock-kind-${kind}`}>
                  <ClockRow clock={current} calendarZone={calendarTimeZone} />
                  {live && (
                    <tr className="clock-why-row">
                      <td colSpan={4}>
                        <ClockExplanationDisclosure ticketNumber={ticketNumber} clock={current} />
                      </td>
                    </tr>
                  )}
                  {earlier.length > 0 && (
                    <tr className="clock-earlier-toggle">
                      <td colSpan={4}>
                        <button
                          type="button"
                          className="button ghost small"
                          aria-expanded={open}
                          aria-controls={earlierId}
                          data-testid={`clock-earlier-toggle-${kind}`}
                          onClick={() => toggle(kind)}
                        >
                          <FoldLabel open={open}>
                            {t.ticketPage.earlierRuns(earlier.length, earlierBreached)}
                            <span className="visually-hidden">
                              {' '}
                              {t.ticketPage.earlierRunsOf(clockKindText(t, kind, client))}
                            </span>
                          </FoldLabel>
                        </button>
                      </td>
                    </tr>
                  )}
                </tbody>,
                ...(earlier.length > 0
                  ? [
                      <tbody
                        key={`${kind}-earlier`}
                        id={earlierId}
                        hidden={!open}
                        className="clock-earlier-runs"
                      >
                        {earlier.map((clock) => (
                          <ClockRow
                            key={clock.id}
                            clock={clock}
                            calendarZone={calendarTimeZone}
                            earlier
                          />
                        ))}
                      </tbody>,
                    ]
                  : []),
              ];
            })}
          </table>
        </div>
      )}
    </section>
  );
}
