import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Role } from '../../src/identity/role.enum';
import {
  answer,
  breachedOnce,
  brokenEventLogs,
  countBreaches,
  expectEachEmailOnce,
  expectOutcomes,
  maxBreachLatenessMs,
  recordFigure,
  registeredOnce,
  registerProjectedTickets,
  REQUEST_INFO,
  type RequestInfoResult,
  requestInformationAfterOutage,
  startShortClockTickets,
  TICKET,
  ticketOutcomes,
  tryRegisterTicket,
  useFaultStack,
} from '../support/fault-tickets';
import { waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-06: the Temporal dev server is killed (SIGKILL: a crash, nothing flushed on
// the way out) in the middle of a run and starts again on the same SQLite file and port. While it
// is away the API answers a transition with a typed UNAVAILABLE error (no hang, no stack trace)
// and still serves reads from the read model; after it is back the same request goes through
// once, a ticket registered during the outage gets its workflow, the workflows carry on and every
// clock that fell due during the outage fires once.

const SPEC = 'temporal-restart';
const SHORT = 10;

describe('fault: Temporal dev server killed and restarted on the same database file', () => {
  const fault = useFaultStack('temporal');

  it('answers UNAVAILABLE while it is away; afterwards workflows go on and timers fire once (L3-06)', async () => {
    const { stack, calendarId } = fault;
    const worker = stack.startWorker();
    const registered = await registerProjectedTickets(
      stack,
      [1, 2, 3].map((i) => `Antes del reinicio ${i}`),
    );
    // Breaches 4–22 s from now (warned 2 s before): some before the stop, some during, some after.
    const short = await startShortClockTickets(stack, calendarId, {
      count: SHORT,
      firstMs: 4_000,
      lastMs: 22_000,
    });
    const breaches = () => countBreaches(stack, short.numbers);
    await waitFor('the first breach', async () => (await breaches()) >= 1);

    // Its SQLite file is written through a write-ahead log (synced at every commit): the crash
    // leaves the log beside the file, and the next start recovers from it.
    expect(existsSync(`${stack.temporalDbFile}-wal`)).toBe(true);
    await stack.stopTemporal('SIGKILL');
    const stoppedAt = Date.now();
    const breachedAtStop = await breaches();
    const target = registered[0];
    const input = { number: target, requestId: randomUUID(), note: '¿Qué versión de Odoo usan?' };

    // A transition needs Temporal: a typed UNAVAILABLE answer, and nothing changed.
    const during = await answer<RequestInfoResult>(stack, REQUEST_INFO, { input }, Role.AGENT);
    recordFigure(SPEC, 'UNAVAILABLE answer during the outage', during.ms, 'ms');
    expect(during.status).toBe(200);
    expect(during.data).toBeNull();
    expect(during.errors).toHaveLength(1);
    expect(during.errors[0].extensions).toEqual({ code: 'UNAVAILABLE' });
    expect(during.message).not.toMatch(/\n\s+at |Error:|grpc|ECONNREFUSED/i);
    // A registration commits its row (and number, L3-02) before the start fails: UNAVAILABLE to
    // the client, and the API's start reconciler starts that ticket once Temporal is back.
    const orphan = await tryRegisterTicket(stack, 'Registrado durante la caída');
    expect(orphan).toBe('UNAVAILABLE');
    // Reads come from the read model in PostgreSQL: they keep answering.
    const read = await answer<{ ticket: { state: string } }>(
      stack,
      TICKET,
      { number: target },
      Role.AGENT,
    );
    expect(read.code).toBeNull();
    expect(read.data!.ticket.state).toBe('REGISTERED');

    // Stay away until two more deadlines have passed: their timers fall due while it is down.
    const dueDuringOutage = short.deadlines.filter((at) => at > Date.now()).slice(0, 2);
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
    const { applied, retried } = await requestInformationAfterOutage(stack, input);
    recordFigure(SPEC, 'API transition answers again after restart', Date.now() - backAt, 'ms');
    expect(applied.ticket.state).toBe('INFO_REQUESTED');
    expect(retried.data?.requestInformation.seq).toBe(applied.seq);

    const [{ number: lateNumber }] = await stack.db.query<{ number: string }[]>(
      `SELECT number FROM ticket WHERE subject = 'Registrado durante la caída'`,
    );
    const others = [...registered.slice(1), lateNumber];
    await expectOutcomes(
      stack,
      [...others.map((n) => registeredOnce(n)), ...short.numbers.map((n) => breachedOnce(n))],
      worker,
      // The reconciler sweeps every 10 s for registrations older than 10 s.
      120_000,
    );
    recordFigure(
      SPEC,
      'every ticket whole after restart (reconciler incl.)',
      Date.now() - backAt,
      'ms',
    );
    recordFigure(SPEC, 'latest breach after its deadline', await maxBreachLatenessMs(stack), 'ms');
    expect(await brokenEventLogs(stack, [...others, ...short.numbers, target])).toEqual([]);
    const [asked] = await ticketOutcomes(stack, [target]);
    expect(asked.state).toBe('INFO_REQUESTED');
    expect(asked.timeline.requestInfo).toBe(1);
    expect(asked.slaEvents).toEqual({});
    // The outage really held timers back: not every breach was in when the server stopped.
    expect(breachedAtStop).toBeLessThan(SHORT);

    await expectEachEmailOnce(stack, 60_000);
    // The worker rode out the outage: the same process, still running.
    expect(worker.proc.exitCode).toBeNull();
  });
});
