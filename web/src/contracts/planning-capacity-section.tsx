import { type FormEvent, useState } from 'react';
import { PLANNING_SETTINGS, SET_PLANNING_CAPACITY } from '../api/planning';
import { ErrorMessage } from '../components/error-message';
import { FormFooter } from '../components/form-footer';
import { FormProblem } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useNotice } from '../components/use-notice';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

/** "6", "6.5" or "6,5" → 6.5; empty → null (the default); anything else → undefined. */
function parseHours(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return undefined;
  const hours = Number(trimmed.replace(',', '.'));
  return hours >= 0.25 && hours <= 24 ? hours : undefined;
}

/**
 * L3-19: managers set the capacity model's provider hours per business day for the client (empty:
 * the default); the planned dates of its queue follow. The value in force is shown back.
 */
export function PlanningCapacitySection({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const p = t.planning.capacity;
  const { call } = useSession();
  const query = useQuery(PLANNING_SETTINGS, { organizationId });
  const form = useMutationForm();
  const [text, setText] = useState<string>();
  const [problem, setProblem] = useNotice();
  const settings = query.data?.planningSettings;
  const value =
    text ?? (settings && !settings.defaultCapacity ? String(settings.hoursPerBusinessDay) : '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const hours = parseHours(value);
    if (hours === undefined) {
      setProblem(({ t }) => t.planning.capacity.invalid);
      document.getElementById('planning-capacity')?.focus();
      return;
    }
    setProblem(undefined);
    const ok = await form.run(
      () => call(SET_PLANNING_CAPACITY, { input: { organizationId, hoursPerBusinessDay: hours } }),
      ({ setPlanningCapacity: s }, w) =>
        s.defaultCapacity
          ? w.t.planning.capacity.reset
          : w.t.planning.capacity.saved(s.hoursPerBusinessDay),
    );
    if (ok) {
      setText(undefined);
      await query.reload();
    }
  };

  return (
    <section
      className="card"
      aria-labelledby="planning-capacity-title"
      data-testid="planning-capacity"
    >
      <h2 id="planning-capacity-title">{p.title}</h2>
      <p className="muted">{p.intro}</p>
      <ErrorMessage error={query.error} />
      {settings && (
        <p data-testid="planning-capacity-current">
          {p.current(settings.hoursPerBusinessDay, settings.defaultCapacity)}
        </p>
      )}
      <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
        <TextField
          id="planning-capacity"
          label={p.hours}
          inputMode="decimal"
          autoComplete="off"
          aria-describedby="planning-capacity-hint"
          aria-invalid={problem ? true : undefined}
          value={value}
          onChange={setText}
        >
          <p className="hint" id="planning-capacity-hint">
            {p.hint}
          </p>
        </TextField>
        <FormProblem problem={problem} />
        <FormFooter
          form={form}
          label={p.save}
          buttonClassName="button primary"
          disabled={!settings}
        />
      </form>
    </section>
  );
}
