import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Role } from '../../src/identity/role.enum';
import { TicketEntity } from '../../src/tickets/ticket.entity';
import { EMAILS_BEHIND } from '../../src/tickets/ticket-email-relay';
import { allocateTicketNumber } from '../../src/tickets/ticket-number';
import {
  clockId,
  type TicketInput,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import { type FaultStack, startFaultStack } from './fault-stack';
import type { GraphQLResponse } from './integration-harness';
import { ROOT } from './paths';
import { waitFor, type WorkerProcess } from './worker-process';

// Tickets for the fault specs, and the exactly-once checks every fault spec ends with.

/** A fault spec's stack and the 24/7 calendar of the demo client, read live inside tests. */
export interface FaultSpecStack {
  readonly stack: FaultStack;
  readonly calendarId: string;
}

/**
 * Registers a spec file's `beforeAll`/`afterAll`: its own stack (`startFaultStack(label)`) and a
 * 24/7 calendar for the demo client (short clocks run on it).
 */
export function useFaultStack(label: string): FaultSpecStack {
  let stack: FaultStack | undefined;
  let calendarId: string | undefined;
  beforeAll(async () => {
    stack = await startFaultStack(label);
    calendarId = await create24x7Calendar(stack);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error(`fault stack '${label}' used before its beforeAll`);
    return value;
  };
  return {
    get stack() {
      return ready(stack);
    },
    get calendarId() {
      return ready(calendarId);
    },
  };
}

/** The triage target (SLA-CLAUSES.md L3-06: 8 business hours). */
const TRIAGE_MS = 8 * 3_600_000;
const CLIENT_ORG = 'comercializadora-aurora';

const REGISTER = `mutation ($input: RegisterTicketInput!) {
  registerTicket(input: $input) { number state }
}`;

const CREATE_CALENDAR = `mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }`;

/**
 * A 24/7 calendar (UTC, every day 00:00–24:00, no holidays) for the demo client, created by the
 * manager through GraphQL: business time is wall time, so a clock's deadline is exactly its
 * start plus its target.
 */
export async function create24x7Calendar(stack: FaultStack): Promise<string> {
  const { body } = await stack.gql<{ createCalendar: { id: string } }>(
    CREATE_CALENDAR,
    {
      input: {
        name: 'Soporte 24/7',
        timeZone: 'UTC',
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          intervals: [{ start: '00:00', end: '24:00' }],
        })),
        organizationId: stack.orgIds[CLIENT_ORG],
        mexicoLft74Holidays: false,
      },
    },
    Role.MANAGER,
  );
  if (!body.data) throw new Error(`createCalendar failed: ${JSON.stringify(body.errors)}`);
  return body.data.createCalendar.id;
}

type GraphQLError = NonNullable<GraphQLResponse<unknown>['errors']>[number];

/** One GraphQL answer reduced to what a fault spec checks. */
export interface Answer<T> {
  /** The HTTP status (0: no answer). */
  readonly status: number;
  /** The first error's `extensions.code` (`NO_CODE` without one); null when the call succeeded. */
  readonly code: string | null;
  readonly message: string;
  readonly data: T | null;
  /** Every GraphQL error as it came. */
  readonly errors: GraphQLError[];
  /** How long the answer took (a figure, never an assertion). */
  readonly ms: number;
}

/**
 * POSTs a GraphQL operation to the API at `apiUrl` (the stack's own unless given) as `role`. An
 * answer that takes longer than `limitMs` is code `HUNG` (the API must answer, with data or a
 * typed error); a connection refused or cut before any answer is code `NO_ANSWER`.
 */
export async function answer<T>(
  stack: FaultStack,
  query: string,
  variables: Record<string, unknown>,
  role: Role,
  { apiUrl = stack.api.url, limitMs = 15_000 } = {},
): Promise<Answer<T>> {
  const t0 = Date.now();
  const lost = (code: string): Answer<T> => ({
    status: 0,
    code,
    message: '',
    data: null,
    errors: [],
    ms: Date.now() - t0,
  });
  let status: number;
  let body: { data?: T | null; errors?: GraphQLError[] };
  try {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.bearer(role) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(limitMs),
    });
    status = res.status;
    body = (await res.json()) as typeof body;
  } catch (err) {
    // Names, not `instanceof`: fetch's errors come from Node's realm, not the test's.
    const name = (err as Error | undefined)?.name;
    if (name === 'TimeoutError') return lost('HUNG');
    // fetch fails with a TypeError when the connection is refused or cut before the answer.
    if (name === 'TypeError') return lost('NO_ANSWER');
    throw err;
  }
  const error = body.errors?.[0];
  return {
    status,
    code: error ? (error.extensions?.code ?? 'NO_CODE') : null,
    message: error?.message ?? '',
    data: body.data ?? null,
    errors: body.errors ?? [],
    ms: Date.now() - t0,
  };
}

