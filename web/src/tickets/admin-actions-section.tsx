import { useEffect } from 'react';
import { ODOO_ADMIN_FLAG } from '../api/contracts';
import type { TicketDetail } from '../api/tickets';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useLocalTime } from './ticket-bits';
import { isTicketEnded } from '../../../workflows/ticket/ticket-states';
import { eventData } from './timeline-filter';

type AdminAction = TicketDetail['adminActions'][number];

/**
 * Who recorded each admin action: the n-th `recordAdminAction` event of the history records the
 * n-th action (the workflow appends both in one Update), kept only when its action and details
 * agree; the API gives the executor's ID, not a name people read.
 */
export function adminActionAuthors(
  actions: readonly AdminAction[],
  timeline: TicketDetail['timeline'],
): (string | null)[] {
  const recorded = timeline.filter((e) => e.type === 'recordAdminAction');
  return actions.map((a, i) => {
    const event = recorded[i];
    if (!event) return null;
    const data = eventData(event.data);
    const same = data.action === a.action && (data.details as string)?.trim() === a.details;
    return same ? event.actorName : null;
  });
}

/**
 * «Acciones administrativas (odoo.sh)» on an ADMIN_ACTION ticket (L3-17, fully audited): each
 * action executed, its kind, when it was executed (which can differ from when it was recorded),
 * by whom and its details, for the client and staff alike. For provider staff only, the L3-16
 * warning when the client keeps no confirmed Odoo admin user for the provider: the agent about to
 * act on odoo.sh is who needs it, and the contracts page that shows it is closed to agents.
 * `changes`: bumped by the page on each live change of the ticket, which re-reads the warning (a
 * manager recording or clearing the Odoo admin user notifies the client's open admin-action
 * tickets). On an ended ticket (closed, cancelled, out of scope, not feasible) the warning is moot:
 * no one acts on odoo.sh for it any more, so it shows only while the ticket is open.
 */
export function AdminActionsSection({
  ticket,
  staff,
  changes = 0,
}: {
  ticket: TicketDetail;
  staff: boolean;
  changes?: number;
}) {
  const { t } = useI18n();
  const a = t.adminActions;
  const { format } = useLocalTime();
  // Only the agent acting on odoo.sh needs it: staff, on an open ADMIN_ACTION ticket. Read when
  // the page opens and again on each live change of the ticket.
  const warns = staff && ticket.category === 'ADMIN_ACTION' && !isTicketEnded(ticket.state);
  const flag = useQuery(ODOO_ADMIN_FLAG, { organizationId: ticket.organizationId }, !warns);
  const { reload } = flag;
  useEffect(() => {
    if (warns && changes > 0) void reload();
  }, [warns, changes, reload]);
  const policy = flag.data?.supportPolicy;
  // No policy at all records no admin user either.
  const missing = warns && flag.data !== undefined && (policy?.odooAdminMissing ?? true);
  const authors = adminActionAuthors(ticket.adminActions, ticket.timeline);
  return (
    <section className="card" aria-labelledby="admin-actions-title" data-testid="admin-actions">
      <h2 id="admin-actions-title">{a.cardTitle}</h2>
      {missing && (
        <p className="notice notice-warning" data-testid="odoo-admin-missing">
          {a.odooAdminMissing}
        </p>
      )}
      {ticket.adminActions.length === 0 ? (
        <p className="muted">{a.none}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="admin-action-list" className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{a.kind}</th>
                <th scope="col">{a.executedAt}</th>
                <th scope="col">{a.executedBy}</th>
                <th scope="col">{a.details}</th>
              </tr>
            </thead>
            <tbody>
              {ticket.adminActions.map((action, i) => (
                <tr key={`${i}-${action.executedAt}`} data-testid="admin-action">
                  <th scope="row">{t.tickets.adminActionKinds[action.action] ?? action.action}</th>
                  <td data-label={a.executedAt}>
                    <time dateTime={action.executedAt}>{format(action.executedAt)}</time>
                  </td>
                  <td data-label={a.executedBy}>{authors[i] ?? '—'}</td>
                  <td className="prewrap" data-label={a.details}>
                    {action.details}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
