import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import {
  BUSINESS_DEADLINE,
  type BusinessUnit,
  CALENDARS,
  type CalendarSummary,
  type DeadlineResult,
} from '../api/operations';
import { ErrorMessage } from '../components/error-message';
import { deadlineInputProblem } from './deadline-checks';
import { wholeDeadlineAmount } from '../../../src/shared/deadline-amount';
import { FormProblem } from '../components/text-area-field';
import { useQuery } from '../components/use-query';
import { browserTimeZone, formatInstant, formatLocalDate } from '../i18n/format';
import { calendarDisplayName } from '../i18n/calendar-name';
import { useI18n } from '../i18n/i18n-context';
import { zoneTitle } from '../i18n/zone-name';
import { nowInZone, zonedWallTimeToUtc } from '../i18n/zoned-time';
import { useSession } from '../session/session-context';
import { SpelledDate, spelledDateId } from '../components/spelled-date';

const UNITS: BusinessUnit[] = ['BUSINESS_MINUTES', 'BUSINESS_HOURS', 'BUSINESS_DAYS'];
const FALLBACK_ZONE = 'America/Mexico_City';

interface Asked {
  from: string;
  amount: number;
  unit: BusinessUnit;
  calendarId: string | null;
  zone: string;
}

/**
 * "Why is my deadline X?": the public `businessDeadline` query with its explanation. Logged out it
 * uses the default calendar; logged in, any calendar the user may see.
 */