/** The variables of a fault spec's `registerTicket` (with a request ID when given). */
export const registration = (subject: string, requestId?: string) => ({
  input: {
    category: 'INCIDENT',
    subject,
    description: 'Prueba de fallas (issue 10).',
    ...(requestId ? { requestId } : {}),
  },
});

/** `registerTicket` as the demo client user; its answer (see {@link answer}). */
export function registerTicket(
  stack: FaultStack,
  subject: string,
  options: { apiUrl?: string; limitMs?: number; requestId?: string } = {},
): Promise<Answer<{ registerTicket: { number: string; state: string } }>> {
  return answer(stack, REGISTER, registration(subject, options.requestId), Role.CLIENT_USER, {
    limitMs: 20_000,
    ...options,
  });
}

/** `registerTicket` reduced to its error code (`null`: registered; `HUNG`: no answer in time). */
export async function tryRegisterTicket(
  stack: FaultStack,
  subject: string,
): Promise<string | null> {
  return (await registerTicket(stack, subject)).code;
}

/**
 * Registers one ticket per subject over GraphQL (each must succeed) and waits until every one is
 * projected with its triage clock started; returns their numbers.
 */
export async function registerProjectedTickets(
  stack: FaultStack,
  subjects: readonly string[],
): Promise<string[]> {
  const numbers: string[] = [];
  for (const subject of subjects) {
    const res = await registerTicket(stack, subject);
    if (!res.data) throw new Error(`registerTicket failed: ${res.code} ${res.message}`);
    numbers.push(res.data.registerTicket.number);
  }
  await waitFor('the registered tickets projected', async () =>
    (await ticketOutcomes(stack, numbers)).every((o) => o.timeline.CLOCK_STARTED === 1),
  );
  return numbers;
}

export const REQUEST_INFO = `mutation ($input: TicketActionInput!) {
  requestInformation(input: $input) { requestId seq ticket { number state } }
}`;

export const TICKET = `query ($number: String!) { ticket(number: $number) { number state slaStatus } }`;

export interface RequestInfoResult {
  requestInformation: { requestId: string; seq: number; ticket: { number: string; state: string } };
}

/**
 * After an outage: retries the agent's `requestInformation` (same request ID) until it goes
 * through, then once more; the second retry must answer from the first (compare their `seq`).
 */
export async function requestInformationAfterOutage(
  stack: FaultStack,
  input: { number: string; requestId: string; note: string },
): Promise<{
  applied: RequestInfoResult['requestInformation'];
  retried: Answer<RequestInfoResult>;
}> {
  const applied = await waitFor(
    'the transition to go through',
    async () =>
      (await answer<RequestInfoResult>(stack, REQUEST_INFO, { input }, Role.AGENT)).data
        ?.requestInformation,
    60_000,
    500,
  );
  const retried = await answer<RequestInfoResult>(stack, REQUEST_INFO, { input }, Role.AGENT);
  return { applied, retried };
}

/**
 * A ticket whose triage clock is nearly spent when it starts, so it warns and breaches within
 * the test (the timer-precision bench's approach: a real workflow with an absolute deadline).
 * What `registerTicket` does, with a past registration instant: the number and the read-model row
 * in one transaction, then the ticket workflow on the 24/7 calendar. Its triage clock breaches
 * `breachInMs` from now and is at risk `atRiskLeadMs` before that.
 */
