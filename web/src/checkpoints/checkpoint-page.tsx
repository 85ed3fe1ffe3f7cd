import { type FormEvent, type ReactNode, useState } from 'react';
import { type Checkpoint, CHECKPOINT, RECORD_CHECKPOINT_DECISIONS } from '../api/checkpoints';
import { CLIENT_QUEUE } from '../api/planning';
import { ErrorMessage } from '../components/error-message';
import { FormFooter } from '../components/form-footer';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { clockKindText } from '../tickets/clock-texts';
import { remoteSessionDue } from '../tickets/idle-due-text';
import {
  DueSummary,
  SlaBadge,
  stateText,
  ticketPath,
  useClientReader,
  useLocalTime,
} from '../tickets/ticket-bits';
import { decisionProblem } from './decision-check';
import { PrioritiesField } from './priorities-field';
import { priorityLines } from './priority-subjects';

function Section({
  id,
  title,
  empty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {empty ? <p className="muted">{emptyText}</p> : children}
    </section>
  );
}

/**
 * One agenda table: a header row of `columns`, then the rows given as children. On a phone each
 * row is a stacked card whose cells carry their column's name (`data-label`), as «Mis tickets».
 */
function AgendaTable({ columns, children }: { columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="stack-on-phone">
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function TicketCell({ number, subject }: { number: string; subject: string }) {
  return (
    <th scope="row">
      <Link to={ticketPath(number)} className="nowrap">
        {number}
      </Link>
      <span className="muted small block">{subject}</span>
    </th>
  );
}

/**
 * Staff and the client's approvers record what the meeting decided: notes and, optionally, the
 * new order of the client's open tickets, which the client's queue then takes (L3-10, L3-19).
 */
function DecisionForm({
  id,
  organizationId,
  onRecorded,
}: {
  id: string;
  organizationId: string;
  onRecorded: () => Promise<void>;
}) {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { user, call } = useSession();
  const form = useMutationForm();
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useNotice();
  const [reorder, setReorder] = useState(false);
  // Local order; undefined: the queue's current order.
  const [order, setOrder] = useState<string[]>();
  const staff = user ? can.seeConsole(user) : false;
  const queue = useQuery(CLIENT_QUEUE, { organizationId: staff ? organizationId : null }, !reorder);
  const entries = queue.data?.clientQueue.entries ?? [];
  const queueOrder = entries.map((e) => e.ticketNumber);
  const known = new Set(queueOrder);
  // Tickets that closed or arrived since the edit began: keep the edit, follow the queue's set.
  const current = [
    ...(order ?? queueOrder).filter((n) => known.has(n)),
    ...queueOrder.filter((n) => !(order ?? queueOrder).includes(n)),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = decisionProblem({
      notes,
      reorder,
      queueOrder: queue.data ? queueOrder : undefined,
      order: current,
    });
    if (check) {
      setProblem(({ t }) => t.planning.checkpoints[check]);
      if (check === 'notesRequired') document.getElementById('checkpoint-notes')?.focus();
      return;
    }
    setProblem(undefined);
    const newPriorities = reorder ? current : undefined;
    const ok = await form.run(
      () =>
        call(RECORD_CHECKPOINT_DECISIONS, {
          id,
          input: { notes: notes.trim(), ...(newPriorities ? { newPriorities } : {}) },
        }),
      (_, w) => w.t.planning.checkpoints.recorded,
    );
    if (ok) {
      setNotes('');
      setReorder(false);
      setOrder(undefined);
      await onRecorded();
    }
  };

  return (
    <form className="form-grid subsection" noValidate onSubmit={(e) => void submit(e)}>
      <TextAreaField
        id="checkpoint-notes"
        className="span-all"
        label={c.notes}
        rows={4}
        aria-required
        value={notes}
        onChange={setNotes}
      />
      <label className="check span-all">
        <input
          type="checkbox"
          checked={reorder}
          onChange={(e) => {
            setReorder(e.target.checked);
            setProblem(undefined);
          }}
        />
        {c.prioritiesToggle}
      </label>
      {reorder && <ErrorMessage error={queue.error} />}
      {reorder && queue.loading && !queue.data && <p role="status">{t.loading}</p>}
      {reorder && queue.data && (
        <PrioritiesField
          entries={entries}
          order={current}
          onChange={(next) => {
            setOrder(next);
            setProblem(undefined);
          }}
        />
      )}
      <FormProblem problem={problem} />
      {/* L3-15: who hears of the decisions, so nobody emails them again by hand. */}
      <p className="hint span-all">{c.recordHint}</p>
      <FormFooter
        form={form}
        label={form.busy ? c.recording : c.record}
        buttonClassName="button primary"
      />
    </form>
  );
}

function Agenda({ cp, reload }: { cp: Checkpoint; reload: () => Promise<void> }) {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { user } = useSession();
  const { format } = useLocalTime();
  const client = useClientReader();
  const h = t.tickets.hours;
  const state = (s: string) => stateText(t, s, client);

  return (
    <>
      <Section
        id="agenda-open"
        title={c.openTickets}
        empty={cp.openTickets.length === 0}
        emptyText={c.noOpen}
      >
        <ul className="inline-list" data-testid="agenda-by-state">
          {cp.openByState.map((s) => (
            <li key={s.state}>
              <span className="badge">
                {state(s.state)}: {s.count}
              </span>
            </li>
          ))}
        </ul>
        <p className="hint">{c.queueOrderHint}</p>
        <AgendaTable
          columns={[
            c.queuePosition,
            t.tickets.number,
            c.state,
            t.tickets.sla,
            t.tickets.nextDeadline,
            t.tickets.releaseDate,
          ]}
        >
          {cp.openTickets.map((tk) => (
            <tr key={tk.number}>
              <td data-label={c.queuePosition}>{tk.queuePosition ?? '—'}</td>
              <TicketCell number={tk.number} subject={tk.subject} />
              <td data-label={c.state}>
                {stateText(t, tk.state, client, tk.confirmedRemoteSessionAt)}
              </td>
              <td data-label={t.tickets.sla}>
                <SlaBadge status={tk.slaStatus} />
              </td>
              <td data-label={t.tickets.nextDeadline}>
                {/* Which deadline it is, as «Mis tickets» says it: «Triage · vence …»; with
                    none, a confirmed remote session and its time (QA S60b #9, L3-06). */}
                <DueSummary
                  deadline={tk.nextDeadline}
                  clockKind={tk.nextDeadlineClock}
                  releaseDate={null}
                  idle={
                    tk.confirmedRemoteSessionAt
                      ? remoteSessionDue(tk.confirmedRemoteSessionAt, t.ticketBrowser.due)
                      : undefined
                  }
                />
              </td>
              <td data-label={t.tickets.releaseDate}>{format(tk.releaseDate)}</td>
            </tr>
          ))}
        </AgendaTable>
      </Section>

      <Section
        id="agenda-alerts"
        title={c.alerts}
        empty={cp.slaAlerts.length === 0}
        emptyText={c.noAlerts}
      >
        <AgendaTable columns={[t.tickets.number, c.clock, c.status, c.deadline]}>
          {cp.slaAlerts.map((a) => (
            <tr key={`${a.ticketNumber}-${a.clock}`}>
              <TicketCell number={a.ticketNumber} subject={a.subject} />
              <td data-label={c.clock}>{clockKindText(t, a.clock, client)}</td>
              <td data-label={c.status}>
                <SlaBadge status={a.status === 'BREACHED' ? 'breached' : 'at_risk'} />
              </td>
              <td data-label={c.deadline}>{format(a.deadline)}</td>
            </tr>
          ))}
        </AgendaTable>
      </Section>

      <Section
        id="agenda-estimates"
        title={c.estimates}
        empty={cp.estimatesAwaitingAuthorization.length === 0}
        emptyText={c.noEstimates}
      >
        <AgendaTable columns={[t.tickets.number, c.version, c.hoursCol, c.scope]}>
          {cp.estimatesAwaitingAuthorization.map((e) => (
            <tr key={`${e.ticketNumber}-${e.version}`}>
              <TicketCell number={e.ticketNumber} subject={e.subject} />
              <td data-label={c.version}>v{e.version}</td>
              <td data-label={c.hoursCol}>
                {e.additionalHours === null ? h(e.hours) : t.changeOrders.label(e.additionalHours)}
              </td>
              <td className="prewrap" data-label={c.scope}>
                {e.scope}
              </td>
            </tr>
          ))}
        </AgendaTable>
      </Section>

      <Section
        id="agenda-date-changes"
        title={c.dateChanges}
        empty={cp.dateChanges.length === 0}
        emptyText={c.noDateChanges}
      >
        <AgendaTable
          columns={[t.tickets.number, c.previousDate, t.planning.queue.newDate, c.reason]}
        >
          {cp.dateChanges.map((d) => (
            <tr key={`${d.ticketNumber}-${d.at}`}>
              <TicketCell number={d.ticketNumber} subject={d.subject} />
              <td data-label={c.previousDate}>{format(d.oldDate)}</td>
              <td data-label={t.planning.queue.newDate}>{format(d.newDate)}</td>
              <td className="prewrap" data-label={c.reason}>
                {d.reason}
              </td>
            </tr>
          ))}
        </AgendaTable>
      </Section>

      <section className="card" aria-labelledby="agenda-hours-title">
        <h2 id="agenda-hours-title">{c.hours}</h2>
        <dl className="stats" data-testid="agenda-hours">
          <div>
            <dt>{c.consumedInPeriod}</dt>
            <dd>{h(cp.hours.consumedInPeriod)}</dd>
          </div>
          <div>
            <dt>{c.balance}</dt>
            <dd>{h(cp.hours.balance)}</dd>
          </div>
          <div>
            <dt>{c.reserved}</dt>
            <dd>{h(cp.hours.reserved)}</dd>
          </div>
          <div>
            <dt>{c.available}</dt>
            <dd>{h(cp.hours.available)}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="agenda-decisions-title">
        <h2 id="agenda-decisions-title">{c.decisionsTitle}</h2>
        {cp.decisions.length === 0 ? (
          <p className="muted">{c.noDecisions}</p>
        ) : (
          <ol className="timeline" data-testid="agenda-decisions">
            {cp.decisions.map((d) => (
              <li key={d.id}>
                <p className="prewrap">{d.notes}</p>
                {d.newPriorities && d.newPriorities.length > 0 && (
                  <div data-testid="decision-order">
                    <p>{c.newPriorities}</p>
                    <ol>
                      {priorityLines(d.newPriorities, cp).map((p) => (
                        <li key={p.number} data-number={p.number}>
                          <Link to={ticketPath(p.number)} className="nowrap">
                            {p.number}
                          </Link>
                          {p.subject && ` — ${p.subject}`}
                        </li>
                      ))}
                    </ol>
                  </div>
                )}
                <p className="muted small">
                  {c.recordedBy(
                    d.recordedByName,
                    t.users.roleNames[d.recordedByRole] ?? d.recordedByRole,
                    format(d.recordedAt),
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
        {user && can.recordCheckpointDecisions(user) && (
          <DecisionForm id={cp.id} organizationId={cp.organizationId} onRecorded={reload} />
        )}
      </section>
    </>
  );
}

/** L3-15: one agenda (where the agenda email links), with the meeting's decisions. */
export function CheckpointPage({ id }: { id: string }) {
  const { t } = useI18n();
  const c = t.planning.checkpoints;
  const { format } = useLocalTime();
  const query = useQuery(CHECKPOINT, { id });
  const cp = query.data?.checkpoint;
  const when = cp ? format(cp.scheduledFor ?? cp.periodEnd) : '';

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <p className="small">
          <Link to="/checkpoints">{c.back}</Link>
        </p>
        <h1 id="page-title">{cp ? c.agendaTitle(when) : c.title}</h1>
        <ErrorMessage error={query.error} />
        {query.loading && !cp && <p role="status">{t.loading}</p>}
        {cp && (
          <p className="muted">
            {c.periodText(format(cp.periodStart), format(cp.periodEnd))} ·{' '}
            {c.kinds[cp.kind] ?? cp.kind}
          </p>
        )}
      </section>
      {cp && <Agenda cp={cp} reload={query.reload} />}
    </div>
  );
}
