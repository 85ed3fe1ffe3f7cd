import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLField } from 'graphql';
import { schemaFilePath } from '../../src/api/graphql-options';
import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { useWorldWithWorker } from '../support/world-with-worker';
import { databaseFingerprint, waitForQuiet } from '../support/database-fingerprint';
import { AURORA_ORG } from '../support/demo-contract';

// Issue 5 item 8: every mutation of schema.graphql, called by a role allowed to call it, with
// invalid arguments (empty, blank or oversized strings, wrong enums, bad dates, negative hours,
// unknown IDs, wrong types, missing arguments) answers a typed code and changes nothing: the whole
// database is fingerprinted before and after every case. The mutations are enumerated from the
// committed schema, so a new mutation without cases here fails the first test.

const SCHEMA = buildSchema(readFileSync(schemaFilePath(), 'utf8'));
const MUTATIONS = SCHEMA.getMutationType()!.getFields();

const OWN = AURORA_ORG;
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_TICKET = 'L3-1999-999999';
const HUGE = 'x'.repeat(100_001);
const BLANK = ' \n\t ';
const PAST = '2020-01-06T16:00:00.000Z';

type Vars = Record<string, unknown>;
interface Case {
  readonly label: string;
  readonly role: Role;
  readonly vars: Vars;
  /** The typed code expected (one of, when several layers may answer first). */
  readonly codes: readonly string[];
}

/** Tickets in the states the transitions leave from, and other IDs the cases refer to. */
interface Fixtures {
  readonly registered: string;
  readonly infoRequested: string;
  /** L3-06: a remote session proposed (proposal 1, unanswered). */
  readonly remoteSession: string;
  readonly analysis: string;
  readonly waiting: string;
  readonly resolved: string;
  readonly diagnosis: string;
  readonly estimated: string;
  readonly scheduling: string;
  readonly dateSet: string;
  readonly development: string;
  /** L3-12: in development with change order v2 (+1 h) pending. */
  readonly changeOrder: string;
  readonly released: string;
  readonly adminAction: string;
  readonly ownOrg: string;
  readonly providerOrg: string;
  readonly calendarId: string;
  readonly clientUserId: string;
  readonly ledgerEntryId: string;
  /** Canned responses titled «Saludo» and «Despedida». */
  readonly cannedResponseId: string;
  readonly otherCannedResponseId: string;
}

const EXPECTED_STATES: Partial<Record<keyof Fixtures, string>> = {
  registered: 'REGISTERED',
  infoRequested: 'INFO_REQUESTED',
  remoteSession: 'REMOTE_SESSION_PROPOSED',
  analysis: 'IN_ANALYSIS',
  waiting: 'WAITING_ON_CLIENT',
  resolved: 'RESOLVED',
  diagnosis: 'IN_DIAGNOSIS',
  estimated: 'ESTIMATE_SUBMITTED',
  scheduling: 'SCHEDULING',
  dateSet: 'RELEASE_DATE_SET',
  development: 'IN_DEVELOPMENT',
  changeOrder: 'IN_DEVELOPMENT',
  released: 'RELEASED_FOR_TESTING',
  adminAction: 'REGISTERED',
};

const V = 'VALIDATION_FAILED';
const c = (label: string, role: Role, vars: Vars, ...codes: string[]): Case => ({
  label,
  role,
  vars,
  codes: codes.length ? codes : [V],
});

/** Invalid ticket references and base fields every ticket transition input shares. */
function ticketBase(role: Role, number: string, extra: Vars = {}): Case[] {
  const input = (fields: Vars) => ({ input: { number, ...extra, ...fields } });
  return [
    c('missing input', role, {}),
    c('malformed number', role, input({ number: 'L3-26-1' })),
    c('number of wrong type', role, input({ number: 2026 })),
    c('unknown ticket', role, input({ number: UNKNOWN_TICKET }), 'NOT_FOUND'),
    c('oversized note', role, input({ note: HUGE })),
    c('short requestId', role, input({ requestId: 'abc' })),
    c('oversized requestId', role, input({ requestId: 'r'.repeat(101) })),
    c('unknown input field', role, input({ bogus: true })),
  ];
}
/** A transition whose note is required (the workflow refuses a blank one). */
const noteRequired = (role: Role, number: string): Case[] => [
  ...ticketBase(role, number),
  c('no note', role, { input: { number } }),
  c('blank note', role, { input: { number, note: BLANK } }),
];