export async function startShortClockTicket(
  stack: FaultStack,
  calendarId: string,
  subject: string,
  breachInMs: number,
  atRiskLeadMs: number,
): Promise<string> {
  const registeredAt = new Date(Date.now() + breachInMs - TRIAGE_MS);
  const registrant = stack.seed.credentials.find((c) => c.roles.includes(Role.CLIENT_USER));
  const [{ id: registrantId }] = await stack.db.query<{ id: string }[]>(
    'SELECT id FROM app_user WHERE email = $1',
    [registrant!.email],
  );
  const organizationId = stack.orgIds[CLIENT_ORG];
  const description = 'Reloj de triage casi agotado (prueba de fallas).';
  const ticket = await stack.db.transaction(async (tx) => {
    const { number, year, seq } = await allocateTicketNumber(tx, registeredAt.getUTCFullYear());
    return tx.getRepository(TicketEntity).save(
      tx.getRepository(TicketEntity).create({
        number,
        year,
        seq,
        workflowId: ticketWorkflowId(number),
        organizationId,
        registrantId,
        calendarId,
        category: 'INCIDENT',
        subject,
        description,
        state: 'REGISTERED',
        slaStatus: 'ok',
        details: {} as TicketEntity['details'],
        registeredAt,
        // Marked started in the same transaction: the API's start reconciler must not start this
        // backdated row first (without the short at-risk fraction); the start follows at once.
        workflowStartedAt: new Date(),
        lastEventSeq: 0,
        updatedAt: registeredAt,
      }),
    );
  });
  const input: TicketInput = {
    ticketNumber: ticket.number,
    clientOrgId: organizationId,
    calendarId,
    registrantId,
    category: 'INCIDENT',
    subject,
    description,
    registeredAt: registeredAt.toISOString(),
    atRiskFraction: 1 - atRiskLeadMs / TRIAGE_MS,
  };
  await stack.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
    taskQueue: stack.config.temporal.taskQueue,
    workflowId: ticketWorkflowId(ticket.number),
    args: [input],
  });
  return ticket.number;
}

/** Short-clock tickets started together (see {@link startShortClockTickets}). */
export interface ShortClocks {
  readonly numbers: string[];
  /** Each ticket's breach instant (epoch ms), in the order of `numbers`. */
  readonly deadlines: number[];
}

/**
 * `count` short-clock tickets (subjects `Reloj corto 1…count`) whose breaches fall evenly from
 * `firstMs` to `lastMs` from now, each warned `atRiskLeadMs` before.
 */
export async function startShortClockTickets(
  stack: FaultStack,
  calendarId: string,
  {
    count,
    firstMs,
    lastMs,
    atRiskLeadMs = 2_000,
    subject = 'Reloj corto',
  }: {
    count: number;
    firstMs: number;
    lastMs: number;
    atRiskLeadMs?: number;
    subject?: string;
  },
): Promise<ShortClocks> {
  const offsets = Array.from(
    { length: count },
    (_, i) => firstMs + Math.round(((lastMs - firstMs) * i) / (count - 1)),
  );
  const started = Date.now();
  const numbers = await Promise.all(
    offsets.map((ms, i) =>
      startShortClockTicket(stack, calendarId, `${subject} ${i + 1}`, ms, atRiskLeadMs),
    ),
  );
  return { numbers, deadlines: offsets.map((ms) => started + ms) };
}

/** Breaches recorded in `sla_event`, of the given tickets only. */
export async function countBreaches(
  stack: FaultStack,
  ticketNumbers: readonly string[],
): Promise<number> {
  const [{ n }] = await stack.db.query<{ n: string }[]>(
    `SELECT count(*) AS n FROM sla_event WHERE event = 'breached' AND ticket_key = ANY($1)`,
    [ticketNumbers],
  );
  return Number(n);
}

/** The triage clock ID of a ticket (the key SLA events are recorded once under). */
export const triageClockId = (ticketNumber: string): string => clockId(ticketNumber, 'triage', 1);

export interface TicketOutcome {
  readonly number: string;
  readonly state: string;
  readonly slaStatus: string;
  readonly triageStatus: string | null;
  /** `sla_event` rows by event (`at_risk`, `breached`). */
  readonly slaEvents: Record<string, number>;
  /** Timeline (event log) rows by type. */
  readonly timeline: Record<string, number>;
}

