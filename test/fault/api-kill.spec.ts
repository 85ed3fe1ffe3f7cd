import { randomUUID } from 'node:crypto';
import {
  brokenEventLogs,
  expectEachEmailOnce,
  expectOutcomes,
  recordFigure,
  registeredOnce,
  registerProjectedTickets,
  registerTicket,
  useFaultStack,
} from '../support/fault-tickets';
import { type AppProcess, waitFor } from '../support/worker-process';

// Issue 10 item 2, L3-02/L3-05/L3-11: the API process is killed (SIGKILL, no shutdown hook) twice
// in the middle of a burst of registrations that carry request IDs, and started again on the same
// port each time, as a supervisor would. Each client retries every registration whose answer was
// lost, with the same request ID, until it gets an answer. The two kills land where a crash hurts:
//  1. mid-transaction: the test holds a SHARE lock on `ticket`, so a registration has taken its
//     number but cannot insert its row; the kill aborts it and its number must roll back;
//  2. after the commit: the Temporal dev server is paused (SIGSTOP), so registrations have
//     committed their ticket and wait on the workflow start; the kill loses their answers, and the
//     retry must return that ticket and start its workflow once.
// Afterwards each registration is exactly one ticket, ticket numbers have no gap, each ticket
// workflow started once and each registration email went once.

const SPEC = 'api-kill';
const CLIENTS = 3;
const PER_CLIENT = 8;

interface Registration {
  readonly requestId: string;
  readonly subject: string;
  /** Error code of each attempt (null: the ticket came back). */
  readonly codes: (string | null)[];
  number: string | null;
}

