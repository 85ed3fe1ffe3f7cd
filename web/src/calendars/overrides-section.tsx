import { type FormEvent, useState } from 'react';
import {
  type CalendarDetail,
  REMOVE_OVERRIDE,
  SET_OVERRIDE,
  type TimeInterval,
} from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useMutationForm } from '../components/use-mutation-form';
import { TextField } from '../components/text-field';
import { FormFooter } from '../components/form-footer';
import { formatLocalDate } from '../i18n/format';
import { impactWithDeliveries } from './holiday-effect';
import { LocalDateCell, RemoveDayButton } from './calendar-bits';
import { InlineConfirm } from '../components/inline-confirm';
import { editorTexts } from './editor-texts';

interface Props {
  calendar: CalendarDetail;
  onChanged: () => Promise<void>;
}

/** Days with their own hours (half days, worked Saturdays, closed days). */
export function OverridesSection({ calendar, onChanged }: Props) {
  const { t, language } = useI18n();
  const m = editorTexts(language);
  const { call } = useSession();
  const list = useMutationForm();
  const form = useMutationForm();
  const [date, setDate] = useState('');
  const [closed, setClosed] = useState(true);
  const [intervals, setIntervals] = useState<TimeInterval[]>([{ start: '09:00', end: '14:00' }]);
  const [reason, setReason] = useState('');
  // As for holidays (L3-06): a day closed, shortened or given back moves the running deadlines of
  // every client on this calendar, so it is asked first, naming whom it reaches (it was not).
  const [removing, setRemoving] = useState<string>();
  const [saving, setSaving] = useState(false);
  const asks = calendar.usage === null || calendar.usage.openTickets > 0 || calendar.isDefault;
  const impact = (removal: boolean) =>
    m.overrideImpact(removal, calendar.usage, calendar.isDefault);

  const remove = (overrideDate: string) => {
    setRemoving(undefined);
    void list.run(
      async () => {
        await call(REMOVE_OVERRIDE, { id: calendar.id, date: overrideDate });
        await onChanged();
      },
      (_, w) => w.t.calendars.overrideRemoved(formatLocalDate(overrideDate, w.language)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (asks) setSaving(true);
    else void save();
  };

  const save = async () => {
    setSaving(false);
    const saved = date;
    const ok = await form.run(
      async () => {
        await call(SET_OVERRIDE, {
          id: calendar.id,
          override: { date, reason: reason.trim(), intervals: closed ? [] : intervals },
        });
        await onChanged();
      },
      (_, w) => w.t.calendars.overrideSaved(formatLocalDate(saved, w.language)),
    );
    if (ok) {
      setDate('');
      setReason('');
    }
  };

  const patchInterval = (index: number, patch: Partial<TimeInterval>) =>
    setIntervals((all) => all.map((i, n) => (n === index ? { ...i, ...patch } : i)));

  return (
    <section className="card" aria-labelledby="overrides-title">
      <h2 id="overrides-title">{t.calendars.overrides}</h2>
      {calendar.overrides.length === 0 ? (
        <p>{t.calendars.noOverrides}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t.calendars.date}</th>
                <th scope="col">{t.calendars.hours}</th>
                <th scope="col">{t.calendars.reason}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.calendars.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {calendar.overrides.map((o) => (
                <tr key={o.date}>
                  <LocalDateCell date={o.date} />
                  <td data-label={t.calendars.hours}>
                    {o.intervals.length === 0
                      ? t.calendars.closed
                      : o.intervals.map((i) => `${i.start}–${i.end}`).join(', ')}
                  </td>
                  <td data-label={t.calendars.reason}>{o.reason}</td>
                  <td>
                    <RemoveDayButton
                      label={t.calendars.removeOverride(formatLocalDate(o.date, language))}
                      busy={list.busy}
                      onRemove={() => (asks ? setRemoving(o.date) : remove(o.date))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <InlineConfirm
          id="override-remove"
          title={m.overrideRemoveTitle(formatLocalDate(removing, language))}
          text={impact(true)}
          yes={m.overrideRemoveYes}
          no={m.cancel}
          busy={list.busy}
          onYes={() => remove(removing)}
          onNo={() => setRemoving(undefined)}
        />
      )}
      <ErrorMessage error={list.error} />
      <SuccessMessage text={list.done} />

      <form className="form-grid subsection" onSubmit={submit}>
        <h3 className="span-all">{t.calendars.setOverride}</h3>
        <TextField
          id="override-date"
          label={t.calendars.date}
          type="date"
          required
          value={date}
          onChange={setDate}
        />
        <TextField
          id="override-reason"
          label={t.calendars.reason}
          required
          value={reason}
          onChange={setReason}
        />
        <fieldset className="span-all">
          <legend>{t.calendars.overrideKind}</legend>
          <label className="check">
            <input
              type="radio"
              name="override-kind"
              checked={closed}
              onChange={() => setClosed(true)}
            />
            {t.calendars.overrideClosed}
          </label>
          <label className="check">
            <input
              type="radio"
              name="override-kind"
              checked={!closed}
              onChange={() => setClosed(false)}
            />
            {t.calendars.overrideHours}
          </label>
          {!closed && (
            <div className="intervals">
              {intervals.map((interval, index) => (
                <div className="interval-row" key={index}>
                  <label className="visually-hidden" htmlFor={`override-start-${index}`}>
                    {t.calendars.intervalStart(index + 1)}
                  </label>
                  <input
                    id={`override-start-${index}`}
                    type="time"
                    required
                    value={interval.start}
                    onChange={(e) => patchInterval(index, { start: e.target.value })}
                  />
                  <span aria-hidden="true">–</span>
                  <label className="visually-hidden" htmlFor={`override-end-${index}`}>
                    {t.calendars.intervalEnd(index + 1)}
                  </label>
                  <input
                    id={`override-end-${index}`}
                    type="time"
                    required
                    value={interval.end}
                    onChange={(e) => patchInterval(index, { end: e.target.value })}
                  />
                  {intervals.length > 1 && (
                    <button
                      type="button"
                      className="button small ghost"
                      aria-label={t.calendars.removeInterval(index + 1)}
                      onClick={() => setIntervals((all) => all.filter((_, n) => n !== index))}
                    >
                      ×
                    </button>
                  )}
                </div>
              ))}
              <button
                type="button"
                className="button small"
                onClick={() => setIntervals((all) => [...all, { start: '15:00', end: '18:00' }])}
              >
                {t.calendars.addInterval}
              </button>
            </div>
          )}
        </fieldset>
        {saving ? (
          <div className="span-all">
            <InlineConfirm
              id="override-set"
              title={m.overrideSetTitle(formatLocalDate(date, language))}
              text={
                // L3-19 (QA S53): a day closed leaves the deliveries published on it there.
                closed
                  ? impactWithDeliveries(impact(false), date, calendar, m.deliveriesOnDay, language)
                  : impact(false)
              }
              yes={m.overrideSetYes}
              no={m.cancel}
              busy={form.busy}
              onYes={() => void save()}
              onNo={() => setSaving(false)}
            />
          </div>
        ) : (
          <FormFooter form={form} label={t.calendars.save} buttonClassName="button primary" />
        )}
      </form>
    </section>
  );
}