/** What the read model, the SLA event table and the event log say about each ticket. */
export async function ticketOutcomes(
  stack: FaultStack,
  numbers: readonly string[],
): Promise<TicketOutcome[]> {
  const tickets = await stack.db.query<{ number: string; state: string; sla_status: string }[]>(
    'SELECT number, state, sla_status FROM ticket WHERE number = ANY($1)',
    [numbers],
  );
  const clocks = await stack.db.query<{ ticket_number: string; status: string }[]>(
    `SELECT ticket_number, status FROM ticket_clock WHERE ticket_number = ANY($1) AND kind = 'triage'`,
    [numbers],
  );
  const events = await stack.db.query<{ ticket_key: string; event: string; n: string }[]>(
    `SELECT ticket_key, event, count(*) AS n FROM sla_event WHERE ticket_key = ANY($1)
     GROUP BY ticket_key, event`,
    [numbers],
  );
  const timeline = await stack.db.query<{ ticket_number: string; type: string; n: string }[]>(
    `SELECT ticket_number, type, count(*) AS n FROM ticket_event WHERE ticket_number = ANY($1)
     GROUP BY ticket_number, type`,
    [numbers],
  );
  return numbers.map((number) => {
    const t = tickets.find((r) => r.number === number);
    return {
      number,
      state: t?.state ?? 'MISSING',
      slaStatus: t?.sla_status ?? 'MISSING',
      triageStatus: clocks.find((c) => c.ticket_number === number)?.status ?? null,
      slaEvents: Object.fromEntries(
        events.filter((e) => e.ticket_key === number).map((e) => [e.event, Number(e.n)]),
      ),
      timeline: Object.fromEntries(
        timeline.filter((e) => e.ticket_number === number).map((e) => [e.type, Number(e.n)]),
      ),
    };
  });
}

/** The outcome a short-clock ticket must reach: warned once, breached once, nothing else. */
export function breachedOnce(number: string): TicketOutcome {
  return {
    number,
    state: 'REGISTERED',
    slaStatus: 'breached',
    triageStatus: 'BREACHED',
    slaEvents: { at_risk: 1, breached: 1 },
    timeline: { registered: 1, CLOCK_STARTED: 1, CLOCK_AT_RISK: 1, CLOCK_BREACHED: 1 },
  };
}

/** The outcome a just-registered ticket must reach: its triage clock running, no SLA event. */
export function registeredOnce(number: string): TicketOutcome {
  return {
    number,
    state: 'REGISTERED',
    slaStatus: 'ok',
    triageStatus: 'RUNNING',
    slaEvents: {},
    timeline: { registered: 1, CLOCK_STARTED: 1 },
  };
}

/**
 * Waits until the tickets of `expected` reach exactly those outcomes (a bounded wait, not a speed
 * assertion); on a timeout it fails with the difference and the worker's last output.
 */
export async function expectOutcomes(
  stack: FaultStack,
  expected: readonly TicketOutcome[],
  worker: WorkerProcess | null,
  timeoutMs = 120_000,
): Promise<void> {
  const numbers = expected.map((o) => o.number);
  await waitFor(
    'every ticket in its expected state',
    async () => isDeepStrictEqual(await ticketOutcomes(stack, numbers), expected),
    timeoutMs,
    250,
  ).catch(async (err: Error) => {
    // Show the difference (and the worker's last words) instead of a bare timeout.
    expect(await ticketOutcomes(stack, numbers)).toEqual(expected);
    throw new Error(`${err.message}\n${worker?.output() ?? ''}`);
  });
}

/**
 * Tickets whose event log is not exactly sequences 1…n with the read model at n (an event lost,
 * duplicated, or a read model behind its log). Empty when every log is whole.
 */
export async function brokenEventLogs(
  stack: FaultStack,
  numbers: readonly string[],
): Promise<{ number: string; seqs: number[]; lastEventSeq: number }[]> {
  const rows = await stack.db.query<{ number: string; seqs: number[]; last_event_seq: number }[]>(
    `SELECT t.number, t.last_event_seq,
            coalesce(array_agg(e.seq ORDER BY e.seq) FILTER (WHERE e.seq IS NOT NULL), '{}') AS seqs
       FROM ticket t LEFT JOIN ticket_event e ON e.ticket_number = t.number
      WHERE t.number = ANY($1)
      GROUP BY t.number, t.last_event_seq`,
    [numbers],
  );
  return rows
    .filter(
      (r) =>
        r.seqs.length === 0 ||
        r.seqs.some((seq, i) => seq !== i + 1) ||
        r.seqs[r.seqs.length - 1] !== r.last_event_seq,
    )
    .map((r) => ({ number: r.number, seqs: r.seqs, lastEventSeq: r.last_event_seq }));
}

