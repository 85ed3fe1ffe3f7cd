import { type FormEvent, useState } from 'react';
import {
  CLIENT_QUEUE,
  CONFIRM_QUEUE_REORDER,
  PREVIEW_QUEUE_REORDER,
  type PlannedDateChange,
  type QueueOrder,
} from '../api/planning';
import { useTicketChanges } from '../api/live';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useMutationForm } from '../components/use-mutation-form';
import { ClientSelect, useChosenClient, useClientOrganizations } from '../components/client-select';
import { useQuery } from '../components/use-query';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useNotice } from '../components/use-notice';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { ticketPath, useLocalTime } from '../tickets/ticket-bits';
import { QueueList } from './queue-list';

interface Preview {
  /** The exact order the token was issued for: confirmation sends it back unchanged. */
  input: QueueOrder;
  previewToken: string;
  changes: PlannedDateChange[];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * L3-10/L3-19: the client's open tickets in queue order. Approvers reorder them (drag and drop,
 * or the Move up/down buttons), may flag urgency, see the impact preview (which published dates
 * move, old → new) and confirm it with a reason; everyone else reads the queue. Provider staff
 * choose a client and read its queue.
 */
export function QueuePage() {
  const { t } = useI18n();
  const q = t.planning.queue;
  const { user, call } = useSession();
  const { format } = useLocalTime();
  const staff = user ? can.seeConsole(user) : false;
  const approver = user && !staff ? can.reorderQueue(user) : false;
  const orgs = useClientOrganizations(!staff);
  const clients = orgs.clients;
  const [chosen, setChosen] = useChosenClient(clients);
  const organizationId = staff ? chosen : null;
  const queue = useQuery(CLIENT_QUEUE, { organizationId }, organizationId === '');
  // L3-19: a release date moved (a reorder confirmed elsewhere, an agent's adjustment), a ticket
  // that arrived or closed: the queue follows without a reload. Local edits are kept (below).
  useTicketChanges(() => {
    if (organizationId !== '') void queue.reload();
  });
  // While another client's queue loads, the previous one is not shown as if it were this one's.
  const loaded = queue.data?.clientQueue;
  const server = !staff || loaded?.organizationId === organizationId ? loaded : undefined;
  const serverOrder = server?.entries.map((e) => e.ticketNumber) ?? [];
  const serverUrgent = server?.entries.filter((e) => e.urgent).map((e) => e.ticketNumber) ?? [];

  // Local edits; undefined: the server's order.
  const [order, setOrder] = useState<string[]>();
  const [urgent, setUrgent] = useState<string[]>();
  const [preview, setPreview] = useState<Preview>();
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useNotice();
  const previewForm = useMutationForm();
  const confirmForm = useMutationForm();

  // Tickets that arrived or closed since the edit began: keep the edit, follow the server's set.
  const known = new Set(serverOrder);
  const currentOrder = [
    ...(order ?? serverOrder).filter((n) => known.has(n)),
    ...serverOrder.filter((n) => !(order ?? serverOrder).includes(n)),
  ];
  const currentUrgent = (urgent ?? serverUrgent).filter((n) => known.has(n));
  const dirty =
    !sameList(currentOrder, serverOrder) ||
    !sameList([...currentUrgent].sort(), [...serverUrgent].sort());

  const entries = server
    ? currentOrder.map((n) => server.entries.find((e) => e.ticketNumber === n)!)
    : [];

  // A preview describes one order only: any edit asks for a new one.
  const edit = (change: () => void) => {
    change();
    setPreview(undefined);
  };

  const discard = () => {
    setPreview(undefined);
    setOrder(undefined);
    setUrgent(undefined);
    setReason('');
  };

  const runPreview = async () => {
    const input: QueueOrder = { order: currentOrder, urgent: currentUrgent };
    await previewForm.run(
      async () => {
        const { previewQueueReorder: p } = await call(PREVIEW_QUEUE_REORDER, { input });
        setPreview({ input, previewToken: p.previewToken, changes: p.changes });
      },
      // The preview itself is what the person reads: no notice.
      () => '',
    );
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!preview) return;
    if (!reason.trim()) {
      setReasonProblem(({ t }) => t.planning.queue.reasonRequired);
      document.getElementById('queue-reason')?.focus();
      return;
    }
    setReasonProblem(undefined);
    const ok = await confirmForm.run(
      () =>
        call(CONFIRM_QUEUE_REORDER, {
          input: { ...preview.input, previewToken: preview.previewToken, reason: reason.trim() },
        }),
      (r, w) => w.t.planning.queue.confirmed(r.confirmQueueReorder.changes.length),
    );
    if (ok) {
      discard();
      await queue.reload();
    } else {
      // CONFLICT (the queue or its dates moved since): the preview no longer holds.
      setPreview(undefined);
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{q.title}</h1>
        <p className="muted">{staff ? q.staffIntro : q.intro}</p>
        <p className={approver ? '' : 'notice notice-info'}>
          {approver ? q.approverIntro : staff ? q.staffReadOnly : q.readOnly}
        </p>
        {staff && <ErrorMessage error={orgs.error} />}
        {staff && clients.length > 0 && (
          <ClientSelect
            id="queue-client"
            label={q.client}
            value={organizationId ?? ''}
            onChange={setChosen}
            organizations={clients}
          />
        )}
        {server && <p className="muted small">{q.capacity(server.hoursPerBusinessDay)}</p>}
        <ErrorMessage error={queue.error} />
        {queue.loading && !server && <p role="status">{t.loading}</p>}
        {server && entries.length === 0 && <p>{q.empty}</p>}
        {server && entries.length > 0 && (
          <QueueList
            entries={entries}
            urgent={currentUrgent}
            editable={approver}
            onMove={(number, to) =>
              edit(() => {
                const next = currentOrder.filter((n) => n !== number);
                next.splice(to, 0, number);
                setOrder(next);
              })
            }
            onUrgent={(number, on) =>
              edit(() =>
                setUrgent(
                  on ? [...currentUrgent, number] : currentUrgent.filter((n) => n !== number),
                ),
              )
            }
          />
        )}
        {approver && (
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={!dirty || previewForm.busy}
              onClick={() => void runPreview()}
            >
              {previewForm.busy ? q.previewing : q.preview}
            </button>
            <button type="button" className="button ghost" disabled={!dirty} onClick={discard}>
              {q.discard}
            </button>
          </div>
        )}
        {approver && dirty && !preview && <p className="hint">{q.unsaved}</p>}
        <ErrorMessage error={previewForm.error} overrides={{ CONFLICT: q.conflict }} />
        <ErrorMessage error={confirmForm.error} overrides={{ CONFLICT: q.conflict }} />
        <SuccessMessage text={confirmForm.done || undefined} />
      </section>

      {preview && (
        <section className="card" aria-labelledby="preview-title" data-testid="queue-preview">
          <h2 id="preview-title">{q.previewTitle}</h2>
          {preview.changes.length === 0 ? (
            <p>{q.noChanges}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="queue-preview-changes">
                <thead>
                  <tr>
                    <th scope="col">{q.ticket}</th>
                    <th scope="col">{q.oldDate}</th>
                    <th scope="col">{q.newDate}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.ticketNumber}>
                      <th scope="row">
                        <Link to={ticketPath(c.ticketNumber)} className="nowrap">
                          {c.ticketNumber}
                        </Link>
                        <span className="muted small block">{c.subject}</span>
                      </th>
                      <td>
                        <time dateTime={c.oldDate}>{format(c.oldDate)}</time>
                      </td>
                      <td>
                        <span aria-hidden="true">→ </span>
                        <time dateTime={c.newDate}>
                          <strong>{format(c.newDate)}</strong>
                        </time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <form className="form-grid" noValidate onSubmit={(e) => void confirm(e)}>
            <TextAreaField
              id="queue-reason"
              className="span-all"
              label={q.reason}
              hint={q.reasonHint}
              rows={2}
              aria-required
              value={reason}
              onChange={setReason}
            />
            <FormProblem problem={reasonProblem} />
            <div className="form-actions span-all">
              <button type="submit" className="button primary" disabled={confirmForm.busy}>
                {confirmForm.busy ? q.confirming : q.confirm}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
