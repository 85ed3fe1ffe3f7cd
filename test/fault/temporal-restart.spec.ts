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
  registeredOnce,
  recordFigure,
  registerTicket,
  startShortClockTicket,
  ticketOutcomes,
  tryRegisterTicket,
} from '../support/fault-tickets';
import { waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-06: the Temporal dev server is killed (SIGKILL: a crash, nothing flushed on
// the way out) in the middle of a run and starts again on the same SQLite file and port. While it is away the API answers a transition with a typed
// UNAVAILABLE error (no hang, no stack trace) and still serves reads from the read model; after
// it is back the same request goes through once, a ticket registered during the outage gets its
// workflow, the workflows carry on and every clock that fell due during the outage fires once.

const SPEC = 'temporal-restart';
const SHORT = 10;
const REQUEST_INFO = `mutation ($input: TicketActionInput!) {
  requestInformation(input: $input) { requestId seq ticket { number state } }
}`;
const TICKET = `query ($number: String!) { ticket(number: $number) { number state slaStatus } }`;

interface Outcome {
  requestInformation: { requestId: string; seq: number; ticket: { number: string; state: string } };
}

describe('fault: Temporal dev server killed and restarted on the same database file', () => {
  let stack: FaultStack;
  let calendarId: string;

  beforeAll(async () => {
    stack = await startFaultStack('temporal');
    calendarId = await create24x7Calendar(stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('answers UNAVAILABLE while it is away; afterwards workflows go on and timers fire once (L3-06)', async () => {
    const worker = stack.startWorker();
    const registered: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await registerTicket(stack, `Antes del reinicio ${i + 1}`);
      expect(res.body.errors).toBeUndefined();
      registered.push(res.body.data!.registerTicket.number);
    }
    await waitFor('the registered tickets projected', async () =>
      (await ticketOutcomes(stack, registered)).every((o) => o.timeline.CLOCK_STARTED === 1),
    );
    // Breaches 4–22 s from now (warned 2 s before): some before the stop, some during, some after.
    const deadlines = Array.from(
      { length: SHORT },
      (_, i) => 4_000 + Math.round((18_000 * i) / (SHORT - 1)),
    );
    const started = Date.now();
    const shortNumbers = await Promise.all(
      deadlines.map((ms, i) =>
        startShortClockTicket(stack, calendarId, `Reloj corto ${i + 1}`, ms, 2_000),
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

    await stack.stopTemporal('SIGKILL');
    const stoppedAt = Date.now();
    const breachedAtStop = await breaches();
    const target = registered[0];
    const requestId = randomUUID();
    const input = { number: target, requestId, note: '¿Qué versión de Odoo usan?' };

    // A transition needs Temporal: a typed UNAVAILABLE answer, and nothing changed.
    const askedAt = Date.now();
    const during = await stack.gql<Outcome>(REQUEST_INFO, { input }, Role.AGENT);
    recordFigure(SPEC, 'UNAVAILABLE answer during the outage', Date.now() - askedAt, 'ms');
    expect(during.status).toBe(200);
    expect(during.body.data).toBeNull();
    expect(during.body.errors).toHaveLength(1);
    expect(during.body.errors![0].extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(during.body.errors![0].message).not.toMatch(/\n\s+at |Error:|grpc|ECONNREFUSED/i);
    // A registration commits its row (and number, L3-02) before the start fails: UNAVAILABLE to
    // the client, and the API's start reconciler starts that ticket once Temporal is back.
    const orphan = await tryRegisterTicket(stack, 'Registrado durante la caída');
    expect(orphan).toBe('UNAVAILABLE');
    // Reads come from the read model in PostgreSQL: they keep answering.
    const read = await stack.gql<{ ticket: { state: string } }>(
      TICKET,
      { number: target },
      Role.AGENT,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.ticket.state).toBe('REGISTERED');

    // Stay away until two more deadlines have passed: their timers fall due while it is down.
    const dueDuringOutage = deadlines
      .map((ms) => started + ms)
      .filter((at) => at > Date.now())
      .slice(0, 2);
    expect(dueDuringOutage).toHaveLength(2);
    await waitFor(
      'two deadlines to pass during the outage',
      () => Date.now() > dueDuringOutage[1] + 500,
    );
    expect(await breaches()).toBe(breachedAtStop);
    await stack.startTemporal();
    const backAt = Date.now();
    recordFigure(SPEC, 'outage (stop to ready again)', backAt - stoppedAt, 'ms');

    // The same request, retried once Temporal is back, applies once; a second retry is answered
    // from the first (same sequence number).
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

    const [{ number: lateNumber }] = await stack.db.query<{ number: string }[]>(
      `SELECT number FROM ticket WHERE subject = 'Registrado durante la caída'`,
    );
    const expected = [
      ...[...registered.slice(1), lateNumber].map((n) => registeredOnce(n)),
      ...shortNumbers.map((n) => breachedOnce(n)),
    ];
    const all = [...registered.slice(1), lateNumber, ...shortNumbers];
    await waitFor(
      'every ticket in its expected state',
      async () => isDeepStrictEqual(await ticketOutcomes(stack, all), expected),
      // The reconciler sweeps every 30 s for registrations older than 30 s.
      120_000,
      250,
    ).catch(async (err: Error) => {
      expect(await ticketOutcomes(stack, all)).toEqual(expected);
      throw new Error(`${err.message}\n${worker.output()}`);
    });
    recordFigure(
      SPEC,
      'every ticket whole after restart (reconciler incl.)',
      Date.now() - backAt,
      'ms',
    );
    recordFigure(SPEC, 'latest breach after its deadline', await maxBreachLatenessMs(stack), 'ms');
    expect(await brokenEventLogs(stack, [...all, target])).toEqual([]);
    const [asked] = await ticketOutcomes(stack, [target]);
    expect(asked.state).toBe('INFO_REQUESTED');
    expect(asked.timeline.requestInfo).toBe(1);
    expect(asked.slaEvents).toEqual({});
    // The outage really held timers back: not every breach was in when the server stopped.
    expect(breachedAtStop).toBeLessThan(SHORT);

    await waitFor('every email SENT', () => allMailSent(stack), 60_000, 250);
    const mail = await mailCheck(stack);
    expect(mail.queuedPerEventAndRecipient).toEqual([1]);
    expect(mail.missing).toEqual([]);
    expect(mail.duplicatedWithoutRetry).toEqual([]);
    expect(mail.unknown).toEqual([]);
    // The worker rode out the outage: the same process, still running.
    expect(worker.proc.exitCode).toBeNull();
  });
});
