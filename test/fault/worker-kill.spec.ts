import {
  breachedOnce,
  brokenEventLogs,
  countBreaches,
  expectEachEmailOnce,
  expectOutcomes,
  maxBreachLatenessMs,
  recordFigure,
  registeredOnce,
  registerProjectedTickets,
  startShortClockTickets,
  tryRegisterTicket,
  useFaultStack,
} from '../support/fault-tickets';
import { waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-06/L3-11: the worker process is killed (SIGKILL, no shutdown hook) in the
// middle of a burst of ticket registrations whose triage clocks are about to warn and breach, and
// a new worker process starts. Every ticket reaches its state; every at-risk mark and breach is
// recorded exactly once (sla_event and the ticket's event log); every email arrives once.

const SPEC = 'worker-kill';
/** At least this many tickets registered through GraphQL (8-hour triage clocks: they stay running). */
const REGISTERED = 20;
/** Tickets whose triage clocks warn and breach during the test. */
const SHORT = 12;

describe('fault: worker killed (SIGKILL) during a burst of tickets with running clocks', () => {
  const fault = useFaultStack('kill');

  it('every ticket reaches its state; each breach, warning and email happens once (L3-06, L3-11)', async () => {
    const { stack, calendarId } = fault;
    const first = stack.startWorker();
    // The worker is up once the first registration's ticket has its first events projected.
    await registerProjectedTickets(stack, ['Arranque del worker']);

    // Short clocks: breach 3–25 s from now, each warned 2 s before its breach.
    const { numbers: shortNumbers } = await startShortClockTickets(stack, calendarId, {
      count: SHORT,
      firstMs: 3_000,
      lastMs: 25_000,
    });
    const breaches = () => countBreaches(stack, shortNumbers);

    // The GraphQL burst: 2 clients registering (150 ms think time) until the worker has been
    // killed (once the first breaches are in) and more tickets came in while no worker ran.
    const answers: { code: string | null; afterKill: boolean }[] = [];
    let breachedAtKill = -1;
    const killer = waitFor('the first breaches', async () => (await breaches()) >= 2, 60_000).then(
      async (ok) => {
        breachedAtKill = await breaches();
        await first.kill9();
        return ok;
      },
    );
    const burst = async (client: number): Promise<void> => {
      for (let i = 0; ; i++) {
        const killed = breachedAtKill >= 0;
        if (i >= REGISTERED / 2 && killed && answers.filter((a) => a.afterKill).length >= 6) return;
        const code = await tryRegisterTicket(stack, `Ráfaga ${client}-${i + 1}`);
        answers.push({ code, afterKill: killed });
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    await Promise.all([killer, burst(1), burst(2)]);
    expect(await first.exited).toBe('SIGKILL');

    // Registrations answered while no worker ran: a ticket, or a typed error (never a hang).
    for (const a of answers) expect([null, 'UNAVAILABLE']).toContain(a.code);

    const second = stack.startWorker();
    const numbers = (
      await stack.db.query<{ number: string }[]>(
        `SELECT number FROM ticket WHERE number <> ALL($1) ORDER BY number`,
        [shortNumbers],
      )
    ).map((r) => r.number);
    // Every registration that answered with a ticket has one; an answer that failed may still
    // have left a ticket (the row is committed before the workflow starts): it too must be whole.
    expect(numbers.length).toBeGreaterThanOrEqual(
      1 + answers.filter((a) => a.code === null).length,
    );
    const all = [...numbers, ...shortNumbers];
    await expectOutcomes(
      stack,
      [...numbers.map((n) => registeredOnce(n)), ...shortNumbers.map((n) => breachedOnce(n))],
      second,
    );
    expect(await brokenEventLogs(stack, all)).toEqual([]);
    recordFigure(SPEC, 'latest breach after its deadline', await maxBreachLatenessMs(stack), 'ms');
    recordFigure(SPEC, 'tickets (GraphQL + short clocks)', all.length, '');
    recordFigure(
      SPEC,
      'registered while no worker ran',
      answers.filter((a) => a.afterKill).length,
      '',
    );
    recordFigure(SPEC, 'breaches in before the kill', breachedAtKill, `of ${SHORT}`);
    // The kill really interrupted running clocks: some had breached, most had not.
    expect(breachedAtKill).toBeGreaterThanOrEqual(2);
    expect(breachedAtKill).toBeLessThan(SHORT);

    const mail = await expectEachEmailOnce(stack, 60_000);
    recordFigure(SPEC, 'emails', mail.rows.length, '');
    recordFigure(
      SPEC,
      'emails claimed again after the kill',
      mail.rows.filter((r) => r.attempts > 1).length,
      '',
    );
    // An at-risk and a breach email (to the provider's managers) for every short-clock ticket.
    for (const type of ['SLA_AT_RISK', 'SLA_BREACHED']) {
      const tickets = new Set(
        mail.rows.filter((r) => r.event_type === type).map((r) => r.ticket_number),
      );
      expect([...tickets].sort()).toEqual([...shortNumbers].sort());
    }
    expect(second.proc.exitCode).toBeNull();
  });
});