const CASES: Record<string, (f: Fixtures) => Case[]> = {
  // ---- tickets (L3-04…L3-17) ----
  registerTicket: () => {
    const ok = { category: 'INCIDENT', subject: 'Factura', description: 'No timbra.' };
    const r = Role.CLIENT_USER;
    return [
      c('missing input', r, {}),
      c('wrong category', r, { input: { ...ok, category: 'URGENT' } }),
      c('category in lower case', r, { input: { ...ok, category: 'incident' } }),
      c('short subject', r, { input: { ...ok, subject: 'ab' } }),
      c('blank subject', r, { input: { ...ok, subject: '       ' } }),
      c('oversized subject', r, { input: { ...ok, subject: 's'.repeat(201) } }),
      c('empty description', r, { input: { ...ok, description: '' } }),
      c('blank description', r, { input: { ...ok, description: BLANK } }),
      c('oversized description', r, { input: { ...ok, description: HUGE } }),
      c('subject of wrong type', r, { input: { ...ok, subject: ['a', 'b', 'c'] } }),
      // L3-11: the files to follow, 0 to ATTACHMENT_MAX_PER_TICKET (20 by default).
      c('negative attachmentsToFollow', r, { input: { ...ok, attachmentsToFollow: -1 } }),
      c('attachmentsToFollow over the limit', r, { input: { ...ok, attachmentsToFollow: 21 } }),
      c('fractional attachmentsToFollow', r, { input: { ...ok, attachmentsToFollow: 1.5 } }),
    ];
  },
  addComment: (f) => {
    const r = Role.AGENT;
    return [
      c('missing body', r, { number: f.registered }),
      c('empty body', r, { number: f.registered, body: '' }),
      c('blank body', r, { number: f.registered, body: BLANK }),
      c('oversized body', r, { number: f.registered, body: 'b'.repeat(10_001) }),
      c('malformed number', r, { number: 'ticket-1', body: 'hola' }),
      c('unknown ticket', r, { number: UNKNOWN_TICKET, body: 'hola' }, 'NOT_FOUND'),
      c('internal not a boolean', r, { number: f.registered, body: 'hola', internal: 'yes' }),
      c('short requestId', r, { number: f.registered, body: 'hola', requestId: 'x' }),
      c(
        'client internal note',
        Role.CLIENT_USER,
        {
          number: f.registered,
          body: 'nota',
          internal: true,
        },
        'FORBIDDEN',
      ),
    ];
  },
  // L3-11 (S19): participants are active client users of the ticket's organization; an unknown
  // id and a non-user read alike (no existence leak); a client names only themselves.
  addTicketParticipant: (f) => participantCases(f),
  removeTicketParticipant: (f) => participantCases(f),
  requestInformation: (f) => noteRequired(Role.AGENT, f.registered),
  proposeRemoteSession: (f) => {
    const r = Role.AGENT;
    const n = f.registered;
    return [
      ...ticketBase(r, n, { at: '2099-01-05T16:00:00.000Z' }),
      c('missing date', r, { input: { number: n } }),
      c('not a date', r, { input: { number: n, at: 'next tuesday' } }),
      c('impossible date', r, { input: { number: n, at: '2026-02-30T10:00:00Z' } }),
      c('date in the past', r, { input: { number: n, at: PAST } }),
      c('date as a number', r, { input: { number: n, at: 1_700_000_000 } }),
      // L3-06: at most 90 days ahead, inside the business hours of the ticket's calendar.
      c('more than 90 days ahead', r, { input: { number: n, at: mexicoCity(95, 2, 10) } }),
      c('on a Sunday at 10:00', r, { input: { number: n, at: mexicoCity(1, 0, 10) } }),
      c('on a Tuesday at 03:00', r, { input: { number: n, at: mexicoCity(1, 2, 3) } }),
      c('at closing time', r, { input: { number: n, at: mexicoCity(1, 3, 18) } }),
      // L3-06: the meeting link is https only; the duration 15–240 whole minutes.
      ...[
        ['http link', { link: 'http://meet.example.com/abc' }],
        ['link without a scheme', { link: 'meet.example.com/abc' }],
        ['javascript link', { link: 'javascript:alert(1)' }],
        ['oversized link', { link: `https://meet.example.com/${'a'.repeat(2_001)}` }],
        ['duration under 15', { durationMinutes: 10 }],
        ['duration over 240', { durationMinutes: 241 }],
        ['fractional duration', { durationMinutes: 30.5 }],
        ['duration as text', { durationMinutes: 'una hora' }],
      ].map(([label, fields]) =>
        c(label as string, r, {
          input: { number: n, at: insideBusinessTime(), ...(fields as Vars) },
        }),
      ),
    ];
  },
  provideInformation: (f) => noteRequired(Role.CLIENT_USER, f.infoRequested),
  // L3-06: the client answers the current proposal (1); a replaced one is INVALID_TRANSITION.
  acceptRemoteSession: (f) => {
    const r = Role.CLIENT_USER;
    const n = f.remoteSession;
    return [
      ...ticketBase(r, n, { proposal: 1 }),
      c('missing proposal', r, { input: { number: n } }),
      c('proposal 0', r, { input: { number: n, proposal: 0 } }),
      c('proposal as text', r, { input: { number: n, proposal: 'uno' } }),
      c('stale proposal', r, { input: { number: n, proposal: 2 } }, 'INVALID_TRANSITION'),
      c('staff answer', Role.AGENT, { input: { number: n, proposal: 1 } }, 'FORBIDDEN'),
    ];
  },
  declineRemoteSession: (f) => {
    const r = Role.CLIENT_USER;
    const n = f.remoteSession;
    const ok = { number: n, proposal: 1, reason: 'Ese día no podemos.' };
    return [
      ...ticketBase(r, n, { proposal: 1, reason: 'Ese día no podemos.' }),
      c('missing reason', r, { input: { number: n, proposal: 1 } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, reason: 'r'.repeat(5_001) } }),
      c('suggested time not a date', r, { input: { ...ok, suggestedAt: 'el martes' } }),
      c('suggested time in the past', r, { input: { ...ok, suggestedAt: PAST } }),
      c('suggested time over 90 days ahead', r, {
        input: { ...ok, suggestedAt: mexicoCity(95, 2, 10) },
      }),
      c('stale proposal', r, { input: { ...ok, proposal: 2 } }, 'INVALID_TRANSITION'),
    ];
  },
  // QA S62 (L3-06): staff withdraw the current proposal; none pending is INVALID_TRANSITION.
  withdrawRemoteSession: (f) => {
    const r = Role.AGENT;
    const n = f.remoteSession;
    return [
      ...ticketBase(r, n, { proposal: 1 }),
      c('missing proposal', r, { input: { number: n } }),
      c('proposal 0', r, { input: { number: n, proposal: 0 } }),
      c('stale proposal', r, { input: { number: n, proposal: 2 } }, 'INVALID_TRANSITION'),
      c('client withdraws', Role.CLIENT_USER, { input: { number: n, proposal: 1 } }, 'FORBIDDEN'),
      c(
        'no session pending',
        r,
        { input: { number: f.registered, proposal: 1 } },
        'INVALID_TRANSITION',
      ),
    ];
  },
  classifyTicket: (f) => {
    const r = Role.AGENT;
    const n = f.registered;
    const req = { classification: 'REQUIREMENT', requirementKind: 'CHANGE' };
    return [
      ...ticketBase(r, n, req),
      c('wrong classification', r, { input: { number: n, classification: 'BUG' } }),
      c('wrong requirement kind', r, { input: { number: n, ...req, requirementKind: 'HUGE' } }),
      c('requirement without a kind', r, { input: { number: n, classification: 'REQUIREMENT' } }),
      c('agentId not a UUID', r, {
        input: { number: n, classification: 'PROBLEM', agentId: 'agent-1' },
      }),
      c('unknown agent', r, {
        input: { number: n, classification: 'PROBLEM', agentId: UNKNOWN_UUID },
      }),
      c('a client user as the agent', r, {
        input: { number: n, classification: 'PROBLEM', agentId: f.clientUserId },
      }),
    ];
  },
  addProgressUpdate: (f) => noteRequired(Role.AGENT, f.analysis),
  waitOnClient: (f) => noteRequired(Role.AGENT, f.analysis),
  replyToTicket: (f) => noteRequired(Role.CLIENT_USER, f.waiting),
  // L3-06/L3-07/L3-11: staff record the client's answer; a note and a known channel are required.
  recordClientAnswer: (f) => {
    const r = Role.AGENT;
    const n = f.waiting;
    return [
      ...ticketBase(r, n, { channel: 'PHONE', note: 'Respondió por teléfono.' }),
      c('no note', r, { input: { number: n, channel: 'PHONE' } }),
      c('blank note', r, { input: { number: n, channel: 'PHONE', note: BLANK } }),
      c('empty note', r, { input: { number: n, channel: 'PHONE', note: '' } }),
      c('no channel', r, { input: { number: n, note: 'Por teléfono.' } }),
      c('unknown channel', r, { input: { number: n, note: 'Hola', channel: 'TELEGRAM' } }),
      c('channel in lower case', r, { input: { number: n, note: 'Hola', channel: 'phone' } }),
    ];
  },
  resolveTicket: (f) => noteRequired(Role.AGENT, f.analysis),
  confirmResolution: (f) => ticketBase(Role.CLIENT_USER, f.resolved),
  reopenTicket: (f) => noteRequired(Role.CLIENT_USER, f.resolved),
  declareOutOfScope: (f) => noteRequired(Role.AGENT, f.analysis),
  declareNotFeasible: (f) => {
    const r = Role.AGENT;
    const n = f.diagnosis;
    return [
      ...ticketBase(r, n, { reasons: ['Sin acceso'] }),
      c('no reasons', r, { input: { number: n, reasons: [] } }),
      c('blank reason', r, { input: { number: n, reasons: [BLANK] } }),
      c('oversized reason', r, { input: { number: n, reasons: ['r'.repeat(2_001)] } }),
      c('too many reasons', r, { input: { number: n, reasons: Array(21).fill('r') } }),
      c('reasons not a list of strings', r, { input: { number: n, reasons: [1, 2] } }),
    ];
  },
  submitEstimate: (f) => {
    const r = Role.AGENT;
    const n = f.diagnosis;
    const ok = { hours: 4, scope: 'Reporte' };
    return [
      ...ticketBase(r, n, ok),
      c('zero hours', r, { input: { number: n, ...ok, hours: 0 } }),
      c('negative hours', r, { input: { number: n, ...ok, hours: -3 } }),
      c('too many hours', r, { input: { number: n, ...ok, hours: 10_001 } }),
      c('three decimals', r, { input: { number: n, ...ok, hours: 1.125 } }),
      c('hours as text', r, { input: { number: n, ...ok, hours: 'four' } }),
      c('empty scope', r, { input: { number: n, ...ok, scope: '' } }),
      c('blank scope', r, { input: { number: n, ...ok, scope: BLANK } }),
      c('oversized scope', r, { input: { number: n, ...ok, scope: HUGE } }),
    ];
  },
  authorizeEstimate: (f) => {
    const r = Role.CLIENT_APPROVER;
    const n = f.estimated;
    const ok = { estimateVersion: 1, statement: 'Autorizo la estimación v1.' };
    return [
      ...ticketBase(r, n, ok),
      c('version 0', r, { input: { number: n, ...ok, estimateVersion: 0 } }),
      c('negative version', r, { input: { number: n, ...ok, estimateVersion: -1 } }),
      c('fractional version', r, { input: { number: n, ...ok, estimateVersion: 1.5 } }),
      c(
        'not the current version',
        r,
        { input: { number: n, ...ok, estimateVersion: 7 } },
        'INVALID_TRANSITION',
      ),
      c('short statement', r, { input: { number: n, ...ok, statement: 'OK' } }),
      c('blank statement', r, { input: { number: n, ...ok, statement: ' '.repeat(12) } }),
      c('oversized statement', r, { input: { number: n, ...ok, statement: HUGE } }),
    ];
  },
  rejectEstimate: (f) => estimateFeedback(Role.CLIENT_APPROVER, f.estimated),
  // L3-12 change orders.
  submitChangeOrder: (f) => {
    const r = Role.AGENT;
    const n = f.development;
    const ok = { additionalHours: 2, scope: 'Filtro por sucursal' };
    return [
      ...ticketBase(r, n, ok),
      c('zero hours', r, { input: { number: n, ...ok, additionalHours: 0 } }),
      c('negative hours', r, { input: { number: n, ...ok, additionalHours: -1 } }),
      c('too many hours', r, { input: { number: n, ...ok, additionalHours: 10_001 } }),
      c('three decimals', r, { input: { number: n, ...ok, additionalHours: 1.125 } }),
      c('hours as text', r, { input: { number: n, ...ok, additionalHours: 'dos' } }),
      c('missing scope', r, { input: { number: n, additionalHours: 2 } }),
      c('blank scope', r, { input: { number: n, ...ok, scope: BLANK } }),
      c('oversized scope', r, { input: { number: n, ...ok, scope: HUGE } }),
      c('before authorization', r, { input: { number: f.diagnosis, ...ok } }, 'INVALID_TRANSITION'),
      c(
        'one pending already',
        r,
        { input: { number: f.changeOrder, ...ok } },
        'INVALID_TRANSITION',
      ),
    ];
  },
  authorizeChangeOrder: (f) => {
    const r = Role.CLIENT_APPROVER;
    const n = f.changeOrder;
    const ok = { estimateVersion: 2, statement: 'Autorizo la orden de cambio v2.' };
    return [
      ...ticketBase(r, n, ok),
      c('version 0', r, { input: { number: n, ...ok, estimateVersion: 0 } }),
      c(
        'the authorized estimate',
        r,
        { input: { number: n, ...ok, estimateVersion: 1 } },
        'INVALID_TRANSITION',
      ),
      c('nothing pending', r, { input: { number: f.development, ...ok } }, 'INVALID_TRANSITION'),
      c('short statement', r, { input: { number: n, ...ok, statement: 'OK' } }),
      c('blank statement', r, { input: { number: n, ...ok, statement: ' '.repeat(12) } }),
      c('oversized statement', r, { input: { number: n, ...ok, statement: HUGE } }),
    ];
  },
  rejectChangeOrder: (f) => {
    const r = Role.CLIENT_APPROVER;
    const n = f.changeOrder;
    const ok = { estimateVersion: 2, reason: 'No hace falta' };
    return [
      ...ticketBase(r, n, ok),
      c('version as text', r, { input: { number: n, ...ok, estimateVersion: 'dos' } }),
      c(
        'not the pending version',
        r,
        { input: { number: n, ...ok, estimateVersion: 1 } },
        'INVALID_TRANSITION',
      ),
      c('empty reason', r, { input: { number: n, ...ok, reason: '' } }),
      c('blank reason', r, { input: { number: n, ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { number: n, ...ok, reason: HUGE } }),
    ];
  },
  requestReestimate: (f) => estimateFeedback(Role.CLIENT_USER, f.estimated),
  setReleaseDate: (f) => {
    const r = Role.AGENT;
    const n = f.scheduling;
    return [
      ...ticketBase(r, n, { releaseDate: '2099-01-05T16:00:00.000Z' }),
      c('missing date', r, { input: { number: n } }),
      c('not a date', r, { input: { number: n, releaseDate: 'pronto' } }),
      c('date in the past', r, { input: { number: n, releaseDate: PAST } }),
      // A Sunday at 10:00 in Mexico City: in the future, outside business time.
      c('outside business time', r, { input: { number: n, releaseDate: mexicoCity(1, 0, 10) } }),
      // L3-09: at most one year ahead (the QA finding: 9 Dec 2126), even on a business instant.
      c('a century ahead', r, { input: { number: n, releaseDate: '2126-12-09T17:00:00.000Z' } }),
      c('13 months ahead', r, { input: { number: n, releaseDate: mexicoCity(396, 3, 12) } }),
    ];
  },
  // L3-07: only an active provider AGENT takes a ticket; the refusal changes nothing.
  reassignTicket: (f) => {
    const r = Role.MANAGER;
    const n = f.analysis;
    return [
      ...ticketBase(r, n, { agentId: UNKNOWN_UUID }),
      c('missing agent', r, { input: { number: n } }),
      c('agentId not a UUID', r, { input: { number: n, agentId: 'agent-1' } }),
      c('unknown agent', r, { input: { number: n, agentId: UNKNOWN_UUID } }),
      c('a client user as the agent', r, { input: { number: n, agentId: f.clientUserId } }),
    ];
  },
  // L3-07: every open ticket of one agent to another active agent; a refusal moves none.
  reassignOpenTickets: (f) => {
    const r = Role.MANAGER;
    return [
      c('missing arguments', r, {}),
      c('missing target', r, { fromUserId: f.clientUserId }),
      c('fromUserId not a UUID', r, { fromUserId: 'u-1', toUserId: UNKNOWN_UUID }),
      c('toUserId not a UUID', r, { fromUserId: f.clientUserId, toUserId: 'agent-1' }),
      c('oversized note', r, { fromUserId: f.clientUserId, toUserId: UNKNOWN_UUID, note: HUGE }),
      c('unknown user', r, { fromUserId: UNKNOWN_UUID, toUserId: f.clientUserId }, 'NOT_FOUND'),
      c('unknown target', r, { fromUserId: f.clientUserId, toUserId: UNKNOWN_UUID }, 'NOT_FOUND'),
      c('the same user', r, { fromUserId: f.clientUserId, toUserId: f.clientUserId }),
      // A batch is 1 to 100 tickets, after a ticket number (the previous batch's nextAfter).
      c('batch of 0', r, { fromUserId: f.clientUserId, toUserId: UNKNOWN_UUID, first: 0 }),
      c('batch of 101', r, { fromUserId: f.clientUserId, toUserId: UNKNOWN_UUID, first: 101 }),
      c('batch not an integer', r, {
        fromUserId: f.clientUserId,
        toUserId: UNKNOWN_UUID,
        first: 2.5,
      }),
      c('after not a number', r, {
        fromUserId: f.clientUserId,
        toUserId: UNKNOWN_UUID,
        after: 'L3-26-1',
      }),
    ];
  },
  adjustReleaseDate: (f) => {
    const r = Role.AGENT;
    const n = f.dateSet;
    const ok = { newDate: '2099-01-05T16:00:00.000Z', reason: 'Prioridad del cliente' };
    return [
      c('missing input', r, {}),
      c('malformed number', r, { input: { ...ok, number: 'L3-26-1' } }),
      c('unknown ticket', r, { input: { ...ok, number: UNKNOWN_TICKET } }, 'NOT_FOUND'),
      c('short requestId', r, { input: { ...ok, number: n, requestId: 'abc' } }),
      c('not a date', r, { input: { ...ok, number: n, newDate: 'mañana' } }),
      c('date in the past', r, { input: { ...ok, number: n, newDate: PAST } }),
      // L3-19/L3-09: a moved date is still at most one year ahead.
      c('a century ahead', r, {
        input: { ...ok, number: n, newDate: '2126-12-09T17:00:00.000Z' },
      }),
      c('13 months ahead', r, { input: { ...ok, number: n, newDate: mexicoCity(396, 3, 12) } }),
      c('empty reason', r, { input: { ...ok, number: n, reason: '' } }),
      c('blank reason', r, { input: { ...ok, number: n, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, number: n, reason: HUGE } }),
    ];
  },
  startDevelopment: (f) => ticketBase(Role.AGENT, f.dateSet),
  releaseForTesting: (f) => ticketBase(Role.AGENT, f.development),
  acceptDelivery: (f) => ticketBase(Role.CLIENT_USER, f.released),
  reportFailures: (f) => noteRequired(Role.CLIENT_USER, f.released),
  recordAdminAction: (f) => {
    const r = Role.AGENT;
    const n = f.adminAction;
    const ok = { action: 'BACKUP', details: 'respaldo-diario' };
    return [
      ...ticketBase(r, n, ok),
      c('wrong action', r, { input: { number: n, ...ok, action: 'DROP_DATABASE' } }),
      c('empty details', r, { input: { number: n, ...ok, details: '' } }),
      c('blank details', r, { input: { number: n, ...ok, details: BLANK } }),
      c('oversized details', r, { input: { number: n, ...ok, details: HUGE } }),
      c('executed in the future', r, {
        input: { number: n, ...ok, executedAt: '2099-01-05T16:00:00Z' },
      }),
      c('executed before registration', r, { input: { number: n, ...ok, executedAt: PAST } }),
      c('executedAt not a date', r, { input: { number: n, ...ok, executedAt: 'ayer' } }),
    ];
  },
  closeAdminAction: (f) => ticketBase(Role.AGENT, f.adminAction),
  cancelTicket: (f) => noteRequired(Role.CLIENT_USER, f.registered),
  logTicketTime: (f) => {
    const r = Role.AGENT;
    const n = f.scheduling;
    const ok = { number: n, date: '2026-03-02', hours: 1, description: 'Análisis' };
    return [
      c('missing input', r, {}),
      c('malformed number', r, { input: { ...ok, number: 'L3' } }),
      c('unknown ticket', r, { input: { ...ok, number: UNKNOWN_TICKET } }, 'NOT_FOUND'),
      c('impossible date', r, { input: { ...ok, date: '2026-02-30' } }),
      c('date with time', r, { input: { ...ok, date: '2026-03-02T10:00:00Z' } }),
      c('zero hours', r, { input: { ...ok, hours: 0 } }),
      c('negative hours', r, { input: { ...ok, hours: -2 } }),
      c('more than a day', r, { input: { ...ok, hours: 25 } }),
      c('blank description', r, { input: { ...ok, description: BLANK } }),
      c('oversized description', r, { input: { ...ok, description: HUGE } }),
      c('short requestId', r, { input: { ...ok, requestId: 'abc' } }),
    ];
  },
  reverseTicketTimeEntry: (f) => {
    const r = Role.AGENT;
    const ok = { number: f.scheduling, timeEntryId: '999999999', reason: 'Capturado por error' };
    return [
      c('missing input', r, {}),
      c('malformed number', r, { input: { ...ok, number: 'L3' } }),
      c('unknown ticket', r, { input: { ...ok, number: UNKNOWN_TICKET } }, 'NOT_FOUND'),
      c('entry not a number', r, { input: { ...ok, timeEntryId: 'abc' } }),
      c('negative entry', r, { input: { ...ok, timeEntryId: '-1' } }),
      c('no such entry on the ticket', r, { input: ok }, 'NOT_FOUND'),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, reason: HUGE } }),
      c('short requestId', r, { input: { ...ok, requestId: 'abc' } }),
    ];
  },

  // ---- contracts and hours (L3-03, L3-12, L3-13, L3-16, L3-18) ----
  purchaseHourPackage: (f) => {
    const r = Role.ADMIN;
    const ok = {
      organizationId: f.ownOrg,
      hours: 10,
      purchasedOn: '2026-03-02',
      reference: 'F-1',
      price: 1000,
    };
    return [
      c('missing input', r, {}),
      c('organization not a UUID', r, { input: { ...ok, organizationId: 'aurora' } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
      c(
        'the provider itself',
        r,
        { input: { ...ok, organizationId: f.providerOrg } },
        V,
        'NOT_FOUND',
      ),
      c('zero hours', r, { input: { ...ok, hours: 0 } }),
      c('negative hours', r, { input: { ...ok, hours: -10 } }),
      c('three decimals', r, { input: { ...ok, hours: 1.001 } }),
      c('negative price', r, { input: { ...ok, price: -1 } }),
      c('impossible date', r, { input: { ...ok, purchasedOn: '2026-02-30' } }),
      // L3-12/L3-13: a package counts from its purchase; a date after today is refused.
      c('dated 2030-01-01', r, { input: { ...ok, purchasedOn: '2030-01-01' } }),
      c('dated two days ahead', r, {
        input: {
          ...ok,
          purchasedOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        },
      }),
      c('blank reference', r, { input: { ...ok, reference: BLANK } }),
      c('oversized reference', r, { input: { ...ok, reference: HUGE } }),
      c('lower-case currency', r, { input: { ...ok, currency: 'mxn' } }),
      // L3-13 (QA S17): three capitals that are no ISO 4217 code (a typo of MXN).
      c('unknown currency MNX', r, { input: { ...ok, currency: 'MNX' } }),
      c('empty idempotency key', r, { input: { ...ok, idempotencyKey: '' } }),
    ];
  },
  adjustHours: (f) => {
    const r = Role.ADMIN;
    const ok = { organizationId: f.ownOrg, hours: 1, reason: 'Corrección' };
    return [
      c('missing input', r, {}),
      c('zero hours', r, { input: { ...ok, hours: 0 } }),
      c('absurd hours', r, { input: { ...ok, hours: -1e9 } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, reason: HUGE } }),
      c('organization not a UUID', r, { input: { ...ok, organizationId: '1' } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
    ];
  },
  reverseHourEntry: (f) => {
    const r = Role.ADMIN;
    const ok = { entryId: f.ledgerEntryId, reason: 'Error de captura' };
    return [
      c('missing input', r, {}),
      c('entry not a number', r, { input: { ...ok, entryId: 'abc' } }),
      c('negative entry', r, { input: { ...ok, entryId: '-1' } }),
      c('unknown entry', r, { input: { ...ok, entryId: '999999999' } }, 'NOT_FOUND'),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
    ];
  },
  logTime: (f) => {
    const r = Role.AGENT;
    const ok = {
      ticketNumber: f.scheduling,
      organizationId: f.ownOrg,
      date: '2026-03-02',
      hours: 1,
      description: 'Análisis',
    };
    return [
      c('missing input', r, {}),
      c('malformed ticket', r, { input: { ...ok, ticketNumber: 'T-1' } }),
      // Looked up before any ledger rule (L3-12): an unknown ticket is not "without hours".
      c('unknown ticket', r, { input: { ...ok, ticketNumber: UNKNOWN_TICKET } }, 'NOT_FOUND'),
      c('organization not a UUID', r, { input: { ...ok, organizationId: 'x' } }),
      c(
        'another organization',
        r,
        { input: { ...ok, organizationId: f.providerOrg } },
        'NOT_FOUND',
        V,
      ),
      c('impossible date', r, { input: { ...ok, date: '2026-13-01' } }),
      c('negative hours', r, { input: { ...ok, hours: -1 } }),
      c('blank description', r, { input: { ...ok, description: BLANK } }),
    ];
  },
  setTicketNoCharge: (f) => {
    const r = Role.AGENT;
    const ok = {
      ticketNumber: f.registered,
      organizationId: f.ownOrg,
      noCharge: true,
      reason: 'Básico',
    };
    return [
      c('missing input', r, {}),
      c('malformed ticket', r, { input: { ...ok, ticketNumber: 'x' } }),
      // L3-18: a waiver of a ticket nobody registered writes no billing rows.
      c('unknown ticket', r, { input: { ...ok, ticketNumber: UNKNOWN_TICKET } }, 'NOT_FOUND'),
      c(
        'another organization',
        r,
        { input: { ...ok, organizationId: f.providerOrg } },
        'NOT_FOUND',
        V,
      ),
      c('noCharge as text', r, { input: { ...ok, noCharge: 'yes' } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
    ];
  },
  upsertSupportPolicy: (f) => {
    const r = Role.ADMIN;
    const ok = { organizationId: f.ownOrg, monthlyFee: 100, startDate: '2026-01-01' };
    return [
      c('missing input', r, {}),
      c('negative fee', r, { input: { ...ok, monthlyFee: -1 } }),
      c('absurd fee', r, { input: { ...ok, monthlyFee: 1e12 } }),
      c('impossible start', r, { input: { ...ok, startDate: '2026-02-29' } }),
      c('wrong currency', r, { input: { ...ok, currency: 'PESOS' } }),
      c('unknown currency MNX', r, { input: { ...ok, currency: 'MNX' } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
      c(
        'the provider itself',
        r,
        { input: { ...ok, organizationId: f.providerOrg } },
        V,
        'NOT_FOUND',
      ),
    ];
  },
  setSupportPolicyStatus: (f) => {
    const r = Role.ADMIN;
    const ok = { organizationId: f.ownOrg, status: 'SUSPENDED', reason: 'Falta de pago' };
    return [
      c('missing input', r, {}),
      c('wrong status', r, { input: { ...ok, status: 'PAUSED' } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, reason: HUGE } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
    ];
  },
  recordOdooAdminUser: (f) => {
    const r = Role.ADMIN;
    return [
      c('missing input', r, {}),
      c('blank login', r, { input: { organizationId: f.ownOrg, login: BLANK } }),
      c('oversized login', r, { input: { organizationId: f.ownOrg, login: HUGE } }),
      c('confirmed as text', r, {
        input: { organizationId: f.ownOrg, login: 'a', confirmed: 'y' },
      }),
      c(
        'unknown organization',
        r,
        { input: { organizationId: UNKNOWN_UUID, login: 'a' } },
        'NOT_FOUND',
      ),
    ];
  },
  // L3-07: whole business minutes, 60–4800 (null restores the default).
  setProgressCadence: (f) => {
    const r = Role.MANAGER;
    const ok = { organizationId: f.ownOrg, progressCadenceMinutes: 240 };
    return [
      c('missing input', r, {}),
      c('below an hour', r, { input: { ...ok, progressCadenceMinutes: 59 } }),
      c('above 80 hours', r, { input: { ...ok, progressCadenceMinutes: 4801 } }),
      c('zero', r, { input: { ...ok, progressCadenceMinutes: 0 } }),
      c('negative', r, { input: { ...ok, progressCadenceMinutes: -60 } }),
      c('a fraction of a minute', r, { input: { ...ok, progressCadenceMinutes: 90.5 } }),
      c('minutes as text', r, { input: { ...ok, progressCadenceMinutes: '240' } }),
      c('blank reason', r, { input: { ...ok, reason: BLANK } }),
      c('oversized reason', r, { input: { ...ok, reason: HUGE } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
      c(
        'the provider itself',
        r,
        { input: { ...ok, organizationId: f.providerOrg } },
        V,
        'NOT_FOUND',
      ),
    ];
  },

  // ---- identity (L3-04) ----
  login: () => {
    const r = Role.CLIENT_USER;
    return [
      c('missing password', r, { email: 'nadie@aurora.example' }),
      c('oversized email', r, { email: `${'e'.repeat(250)}@x.example`, password: 'x' }),
      c('oversized password', r, { email: 'nadie@aurora.example', password: 'p'.repeat(257) }),
      c('email of wrong type', r, { email: 42, password: 'x' }),
      c(
        'unknown user',
        r,
        { email: 'nadie@aurora.example', password: 'wrong-password' },
        'UNAUTHENTICATED',
      ),
    ];
  },
  createOrganization: () => {
    const r = Role.ADMIN;
    return [
      c('missing input', r, {}),
      c('empty name', r, { input: { name: '' } }),
      c('blank name', r, { input: { name: BLANK } }),
      c('oversized name', r, { input: { name: HUGE } }),
      c('wrong kind', r, { input: { name: 'Nueva', kind: 'PARTNER' } }),
      c('bad slug', r, { input: { name: 'Nueva', slug: 'Nueva Org' } }),
      c(
        'taken slug',
        r,
        { input: { name: 'Otra', slug: 'comercializadora-aurora' } },
        'CONFLICT',
        V,
      ),
    ];
  },
  createUser: (f) => {
    const r = Role.ADMIN;
    const ok = {
      organizationId: f.ownOrg,
      email: 'nueva@aurora.example',
      displayName: 'Nueva',
      roles: ['CLIENT_USER'],
      temporaryPassword: 'una-clave-larga-1',
    };
    return [
      c('missing input', r, {}),
      c('bad email', r, { input: { ...ok, email: 'no-es-correo' } }),
      c('accented email', r, { input: { ...ok, email: 'josé@aurora.example' } }),
      c('blank name', r, { input: { ...ok, displayName: BLANK } }),
      c('no roles', r, { input: { ...ok, roles: [] } }),
      c('wrong role', r, { input: { ...ok, roles: ['ROOT'] } }),
      c('provider role in a client', r, { input: { ...ok, roles: ['ADMIN'] } }),
      c('short password', r, { input: { ...ok, temporaryPassword: 'corta' } }),
      c('unknown time zone', r, { input: { ...ok, timeZone: 'Mars/Olympus' } }),
      c('wrong locale', r, { input: { ...ok, locale: 'fr' } }),
      c(
        'unknown organization',
        r,
        { input: { ...ok, organizationId: UNKNOWN_UUID } },
        'NOT_FOUND',
        V,
      ),
      c('taken email', r, { input: { ...ok, email: 'USUARIO@aurora.example' } }, 'CONFLICT', V),
    ];
  },
  setUserActive: () => {
    const r = Role.ADMIN;
    return [
      c('missing active', r, { userId: UNKNOWN_UUID }),
      c('userId not a UUID', r, { userId: 'u-1', active: false }),
      c('unknown user', r, { userId: UNKNOWN_UUID, active: false }, 'NOT_FOUND'),
      c('active as text', r, { userId: UNKNOWN_UUID, active: 'no' }),
    ];
  },
  updateUser: (f) => {
    const r = Role.ADMIN;
    const input = (fields: Vars) => ({ input: { userId: f.clientUserId, ...fields } });
    return [
      c('missing input', r, {}),
      c('userId not a UUID', r, { input: { userId: 'u-1', displayName: 'Nuevo' } }),
      c('unknown user', r, { input: { userId: UNKNOWN_UUID, displayName: 'Nuevo' } }, 'NOT_FOUND'),
      c('blank name', r, input({ displayName: BLANK })),
      c('oversized name', r, input({ displayName: 'n'.repeat(201) })),
      c('no roles', r, input({ roles: [] })),
      c('wrong role', r, input({ roles: ['ROOT'] })),
      c('provider role in a client', r, input({ roles: ['ADMIN'] })),
      c('unknown time zone', r, input({ timeZone: 'Mars/Olympus' })),
      c('wrong locale', r, input({ locale: 'fr' })),
      // L3-04: the address can be corrected, but only to an email address.
      c('email not an email', r, input({ email: 'no-es-un-correo' })),
      c('email with an accent before the @', r, input({ email: 'josé@aurora.example' })),
      c('oversized email', r, input({ email: `${'e'.repeat(250)}@aurora.example` })),
    ];
  },
  resendInvitation: () => {
    const r = Role.ADMIN;
    return [
      c('missing userId', r, {}),
      c('userId not a UUID', r, { userId: 'u-1' }),
      c('unknown user', r, { userId: UNKNOWN_UUID }, 'NOT_FOUND'),
    ];
  },
  sendPasswordResetLink: () => {
    const r = Role.ADMIN;
    return [
      c('missing userId', r, {}),
      c('userId not a UUID', r, { userId: 'u-1' }),
      c('unknown user', r, { userId: UNKNOWN_UUID }, 'NOT_FOUND'),
    ];
  },
  // L3-04: only a malformed request is refused; any well-formed address gets the one answer.
  requestPasswordReset: () => {
    const r = Role.CLIENT_USER;
    return [
      c('missing email', r, {}),
      c('blank email', r, { email: '' }),
      c('not an email', r, { email: 'no-es-un-correo' }),
      c('oversized email', r, { email: `${'e'.repeat(250)}@aurora.example` }),
      c('email of wrong type', r, { email: 42 }),
    ];
  },
  setPasswordWithToken: () => {
    const r = Role.CLIENT_USER;
    const ok = { token: 'token-que-nunca-se-emitio', password: 'una-clave-larga-2' };
    return [
      c('missing token', r, { password: ok.password }),
      c('missing password', r, { token: ok.token }),
      c('short password', r, { ...ok, password: 'corta' }),
      c('oversized password', r, { ...ok, password: 'p'.repeat(257) }),
      c('oversized token', r, { ...ok, token: 't'.repeat(201) }),
      c('unknown token', r, ok),
      c('token of wrong type', r, { ...ok, token: 12345 }),
    ];
  },
  changePassword: () => {
    const r = Role.CLIENT_USER;
    const ok = { currentPassword: 'no-es-la-clave-actual', newPassword: 'una-clave-larga-2' };
    return [
      c('missing new password', r, { currentPassword: ok.currentPassword }),
      c('short new password', r, { ...ok, newPassword: 'corta' }),
      c('oversized current password', r, { ...ok, currentPassword: 'p'.repeat(257) }),
      c('wrong current password', r, ok),
    ];
  },

  // L3-04, L3-11: one's own language and time zone, checked as updateUser checks them.
  updateMyPreferences: () => {
    const r = Role.CLIENT_USER;
    return [
      c('missing input', r, {}),
      c('unknown time zone', r, { input: { timeZone: 'Mars/Olympus' } }),
      c('time zone as a number', r, { input: { timeZone: 600 } }),
      c('wrong locale', r, { input: { locale: 'fr' } }),
      c('locale as the BCP 47 tag', r, { input: { locale: 'es-MX' } }),
    ];
  },
  // ---- business calendars (BUSINESS-TIME.md) ----
  createCalendar: () => {
    const r = Role.ADMIN;
    const week = [{ weekday: 1, intervals: [{ start: '09:00', end: '18:00' }] }];
    const ok = { name: 'Nuevo', timeZone: 'America/Mexico_City', weekly: week };
    return [
      c('missing input', r, {}),
      c('empty name', r, { input: { ...ok, name: '' } }),
      c('blank name', r, { input: { ...ok, name: BLANK } }),
      c('unknown time zone', r, { input: { ...ok, timeZone: 'Mars/Olympus' } }),
      c('weekday 8', r, { input: { ...ok, weekly: [{ weekday: 8, intervals: [] }] } }),
      c('hour 25', r, {
        input: { ...ok, weekly: [{ weekday: 1, intervals: [{ start: '09:00', end: '25:00' }] }] },
      }),
      c('end before start', r, {
        input: { ...ok, weekly: [{ weekday: 1, intervals: [{ start: '18:00', end: '09:00' }] }] },
      }),
      c('organization not an ID', r, { input: { ...ok, organizationId: 'aurora' } }, 'NOT_FOUND'),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
    ];
  },
  updateCalendar: (f) => {
    const r = Role.ADMIN;
    return [
      c('missing input', r, { id: f.calendarId }),
      c('id not a UUID', r, { id: 'mx-default-x', input: { name: 'X' } }, 'NOT_FOUND', V),
      c('unknown calendar', r, { id: UNKNOWN_UUID, input: { name: 'X' } }, 'NOT_FOUND'),
      c('empty name', r, { id: f.calendarId, input: { name: '' } }),
      c('blank name', r, { id: f.calendarId, input: { name: BLANK } }),
      c('unknown time zone', r, { id: f.calendarId, input: { timeZone: 'Nowhere' } }),
      c('bad interval', r, {
        id: f.calendarId,
        input: { weekly: [{ weekday: 1, intervals: [{ start: '9am', end: '6pm' }] }] },
      }),
    ];
  },
  addCalendarHoliday: (f) => {
    const r = Role.ADMIN;
    const ok = { date: '2026-03-03', name: 'Día del cliente', source: 'CLIENT' };
    return [
      c('missing holiday', r, { calendarId: f.calendarId }),
      c('impossible date', r, { calendarId: f.calendarId, holiday: { ...ok, date: '2026-02-30' } }),
      c('not a date', r, { calendarId: f.calendarId, holiday: { ...ok, date: 'martes' } }),
      c('blank name', r, { calendarId: f.calendarId, holiday: { ...ok, name: BLANK } }),
      c('lower-case source', r, { calendarId: f.calendarId, holiday: { ...ok, source: 'client' } }),
      c('unknown calendar', r, { calendarId: UNKNOWN_UUID, holiday: ok }, 'NOT_FOUND'),
      c('calendar id not a UUID', r, { calendarId: 'nope', holiday: ok }, 'NOT_FOUND', V),
    ];
  },
  removeCalendarHoliday: (f) => {
    const r = Role.ADMIN;
    return [
      c('not a date', r, { calendarId: f.calendarId, date: 'martes' }),
      c('impossible date', r, { calendarId: f.calendarId, date: '2026-02-30' }),
      c('oversized date', r, { calendarId: f.calendarId, date: HUGE }),
      c('unknown calendar', r, { calendarId: UNKNOWN_UUID, date: '2026-03-03' }, 'NOT_FOUND'),
      c('calendar id not a UUID', r, { calendarId: 'nope', date: '2026-03-03' }, 'NOT_FOUND', V),
    ];
  },
  setCalendarOverride: (f) => {
    const r = Role.ADMIN;
    const ok = {
      date: '2026-03-07',
      intervals: [{ start: '09:00', end: '13:00' }],
      reason: 'Sábado',
    };
    return [
      c('missing override', r, { calendarId: f.calendarId }),
      c('impossible date', r, {
        calendarId: f.calendarId,
        override: { ...ok, date: '2026-02-30' },
      }),
      c('bad interval', r, {
        calendarId: f.calendarId,
        override: { ...ok, intervals: [{ start: '13:00', end: '09:00' }] },
      }),
      c('overlapping intervals', r, {
        calendarId: f.calendarId,
        override: {
          ...ok,
          intervals: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '14:00' },
          ],
        },
      }),
      c('empty reason', r, { calendarId: f.calendarId, override: { ...ok, reason: '' } }),
      c('blank reason', r, { calendarId: f.calendarId, override: { ...ok, reason: BLANK } }),
      c('unknown calendar', r, { calendarId: UNKNOWN_UUID, override: ok }, 'NOT_FOUND'),
    ];
  },
  removeCalendarOverride: (f) => {
    const r = Role.ADMIN;
    return [
      c('not a date', r, { calendarId: f.calendarId, date: 'sábado' }),
      c('impossible date', r, { calendarId: f.calendarId, date: '2026-02-30' }),
      c('unknown calendar', r, { calendarId: UNKNOWN_UUID, date: '2026-03-07' }, 'NOT_FOUND'),
      c('calendar id not a UUID', r, { calendarId: 'nope', date: '2026-03-07' }, 'NOT_FOUND', V),
    ];
  },

  // ---- checkpoints (L3-15) ----
  setCheckpointSettings: (f) => {
    const r = Role.ADMIN;
    const ok = { organizationId: f.ownOrg, weekday: 2, localTime: '10:00' };
    return [
      c('missing input', r, {}),
      c('weekday 0', r, { input: { ...ok, weekday: 0 } }),
      c('weekday 8', r, { input: { ...ok, weekday: 8 } }),
      c('weekday as text', r, { input: { ...ok, weekday: 'martes' } }),
      c('hour 25', r, { input: { ...ok, localTime: '25:00' } }),
      c('not a time', r, { input: { ...ok, localTime: '10am' } }),
      c('outside business hours', r, { input: { ...ok, localTime: '03:00' } }),
      c('oversized time', r, { input: { ...ok, localTime: HUGE } }),
      c('organization not a UUID', r, { input: { ...ok, organizationId: 'aurora' } }),
      c('unknown organization', r, { input: { ...ok, organizationId: UNKNOWN_UUID } }, 'NOT_FOUND'),
    ];
  },
  generateCheckpointAgenda: (f) => {
    const r = Role.MANAGER;
    return [
      c('missing organization', r, {}),
      c('organization not a UUID', r, { organizationId: 'aurora' }, V, 'NOT_FOUND'),
      c('oversized organization', r, { organizationId: HUGE }, V, 'NOT_FOUND'),
      c('unknown organization', r, { organizationId: UNKNOWN_UUID }, 'NOT_FOUND'),
      c('the provider itself', r, { organizationId: f.providerOrg }, 'NOT_FOUND'),
      // L3-15: the request's idempotency key becomes part of a workflow ID.
      c('empty idempotency key', r, { organizationId: f.ownOrg, idempotencyKey: '' }),
      c('idempotency key with spaces', r, { organizationId: f.ownOrg, idempotencyKey: 'a b' }),
      c('oversized idempotency key', r, { organizationId: f.ownOrg, idempotencyKey: HUGE }),
      c('idempotency key of wrong type', r, { organizationId: f.ownOrg, idempotencyKey: 7 }),
    ];
  },
  recordCheckpointDecisions: () => {
    const r = Role.ADMIN;
    const ok = { notes: 'Se acordó priorizar facturación.' };
    return [
      c('missing input', r, { checkpointId: UNKNOWN_UUID }),
      c('unknown checkpoint', r, { checkpointId: UNKNOWN_UUID, input: ok }, 'NOT_FOUND'),
      c('checkpoint id not a UUID', r, { checkpointId: 'cp-1', input: ok }, 'NOT_FOUND', V),
      c('oversized notes', r, { checkpointId: UNKNOWN_UUID, input: { notes: HUGE } }),
      c('malformed priorities', r, {
        checkpointId: UNKNOWN_UUID,
        input: { ...ok, newPriorities: ['primero'] },
      }),
    ];
  },

  // L3-07/L3-11: a rating needs a CLOSED ticket, a score 1–5 and a comment of up to 2000.
  rateTicket: (f) => {
    const r = Role.CLIENT_USER;
    const input = (fields: Vars) => ({ input: { number: f.registered, score: 4, ...fields } });
    return [
      c('missing input', r, {}),
      c('malformed number', r, input({ number: 'L3-26-1' })),
      c('unknown ticket', r, input({ number: UNKNOWN_TICKET }), 'NOT_FOUND'),
      c('score 0', r, input({ score: 0 })),
      c('score 6', r, input({ score: 6 })),
      c('score not an integer', r, input({ score: 4.5 })),
      c('score as text', r, input({ score: 'cuatro' })),
      c('oversized comment', r, input({ comment: 'c'.repeat(2001) })),
      c('an open ticket', r, input({}), 'INVALID_TRANSITION'),
    ];
  },

  // ---- canned responses (provider managers and admins) ----
  createCannedResponse: () => {
    const r = Role.MANAGER;
    const ok = { title: 'Nueva respuesta', body: 'Hola {{solicitante}}.' };
    return [
      c('missing input', r, {}),
      c('empty title', r, { input: { ...ok, title: '' } }),
      c('blank title', r, { input: { ...ok, title: BLANK } }),
      c('oversized title', r, { input: { ...ok, title: 't'.repeat(121) } }),
      c('title of wrong type', r, { input: { ...ok, title: ['a'] } }),
      c('missing body', r, { input: { title: ok.title } }),
      c('blank body', r, { input: { ...ok, body: BLANK } }),
      c('oversized body', r, { input: { ...ok, body: 'b'.repeat(10_001) } }),
      c('unknown input field', r, { input: { ...ok, bogus: true } }),
      c('a title taken in another case', r, { input: { ...ok, title: ' SALUDO ' } }, 'CONFLICT'),
    ];
  },
  updateCannedResponse: (f) => {
    const r = Role.ADMIN;
    const ok = { id: f.cannedResponseId, title: 'Saludo', body: 'Hola de nuevo.' };
    return [
      c('missing input', r, {}),
      c('id not a UUID', r, { input: { ...ok, id: 'respuesta-1' } }),
      c('unknown id', r, { input: { ...ok, id: UNKNOWN_UUID } }, 'NOT_FOUND'),
      c('blank title', r, { input: { ...ok, title: BLANK } }),
      c('oversized title', r, { input: { ...ok, title: HUGE } }),
      c('blank body', r, { input: { ...ok, body: '' } }),
      c('oversized body', r, { input: { ...ok, body: HUGE } }),
      c(
        "another response's title",
        r,
        { input: { ...ok, id: f.otherCannedResponseId, title: 'saludo' } },
        'CONFLICT',
      ),
    ];
  },
  deleteCannedResponse: () => {
    const r = Role.MANAGER;
    return [
      c('missing id', r, {}),
      c('id not a UUID', r, { id: 'respuesta-1' }),
      c('unknown id', r, { id: UNKNOWN_UUID }, 'NOT_FOUND'),
    ];
  },

  // ---- outbox, planning (L3-11, L3-10, L3-14, L3-19) ----
  deleteAttachment: () => {
    const r = Role.AGENT;
    return [
      c('missing id', r, {}),
      c('id not a UUID', r, { id: 'adjunto-1' }),
      c('unknown attachment', r, { id: UNKNOWN_UUID }, 'NOT_FOUND'),
    ];
  },
  retryEmail: () => {
    const r = Role.ADMIN;
    return [
      c('missing id', r, {}),
      c('id not a UUID', r, { id: 'email-1' }, 'NOT_FOUND', V),
      c('unknown email', r, { id: UNKNOWN_UUID }, 'NOT_FOUND'),
    ];
  },
  setPlanningCapacity: (f) => {
    const r = Role.ADMIN;
    return [
      c('missing input', r, {}),
      c('zero hours', r, { input: { organizationId: f.ownOrg, hoursPerBusinessDay: 0 } }),
      c('negative hours', r, { input: { organizationId: f.ownOrg, hoursPerBusinessDay: -4 } }),
      c('more than a day', r, { input: { organizationId: f.ownOrg, hoursPerBusinessDay: 25 } }),
      c('organization not a UUID', r, { input: { organizationId: 'x', hoursPerBusinessDay: 4 } }),
      c(
        'unknown organization',
        r,
        { input: { organizationId: UNKNOWN_UUID, hoursPerBusinessDay: 4 } },
        'NOT_FOUND',
      ),
    ];
  },
  setQuickChannel: (f) => {
    const r = Role.ADMIN;
    return [
      c('missing input', r, {}),
      c('not a WhatsApp link', r, {
        input: { organizationId: f.ownOrg, whatsappGroupUrl: 'https://evil.example/x' },
      }),
      c('plain http', r, {
        input: { organizationId: f.ownOrg, whatsappGroupUrl: 'http://chat.whatsapp.com/abc' },
      }),
      c('oversized link', r, { input: { organizationId: f.ownOrg, whatsappGroupUrl: HUGE } }),
      c(
        'unknown organization',
        r,
        {
          input: {
            organizationId: UNKNOWN_UUID,
            whatsappGroupUrl: 'https://chat.whatsapp.com/AbCdEf1234567',
          },
        },
        'NOT_FOUND',
      ),
    ];
  },
  confirmQueueReorder: (f) => {
    const r = Role.CLIENT_APPROVER;
    const ok = {
      order: [f.registered],
      previewToken: 'token-that-was-never-issued',
      reason: 'Prioridad',
    };
    return [
      c('missing input', r, {}),
      c('malformed ticket', r, { input: { ...ok, order: ['nope'] } }),
      c('short token', r, { input: { ...ok, previewToken: 'abc' } }),
      c('empty reason', r, { input: { ...ok, reason: '' } }),
      c('oversized reason', r, { input: { ...ok, reason: HUGE } }),
      c('token never issued', r, { input: ok }, 'CONFLICT', V, 'NOT_FOUND'),
    ];
  },
};

function estimateFeedback(role: Role, number: string): Case[] {
  const ok = { estimateVersion: 1, reason: 'Demasiadas horas' };
  return [
    ...ticketBase(role, number, ok),
    c('version 0', role, { input: { number, ...ok, estimateVersion: 0 } }),
    c('version as text', role, { input: { number, ...ok, estimateVersion: 'uno' } }),
    c(
      'not the current version',
      role,
      { input: { number, ...ok, estimateVersion: 9 } },
      'INVALID_TRANSITION',
    ),
    c('empty reason', role, { input: { number, ...ok, reason: '' } }),
    c('blank reason', role, { input: { number, ...ok, reason: BLANK } }),
    c('oversized reason', role, { input: { number, ...ok, reason: HUGE } }),
  ];
}

/** `addTicketParticipant` / `removeTicketParticipant` (L3-11): bad ticket or user references. */
function participantCases(f: Fixtures): Case[] {
  const r = Role.AGENT;
  const input = (fields: Vars) => ({ input: { number: f.registered, ...fields } });
  return [
    c('missing input', r, {}),
    c('missing userId', r, input({})),
    c('malformed number', r, { input: { number: 'ticket-1', userId: f.clientUserId } }),
    c(
      'unknown ticket',
      r,
      { input: { number: UNKNOWN_TICKET, userId: f.clientUserId } },
      'NOT_FOUND',
    ),
    c('userId not an ID', r, input({ userId: 'usuario' })),
    c('unknown user', r, input({ userId: UNKNOWN_UUID })),
    c('an organization, not a user', r, input({ userId: f.ownOrg })),
    c('registrant names an unknown user', Role.CLIENT_USER, input({ userId: UNKNOWN_UUID })),
    c(
      'client names someone else',
      Role.CLIENT_APPROVER,
      input({ userId: f.clientUserId }),
      'FORBIDDEN',
    ),
  ];
}

/** `mutation ($a: T!, …) { name(a: $a, …) { __typename } }` for a mutation of the schema. */
function documentFor(name: string, field: GraphQLField<unknown, unknown>): string {
  // An argument with a default takes a nullable variable: left out, the default applies.
  const typeOf = (a: (typeof field.args)[number]) =>
    a.defaultValue === undefined ? a.type.toString() : a.type.toString().replace(/!$/, '');
  const defs = field.args.map((a) => `$${a.name}: ${typeOf(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${defs ? `(${defs})` : ''} { ${name}${args ? `(${args})` : ''} { __typename } }`;
}

describe('Invalid input for every mutation (issue 5 item 8)', () => {
  const world = useWorldWithWorker('invalid');
  let fixtures: Fixtures;

  beforeAll(async () => {
    fixtures = await buildFixtures();
    await waitForQuiet(world.db);
    // Each fixture ticket sits in the state its transitions leave from.
    const states = await world.db.query<{ number: string; state: string }[]>(
      'SELECT number, state FROM ticket',
    );
    const stateOf = (n: string) => states.find((s) => s.number === n)?.state;
    expect(
      Object.fromEntries(
        Object.entries(EXPECTED_STATES).map(([k]) => [k, stateOf(fixtures[k as keyof Fixtures])]),
      ),
    ).toEqual(EXPECTED_STATES);
  }, 180_000);

  async function mutate(role: Role, mutation: string, input: Vars, inputType: string) {
    const { body } = await gql<Record<string, { ticket?: { state: string } }>>(
      world.api,
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      world.bearer(role),
    );
    if (body.errors) throw new Error(`${mutation}: ${JSON.stringify(body.errors)}`);
  }

  async function register(category = 'DEVELOPMENT'): Promise<string> {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      { input: { category, subject: 'Reporte de ventas', description: 'Por zona.' } },
      world.bearer(Role.CLIENT_USER, OWN),
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.registerTicket.number;
  }

  /** Every ticket state a transition leaves from, reached through GraphQL. */
  async function buildFixtures(): Promise<Fixtures> {
    const A = 'TicketActionInput';
    const act = (role: Role, m: string, number: string, extra: Vars = {}, type = A) =>
      mutate(role, m, { number, ...extra }, type);
    const problem = async () => {
      const n = await register();
      await act(
        Role.AGENT,
        'classifyTicket',
        n,
        { classification: 'PROBLEM' },
        'ClassifyTicketInput',
      );
      return n;
    };
    const requirement = async () => {
      const n = await register();
      await act(
        Role.AGENT,
        'classifyTicket',
        n,
        { classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
        'ClassifyTicketInput',
      );
      return n;
    };
    const estimated = async () => {
      const n = await requirement();
      await act(
        Role.AGENT,
        'submitEstimate',
        n,
        { hours: 2, scope: 'Reporte' },
        'SubmitEstimateInput',
      );
      return n;
    };
    const scheduling = async () => {
      const n = await estimated();
      await act(
        Role.CLIENT_APPROVER,
        'authorizeEstimate',
        n,
        { estimateVersion: 1, statement: 'Autorizo la estimación v1.' },
        'AuthorizeEstimateInput',
      );
      return n;
    };
    const dateSet = async () => {
      const n = await scheduling();
      await act(
        Role.AGENT,
        'setReleaseDate',
        n,
        { releaseDate: nextBusinessClosing() },
        'SetReleaseDateInput',
      );
      return n;
    };

    const registered = await register();
    const infoRequested = await register();
    await act(Role.AGENT, 'requestInformation', infoRequested, { note: '¿Qué versión?' });
    const remoteSession = await register();
    await act(
      Role.AGENT,
      'proposeRemoteSession',
      remoteSession,
      { at: insideBusinessTime() },
      'ProposeRemoteSessionInput',
    );
    const analysis = await problem();
    const waiting = await problem();
    await act(Role.AGENT, 'waitOnClient', waiting, { note: '¿Logs?' });
    const resolved = await problem();
    await act(Role.AGENT, 'resolveTicket', resolved, { note: 'Corregido.' });
    const development = await dateSet();
    await act(Role.AGENT, 'startDevelopment', development);
    const changeOrder = await dateSet();
    await act(Role.AGENT, 'startDevelopment', changeOrder);
    await act(
      Role.AGENT,
      'submitChangeOrder',
      changeOrder,
      { additionalHours: 1, scope: 'Filtro' },
      'SubmitChangeOrderInput',
    );
    const released = await dateSet();
    await act(Role.AGENT, 'startDevelopment', released);
    await act(Role.AGENT, 'releaseForTesting', released);

    const [{ id: providerOrg }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM organization WHERE kind = 'PROVIDER'`,
    );
    const ownOrg = world.orgIds['comercializadora-aurora'];
    const [{ id: calendarId }] = await world.db.query<{ id: string }[]>(
      `SELECT calendar_id AS id FROM ticket WHERE number = $1`,
      [registered],
    );
    const [{ id: clientUserId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE 'CLIENT_USER' = ANY(roles) AND organization_id = $1`,
      [ownOrg],
    );
    const [{ id: ledgerEntryId }] = await world.db.query<{ id: string }[]>(
      `SELECT id::text AS id FROM hour_ledger_entry WHERE kind = 'PURCHASE' AND organization_id = $1`,
      [ownOrg],
    );
    const canned = async (title: string) => {
      const input = { title, body: `${title}, {{solicitante}}.` };
      await mutate(Role.MANAGER, 'createCannedResponse', input, 'CreateCannedResponseInput');
      const [{ id }] = await world.db.query<{ id: string }[]>(
        'SELECT id FROM canned_response WHERE title = $1',
        [title],
      );
      return id;
    };
    return {
      registered,
      infoRequested,
      remoteSession,
      analysis,
      waiting,
      resolved,
      diagnosis: await requirement(),
      estimated: await estimated(),
      scheduling: await scheduling(),
      dateSet: await dateSet(),
      development,
      changeOrder,
      released,
      adminAction: await register('ADMIN_ACTION'),
      ownOrg,
      providerOrg,
      calendarId,
      clientUserId,
      ledgerEntryId,
      cannedResponseId: await canned('Saludo'),
      otherCannedResponseId: await canned('Despedida'),
    };
  }

  /** Mutations whose refused credentials count towards the login throttle. */
  const THROTTLED = new Set(['login', 'changePassword']);

  /**
   * Mutations that take no input, so no call of them is invalid: logout (QA S60 #2; it answers
   * true whatever the token, see identity.spec, and would end the session the cases share).
   */
  const NO_INPUT = new Set(['logout']);

  it('has invalid-input cases for every mutation of schema.graphql, and none for a removed one', () => {
    expect([...Object.keys(CASES), ...NO_INPUT].sort()).toEqual(Object.keys(MUTATIONS).sort());
    for (const name of NO_INPUT) expect(MUTATIONS[name].args).toEqual([]);
  });

  it.each(
    Object.keys(MUTATIONS)
      .filter((name) => !NO_INPUT.has(name))
      .sort(),
  )('%s: every invalid call answers a typed code and changes nothing', async (name) => {
    const cases = CASES[name]?.(fixtures) ?? [];
    expect(cases.length).toBeGreaterThan(0);
    const document = documentFor(name, MUTATIONS[name]);
    const wrong: string[] = [];
    for (const k of cases) {
      const before = await databaseFingerprint(world.db);
      const { status, body } = await gql(world.api, document, k.vars, world.bearer(k.role));
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      const after = await databaseFingerprint(world.db);
      // A wrong password or current password is recorded by the login throttle on purpose
      // (README "Login rate limiting"; api-hardening.spec): the one change such a refusal makes.
      const recorded = THROTTLED.has(name) ? ['login_failure'] : [];
      const changed = Object.keys(after).filter(
        (t) => after[t] !== before[t] && !recorded.includes(t),
      );
      if (
        status >= 500 ||
        body.data?.[name] ||
        !codes.length ||
        !k.codes.includes(String(codes[0])) ||
        changed.length
      ) {
        wrong.push(
          `${k.label}: HTTP ${status}, codes ${JSON.stringify(codes)} (want ${k.codes.join('|')}), ` +
            `${body.errors?.[0]?.message ?? 'no error'}${changed.length ? `; changed ${changed.join(', ')}` : ''}`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });
});

/** The closing of the next business day of the demo calendar: a valid release date. */
/** Two hours before the next business closing: inside business time (a remote session's time). */
function insideBusinessTime(): string {
  return new Date(Date.parse(nextBusinessClosing()) - 2 * 3_600_000).toISOString();
}

function nextBusinessClosing(): string {
  const year = new Date().getUTCFullYear();
  return addBusinessDays(defaultMexicoCityCalendar(year, year + 1), new Date(), 1).toISOString();
}

/**
 * The first `weekday` (0 = Sunday) at least `daysAhead` days from now, at `hour`:00 in Mexico City
 * (fixed UTC−6 since 2022-10-30, BUSINESS-TIME.md).
 */
function mexicoCity(daysAhead: number, weekday: number, hour: number): string {
  const local = new Date(Date.now() + daysAhead * 86_400_000 - 6 * 3_600_000);
  while (local.getUTCDay() !== weekday) local.setUTCDate(local.getUTCDate() + 1);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  return new Date(Date.UTC(y, m, d, hour + 6)).toISOString();
}
