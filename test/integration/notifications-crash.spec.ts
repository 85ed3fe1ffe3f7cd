import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CalendarsService } from '../../src/business-time/calendars/calendars.service';
import { freePort } from '../../src/infra/provisioning/temporal-binaries';
import type { NotificationEvent } from '../../src/notifications/notification-event';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { sampleEvents } from '../../src/notifications/testing/sample-events';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { type SmtpHandlers, SpecSmtpServer } from '../support/spec-smtp';
import { buildWorker, removeWorkerBuild } from '../support/worker-process';

// L3-11 "no email is lost; a resend is the same email": the real worker process (compiled
// `src/worker/main.ts`, dispatcher + Temporal worker) is SIGKILLed while the relay holds an email
// it has fully received but not yet acknowledged. A second worker takes over once the lease ends.
// Every email arrives; the only duplicates are resends carrying the same Message-ID.

const REPO = join(__dirname, '..', '..');
const EVENT_COUNT = 20;
/** Emails the relay accepts at once before it holds one unacknowledged (the kill point). */
const ACCEPTED_BEFORE_HOLD = 3;
/** Short lease so the second worker reclaims the dead worker's rows within the test. */
const LEASE_MS = 2_000;

interface Received {
  messageId: string;
  sessionId: string;
}

/**
 * An SMTP relay that records every message (raw `Message-ID` header) as soon as its data is in,
 * and can hold one message without answering, so a send is provably in flight.
 */
class CrashSmtp extends SpecSmtpServer {
  readonly received: Received[] = [];
  /** Sessions the client dropped while the relay still held their message (no 250 sent). */
  readonly abortedWhileHeld: string[] = [];
  /** Accept this many messages, then hold the next one; `null`: accept everything. */
  holdAfter: number | null = null;
  held: { messageId: string; sessionId: string; release: () => void } | null = null;

