import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role } from '../../src/identity/role.enum';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// L3-09, L3-12/L3-13 (QA S20): before «Aceptar entrega» closes a requirement, the approver reads
// the hours the closure charges and gives back, the figures «Ticket cerrado» then reports
// (closed-email-hours: 9.5 h charged of 12, 2.5 h back). `Ticket.closureHours`, from the ledger,
// for provider staff and the ticket's own organization, one read for a whole list.

const FIELDS = 'closureHours { chargedHours authorizedHours returnedHours }';

describe('Ticket.closureHours (L3-12/L3-13)', () => {
  const world = useWorldWithWorker('closure-hours');
  const { act, logTime, problemInAnalysis, requirementInDevelopment } = ticketJourneys(world);

  const read = (number: string, headers: Record<string, string>) =>
    gql<{ ticket: { closureHours: unknown } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${FIELDS} } }`,
      { number },
      headers,
    );

  it('says what accepting the release charges and gives back, as the ledger holds it', async () => {
    const number = await requirementInDevelopment({
      subject: 'Reporte de antigüedad de saldos',
      hours: 12,
      statement: 'Autorizo 12 horas.',
      projected: true,
    });
    await logTime(number, 9.5);
    await act(Role.AGENT, 'releaseForTesting', { number });

    const expected = { chargedHours: 9.5, authorizedHours: 12, returnedHours: 2.5 };
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT, Role.MANAGER]) {
      const { body } = await read(number, world.bearer(role));
      expect(body.errors).toBeUndefined();
      expect(body.data!.ticket.closureHours).toEqual(expected);
    }
    // Another client reads neither the ticket nor its hours.
    const other = await read(number, world.bearer(Role.CLIENT_USER, TULUM_ORG));
    expect(other.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(other.body.data?.ticket ?? null).toBeNull();

    // A problem never had an estimate authorized: nothing to say.
    const problem = await problemInAnalysis();
    const none = await read(problem, world.bearer(Role.CLIENT_USER));
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data!.ticket.closureHours).toBeNull();
  });

  it('reads the hours of a whole list in one statement', async () => {
    // The worker's email relay is idle: its reads are not the request's.
    await emailsQueued(world.db);
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { body } = await gql<{
        tickets: { items: { number: string; closureHours: unknown }[] };
      }>(
        world.api,
        `query { tickets(first: 20) { items { number ${FIELDS} } } }`,
        {},
        world.bearer(Role.AGENT),
      );
      expect(body.errors).toBeUndefined();
      const items = body.data!.tickets.items;
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(items.filter((t) => t.closureHours !== null)).toHaveLength(1);
      // Statements on the ledger naming the listed tickets (the worker may read it meanwhile).
      const ledgerReads = spy.mock.calls.filter(
        ([sql, params]) =>
          /\bhour_ledger_entry\b/.test(sql) &&
          items.some((t) => JSON.stringify(params ?? []).includes(t.number)),
      );
      expect(ledgerReads).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });
});
