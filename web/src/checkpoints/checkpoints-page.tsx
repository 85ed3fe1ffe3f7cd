import { type FormEvent, useState } from 'react';
import {
  CHECKPOINT_SETTINGS,
  CHECKPOINTS,
  type CheckpointSettings,
  type CheckpointSummary,
  GENERATE_CHECKPOINT_AGENDA,
  SET_CHECKPOINT_SETTINGS,
} from '../api/checkpoints';
import { InlineConfirm } from '../components/inline-confirm';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormFooter } from '../components/form-footer';
import { useMutationForm } from '../components/use-mutation-form';
import { useRequestId } from '../components/use-request-id';
import { ClientSelect, useChosenClient, useClientOrganizations } from '../components/client-select';
import { useQuery } from '../components/use-query';
import { weekdayName } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { useLocalTime } from '../tickets/ticket-bits';

export function checkpointPath(id: string): string {
  return `/checkpoints/${encodeURIComponent(id)}`;
}

/** Managers: the checkpoint's business weekday and local time (the Schedule follows). */
function SettingsForm({
  organizationId,
  settings,
  onSaved,
}: {
  organizationId: string;
  settings: CheckpointSettings | null;
  onSaved: () => Promise<void>;
}) {
  const { t, language } = useI18n();
  const c = t.planning.checkpoints;
  const { call } = useSession();
  const form = useMutationForm();
  const [weekday, setWeekday] = useState(String(settings?.weekday ?? 2));
  const [time, setTime] = useState(settings?.localTime ?? '10:00');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.run(
      () =>
        call(SET_CHECKPOINT_SETTINGS, {
          input: { organizationId, weekday: Number(weekday), localTime: time },
        }),
      (_, w) => w.t.planning.checkpoints.saved,
    );
    if (ok) await onSaved();
  };

  return (
    <form className="form-grid subsection" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor="checkpoint-weekday">{c.weekday}</label>
        <select
          id="checkpoint-weekday"
          value={weekday}
          onChange={(e) => setWeekday(e.target.value)}
        >
          {[1, 2, 3, 4, 5].map((d) => (
            <option key={d} value={d} className="capitalize">
              {weekdayName(d, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="checkpoint-time">{c.time}</label>
        <input
          id="checkpoint-time"
          type="time"
          required
          aria-describedby="checkpoint-time-hint"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
        <p className="hint" id="checkpoint-time-hint">
          {c.timeHint}
        </p>
      </div>
      <FormFooter form={form} label={c.save} buttonClassName="button primary" />
    </form>
  );
}

/** When the client's checkpoint happens and its next runs; managers change it. */
function SettingsSection({ organizationId }: { organizationId: string }) {
  const { t, language } = useI18n();
  const c = t.planning.checkpoints;
  const { user } = useSession();
  const query = useQuery(CHECKPOINT_SETTINGS, { organizationId });
  const settings = query.data?.checkpointSettings;
  return (
    <section className="card" aria-labelledby="checkpoint-settings-title">
      <h2 id="checkpoint-settings-title">{c.settingsTitle}</h2>
      <ErrorMessage error={query.error} />
      {query.loading && !query.data && <p role="status">{t.loading}</p>}
      {query.data && !settings && <p>{c.noSettings}</p>}
      {settings && (
        <div data-testid="checkpoint-settings">
          <p>
            {c.schedule(
              weekdayName(settings.weekday, language),
              settings.localTime,
              settings.timeZone,
            )}
          </p>
          <h3>{c.nextRuns}</h3>
          {settings.nextRuns.length === 0 ? (
            <p className="muted">{c.noNextRuns}</p>
          ) : (
            <ul data-testid="checkpoint-next-runs">
              {settings.nextRuns.map((run) => (
                <li key={run}>
                  <time dateTime={run} className="capitalize">
                    {new Intl.DateTimeFormat(language, {
                      dateStyle: 'full',
                      timeStyle: 'short',
                      timeZone: settings.timeZone,
                    }).format(new Date(run))}
                  </time>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {user && can.setCheckpointSettings(user) && query.data && (
        <SettingsForm
          organizationId={organizationId}
          settings={settings ?? null}
          onSaved={query.reload}
        />
      )}
    </section>
  );
}

/**
 * Managers: «Generar agenda ahora», an off-schedule agenda built and emailed at once (L3-15). The
 * email reaches the client's approvers and cannot be called back, so the button first asks
 * «¿Generar y enviar la agenda ahora?» (QA S20: one stray click mailed the client). «Generar y
 * enviar» stays disabled while the request runs. Each click intent has its own idempotency key,
 * kept while the answer is unknown (network, «la agenda sigue generándose»): a retry then gets
 * the same agenda, never a second one; after an answer, the next click is a new request.
 */
function GenerateNow({
  organizationId,
  onGenerated,
}: {
  organizationId: string;
  onGenerated: () => Promise<void>;
}) {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { call } = useSession();
  const { format } = useLocalTime();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [made, setMade] = useState<CheckpointSummary>();
  const [confirming, setConfirming] = useState(false);
  const requestIds = useRequestId();

  const generate = async () => {
    setBusy(true);
    setError(undefined);
    setMade(undefined);
    try {
      const result = await requestIds.send({ organizationId }, (idempotencyKey) =>
        call(GENERATE_CHECKPOINT_AGENDA, { organizationId, idempotencyKey }),
      );
      setMade(result.generateCheckpointAgenda);
      await onGenerated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="subsection">
      {confirming ? (
        <InlineConfirm
          id="generate-agenda"
          title={c.generateConfirmTitle}
          text={c.generateConfirmImpact}
          yes={busy ? c.generating : c.generateConfirmYes}
          no={c.generateConfirmNo}
          busy={busy}
          onYes={() => void generate()}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <button
          type="button"
          className="button"
          aria-describedby="generate-agenda-hint"
          onClick={() => {
            setMade(undefined);
            setError(undefined);
            setConfirming(true);
          }}
        >
          {c.generateNow}
        </button>
      )}
      <p className="hint" id="generate-agenda-hint">
        {c.generateHint}
      </p>
      <ErrorMessage error={error} />
      {/* Worded at render time, so it follows the language switch. */}
      <SuccessMessage text={made && c.generated(format(made.periodEnd))} />
      {made && (
        <p>
          <Link to={checkpointPath(made.id)}>{c.open}</Link>
        </p>
      )}
    </div>
  );
}

/** The client's agendas, newest first; managers may generate one now. */
function AgendaList({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { format } = useLocalTime();
  const { user } = useSession();
  const query = useQuery(CHECKPOINTS, { organizationId });
  const list = query.data?.checkpoints;
  return (
    <section className="card" aria-labelledby="agendas-title">
      <h2 id="agendas-title">{c.list}</h2>
      <ErrorMessage error={query.error} />
      {query.loading && !list && <p role="status">{t.loading}</p>}
      {list && list.length === 0 && <p>{c.empty}</p>}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table data-testid="checkpoints">
            <thead>
              <tr>
                <th scope="col">{c.when}</th>
                <th scope="col">{c.kind}</th>
                <th scope="col">{c.period}</th>
                <th scope="col">{c.decisions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((cp) => {
                const when = format(cp.scheduledFor ?? cp.periodEnd);
                return (
                  <tr key={cp.id}>
                    <th scope="row">
                      <Link to={checkpointPath(cp.id)} aria-label={c.openLabel(when)}>
                        {when}
                      </Link>
                    </th>
                    <td>{c.kinds[cp.kind] ?? cp.kind}</td>
                    <td>{c.periodText(format(cp.periodStart), format(cp.periodEnd))}</td>
                    <td>{cp.decisions.length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {/* Under the list, like the settings form under the schedule: above it, the button's hint
          ran straight into «Todavía no hay agendas.» (QA S22 F8). */}
      {user && can.generateCheckpointAgenda(user) && (
        <GenerateNow organizationId={organizationId} onGenerated={query.reload} />
      )}
    </section>
  );
}

/**
 * L3-15 checkpoints: clients see their own; provider staff choose the client. Everyone sees when
 * the next ones are and the agendas; managers set the weekday and time.
 */
export function CheckpointsPage() {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { user } = useSession();
  const staff = user ? can.seeConsole(user) : false;
  const orgs = useClientOrganizations(!staff);
  const clients = orgs.clients;
  const [chosen, setChosen] = useChosenClient(clients);
  const organizationId = staff ? chosen : (user?.organization.id ?? '');

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{c.title}</h1>
        <p className="muted">{c.intro}</p>
        {staff && <ErrorMessage error={orgs.error} />}
        {staff && clients.length > 0 && (
          <ClientSelect
            id="checkpoints-client"
            label={c.client}
            value={organizationId}
            onChange={setChosen}
            organizations={clients}
          />
        )}
      </section>
      {organizationId && (
        <div className="stack" key={organizationId}>
          <SettingsSection organizationId={organizationId} />
          <AgendaList organizationId={organizationId} />
        </div>
      )}
    </div>
  );
}
