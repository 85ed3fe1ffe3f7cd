import { type FormEvent, useState } from 'react';
import { ADD_HOLIDAY, type CalendarDetail, REMOVE_HOLIDAY } from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { holidayDisplayName } from '../i18n/holiday-name';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useMutationForm } from '../components/use-mutation-form';
import { TextField } from '../components/text-field';
import { FormFooter } from '../components/form-footer';
import { formatLocalDate } from '../i18n/format';
import { LocalDateCell, RemoveDayButton } from './calendar-bits';
import { InlineConfirm } from '../components/inline-confirm';
import { editorTexts } from './editor-texts';
import { holidayWithoutEffect, impactWithDeliveries } from './holiday-effect';
import { FormProblem } from '../components/text-area-field';

// A new holiday is the client's own day unless said otherwise: election days are rare and regional.
const ENTERED_SOURCES = ['CLIENT', 'BANK', 'ELECTION', 'OTHER'];

interface Props {
  calendar: CalendarDetail;
  year: number;
  onYear: (year: number) => void;
  onChanged: () => Promise<void>;
}

/** Holidays of one year (generated and entered), and the form to add or remove entered ones. */
export function HolidaysSection({ calendar, year, onYear, onChanged }: Props) {
  const { t, language } = useI18n();
  const m = editorTexts(language);
  const { call } = useSession();
  const list = useMutationForm();
  const form = useMutationForm();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  // A client's own calendar: the client's own day. A calendar clients share (the default one):
  // «Otro», since «Cliente» would read «festivo del cliente» to every client on it (QA S49).
  const [source, setSource] = useState(calendar.organizationId ? 'CLIENT' : 'OTHER');
  // QA (L3-06): a holiday moves the running deadlines of every client on this calendar, so it is
  // asked first, naming how many open tickets that is (or that every client's are, when unknown).
  const [removing, setRemoving] = useState<string>();
  const [adding, setAdding] = useState(false);
  const asks = calendar.usage === null || calendar.usage.openTickets > 0 || calendar.isDefault;
  const impact = (add: boolean) => m.holidayImpact(add, calendar.usage, calendar.isDefault);
  // A past day, or one the calendar already closes, moves no deadline: said so (QA S52).
  const withoutEffect = date ? holidayWithoutEffect(date, calendar) : null;
  // The form's own check, in the app's words (QA S52: the browser's bubble, in its language).
  const [missing, setMissing] = useState<('date' | 'name')[]>([]);
  const isEmpty = (f: 'date' | 'name') => (f === 'date' ? !date : !name.trim());
  const stillMissing = missing.filter(isEmpty);

  const remove = (holidayDate: string) => {
    setRemoving(undefined);
    void list.run(
      async () => {
        await call(REMOVE_HOLIDAY, { id: calendar.id, date: holidayDate });
        await onChanged();
      },
      (_, w) => w.t.calendars.holidayRemoved(formatLocalDate(holidayDate, w.language)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['date', 'name'] as const).filter(isEmpty);
    setMissing(empty);
    if (empty.length > 0) {
      document.getElementById(`holiday-${empty[0]}`)?.focus();
      return;
    }
    if (asks) setAdding(true);
    else void add();
  };

  const add = async () => {
    setAdding(false);
    const added = date;
    const ok = await form.run(
      async () => {
        await call(ADD_HOLIDAY, { id: calendar.id, holiday: { date, name: name.trim(), source } });
        await onChanged();
      },
      (_, w) => w.t.calendars.holidayAdded(formatLocalDate(added, w.language)),
    );
    if (ok) {
      setDate('');
      setName('');
    }
  };

  return (
    <section className="card" aria-labelledby="holidays-title">
      <div className="title-row">
        <h2 id="holidays-title">{t.calendars.holidays}</h2>
        <div className="field inline">
          <label htmlFor="holiday-year">{t.calendars.year}</label>
          <input
            id="holiday-year"
            type="number"
            min={2006}
            max={2099}
            value={year}
            onChange={(e) => {
              const next = Number(e.target.value);
              if (next >= 2006 && next <= 2099) onYear(next);
            }}
          />
        </div>
      </div>
      {calendar.holidays.length === 0 ? (
        <p>{t.calendars.noHolidays}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="holidays" className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t.calendars.date}</th>
                <th scope="col">{t.calendars.holidayName}</th>
                <th scope="col">{t.calendars.source}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.calendars.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calendar.holidays.map((h) => (
                <tr key={`${h.date}-${h.source}`}>
                  <LocalDateCell date={h.date} />
                  <td data-label={t.calendars.holidayName}>
                    {holidayDisplayName(h.name, h.source, language)}
                  </td>
                  <td data-label={t.calendars.source}>
                    {t.calendars.sourceNames[h.source] ?? h.source}
                  </td>
                  <td>
                    {!calendar.holidaySources.includes(h.source) && (
                      <RemoveDayButton
                        label={t.calendars.removeHoliday(formatLocalDate(h.date, language))}
                        busy={list.busy}
                        onRemove={() => (asks ? setRemoving(h.date) : remove(h.date))}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <InlineConfirm
          id="holiday-remove"
          title={m.holidayRemoveTitle(
            formatLocalDate(removing, language),
            calendar.holidays.find((h) => h.date === removing)?.name ?? '',
          )}
          text={impact(false)}
          yes={m.holidayRemoveYes}
          no={m.cancel}
          busy={list.busy}
          onYes={() => remove(removing)}
          onNo={() => setRemoving(undefined)}
        />
      )}
      <ErrorMessage error={list.error} />
      <SuccessMessage text={list.done} />

      <form className="form-grid subsection" noValidate onSubmit={submit}>
        <h3 className="span-all">{t.calendars.addHoliday}</h3>
        <TextField
          id="holiday-date"
          label={t.calendars.date}
          type="date"
          required
          value={date}
          onChange={setDate}
        />
        <TextField
          id="holiday-name"
          label={t.calendars.holidayName}
          required
          value={name}
          onChange={setName}
        />
        <div className="field">
          <label htmlFor="holiday-source">{t.calendars.source}</label>
          <select id="holiday-source" value={source} onChange={(e) => setSource(e.target.value)}>
            {/* The default calendar is shared: no one client's holiday there (QA S53). */}
            {ENTERED_SOURCES.filter((s) => s !== 'CLIENT' || calendar.organizationId).map((s) => (
              <option key={s} value={s}>
                {t.calendars.sourceNames[s]}
              </option>
            ))}
          </select>
        </div>
        {stillMissing.length > 0 && (
          <FormProblem
            problem={stillMissing
              .map((f) =>
                t.tickets.required(f === 'date' ? t.calendars.date : t.calendars.holidayName),
              )
              .join(' ')}
          />
        )}
        {adding ? (
          <div className="span-all">
            <InlineConfirm
              id="holiday-add"
              title={m.holidayAddTitle(formatLocalDate(date, language), name.trim())}
              text={
                withoutEffect
                  ? m.holidayWithoutEffect[withoutEffect]
                  : impactWithDeliveries(impact(true), date, calendar, m.deliveriesOnDay, language)
              }
              yes={withoutEffect ? m.holidayAddOnlyYes : m.holidayAddYes}
              no={m.cancel}
              busy={form.busy}
              onYes={() => void add()}
              onNo={() => setAdding(false)}
            />
          </div>
        ) : (
          <FormFooter form={form} label={t.calendars.add} buttonClassName="button primary" />
        )}
      </form>
    </section>
  );
}