  protected handlers(): SmtpHandlers {
    return {
      onClose: (session) => {
        if (this.held?.sessionId === session.id) this.abortedWhileHeld.push(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', (err) => callback(err));
        stream.on('end', () => {
          const messageId = rawMessageId(Buffer.concat(chunks).toString('utf8'));
          this.received.push({ messageId, sessionId: session.id });
          if (this.holdAfter !== null && this.received.length > this.holdAfter && !this.held) {
            this.held = { messageId, sessionId: session.id, release: () => callback() };
            return;
          }
          callback();
        });
      },
    };
  }
}

/** The unfolded `Message-ID` header of a raw message. */
function rawMessageId(raw: string): string {
  const headers = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  return /^message-id:\s*(.+?)\s*$/im.exec(headers)?.[1] ?? '';
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A worker child process, with its output kept for the failure message. */
interface WorkerChild {
  readonly proc: ChildProcess;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
}

interface Row {
  status: string;
  attempts: number;
  message_id: string;
}

describe('L3-11 email outbox: worker killed mid-dispatch', () => {
  let world: SeededWorld;
  let smtp: CrashSmtp;
  let buildDir: string;
  const children: WorkerChild[] = [];

  beforeAll(async () => {
    [world, smtp, buildDir] = await Promise.all([
      createSeededWorld('notifycrash'),
      freePort().then((p) => new CrashSmtp(p)),
      // A whole tsc build: minutes on a loaded 2-core machine (as the other specs that build it).
      buildWorker(),
    ]);
    await smtp.start();
  }, 240_000);

  afterAll(async () => {
    for (const c of children) c.proc.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    smtp?.held?.release();
    await smtp?.stop();
    await world?.close();
    if (buildDir) removeWorkerBuild(buildDir);
  });

  function startWorker(): WorkerChild {
    const proc = spawn(process.execPath, [join(buildDir, 'src', 'worker', 'main.js')], {
      cwd: REPO,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: world.config.database.url,
        SMTP_URL: smtp.url,
        TEMPORAL_TASK_QUEUE: `crash-${process.pid}-${Date.now()}-${children.length}`,
        MAIL_LEASE_MS: String(LEASE_MS),
        MAIL_POLL_INTERVAL_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null)
        return resolve(proc.signalCode ?? proc.exitCode);
      proc.once('exit', (code, signal) => resolve(signal ?? code));
    });
    const child = { proc, exited, output: () => out };
    children.push(child);
    return child;
  }

  /** Waits for `probe`, failing at once (with the worker's output) if the worker dies. */
  async function whileAlive<T>(
    child: WorkerChild,
    what: string,
    probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  ): Promise<T> {
    const died = child.exited.then((how) => {
      throw new Error(`worker exited (${String(how)}) before ${what}:\n${child.output()}`);
    });
    died.catch(() => undefined);
    return Promise.race([waitFor(what, probe), died]);
  }

  const outbox = () =>
    world.db.query<Row[]>(`SELECT status, attempts, message_id FROM email_outbox ORDER BY id`);

  it('delivers every email; duplicates only carry the same Message-ID', async () => {
    // 20 events, each of a ticket of its own (distinct event keys), to the seeded users.
    const users = Object.fromEntries(
      (await world.db.query<{ id: string; email: string }[]>('SELECT id, email FROM app_user')).map(
        (u) => [u.email, u.id],
      ),
    );
    const types = ['TICKET_REGISTERED', 'INFO_REQUESTED', 'PROGRESS_UPDATE', 'RESOLVED'] as const;
    const events: NotificationEvent[] = Array.from({ length: EVENT_COUNT }, (_, i) => {
      const all = sampleEvents(
        {
          number: `L3-2097-${String(i + 1).padStart(6, '0')}`,
          subject: `Caída del worker ${i + 1}`,
          registrantId: users['usuario@aurora.example'],
          clientOrgId: world.orgIds['comercializadora-aurora'],
        },
        { agentId: users['agente@becken.example'], approverId: users['aprobador@aurora.example'] },
      );
      return all[types[i % types.length]];
    });
    const service = new NotificationsService(world.config, new CalendarsService(world.db));
    for (const e of events) await world.db.transaction((m) => service.enqueue(m, e));
    const queued = await outbox();
    expect(new Set(events.map((e) => e.eventKey)).size).toBe(EVENT_COUNT);
    expect(queued.length).toBeGreaterThanOrEqual(EVENT_COUNT);
    expect(queued.every((r) => r.status === 'QUEUED')).toBe(true);

    // First worker: the relay accepts a few, then holds one unanswered; kill -9 right there.
    smtp.holdAfter = ACCEPTED_BEFORE_HOLD;
    const first = startWorker();
    const held = await whileAlive(first, 'an email held in flight', () => smtp.held);
    const heldRow = (await outbox()).find((r) => r.message_id === held.messageId);
    expect(heldRow?.status).toBe('SENDING');
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const atKill = await outbox();
    const sentAtKill = atKill.filter((r) => r.status === 'SENT');
    const sendingAtKill = atKill.filter((r) => r.status === 'SENDING');
    // Killed mid-dispatch: its claimed rows (the held one among them) are still leased to it.
    expect(sentAtKill).toHaveLength(ACCEPTED_BEFORE_HOLD);
    expect(sendingAtKill.map((r) => r.message_id)).toContain(held.messageId);
    // The relay saw the connection drop while it held the message (no 250 ever reached it).
    await waitFor('the held session to close', () => smtp.abortedWhileHeld.length > 0, 5_000);
    expect(smtp.abortedWhileHeld).toEqual([held.sessionId]);
    expect(smtp.received).toHaveLength(ACCEPTED_BEFORE_HOLD + 1);

    // Second worker, relay back to normal: takes over once the dead worker's lease ends.
    smtp.holdAfter = null;
    held.release();
    const second = startWorker();
    const rows = await whileAlive(second, 'every email SENT', async () => {
      const r = await outbox();
      return r.every((x) => x.status === 'SENT') && r;
    });

    const outboxIds = rows.map((r) => r.message_id);
    const receivedIds = smtp.received.map((m) => m.messageId);
    // Every email delivered, exactly one distinct Message-ID per outbox row.
    expect(new Set(outboxIds).size).toBe(rows.length);
    expect(new Set(receivedIds)).toEqual(new Set(outboxIds));
    expect(receivedIds.length).toBeGreaterThanOrEqual(rows.length);
    // Duplicates are resends of what the killed worker had in flight, with the same Message-ID.
    const counts = new Map<string, number>();
    for (const id of receivedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(duplicated).toEqual([held.messageId]);
    expect(counts.get(held.messageId)).toBe(2);
    // The held email was reclaimed after the lease (second attempt); nothing else was retried.
    const final = new Map(rows.map((r) => [r.message_id, r]));
    expect(final.get(held.messageId)?.attempts).toBe(2);
    for (const r of sentAtKill) expect(final.get(r.message_id)?.attempts).toBe(1);
  });
});