export function DeadlinePage() {
  const { t, language } = useI18n();
  const { user, call } = useSession();
  const calendars = useQuery(CALENDARS, {}, !user);
  const defaultZone = useDefaultCalendarZone(!!user);

  const [calendarId, setCalendarId] = useState<string>('');
  const [from, setFrom] = useState('');
  const [amount, setAmount] = useState('8');
  const [unit, setUnit] = useState<BusinessUnit>('BUSINESS_HOURS');
  const [asked, setAsked] = useState<Asked>();
  const [result, setResult] = useState<DeadlineResult>();
  // A refusal with the question it answers: shown only while the form still asks that question.
  const [failure, setFailure] = useState<{ question: Asked; error: unknown }>();
  const [busy, setBusy] = useState(false);

  const list = calendars.data?.calendars;
  // A client's own calendar first, else the default one.
  useEffect(() => {
    if (!list || calendarId) return;
    const own = list.find((c) => c.organizationId && c.organizationId === user?.organization.id);
    const chosen = own ?? list.find((c) => c.isDefault) ?? list[0];
    if (chosen) setCalendarId(chosen.id);
  }, [list, calendarId, user]);

  const selected: CalendarSummary | undefined = list?.find((c) => c.id === calendarId);
  const zone = user ? selected?.timeZone : defaultZone;

  useEffect(() => {
    if (zone && !from) setFrom(nowInZone(zone));
  }, [zone, from]);

  const ask = useCallback(
    async (question: Asked) => {
      setBusy(true);
      setFailure(undefined);
      try {
        const { businessDeadline } = await call(BUSINESS_DEADLINE, {
          from: zonedWallTimeToUtc(question.from, question.zone).toISOString(),
          // The API counts whole units: 1.5 hours is asked as 90 minutes (QA S57).
          ...wholeDeadlineAmount(question.amount, question.unit),
          calendarId: question.calendarId,
          language: language === 'en' ? 'EN' : 'ES_MX',
        });
        setResult(businessDeadline);
        setAsked(question);
      } catch (err) {
        setFailure({ question, error: err });
      } finally {
        setBusy(false);
      }
    },
    [call, language],
  );

  // The explanation is written by the server: ask again in the new language.
  useEffect(() => {
    // Only on a language change: `ask` already carries the new language, `asked` the question.
    if (asked) void ask(asked);
  }, [language]);

  // The question the form holds now (undefined until the calendar's zone is known).
  const onScreen: Asked | undefined = zone
    ? { from, amount: Number(amount), unit, calendarId: user ? calendarId || null : null, zone }
    : undefined;
  // QA: an input changed since «Calcular plazo»: the result answers another question than the
  // form's, so it says so until asked again (changing the input back makes it current again).
  const stale =
    asked !== undefined &&
    (onScreen === undefined || amount.trim() === '' || !same(asked, onScreen));

  // A refusal answers the question asked, not one the form holds since (QA S49: «…debe ser como
  // máximo 36,500» stayed under an amount of 1.5 the browser would not send).
  const shownError =
    failure && onScreen && same(failure.question, onScreen) ? failure.error : undefined;

  // The form's own words for an empty or odd field, in the UI language (QA S54: the browser's
  // bubble spoke its own language: «Value must be greater than or equal to 0.»). Shown, like a
  // refusal, while the form holds what was checked, and worded in the language shown.
  const inputs = { from, amount, unit };
  const [checked, setChecked] = useState<typeof inputs>();
  const unchanged = checked?.from === from && checked.amount === amount && checked.unit === unit;
  const problem = unchanged ? deadlineInputProblem(inputs, t, language) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(inputs);
    if (!deadlineInputProblem(inputs, t, language) && onScreen) void ask(onScreen);
  };

  const calendarChoice = (c: CalendarSummary) =>
    `${calendarDisplayName(c.name, language)} · ${zoneTitle(c.timeZone, language)}`;
  // The calendar the shown result was worked out with, not the one chosen since (QA: choosing
  // another calendar before «Calcular plazo» renamed the old result's calendar and kept its version).
  const askedCalendar = list?.find((c) => c.id === asked?.calendarId);
  const calendarName = askedCalendar
    ? calendarDisplayName(askedCalendar.name, language)
    : t.deadline.defaultCalendar;
  const yourZone = user?.timeZone ?? browserTimeZone();
  // As the ticket page says a date (QA S20): «3 feb 2026, 4:30 p.m.», not «2026-02-03 16:30».
  const due = (timeZone: string) => result && formatInstant(result.deadline, language, timeZone);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{t.deadline.title}</h1>
        <p className="muted">{t.deadline.intro}</p>
        <form className="form-grid" noValidate onSubmit={submit}>
          <div className="field span-all">
            {user ? (
              <label htmlFor="deadline-calendar">{t.deadline.calendar}</label>
            ) : (
              <span className="label" id="deadline-calendar-label">
                {t.deadline.calendar}
              </span>
            )}
            {user ? (
              <>
                <select
                  id="deadline-calendar"
                  value={calendarId}
                  onChange={(e) => setCalendarId(e.target.value)}
                  title={selected && calendarChoice(selected)}
                  required
                >
                  {list?.map((c) => (
                    <option key={c.id} value={c.id}>
                      {calendarChoice(c)}
                    </option>
                  ))}
                </select>
                {/* A closed select shows one line, cut when the name is long (QA S21): where the
                    select is narrower than such names, the chosen one is written out in full. The
                    select itself already tells a screen reader the whole name. */}
                {selected && (
                  <p
                    className="hint select-full-text"
                    aria-hidden="true"
                    data-testid="deadline-calendar-full"
                  >
                    {calendarChoice(selected)}
                  </p>
                )}
              </>
            ) : (
              <p className="static-value" aria-labelledby="deadline-calendar-label">
                {`${t.deadline.defaultCalendar} · ${defaultZone ? zoneTitle(defaultZone, language) : '…'}`}
              </p>
            )}
            <ErrorMessage error={calendars.error} />
          </div>
          <div className="field span-2">
            <label htmlFor="deadline-from">{t.deadline.from}</label>
            <input
              id="deadline-from"
              type="datetime-local"
              required
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-describedby={`deadline-from-hint ${spelledDateId('deadline-from')}`}
            />
            <p className="hint" id="deadline-from-hint">
              {zone ? t.deadline.fromHint(zone) : '…'}
            </p>
            <SpelledDate id={spelledDateId('deadline-from')} value={from} />
          </div>
          <div className="field">
            <label htmlFor="deadline-amount">{t.deadline.amount}</label>
            <input
              id="deadline-amount"
              type="number"
              inputMode={unit === 'BUSINESS_HOURS' ? 'decimal' : 'numeric'}
              min={0}
              step={unit === 'BUSINESS_HOURS' ? 'any' : 1}
              required
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="deadline-unit">{t.deadline.unit}</label>
            <select
              id="deadline-unit"
              value={unit}
              onChange={(e) => setUnit(e.target.value as BusinessUnit)}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t.deadline.units[u]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions span-2">
            <button type="submit" className="button primary" disabled={busy || !zone}>
              {busy ? t.deadline.submitting : t.deadline.submit}
            </button>
          </div>
          <FormProblem problem={problem} />
        </form>
        <ErrorMessage error={shownError} />
      </section>

      {result && (
        <section
          className={stale ? 'card deadline-result stale' : 'card deadline-result'}
          aria-labelledby="result-title"
          aria-live="polite"
        >
          <h2 id="result-title">{t.deadline.resultTitle}</h2>
          {stale && (
            <p className="notice notice-info" data-testid="deadline-stale">
              {t.deadline.stale}
            </p>
          )}
          <p className="deadline-big" data-testid="deadline-local">
            <time dateTime={result.deadline}>{due(result.timeZone)}</time>
          </p>
          <p className="deadline-words">
            {formatLocalDate(result.localDeadline.slice(0, 10), language)}
          </p>
          <dl className="facts">
            <dt>{t.deadline.dueLocal(result.timeZone)}</dt>
            <dd>{due(result.timeZone)}</dd>
            <dt>{t.deadline.dueUtc}</dt>
            <dd data-testid="deadline-utc">{`${due('UTC')} UTC`}</dd>
            {yourZone !== result.timeZone && (
              <>
                <dt>{t.deadline.dueYours(yourZone)}</dt>
                <dd>{due(yourZone)}</dd>
              </>
            )}
            {result.clockStart && (
              <>
                <dt>{t.deadline.clockStart}</dt>
                <dd>{formatInstant(result.clockStart, language, result.timeZone)}</dd>
              </>
            )}
            <dt>{t.deadline.calendarUsed}</dt>
            <dd data-testid="deadline-version">
              {t.deadline.version(calendarName, result.calendarVersion)}
            </dd>
          </dl>
          <h3>{t.deadline.explanation}</h3>
          <ol className="explanation">
            {result.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function same(a: Asked, b: Asked): boolean {
  return (
    a.from === b.from &&
    a.amount === b.amount &&
    a.unit === b.unit &&
    a.calendarId === b.calendarId &&
    a.zone === b.zone
  );
}

/**
 * Logged out there is no calendar list: a zero-minute question tells the default calendar's time
 * zone, so the "from" field can say which zone it is read in.
 */
function useDefaultCalendarZone(skip: boolean): string | undefined {
  const variables = useMemo(
    () => ({
      from: new Date().toISOString(),
      amount: 0,
      unit: 'BUSINESS_MINUTES' as const,
      calendarId: null,
      language: 'ES_MX' as const,
    }),
    [],
  );
  const probe = useQuery(BUSINESS_DEADLINE, variables, skip);
  if (skip) return undefined;
  if (probe.error) return FALLBACK_ZONE;
  return probe.data?.businessDeadline.timeZone;
}
