import { type FormEvent, useState } from 'react';
import { CREATE_CALENDAR, type CalendarSummary, type Organization } from '../api/operations';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { isMexicoZone } from '../components/time-zone-choices';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { editorTexts } from './editor-texts';
import { TimeZoneField } from './time-zone-field';
import { defaultWeek, type Week, WeeklyEditor, weeklyInput } from './weekly-editor';

const DEFAULT_ZONE = 'America/Mexico_City';

/**
 * A client's own calendar (managers and admins): one per client organization, so only clients
 * without a calendar are offered. The server validates the zone and the week.
 */
export function NewCalendarForm({
  calendars,
  organizations,
  onCreated,
}: {
  calendars: CalendarSummary[];
  organizations: Organization[];
  onCreated: () => Promise<void>;
}) {
  const { language } = useI18n();
  const m = editorTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const taken = new Set(calendars.map((c) => c.organizationId));
  const free = organizations.filter((o) => o.kind === 'CLIENT' && !taken.has(o.id));
  // A link to this form for one client (a client just created: QA S60b) chooses it.
  const [organizationId, setOrganizationId] = useState(() => {
    const wanted = new URLSearchParams(window.location.search).get('cliente') ?? '';
    return free.some((o) => o.id === wanted) ? wanted : '';
  });
  const wantedName = free.find((o) => o.id === organizationId)?.name ?? '';
  const [name, setName] = useState(wantedName);
  const [timeZone, setTimeZone] = useState(DEFAULT_ZONE);
  const [week, setWeek] = useState<Week>(defaultWeek);
  const [lft74, setLft74] = useState(true);
  /** Whether the manager ticked or unticked the LFT box: a zone chosen after that keeps it. */
  const [lft74Chosen, setLft74Chosen] = useState(false);
  const chooseZone = (zone: string) => {
    setTimeZone(zone);
    // Mexico's rest days by default in Mexico only (QA S60: a Colombian calendar got them).
    if (!lft74Chosen) setLft74(isMexicoZone(zone));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = name.trim();
    const ok = await form.run(
      async () => {
        await call(CREATE_CALENDAR, {
          input: {
            organizationId,
            name: created,
            timeZone,
            weekly: weeklyInput(week),
            mexicoLft74Holidays: lft74,
          },
        });
        await onCreated();
      },
      (_, w) => editorTexts(w.language).created(created),
    );
    if (ok) {
      // The next calendar starts from the defaults, not the last one's zone (QA S60b).
      setOrganizationId('');
      setName('');
      setTimeZone(DEFAULT_ZONE);
      setWeek(defaultWeek());
      setLft74Chosen(false);
      setLft74(true);
    }
  };

  return (
    <section className="card" aria-labelledby="new-calendar-title">
      <h2 id="new-calendar-title">{m.newCalendar}</h2>
      <p className="muted">{m.newCalendarIntro}</p>
      {free.length === 0 && !form.done ? (
        <p>{m.noFreeOrganization}</p>
      ) : (
        <form className="form-grid" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="new-calendar-organizationId">{m.organization}</label>
            <select
              id="new-calendar-organizationId"
              required
              value={organizationId}
              onChange={(e) => {
                setOrganizationId(e.target.value);
                // The client's name is the natural calendar name; a typed one is kept.
                const org = free.find((o) => o.id === e.target.value);
                if (org && !name.trim()) setName(org.name);
              }}
            >
              <option value="">{m.chooseOrganization}</option>
              {free.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="new-calendar-name"
            name="name"
            label={m.name}
            required
            maxLength={200}
            value={name}
            onChange={setName}
          />
          <TimeZoneField idPrefix="new-calendar" value={timeZone} onChange={chooseZone} />
          <WeeklyEditor idPrefix="new-calendar" week={week} onChange={setWeek} />
          <label className="check span-all">
            <input
              type="checkbox"
              checked={lft74}
              onChange={(e) => {
                setLft74(e.target.checked);
                setLft74Chosen(true);
              }}
            />
            {m.lft74}
          </label>
          <FormFooter form={form} label={m.create} buttonClassName="button primary" />
        </form>
      )}
    </section>
  );
}