interface OutboxRow {
  id: string;
  event_key: string;
  event_type: string;
  ticket_number: string | null;
  recipient_address: string;
  status: string;
  attempts: number;
  message_id: string;
}

export function outbox(stack: FaultStack): Promise<OutboxRow[]> {
  return stack.db.query<OutboxRow[]>(
    `SELECT id, event_key, event_type, ticket_number, recipient_address, status, attempts, message_id
       FROM email_outbox ORDER BY created_at, id`,
  );
}

export interface MailCheck {
  readonly rows: OutboxRow[];
  /** Outbox rows per (event, recipient); 1 everywhere when no email was queued twice. */
  readonly queuedPerEventAndRecipient: number[];
  /** Message-IDs of outbox rows the catcher never received. */
  readonly missing: string[];
  /** Message-IDs received more than once whose row was not retried (a real duplicate). */
  readonly duplicatedWithoutRetry: string[];
  /** Received messages whose Message-ID is no outbox row's. */
  readonly unknown: string[];
}

/**
 * Every email once: each outbox row SENT, one row per event and recipient, every row's Message-ID
 * received, and a Message-ID received twice only when its row was retried (a resend after a crash
 * mid-send carries the same Message-ID, L3-11).
 */
export async function mailCheck(stack: FaultStack): Promise<MailCheck> {
  const rows = await outbox(stack);
  const received = (await stack.mail()).map((m) => m.messageId ?? '');
  const counts = new Map<string, number>();
  for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
  const perKey = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.event_key}|${r.recipient_address}`;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const ids = new Set(rows.map((r) => r.message_id));
  return {
    rows,
    queuedPerEventAndRecipient: [...new Set(perKey.values())],
    missing: rows.filter((r) => !counts.has(r.message_id)).map((r) => r.message_id),
    duplicatedWithoutRetry: rows
      .filter((r) => (counts.get(r.message_id) ?? 0) > 1 && r.attempts < 2)
      .map((r) => r.message_id),
    unknown: received.filter((id) => !ids.has(id)),
  };
}

/**
 * Every outbox row once every ticket's logged events have their emails queued (TicketEmailRelay,
 * L3-11) and every row is SENT; null until then.
 */
export async function allMailSent(stack: FaultStack): Promise<OutboxRow[] | null> {
  const [{ behind }] = await stack.db.query<{ behind: number }[]>(
    `SELECT count(*)::int AS behind FROM ticket WHERE ${EMAILS_BEHIND}`,
  );
  if (behind > 0) return null;
  const rows = await outbox(stack);
  return rows.length > 0 && rows.every((r) => r.status === 'SENT') ? rows : null;
}

/**
 * Waits until every outbox row is SENT, then checks each email went once (see {@link mailCheck}).
 */
export async function expectEachEmailOnce(
  stack: FaultStack,
  timeoutMs = 90_000,
): Promise<MailCheck> {
  await waitFor('every email SENT', () => allMailSent(stack), timeoutMs, 250);
  const mail = await mailCheck(stack);
  expect(mail.queuedPerEventAndRecipient).toEqual([1]);
  expect(mail.missing).toEqual([]);
  expect(mail.duplicatedWithoutRetry).toEqual([]);
  expect(mail.unknown).toEqual([]);
  return mail;
}

/**
 * The latest a breach was recorded after its deadline (`recorded_at − deadline`), in ms: of the
 * given tickets, or of every ticket.
 */
export async function maxBreachLatenessMs(
  stack: FaultStack,
  ticketNumbers?: readonly string[],
): Promise<number> {
  const [row] = await stack.db.query<{ ms: string }[]>(
    `SELECT extract(epoch FROM max(recorded_at - deadline)) * 1000 AS ms
       FROM sla_event WHERE event = 'breached' AND ($1::text[] IS NULL OR ticket_key = ANY($1))`,
    [ticketNumbers ?? null],
  );
  return Math.round(Number(row.ms));
}

/**
 * Appends one measured figure of a fault run to `test-results/fault-figures.jsonl` (git-ignored),
 * which docs/RELIABILITY.md quotes. A record, never an assertion.
 */
export function recordFigure(spec: string, metric: string, value: number, unit: string): void {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    join(dir, 'fault-figures.jsonl'),
    `${JSON.stringify({ at: new Date().toISOString(), spec, metric, value, unit })}\n`,
  );
}
