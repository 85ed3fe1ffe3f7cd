import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../src/identity/role.enum';
import { TicketEntity } from '../../src/tickets/ticket.entity';
import { allocateTicketNumber } from '../../src/tickets/ticket-number';
import {
  clockId,
  type TicketInput,
  ticketWorkflowId,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import type { FaultStack } from './fault-stack';
import { ROOT } from './paths';

// Tickets for the fault specs, and the exactly-once checks every fault spec ends with.

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

/** `registerTicket` through GraphQL as the demo client user; the HTTP answer as it came. */
export function registerTicket(stack: FaultStack, subject: string) {
  return stack.gql<{ registerTicket: { number: string; state: string } }>(
    REGISTER,
    { input: { category: 'INCIDENT', subject, description: 'Prueba de fallas (issue 10).' } },
    Role.CLIENT_USER,
  );
}

/**
 * `registerTicket` as the client user, reduced to its error code (`null`: registered). An answer
 * that takes longer than `limitMs` is `HUNG`: the API must answer, with a ticket or a typed error.
 */
export async function tryRegisterTicket(
  stack: FaultStack,
  subject: string,
  limitMs = 20_000,
): Promise<string | null> {
  try {
    const res = await fetch(`${stack.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...stack.bearer(Role.CLIENT_USER) },
      body: JSON.stringify({
        query: REGISTER,
        variables: {
          input: { category: 'INCIDENT', subject, description: 'Prueba de fallas (issue 10).' },
        },
      }),
      signal: AbortSignal.timeout(limitMs),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    return body.errors ? (body.errors[0].extensions?.code ?? 'NO_CODE') : null;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') return 'HUNG';
    throw err;
  }
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

/** Waits until every outbox row is SENT (or fails with the rows that are not). */
export async function allMailSent(stack: FaultStack): Promise<OutboxRow[] | null> {
  const rows = await outbox(stack);
  return rows.length > 0 && rows.every((r) => r.status === 'SENT') ? rows : null;
}

/** The latest any breach was recorded after its deadline (`recorded_at − deadline`), in ms. */
export async function maxBreachLatenessMs(stack: FaultStack): Promise<number> {
  const [row] = await stack.db.query<{ ms: string }[]>(
    `SELECT extract(epoch FROM max(recorded_at - deadline)) * 1000 AS ms
       FROM sla_event WHERE event = 'breached'`,
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
