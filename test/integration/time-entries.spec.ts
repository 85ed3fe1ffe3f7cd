import { defaultMexicoCityCalendar, localDateOf } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// Issue 9 item 3: a ticket lists its time entries (L3-12: work charged to the authorized
// estimate; L3-13: the client sees the hours consumed), newest first, with the balance after each.

interface Entry {
  id: string;
  date: string;
  hours: number;
  chargedHours: number;
  description: string;
  agentId: string;
  agentName: string | null;
  balance: { consumed: number; balance: number };
}
const TIME_FIELDS = `id date hours chargedHours description agentId agentName balance { consumed balance }`;
const GET = `query ($number: String!) { ticket(number: $number) {
  number chargedHours timeEntries { ${TIME_FIELDS} } } }`;
const LOG = `mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { ${TIME_FIELDS} } }`;

describe('A ticket’s time entries through GraphQL (L3-12, L3-13)', () => {
  const world = useWorldWithWorker('time-entries');
  const as = (role: Role, org?: string) => world.bearer(role, org);

  const { scheduledRequirement } = ticketJourneys(world);
  async function read(role: Role, number: string, org?: string) {
    const { body } = await gql<{ ticket: { chargedHours: number; timeEntries: Entry[] } }>(
      world.api,
      GET,
      { number },
      as(role, org),
    );
    return { ticket: body.data?.ticket, error: body.errors?.[0] };
  }
  async function log(input: Record<string, unknown>) {
    const { body } = await gql<{ logTicketTime: Entry }>(world.api, LOG, { input }, as(Role.AGENT));
    return { entry: body.data?.logTicketTime, error: body.errors?.[0] };
  }

  /** Registered by the client, classified and estimated by the agent, authorized by the approver. */
  const authorizedRequirement = (hours: number) =>
    scheduledRequirement({
      subject: 'Reporte de horas',
      description: 'Un reporte de ventas por zona.',
      hours,
      scope: 'Reporte por zona',
      statement: `Autorizo las ${hours} horas del reporte.`,
    });

  it('lists the entries newest first, to staff and to the client, and a refused log adds nothing', async () => {
    const number = await authorizedRequirement(4);
    const empty = await read(Role.AGENT, number);
    expect(empty.error).toBeUndefined();
    expect(empty.ticket).toMatchObject({ chargedHours: 0, timeEntries: [] });

    const today = localDateOf(
      defaultMexicoCityCalendar(new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1),
      new Date(),
    );
    const first = await log({
      number,
      date: today,
      hours: 1.5,
      description: 'Consulta de ventas',
      requestId: 'time-entry-0001',
    });
    expect(first.error).toBeUndefined();
    const second = await log({
      number,
      date: today,
      hours: 2,
      description: 'Filtros por zona',
      requestId: 'time-entry-0002',
    });
    expect(second.error).toBeUndefined();

    // L3-12: 0.5 h remain of the 4 authorized; 1 h more is refused and nothing is written.
    const beyond = await log({
      number,
      date: today,
      hours: 1,
      description: 'Exportación',
      requestId: 'time-entry-0003',
    });
    expect(beyond.error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
    });

    const staff = await read(Role.AGENT, number);
    expect(staff.error).toBeUndefined();
    const entries = staff.ticket!.timeEntries;
    expect(entries.map((e) => [e.hours, e.chargedHours, e.description, e.date])).toEqual([
      [2, 2, 'Filtros por zona', today],
      [1.5, 1.5, 'Consulta de ventas', today],
    ]);
    expect(entries.map((e) => e.id)).toEqual([second.entry!.id, first.entry!.id]);
    expect(staff.ticket!.chargedHours).toBe(3.5);
    // Each entry carries the balance right after it, as the log answered then.
    expect(entries[0].balance).toEqual(second.entry!.balance);
    expect(entries[1].balance).toEqual(first.entry!.balance);
    expect(entries[1].balance.consumed - entries[0].balance.consumed).toBeCloseTo(-2, 2);
    expect(entries[0].agentName).toEqual(expect.any(String));

    // L3-13: the client of the ticket's own organisation sees the same entries.
    const client = await read(Role.CLIENT_USER, number);
    expect(client.error).toBeUndefined();
    expect(client.ticket).toEqual(staff.ticket);

    // Another organisation: the ticket itself is NOT_FOUND, never a hint.
    const other = await read(Role.CLIENT_USER, number, TULUM_ORG);
    expect(other.error?.extensions?.code).toBe('NOT_FOUND');
    expect(other.ticket).toBeFalsy();
  });
});