describe('fault: API killed (SIGKILL) during a registration burst with request IDs', () => {
  const fault = useFaultStack('api');

  it('each registration is one ticket, numbers gap-free, each workflow and email once (L3-02, L3-05, L3-11)', async () => {
    const { stack } = fault;
    const worker = stack.startWorker();
    let api = await stack.startApiProcess();
    const killed: AppProcess[] = [];
    // The worker is up once a first ticket is projected.
    await registerProjectedTickets(stack, ['Arranque del worker']);

    const registrations: Registration[][] = Array.from({ length: CLIENTS }, (_, c) =>
      Array.from({ length: PER_CLIENT }, (_, i) => ({
        requestId: randomUUID(),
        subject: `Ráfaga ${c + 1}-${i + 1}`,
        codes: [],
        number: null,
      })),
    );
    const all = registrations.flat();
    const answered = (): number => all.filter((r) => r.number !== null).length;
    /** Request IDs of the attempts waiting for their answer right now. */
    const inFlight = new Set<string>();

    // Each client registers its tickets one after another, with no pause, against the API process;
    // an attempt without an answer is retried with the same request ID until one comes.
    const client = async (list: Registration[]): Promise<void> => {
      for (const r of list) {
        for (;;) {
          inFlight.add(r.requestId);
          const res = await registerTicket(stack, r.subject, {
            apiUrl: api.url,
            requestId: r.requestId,
          });
          inFlight.delete(r.requestId);
          r.codes.push(res.code);
          if (res.data) {
            r.number = res.data.registerTicket.number;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    };

    const count = async (sql: string, params: unknown[] = []): Promise<number> =>
      Number((await stack.db.query<{ n: string }[]>(sql, params))[0].n);
    /** Kills the running API process; the caller starts the next one. */
    const kill = async (): Promise<number> => {
      const victim = api;
      await victim.kill9();
      killed.push(victim);
      return Date.now();
    };

    let cutMidTransaction = 0;
    let lostAfterCommit: string[] = [];
    const killer = async (): Promise<void> => {
      // Kill 1, mid-transaction: the test's SHARE lock on `ticket` lets a registration take its
      // number (the counter row) but holds its INSERT until the lock is gone.
      await waitFor('the first answers', () => answered() >= 4, 60_000, 20);
      const lock = stack.db.createQueryRunner();
      await lock.connect();
      await lock.startTransaction();
      await lock.query('LOCK TABLE ticket IN SHARE MODE');
      cutMidTransaction = await waitFor(
        'a registration holding its number, waiting to insert its row',
        () =>
          count(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "ticket"%'`,
          ),
        30_000,
        10,
      );
      const firstKill = await kill();
      await lock.rollbackTransaction();
      await lock.release();
      api = await stack.startApiProcess();
      recordFigure(SPEC, 'API kill to answering again', Date.now() - firstKill, 'ms');

      // Kill 2, after the commit: with Temporal paused, registrations commit and then wait on
      // their workflow start, so their answers cannot come before the kill.
      await waitFor('more answers', () => answered() >= 12, 60_000, 20);
      stack.pauseTemporal();
      try {
        lostAfterCommit = await waitFor(
          'a registration committed and waiting on its workflow start',
          async () => {
            const rows = await stack.db.query<{ id: string }[]>(
              `SELECT registration_request_id AS id FROM ticket
                WHERE registration_request_id = ANY($1)`,
              [[...inFlight]],
            );
            if (rows.length === 0) return false;
            // A start that finished just before the pause may still be answering: with Temporal
            // stopped no start can finish now, so after a moment the requests still unanswered
            // are the ones waiting on their start.
            await new Promise((resolve) => setTimeout(resolve, 300));
            const waiting = rows.map((r) => r.id).filter((id) => inFlight.has(id));
            return waiting.length > 0 && waiting;
          },
          30_000,
          10,
        );
        await kill();
      } finally {
        stack.resumeTemporal();
      }
      api = await stack.startApiProcess();
    };
    await Promise.all([killer(), ...registrations.map((list) => client(list))]);
    expect(killed).toHaveLength(2);
    for (const k of killed) expect(await k.exited).toBe('SIGKILL');
    expect(cutMidTransaction).toBeGreaterThanOrEqual(1);
    expect(lostAfterCommit.length).toBeGreaterThanOrEqual(1);

    // Every attempt got a ticket or lost its answer to the kill (never a hang, never another error).
    const codes = all.flatMap((r) => r.codes);
    expect([...new Set(codes)].filter((c) => c !== null && c !== 'NO_ANSWER')).toEqual([]);
    const lost = all.filter((r) => r.codes.includes('NO_ANSWER'));
    expect(lost.length).toBeGreaterThanOrEqual(1);

    // Each registration is one ticket: distinct numbers, one row per request ID, nothing else.
    const numbers = all.map((r) => r.number!);
    expect(new Set(numbers).size).toBe(all.length);
    const rows = await stack.db.query<
      {
        number: string;
        year: number;
        seq: number;
        registration_request_id: string | null;
      }[]
    >(
      `SELECT number, year, seq, registration_request_id
         FROM ticket ORDER BY year, seq`,
    );
    const byRequest = new Map(all.map((r) => [r.requestId, r.number]));
    const burstRows = rows.filter((t) => byRequest.has(t.registration_request_id ?? ''));
    expect(burstRows.map((t) => [t.registration_request_id, t.number]).sort()).toEqual(
      [...byRequest.entries()].sort(),
    );
    // The warm-up ticket and the burst: nothing else was registered.
    expect(rows).toHaveLength(all.length + 1);
    // L3-02: gap-free numbers, each year 1…n (a registration cut by the kill before its commit
    // rolled its number back).
    for (const year of new Set(rows.map((t) => t.year))) {
      const seqs = rows.filter((t) => t.year === year).map((t) => t.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }

    // Each workflow started once: one run per ticket in Temporal, each ticket opened once.
    const ids = rows.map((t) => `ticket:${t.number}`).sort();
    const runs = await waitFor('every ticket workflow listed', async () => {
      const listed: string[] = [];
      for await (const wf of stack.client.workflow.list({
        query: `WorkflowType = 'ticketWorkflow'`,
      })) {
        listed.push(wf.workflowId);
      }
      return listed.length >= ids.length && listed.sort();
    });
    expect(runs).toEqual(ids);
    await expectOutcomes(
      stack,
      rows.map((t) => registeredOnce(t.number)),
      worker,
    );
    expect(await brokenEventLogs(stack, numbers)).toEqual([]);
    const started = await stack.db.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM ticket WHERE workflow_started_at IS NULL',
    );
    expect(Number(started[0].n)).toBe(0);

    // Each registration email once: a TICKET_REGISTERED row per ticket and recipient, each sent once.
    const mail = await expectEachEmailOnce(stack, 60_000);
    const registeredMail = new Set(
      mail.rows.filter((r) => r.event_type === 'TICKET_REGISTERED').map((r) => r.ticket_number),
    );
    expect([...registeredMail].sort()).toEqual(rows.map((t) => t.number).sort());

    // The registrations whose answer the second kill lost after their commit: the retry returned
    // the very ticket committed then (one row per request ID, checked above).
    for (const id of lostAfterCommit) {
      const r = all.find((x) => x.requestId === id)!;
      expect(r.codes).toContain('NO_ANSWER');
      expect(r.number).not.toBeNull();
    }
    recordFigure(SPEC, 'registrations (3 clients, request IDs)', all.length, '');
    recordFigure(SPEC, 'attempts (retries included)', codes.length, '');
    recordFigure(SPEC, 'registrations whose answer was lost', lost.length, '');
    recordFigure(SPEC, 'kill 1: registrations cut holding a number', cutMidTransaction, '');
    recordFigure(SPEC, 'kill 2: registrations cut after their commit', lostAfterCommit.length, '');
    expect(api.proc.exitCode).toBeNull();
    expect(worker.proc.exitCode).toBeNull();
  });
});
