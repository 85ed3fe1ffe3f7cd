import { type FormEvent, useState } from 'react';
import { type CalendarDetail, UPDATE_CALENDAR_WEEK } from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { editorTexts } from './editor-texts';
import { TimeZoneField } from './time-zone-field';
import { type Week, WeeklyEditor, weekFrom, weeklyInput } from './weekly-editor';

const sameWeek = (a: Week, b: Week) =>
  JSON.stringify(weeklyInput(a)) === JSON.stringify(weeklyInput(b));

/**
 * "Editar horario semanal": name, time zone and the whole week, saved as one new version. When
 * open tickets run on the calendar, a second step says their deadlines will be recomputed.
 */
export function WeeklyEditSection({
  calendar,
  onChanged,
}: {
  calendar: CalendarDetail;
  onChanged: () => Promise<void>;
}) {
  const { language } = useI18n();
  const m = editorTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(calendar.name);
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [week, setWeek] = useState<Week>(() => weekFrom(calendar.weekly));
  const openTickets = calendar.usage?.openTickets ?? 0;

  const start = () => {
    setName(calendar.name);
    setTimeZone(calendar.timeZone);
    setWeek(weekFrom(calendar.weekly));
    setConfirming(false);
    setEditing(true);
  };

  const save = async () => {
    setConfirming(false);
    // Only what changed goes to the server, so the change log names just that.
    const input = {
      ...(name.trim() !== calendar.name ? { name: name.trim() } : {}),
      ...(timeZone !== calendar.timeZone ? { timeZone } : {}),
      ...(sameWeek(week, weekFrom(calendar.weekly)) ? {} : { weekly: weeklyInput(week) }),
    };
    const ok = await form.run(
      async () => {
        if (Object.keys(input).length) await call(UPDATE_CALENDAR_WEEK, { id: calendar.id, input });
        await onChanged();
      },
      (_, w) => editorTexts(w.language).saved,
    );
    if (ok) setEditing(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (openTickets > 0) setConfirming(true);
    else void save();
  };

  if (!editing) {
    return (
      <div className="subsection">
        <button type="button" className="button" onClick={start}>
          {m.edit}
        </button>
        <SuccessMessage text={form.done} />
      </div>
    );
  }

  return (
    <form
      className="form-grid subsection"
      aria-labelledby="weekly-edit-title"
      onSubmit={submit}
      data-testid="weekly-edit"
    >
      <h3 className="span-all" id="weekly-edit-title">
        {m.editTitle}
      </h3>
      <TextField
        id="edit-calendar-name"
        name="name"
        label={m.name}
        required
        maxLength={200}
        value={name}
        onChange={setName}
      />
      <TimeZoneField idPrefix="edit-calendar" value={timeZone} onChange={setTimeZone} />
      <WeeklyEditor idPrefix="edit-calendar" week={week} onChange={setWeek} />
      {confirming ? (
        <div
          className="notice notice-info span-all"
          role="alertdialog"
          aria-labelledby="weekly-confirm-title"
          aria-describedby="weekly-confirm-impact"
        >
          <p>
            <strong id="weekly-confirm-title">{m.confirmTitle}</strong>
          </p>
          <p id="weekly-confirm-impact">
            {m.confirmImpact(calendar.usage ?? { clients: 0, clientNames: [], openTickets })}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={form.busy}
              onClick={() => void save()}
            >
              {m.confirmYes}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              {m.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy}>
            {m.save}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {m.cancel}
          </button>
        </div>
      )}
      <div className="span-all">
        <ErrorMessage error={form.error} />
      </div>
    </form>
  );
}
