import { randomUUID } from 'node:crypto';
import { Role } from '../../src/identity/role.enum';
import {
  answer,
  type Answer,
  breachedOnce,
  brokenEventLogs,
  countBreaches,
  expectEachEmailOnce,
  expectOutcomes,
  maxBreachLatenessMs,
  recordFigure,
  registeredOnce,
  registerProjectedTickets,
  registration,
  REQUEST_INFO,
  requestInformationAfterOutage,
  startShortClockTickets,
  TICKET,
  ticketOutcomes,
  useFaultStack,
} from '../support/fault-tickets';
import { waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-06/L3-11: PostgreSQL goes down while ticket clocks fall due, twice on one
// stack: first stopped cleanly for 20 s (fast shutdown), then crashed (kill -9 of the postmaster:
// no shutdown checkpoint, the next start runs WAL crash recovery), each time started again on the
// same data folder and port. During the outage every API call that needs the database answers a
// typed UNAVAILABLE error; the workflows keep their state in Temporal and their projection and SLA
// activities retry. Afterwards everything catches up: every breach recorded once, no event lost
// or duplicated in the event log, every email once.

const SHORT = 10;

const OUTAGES = [
  { name: 'stopped cleanly', signal: 'SIGTERM', outageMs: 20_000, spec: 'postgres-outage' },
  { name: 'killed (kill -9)', signal: 'SIGKILL', outageMs: 10_000, spec: 'postgres-crash' },
] as const;

describe('fault: PostgreSQL down while clocks run', () => {
  const fault = useFaultStack('postgres');

  it.each(OUTAGES)(
    '$name: answers UNAVAILABLE while down, then catches up: each event once (L3-06, L3-11)',
    async ({ signal, outageMs, spec }) => {
      const { stack, calendarId } = fault;
      const worker = stack.worker ?? stack.startWorker();
      const before = await ticketNumbers();
      const registered = await registerProjectedTickets(
        stack,
        [1, 2, 3].map((i) => `Antes de la caída ${i}`),
      );
      // Breaches 4–22 s from now (warned 2 s before): most fall due while PostgreSQL is down.
      const short = await startShortClockTickets(stack, calendarId, {
        count: SHORT,
        firstMs: 4_000,
        lastMs: 22_000,
      });
      await waitFor(
        'the first breach',
        async () => (await countBreaches(stack, short.numbers)) >= 1,
      );
      const breachedAtStop = await countBreaches(stack, short.numbers);

      await stack.stopPostgres(signal);
      const stoppedAt = Date.now();
      // A clean stop leaves the cluster shut down; a kill leaves it "in production" (to recover).
      expect(stack.postgresClusterState()).toBe(
        signal === 'SIGKILL' ? 'in production' : 'shut down',
      );
      const target = registered[0];
      const input = { number: target, requestId: randomUUID(), note: '¿Desde cuándo ocurre?' };
      // Calls that need the database, over and over until the outage ends: reads, a registration
      // and a transition. Each must answer UNAVAILABLE (and change nothing).
      const answers: Answer<unknown>[] = [];
      while (Date.now() - stoppedAt < outageMs) {
        answers.push(await answer(stack, TICKET, { number: target }, Role.AGENT));
        answers.push(
          await answer(
            stack,
            `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
            registration('Durante la caída'),
            Role.CLIENT_USER,
          ),
        );
        answers.push(await answer(stack, REQUEST_INFO, { input }, Role.AGENT));
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(answers.length).toBeGreaterThanOrEqual(6);
      expect([...new Set(answers.map((a) => a.code))]).toEqual(['UNAVAILABLE']);
      for (const a of answers) expect(a.message).not.toMatch(/\n\s+at |ECONNREFUSED|postgres/i);
      recordFigure(spec, 'API calls during the outage', answers.length, 'all UNAVAILABLE');
      recordFigure(spec, 'slowest UNAVAILABLE answer', Math.max(...answers.map((a) => a.ms)), 'ms');

      await stack.startPostgres();
      const backAt = Date.now();
      recordFigure(spec, 'outage (stop to ready again)', backAt - stoppedAt, 'ms');
      expect(stack.postgresClusterState()).toBe('in production');

      // The same transition goes through once the database is back; a retry answers from the first.
      const { applied, retried } = await requestInformationAfterOutage(stack, input);
      recordFigure(spec, 'API transition answers again after restart', Date.now() - backAt, 'ms');
      expect(applied.ticket.state).toBe('INFO_REQUESTED');
      expect(retried.data?.requestInformation.seq).toBe(applied.seq);

      // Nothing was registered during the outage: the new tickets are the ones from before it.
      const added = (await ticketNumbers()).filter((n) => !before.includes(n));
      expect(added.sort()).toEqual([...registered, ...short.numbers].sort());

      await expectOutcomes(
        stack,
        [
          ...registered.slice(1).map((n) => registeredOnce(n)),
          ...short.numbers.map((n) => breachedOnce(n)),
        ],
        worker,
        90_000,
      );
      recordFigure(spec, 'every ticket whole after restart', Date.now() - backAt, 'ms');
      recordFigure(
        spec,
        'latest breach after its deadline',
        await maxBreachLatenessMs(stack, short.numbers),
        'ms',
      );
      expect(await brokenEventLogs(stack, added)).toEqual([]);
      const [asked] = await ticketOutcomes(stack, [target]);
      expect(asked.state).toBe('INFO_REQUESTED');
      expect(asked.timeline.requestInfo).toBe(1);
      // The outage really held SLA events back.
      expect(breachedAtStop).toBeLessThan(SHORT);

      await expectEachEmailOnce(stack);
      // The worker rode out the outage: the same process, still running.
      expect(worker.proc.exitCode).toBeNull();

      async function ticketNumbers(): Promise<string[]> {
        const rows = await stack.db.query<{ number: string }[]>('SELECT number FROM ticket');
        return rows.map((r) => r.number);
      }
    },
  );
});
