import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// QA (L3-11, L3-12) on the real stack: «Ticket cancelado» tells the registrant who cancelled the
// ticket and, once an authorized estimate had reserved hours, that the unused ones go back to the
// balance (which the ledger then does). A ticket without an authorization says nothing of hours.

describe('«Ticket cancelado» says who cancelled and what happens to the hours (L3-11, L3-12)', () => {
  const world = useWorldWithWorker('cancel-email');

  const act = async (role: Role, mutation: string, type: string, input: object) => {
    const { body } = await gql(
      world.api,
      `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
      { input },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
  };

  /** The client's «Ticket cancelado» email text, once queued. */
  const cancelledEmail = async (number: string) => {
    const rows = await eventually(
      () =>
        world.db.query<{ recipient_address: string; text: string }[]>(
          `SELECT recipient_address, text FROM email_outbox
            WHERE ticket_number = $1 AND event_type = 'CANCELLED'
              AND recipient_address = 'usuario@aurora.example'`,
          [number],
        ),
      (r) => r.length > 0,
    );
    expect(rows).toHaveLength(1);
    return rows[0].text;
  };

  it('an authorized requirement cancelled by the client: her name, and the unused hours go back', async () => {
    const number = await registerProjectedTicket(world, {});
    await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      number,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    await act(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
      number,
      hours: 2,
      scope: 'Reporte de ventas',
    });
    await act(Role.CLIENT_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
      number,
      estimateVersion: 1,
      statement: 'Autorizo 2 horas.',
    });
    await act(Role.CLIENT_USER, 'cancelTicket', 'TicketActionInput', {
      number,
      note: 'Ya no aplica',
    });
    const text = await cancelledEmail(number);
    expect(text).toContain('Cancelado por: Úrsula Usuaria');
    expect(text).toContain('Las horas reservadas que no se usaron vuelven a su saldo.');
    // And the ledger does give them back once the ticket has ended.
    const reserved = await eventually(
      () =>
        world.db.query<{ kind: string }[]>(
          `SELECT kind FROM hour_ledger_entry WHERE ticket_number = $1 ORDER BY id`,
          [number],
        ),
      (rows) => rows.some((r) => r.kind === 'RESERVATION_RELEASE'),
    );
    expect(reserved.map((r) => r.kind)).toContain('RESERVATION_RELEASE');
  });

  it('a ticket without an authorization: who cancelled it, and nothing about hours', async () => {
    const number = await registerProjectedTicket(world, {});
    await act(Role.CLIENT_USER, 'cancelTicket', 'TicketActionInput', { number, note: 'Duplicado' });
    const text = await cancelledEmail(number);
    expect(text).toContain('Cancelado por: Úrsula Usuaria');
    expect(text).not.toContain('horas reservadas');
  });
});
