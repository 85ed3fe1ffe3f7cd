import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Role } from '../../src/identity/role.enum';
import { startFaultStack, type FaultStack } from '../support/fault-stack';
import {
  allMailSent,
  brokenEventLogs,
  breachedOnce,
  create24x7Calendar,
  mailCheck,
  maxBreachLatenessMs,
  recordFigure,
  registeredOnce,
  registerTicket,
  startShortClockTicket,
  ticketOutcomes,
} from '../support/fault-tickets';
import { waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-06/L3-11: PostgreSQL stops for 20 s (clean shutdown, then started again on
// the same data folder and port) while ticket clocks fall due. During the outage every API call
// that needs the database answers a typed UNAVAILABLE error; the workflows keep their state in
// Temporal and their projection and SLA activities retry. Afterwards everything catches up: every
// breach recorded once, no event lost or duplicated in the event log, every email once.

const SPEC = 'postgres-outage';
const SHORT = 10;
const OUTAGE_MS = 20_000;
/** Only keeps a hung request from hanging the tier; every answer is expected well before. */
const REQUEST_LIMIT_MS = 15_000;

const REQUEST_INFO = `mutation ($input: TicketActionInput!) {
  requestInformation(input: $input) { requestId seq ticket { number state } }
}`;
const TICKET = `query ($number: String!) { ticket(number: $number) { number state slaStatus } }`;

interface Outcome {
  requestInformation: { requestId: string; seq: number; ticket: { number: string; state: string } };
}

describe('fault: PostgreSQL stopped for 20 s while clocks run', () => {
  let stack: FaultStack;
  let calendarId: string;

  beforeAll(async () => {
    stack = await startFaultStack('postgres');
    calendarId = await create24x7Calendar(stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** One GraphQL call with an anti-hang limit: its error code (null on success) and duration. */
  async function probe(
    query: string,
    variables: Record<string, unknown>,
    role: Role,
  ): Promise<{ code: string | null; ms: number; message: string }> {
    const t0 = Date.now();
    const res = await fetch(`${stack.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.bearer(role) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    const body = (await res.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const error = body.errors?.[0];
    return {
      code: error ? (error.extensions?.code ?? 'NONE') : null,
      ms: Date.now() - t0,
      message: error?.message ?? '',
    };
  }

  it('answers UNAVAILABLE while it is down, then catches up: each event once (L3-06, L3-11)', async () => {
    const worker = stack.startWorker();
    const registered: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await registerTicket(stack, `Antes de la caída ${i + 1}`);
      expect(res.body.errors).toBeUndefined();
      registered.push(res.body.data!.registerTicket.number);
    }
    await waitFor('the registered tickets projected', async () =>
      (await ticketOutcomes(stack, registered)).every((o) => o.timeline.CLOCK_STARTED === 1),
    );
    // Breaches 4–22 s from now (warned 2 s before): most fall due while PostgreSQL is down.
    const shortNumbers = await Promise.all(
      Array.from({ length: SHORT }, (_, i) =>
        startShortClockTicket(
          stack,
          calendarId,
          `Reloj corto ${i + 1}`,
          4_000 + Math.round((18_000 * i) / (SHORT - 1)),
          2_000,
        ),
      ),
    );
    const breaches = async (): Promise<number> =>
      Number(
        (
          await stack.db.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM sla_event WHERE event = 'breached'`,
          )
        )[0].n,
      );
    await waitFor('the first breach', async () => (await breaches()) >= 1);
    const breachedAtStop = await breaches();

    await stack.stopPostgres();
    const stoppedAt = Date.now();
    const target = registered[0];
    const input = { number: target, requestId: randomUUID(), note: '¿Desde cuándo ocurre?' };
    // Calls that need the database, over and over until the outage ends: reads, a registration
    // and a transition. Each must answer UNAVAILABLE (and change nothing).
    const answers: { code: string | null; ms: number; message: string }[] = [];
    while (Date.now() - stoppedAt < OUTAGE_MS) {
      answers.push(await probe(TICKET, { number: target }, Role.AGENT));
      answers.push(
        await probe(
          `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
          {
            input: {
              category: 'INCIDENT',
              subject: 'Durante la caída',
              description: 'No debe registrarse.',
            },
          },
          Role.CLIENT_USER,
        ),
      );
      answers.push(await probe(REQUEST_INFO, { input }, Role.AGENT));
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(answers.length).toBeGreaterThanOrEqual(6);
    expect([...new Set(answers.map((a) => a.code))]).toEqual(['UNAVAILABLE']);
    for (const a of answers) expect(a.message).not.toMatch(/\n\s+at |ECONNREFUSED|postgres/i);
    recordFigure(SPEC, 'API calls during the outage', answers.length, 'all UNAVAILABLE');
    recordFigure(SPEC, 'slowest UNAVAILABLE answer', Math.max(...answers.map((a) => a.ms)), 'ms');

    await stack.startPostgres();
    const backAt = Date.now();
    recordFigure(SPEC, 'outage (stop to ready again)', backAt - stoppedAt, 'ms');

    // The same transition goes through once the database is back; a retry answers from the first.
    const after = await waitFor(
      'the transition to go through',
      async () => {
        const res = await stack.gql<Outcome>(REQUEST_INFO, { input }, Role.AGENT);
        return res.body.data?.requestInformation;
      },
      60_000,
      500,
    );
    recordFigure(SPEC, 'API transition answers again after restart', Date.now() - backAt, 'ms');
    expect(after.ticket.state).toBe('INFO_REQUESTED');
    const again = await stack.gql<Outcome>(REQUEST_INFO, { input }, Role.AGENT);
    expect(again.body.data?.requestInformation.seq).toBe(after.seq);

    // Nothing was registered during the outage: the tickets are the ones from before.
    const numbers = (
      await stack.db.query<{ number: string }[]>('SELECT number FROM ticket ORDER BY number')
    ).map((r) => r.number);
    expect(numbers.sort()).toEqual([...registered, ...shortNumbers].sort());

    const expected = [
      ...registered.slice(1).map((n) => registeredOnce(n)),
      ...shortNumbers.map((n) => breachedOnce(n)),
    ];
    const all = [...registered.slice(1), ...shortNumbers];
    await waitFor(
      'every ticket in its expected state',
      async () => isDeepStrictEqual(await ticketOutcomes(stack, all), expected),
      90_000,
      250,
    ).catch(async (err: Error) => {
      expect(await ticketOutcomes(stack, all)).toEqual(expected);
      throw new Error(`${err.message}\n${worker.output()}`);
    });
    recordFigure(SPEC, 'every ticket whole after restart', Date.now() - backAt, 'ms');
    recordFigure(SPEC, 'latest breach after its deadline', await maxBreachLatenessMs(stack), 'ms');
    expect(await brokenEventLogs(stack, numbers)).toEqual([]);
    const [asked] = await ticketOutcomes(stack, [target]);
    expect(asked.state).toBe('INFO_REQUESTED');
    expect(asked.timeline.requestInfo).toBe(1);
    // The outage really held SLA events back.
    expect(breachedAtStop).toBeLessThan(SHORT);

    await waitFor('every email SENT', () => allMailSent(stack), 90_000, 250);
    const mail = await mailCheck(stack);
    expect(mail.queuedPerEventAndRecipient).toEqual([1]);
    expect(mail.missing).toEqual([]);
    expect(mail.duplicatedWithoutRetry).toEqual([]);
    expect(mail.unknown).toEqual([]);
    // The worker rode out the outage: the same process, still running.
    expect(worker.proc.exitCode).toBeNull();
  });
});
