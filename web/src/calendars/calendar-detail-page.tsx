import { useState } from 'react';
import { CALENDAR, type CalendarDetail, SET_LFT74 } from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { browserTimeZone, currentYear, formatInstant, weekdayName } from '../i18n/format';
import { calendarChangesEn } from '../i18n/calendar-changes.en';
import { calendarChangesEsMX } from '../i18n/calendar-changes.es-mx';
import { calendarDisplayName } from '../i18n/calendar-name';
import { type Language, useI18n } from '../i18n/i18n-context';
import { zoneTitle } from '../i18n/zone-name';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { HolidaysSection } from './holidays-section';
import { OverridesSection } from './overrides-section';
import { versionChangeText } from './version-change';
import { editorTexts } from './editor-texts';
import { WeeklyEditSection } from './weekly-edit-section';
import { useNotice } from '../components/use-notice';

const LFT74 = 'MX_LFT_74';

const changeTexts = (language: Language) =>
  language === 'en' ? calendarChangesEn : calendarChangesEsMX;

/** One calendar: week, generated holidays, holidays of a year, overrides, and its change log. */
export function CalendarDetailPage({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { user } = useSession();
  const zone = user?.timeZone ?? browserTimeZone();
  const [year, setYear] = useState(() => currentYear(zone));
  const query = useQuery(CALENDAR, { id, year });
  const calendar = query.data?.calendar;
  const c = changeTexts(language);
  const sourceName = (source: string) => t.calendars.sourceNames[source] ?? source;

  return (
    <div className="stack">
      <p>
        <Link to="/calendarios">← {t.calendars.back}</Link>
      </p>
      <ErrorMessage error={query.error} />
      {query.loading && !calendar && <p role="status">{t.loading}</p>}
      {calendar && (
        <>
          <section className="card" aria-labelledby="page-title">
            <div className="title-row">
              <h1 id="page-title">{calendarDisplayName(calendar.name, language)}</h1>
              <span className="badge strong" data-testid="calendar-version">
                {t.calendars.versionBadge(calendar.version)}
              </span>
              {calendar.isDefault && <span className="badge">{t.calendars.default}</span>}
            </div>
            <p className="muted">
              {t.calendars.timeZone}: {zoneTitle(calendar.timeZone, language)}
            </p>
            <h2>{t.calendars.weekly}</h2>
            <WeeklyTable calendar={calendar} />
            <WeeklyEditSection calendar={calendar} onChanged={query.reload} />
            <Lft74Toggle calendar={calendar} onChanged={query.reload} />
          </section>
          <HolidaysSection
            calendar={calendar}
            year={year}
            onYear={setYear}
            onChanged={query.reload}
          />
          <OverridesSection calendar={calendar} onChanged={query.reload} />
          <section className="card" aria-labelledby="versions-title">
            <h2 id="versions-title">{t.calendars.versions}</h2>
            <div className="table-wrap">
              <table data-testid="versions" className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t.calendars.version}</th>
                    <th scope="col">{t.calendars.changedAt}</th>
                    <th scope="col">{c.changedBy}</th>
                    <th scope="col">{t.calendars.change}</th>
                  </tr>
                </thead>
                <tbody>
                  {calendar.versions.map((v) => (
                    <tr key={v.version}>
                      <td data-label={t.calendars.version}>{v.version}</td>
                      <td data-label={t.calendars.changedAt}>
                        <time dateTime={v.changedAt}>
                          {formatInstant(v.changedAt, language, zone)}
                        </time>
                      </td>
                      <td data-label={c.changedBy}>{v.changedByName ?? c.system}</td>
                      <td data-label={t.calendars.change}>
                        {versionChangeText(v, c, t.tickets.recomputed, sourceName)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function WeeklyTable({ calendar }: { calendar: CalendarDetail }) {
  const { t, language } = useI18n();
  return (
    <div className="table-wrap">
      <table className="compact" data-testid="weekly">
        <thead>
          <tr>
            <th scope="col">{t.calendars.weekday}</th>
            <th scope="col">{t.calendars.hours}</th>
          </tr>
        </thead>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
            const intervals = calendar.weekly.find((w) => w.weekday === weekday)?.intervals ?? [];
            return (
              <tr key={weekday}>
                <th scope="row" className="capitalize">
                  {weekdayName(weekday, language)}
                </th>
                <td>
                  {intervals.length === 0
                    ? t.calendars.closed
                    : intervals.map((i) => `${i.start}–${i.end}`).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Lft74Toggle({
  calendar,
  onChanged,
}: {
  calendar: CalendarDetail;
  onChanged: () => Promise<void>;
}) {
  const { t, language } = useI18n();
  const c = changeTexts(language);
  const { call } = useSession();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useNotice();
  const [busy, setBusy] = useState(false);
  // Removing the legal holidays, or putting them back, moves every deadline on the calendar: it
  // takes a second step either way (QA S54: adding one holiday asked, adding eight did not).
  const [confirming, setConfirming] = useState(false);
  const enabled = calendar.holidaySources.includes(LFT74);
  const otherSources = calendar.holidaySources.filter((s) => s !== LFT74);

  const toggle = async () => {
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await call(SET_LFT74, { id: calendar.id, enabled: !enabled });
      await onChanged();
      setDone((w) => w.t.calendars.lft74Saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="subsection">
      <h2>{t.calendars.sources}</h2>
      {calendar.holidaySources.length === 0 && <p>{t.calendars.noSources}</p>}
      {/* The art. 74 days have their own line below, which says whether they are included: listed
          here too, the page said it twice in a row (QA S22 F9). */}
      {otherSources.length > 0 && (
        <ul>
          {otherSources.map((s) => (
            <li key={s}>
              <strong>{t.calendars.sourceNames[s] ?? s}</strong>
            </li>
          ))}
        </ul>
      )}
      <p>
        {t.calendars.lft74}: {enabled ? t.calendars.lft74On : t.calendars.lft74Off}
      </p>
      {!confirming && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setDone(undefined);
            setError(undefined);
            setConfirming(true);
          }}
        >
          {enabled ? t.calendars.lft74Disable : t.calendars.lft74Enable}
        </button>
      )}
      {confirming && (
        <div
          className="notice notice-info"
          role="alertdialog"
          aria-labelledby="lft74-confirm-title"
          aria-describedby="lft74-confirm-impact"
          data-testid="lft74-confirm"
        >
          <p>
            <strong id="lft74-confirm-title">{enabled ? c.confirmTitle : c.confirmAddTitle}</strong>
          </p>
          <p id="lft74-confirm-impact">
            {editorTexts(language).lft74Impact(!enabled, calendar.usage, calendar.isDefault)}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => void toggle()}
            >
              {enabled ? c.confirmYes : c.confirmAddYes}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              {c.confirmNo}
            </button>
          </div>
        </div>
      )}
      <ErrorMessage error={error} />
      <SuccessMessage text={done} />
    </div>
  );
}
