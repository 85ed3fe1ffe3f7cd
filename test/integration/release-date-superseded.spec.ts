import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Role } from '../../src/identity/role.enum';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// L3-09 (QA S18): once the client reports failures in a release, the published release date no
// longer holds until the agent publishes a new one (setReleaseDate, adjustReleaseDate) or releases
// again. `Ticket.releaseDateSuperseded` says so from the API's read model, for the client (it is
// their date) and for staff, not from a browser's reading of the timeline. A list asking for it
// reads the events of the whole page in one statement. Real API, PostgreSQL, Temporal and worker.

const DETAIL = `query ($number: String!) { ticket(number: $number) { state releaseDate releaseDateSuperseded } }`;
const LIST = `query { tickets(first: 100) { items { number releaseDateSuperseded } } }`;

interface Detail {
  state: string;
  releaseDate: string | null;
  releaseDateSuperseded: boolean;
}

describe('Ticket.releaseDateSuperseded: the release date after failures are reported (L3-09)', () => {
  const world = useWorldWithWorker('release_date_superseded');
  let rejected: string;
  let holding: string;

  /** The ticket as `role` reads it. */
  const read = async (role: Role, number: string): Promise<Detail> => {
    const { body } = await gql<{ ticket: Detail }>(
      world.api,
      DETAIL,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket;
  };
  /** Whether the client and the agent each read the date as superseded. */
  const superseded = async (number: string) => [
    (await read(Role.CLIENT_USER, number)).releaseDateSuperseded,
    (await read(Role.AGENT, number)).releaseDateSuperseded,
  ];

  it('holds when released, not after failures, again after a new date; a second round supersedes it', async () => {
    const journeys = ticketJourneys(world);
    rejected = await journeys.requirementReleasedForTesting(
      { subject: 'Reporte de cobranza', hours: 4 },
      'Listo en la base de pruebas.',
    );
    const published = (await read(Role.CLIENT_USER, rejected)).releaseDate!;
    expect(await superseded(rejected)).toEqual([false, false]);

    await journeys.act(Role.CLIENT_USER, 'reportFailures', {
      number: rejected,
      note: 'El Excel sale sin encabezados.',
    });
    // Back in development with the same date, which no longer holds.
    expect(await read(Role.CLIENT_USER, rejected)).toEqual({
      state: 'IN_DEVELOPMENT',
      releaseDate: published,
      releaseDateSuperseded: true,
    });
    expect(await superseded(rejected)).toEqual([true, true]);

    // A comment after the failures changes nothing.
    const commented = await gql(
      world.api,
      `mutation ($number: String!) {
        addComment(number: $number, body: "Lo revisamos hoy.", internal: false) { seq } }`,
      { number: rejected },
      world.bearer(Role.AGENT),
    );
    expect(commented.body.errors).toBeUndefined();
    expect(await superseded(rejected)).toEqual([true, true]);

    // The agent publishes a new date (a week later, the same weekday): it holds.
    const newDate = new Date(Date.parse(published) + 7 * 86_400_000).toISOString();
    await journeys.act(
      Role.AGENT,
      'adjustReleaseDate',
      { number: rejected, newDate, reason: 'Corrección de encabezados' },
      'AdjustReleaseDateInput',
    );
    expect(await read(Role.CLIENT_USER, rejected)).toEqual({
      state: 'IN_DEVELOPMENT',
      releaseDate: newDate,
      releaseDateSuperseded: false,
    });

    // Released and rejected again: the adjusted date no longer holds either.
    await journeys.act(Role.AGENT, 'releaseForTesting', { number: rejected, note: 'Corregido.' });
    expect(await superseded(rejected)).toEqual([false, false]);
    await journeys.act(Role.CLIENT_USER, 'reportFailures', {
      number: rejected,
      note: 'Faltan los totales.',
    });
    expect(await superseded(rejected)).toEqual([true, true]);

    holding = await journeys.requirementReleasedForTesting(
      { subject: 'Catálogo de clientes', hours: 3 },
      'Listo para pruebas.',
    );
    expect(await superseded(holding)).toEqual([false, false]);
  });

  it('a list asking for it reads the events of the page in one statement', async () => {
    // The worker's email relay is idle: its reads are not the request's.
    await emailsQueued(world.db);
    const query = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const { body } = await gql<{
        tickets: { items: { number: string; releaseDateSuperseded: boolean }[] };
      }>(world.api, LIST, {}, world.bearer(Role.AGENT));
      expect(body.errors).toBeUndefined();
      const items = body.data!.tickets.items;
      const answers = Object.fromEntries(items.map((t) => [t.number, t.releaseDateSuperseded]));
      expect([answers[rejected], answers[holding]]).toEqual([true, false]);
      const numbers = new Set(items.map((t) => t.number));
      const eventReads = query.mock.calls.filter(
        ([sql, params]) =>
          /\bticket_event\b/.test(sql) &&
          JSON.stringify(params ?? [])
            .match(/L3-\d{4}-\d{6}/g)
            ?.some((n) => numbers.has(n)),
      );
      // Two tickets with a release date (one per ticket before the batch): one statement.
      expect(eventReads).toHaveLength(1);
    } finally {
      query.mockRestore();
    }
  });

  it('each mutation of a document answers after its own write (batchScope, dc3b742)', async () => {
    const journeys = ticketJourneys(world);
    const number = await journeys.requirementReleasedForTesting(
      { subject: 'Reporte de inventario', hours: 2 },
      'Listo en la base de pruebas.',
    );
    // One request: the client's comment leaves the date holding, the failures supersede it. An
    // answer served from a batch the comment's answer read would still say it holds.
    const { body } = await gql<Record<'commented' | 'reported', { ticket: Detail }>>(
      world.api,
      `mutation ($number: String!, $failures: TicketActionInput!) {
        commented: addComment(number: $number, body: "Lo probamos esta tarde.") {
          ticket { state releaseDate releaseDateSuperseded } }
        reported: reportFailures(input: $failures) {
          ticket { state releaseDate releaseDateSuperseded } }
      }`,
      { number, failures: { number, note: 'El reporte no suma las bodegas.' } },
      world.bearer(Role.CLIENT_USER),
    );
    expect(body.errors).toBeUndefined();
    const { releaseDate } = await read(Role.CLIENT_USER, number);
    expect(body.data!.commented.ticket).toEqual({
      state: 'RELEASED_FOR_TESTING',
      releaseDate,
      releaseDateSuperseded: false,
    });
    expect(body.data!.reported.ticket).toEqual({
      state: 'IN_DEVELOPMENT',
      releaseDate,
      releaseDateSuperseded: true,
    });
  });
});
