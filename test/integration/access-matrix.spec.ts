import { readFileSync } from 'node:fs';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { buildSchema, getNamedType, type GraphQLField } from 'graphql';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { checkpointScheduleId } from '../../workflows/checkpoint/checkpoint.contract';
import { schemaFilePath } from '../../src/api/graphql-options';
import { CheckpointAgendaService } from '../../src/checkpoints/checkpoint-agenda.service';
import { Role } from '../../src/identity/role.enum';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { calendarToday } from '../support/calendar-month';
import { databaseFingerprint, waitForQuiet } from '../support/database-fingerprint';
import { gql, startWorker, type RunningWorker } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';
import { AURORA_ORG, PROVIDER_ORG, TULUM_ORG } from '../support/demo-contract';
import { emailsQueued } from '../support/emails-queued';

// Issue 5: every mutation of schema.graphql × role × own/other organization, table-style. A
// refused call (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) changes nothing in the whole database; an
// authorized one is never refused for who or where the caller is (it may still be
// INVALID_TRANSITION, CONFLICT or VALIDATION_FAILED for the target's state — "authorized but
// invalid"). The mutations are enumerated from the committed schema: one without a row fails.

const SCHEMA = buildSchema(readFileSync(schemaFilePath(), 'utf8'));
const MUTATIONS = SCHEMA.getMutationType()!.getFields();

const CLIENT = [Role.CLIENT_USER, Role.CLIENT_APPROVER];
const APPROVER = [Role.CLIENT_APPROVER];
const PROVIDER = [Role.AGENT, Role.MANAGER, Role.ADMIN];
const ROLES = [...CLIENT, ...PROVIDER];
const OWN_ORG = AURORA_ORG;
const OTHER_ORG = TULUM_ORG;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** What one call is aimed at, in the caller's own organization or in the other one. */
interface Target {
  readonly organizationId: string;
  /** A live ticket of the organization (a fresh one after a call closes it). */
  readonly number: string;
  readonly ledgerEntryId: string;
  readonly checkpointId: string;
  /** The organization's client user (CLIENT_USER). */
  readonly userId: string;
  /** L3-11: files an agent attached to one of the organization's tickets, one per provider role. */
  readonly attachmentIds: Readonly<Record<string, string>>;
  /** L3-12/L3-13: a no-charge ticket of the organization with a time entry by each provider role. */
  readonly timeEntryTicket: string;
  readonly timeEntryIds: Readonly<Record<string, string>>;
}

/**
 * `ticket`: aimed at a ticket; `organization`: at an organization's data (ID in the arguments);
 * `provider`: provider-wide (calendars, outbox, new organizations) or the caller's own (login,
 * registration), so only the "own" column applies.
 */
type Scope = 'ticket' | 'organization' | 'provider';
type Vars = Record<string, unknown>;

interface Row {
  mutation: string;
  /** Who may call it; `ANYONE` also without a token (login). */
  roles: readonly Role[] | 'ANYONE';
  scope: Scope;
  vars: (t: Target, unique: string, role: Role | 'ANONYMOUS') => Vars;
  /** Guarded by @Roles before the target is looked up: FORBIDDEN even on another org's data. */
  roleGuardFirst?: boolean;
  /**
   * Called with a session of its own (a fresh login of the role's demo user), not the one every
   * other row shares: it ends the session it is called with (logout, QA S60 #2).
   */
  ownSession?: boolean;
}

const today = calendarToday();
const ticket = (
  mutation: string,
  roles: readonly Role[],
  extra: Vars = {},
  roleGuardFirst = false,
): Row => ({
  mutation,
  roles,
  scope: 'ticket',
  vars: (t) => ({ input: { number: t.number, ...extra } }),
  roleGuardFirst,
});
const ofOrganization = (
  mutation: string,
  roles: readonly Role[],
  input: (t: Target, unique: string) => Vars,
  scope: Scope = 'organization',
): Row => ({
  mutation,
  roles,
  scope,
  vars: (t, unique) => ({ input: input(t, unique) }),
  roleGuardFirst: true,
});
const STAFF_ADMIN = [Role.MANAGER, Role.ADMIN];
const weekly = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  intervals: [{ start: '09:00', end: '18:00' }],
}));
/** A free-standing calendar the calendar rows edit (set in `beforeAll`). */
let calendarId = '';
/** A queued or sent email the retry row aims at (set in `beforeAll`). */
let emailId = '';
let login: { email: string; password: string } = { email: '', password: '' };
/** L3-11 (S19): each client role's own user in the own organization (set in `beforeAll`). */
const selfIds: Partial<Record<Role | 'ANONYMOUS', string>> = {};
/** Canned responses the rows aim at: one to edit, one per writing role to delete (`beforeAll`). */
const cannedIds: Record<string, string> = {};
const calendarRow = (mutation: string, vars: (role: Role | 'ANONYMOUS') => Vars): Row => ({
  mutation,
  roles: STAFF_ADMIN,
  scope: 'provider',
  vars: (_t, _unique, role) => vars(role),
  roleGuardFirst: true,
});
/** A day of next year per caller: what one role adds, the same role then removes. */
const dayFor = (role: Role | 'ANONYMOUS', base: number) =>
  `${new Date().getUTCFullYear() + 1}-03-${String(base + ROLES.indexOf(role as Role) + 1).padStart(2, '0')}`;

/** The contract (L3-01…L3-19): who may call each mutation. */
const MATRIX: readonly Row[] = [
  // ---- tickets (L3-04…L3-17) ----
  {
    mutation: 'registerTicket',
    roles: CLIENT,
    scope: 'provider',
    vars: () => ({
      input: { category: 'INCIDENT', subject: 'Factura', description: 'No timbra.' },
    }),
  },
  ticket('requestInformation', PROVIDER),
  ticket('proposeRemoteSession', PROVIDER, { at: inDays(3) }),
  ticket('provideInformation', CLIENT),
  // L3-06: the client confirms the proposed remote session or cannot attend it.
  ticket('acceptRemoteSession', CLIENT, { proposal: 1 }),
  ticket('declineRemoteSession', CLIENT, { proposal: 1, reason: 'No puedo ese día' }),
  // QA S62: provider staff withdraw the pending session.
  ticket('withdrawRemoteSession', PROVIDER, { proposal: 1 }),
  ticket('classifyTicket', PROVIDER, {
    classification: 'REQUIREMENT',
    requirementKind: 'DEVELOPMENT',
  }),
  // L3-07: an unknown agent (no such user): authorized but VALIDATION_FAILED, nothing changes.
  ticket('reassignTicket', PROVIDER, { agentId: '00000000-0000-4000-8000-000000000007' }),
  // L3-07: managers and admins hand an agent's open tickets to another agent (provider-wide). A
  // client user as the target: authorized but VALIDATION_FAILED (AGENT_NOT_ACTIVE), nothing moves.
  {
    mutation: 'reassignOpenTickets',
    roles: STAFF_ADMIN,
    scope: 'provider',
    vars: (t) => ({ fromUserId: selfIds[Role.CLIENT_APPROVER], toUserId: t.userId }),
    roleGuardFirst: true,
  },
  ticket('addProgressUpdate', PROVIDER),
  ticket('waitOnClient', PROVIDER),
  ticket('replyToTicket', CLIENT),
  // L3-06/L3-07/L3-11: staff record the answer a client gave off the portal.
  ticket('recordClientAnswer', PROVIDER, { note: 'Respondió por teléfono.', channel: 'PHONE' }),
  ticket('resolveTicket', PROVIDER),
  ticket('confirmResolution', CLIENT),
  ticket('reopenTicket', CLIENT),
  ticket('declareOutOfScope', PROVIDER),
  ticket('declareNotFeasible', PROVIDER, { reasons: ['Fuera del alcance técnico'] }),
  ticket('submitEstimate', PROVIDER, { hours: 4, scope: 'Reporte por zona' }),
  ticket('authorizeEstimate', APPROVER, {
    estimateVersion: 1,
    statement: 'Autorizo la estimación de 4 horas.',
  }),
  ticket('rejectEstimate', APPROVER, { estimateVersion: 1, reason: 'Demasiadas horas' }),
  ticket('requestReestimate', CLIENT, { estimateVersion: 1, reason: 'Falta el filtro por fecha' }),
  // L3-12 change orders.
  ticket('submitChangeOrder', PROVIDER, { additionalHours: 2, scope: 'Filtro por sucursal' }),
  ticket('authorizeChangeOrder', APPROVER, {
    estimateVersion: 2,
    statement: 'Autorizo las 2 horas adicionales.',
  }),
  ticket('rejectChangeOrder', APPROVER, { estimateVersion: 2, reason: 'No es necesario' }),
  ticket('setReleaseDate', PROVIDER, { releaseDate: inDays(10) }),
  ticket('startDevelopment', PROVIDER),
  ticket('releaseForTesting', PROVIDER),
  ticket('acceptDelivery', CLIENT),
  ticket('reportFailures', CLIENT),
  ticket('recordAdminAction', PROVIDER, { action: 'BACKUP', details: 'respaldo-diario' }),
  ticket('closeAdminAction', PROVIDER),
  ticket('cancelTicket', CLIENT),
  ticket('logTicketTime', PROVIDER, { date: today, hours: 1, description: 'Análisis' }, true),
  // L3-12/L3-13: each provider role cancels its own entry, on any organization's ticket (one
  // entry per role and organization, each cancelled once by the case that is allowed).
  {
    mutation: 'reverseTicketTimeEntry',
    roles: PROVIDER,
    scope: 'organization',
    vars: (t, _unique, role) => ({
      input: {
        number: t.timeEntryTicket,
        timeEntryId: t.timeEntryIds[role] ?? t.timeEntryIds[Role.AGENT],
        reason: 'Capturado por error',
      },
    }),
    roleGuardFirst: true,
  },
  // Comments: clients on their own organization's tickets, staff on any (internal notes aside).
  {
    mutation: 'addComment',
    roles: [...CLIENT, ...PROVIDER],
    scope: 'ticket',
    vars: (t) => ({ number: t.number, body: 'Comentario de la matriz', internal: false }),
  },
  // L3-11 (S19) participants: a client user names themselves («Seguir este ticket»), staff the
  // organization's client user.
  ...['addTicketParticipant', 'removeTicketParticipant'].map((mutation): Row => ({
    mutation,
    roles: [...CLIENT, ...PROVIDER],
    scope: 'ticket',
    vars: (t, _unique, role) => ({
      input: { number: t.number, userId: selfIds[role] ?? t.userId },
    }),
  })),
  ticket(
    'adjustReleaseDate',
    PROVIDER,
    { newDate: inDays(12), reason: 'Dependencia externa' },
    true,
  ),

  // ---- contracts and hours (L3-01, L3-03, L3-12, L3-13, L3-16, L3-18) ----
  ofOrganization('purchaseHourPackage', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    hours: 1,
    purchasedOn: today,
    reference: 'FAC-MATRIZ',
    price: 900,
  })),
  ofOrganization('adjustHours', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    hours: 0.5,
    reason: 'Cortesía',
  })),
  ofOrganization('reverseHourEntry', STAFF_ADMIN, (t) => ({
    entryId: t.ledgerEntryId,
    reason: 'Capturada por error',
  })),
  ofOrganization('logTime', PROVIDER, (t) => ({
    ticketNumber: t.number,
    organizationId: t.organizationId,
    date: today,
    hours: 1,
    description: 'Análisis',
  })),
  ofOrganization('setTicketNoCharge', PROVIDER, (t) => ({
    ticketNumber: t.number,
    organizationId: t.organizationId,
    noCharge: false,
    reason: 'Se cobra',
  })),
  ofOrganization('upsertSupportPolicy', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    monthlyFee: 15000,
    startDate: '2026-01-01',
  })),
  // ACTIVE → ACTIVE: authorized but an invalid transition, so the policy stays active.
  ofOrganization('setSupportPolicyStatus', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    status: 'ACTIVE',
    reason: 'Sin cambios',
  })),
  ofOrganization('recordOdooAdminUser', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    login: 'becken-admin@cliente.example',
  })),
  // L3-07: the client's progress-update cadence.
  ofOrganization('setProgressCadence', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    progressCadenceMinutes: 240,
  })),

  // ---- identity (L3-04) ----
  {
    mutation: 'login',
    roles: 'ANYONE',
    scope: 'provider',
    vars: () => ({ ...login }),
  },
  ofOrganization(
    'createOrganization',
    [Role.ADMIN],
    (_t, unique) => ({ name: `Matriz ${unique}` }),
    'provider',
  ),
  ofOrganization('createUser', [Role.ADMIN], (t, unique) => ({
    organizationId: t.organizationId,
    email: `matriz-${unique}@cliente.example`,
    displayName: 'Usuario de la matriz',
    roles: ['CLIENT_USER'],
    temporaryPassword: 'una-clave-larga-1',
  })),
  {
    mutation: 'setUserActive',
    roles: [Role.ADMIN],
    scope: 'organization',
    vars: (t) => ({ userId: t.userId, active: true }),
    roleGuardFirst: true,
  },
  ofOrganization('updateUser', [Role.ADMIN], (t) => ({
    userId: t.userId,
    displayName: 'Usuario de la matriz',
  })),
  {
    mutation: 'sendPasswordResetLink',
    roles: [Role.ADMIN],
    scope: 'organization',
    vars: (t) => ({ userId: t.userId }),
    roleGuardFirst: true,
  },
  // L3-04: the organization's client user chose a password, so an admin's call is CONFLICT.
  {
    mutation: 'resendInvitation',
    roles: [Role.ADMIN],
    scope: 'organization',
    vars: (t) => ({ userId: t.userId }),
    roleGuardFirst: true,
  },
  // QA S60 #2: anyone ends the session they call it with (without one there is nothing to end).
  {
    mutation: 'logout',
    roles: 'ANYONE',
    scope: 'provider',
    vars: () => ({}),
    ownSession: true,
  },
  // Any logged-in user, for their own account: a wrong current password is VALIDATION_FAILED.
  {
    mutation: 'changePassword',
    roles: ROLES,
    scope: 'provider',
    vars: () => ({ currentPassword: 'no-es-la-clave-actual', newPassword: 'una-clave-larga-2' }),
  },
  // L3-04, L3-11: any logged-in user sets their own language and time zone (never another's).
  {
    mutation: 'updateMyPreferences',
    roles: ROLES,
    scope: 'provider',
    vars: () => ({ input: { timeZone: 'America/Mexico_City' } }),
  },
  // Public (the sign-in page's «¿Olvidó su contraseña?»): the same answer for everyone; each
  // caller asks about an address of its own, so the per-address throttle never answers instead.
  {
    mutation: 'requestPasswordReset',
    roles: 'ANYONE',
    scope: 'provider',
    vars: (_t, unique, role) => ({
      email: `olvido-${role.toLowerCase()}-${unique}@cliente.example`,
    }),
  },
  // Public (the emailed link): a token never issued is VALIDATION_FAILED for everyone.
  {
    mutation: 'setPasswordWithToken',
    roles: 'ANYONE',
    scope: 'provider',
    vars: () => ({ token: 'token-que-nunca-se-emitio', password: 'una-clave-larga-2' }),
  },

  // ---- business calendars (BUSINESS-TIME.md): provider-wide ----
  calendarRow('createCalendar', () => ({
    input: { name: `Matriz ${Date.now()}`, timeZone: 'America/Mexico_City', weekly },
  })),
  calendarRow('updateCalendar', () => ({ id: calendarId, input: { name: 'Matriz (editado)' } })),
  calendarRow('addCalendarHoliday', (role) => ({
    calendarId,
    holiday: { date: dayFor(role, 0), name: 'Día', source: 'CLIENT' },
  })),
  calendarRow('removeCalendarHoliday', (role) => ({ calendarId, date: dayFor(role, 0) })),
  calendarRow('setCalendarOverride', (role) => ({
    calendarId,
    override: {
      date: dayFor(role, 10),
      intervals: [{ start: '09:00', end: '13:00' }],
      reason: 'Día especial',
    },
  })),
  calendarRow('removeCalendarOverride', (role) => ({ calendarId, date: dayFor(role, 10) })),

  // ---- satisfaction (L3-07/L3-11): client users of the ticket's organization rate it (the live
  // ticket is not closed: authorized, then INVALID_TRANSITION). ----
  ticket('rateTicket', CLIENT, { score: 4 }),

  // ---- canned responses: provider-wide texts; staff read them, managers and admins write them.
  {
    mutation: 'createCannedResponse',
    roles: STAFF_ADMIN,
    scope: 'provider',
    vars: (_t, unique) => ({ input: { title: `Matriz ${unique}`, body: 'Texto de la matriz.' } }),
    roleGuardFirst: true,
  },
  {
    mutation: 'updateCannedResponse',
    roles: STAFF_ADMIN,
    scope: 'provider',
    vars: () => ({ input: { id: cannedIds.shared, title: 'Matriz (editada)', body: 'Texto.' } }),
    roleGuardFirst: true,
  },
  {
    mutation: 'deleteCannedResponse',
    roles: STAFF_ADMIN,
    scope: 'provider',
    // One per writing role: each authorized call deletes a response of its own.
    vars: (_t, _unique, role) => ({ id: cannedIds[role] ?? cannedIds.shared }),
    roleGuardFirst: true,
  },

  // ---- attachments (L3-11): files an agent attached. A client deletes only a file it attached
  // itself (attachments.spec.ts), so here a client is FORBIDDEN on its own organization's files.
  {
    mutation: 'deleteAttachment',
    roles: PROVIDER,
    scope: 'ticket',
    // A file per provider role and organization: each authorized call deletes a file of its own.
    vars: (t, _unique, role) => ({ id: t.attachmentIds[role] ?? t.attachmentIds[Role.AGENT] }),
  },

  // ---- outbox (L3-11): provider-wide ----
  {
    mutation: 'retryEmail',
    roles: STAFF_ADMIN,
    scope: 'provider',
    vars: () => ({ id: emailId }),
    roleGuardFirst: true,
  },

  // ---- queue and planning (L3-10, L3-14, L3-19) ----
  ofOrganization('confirmQueueReorder', APPROVER, (t) => ({
    order: [t.number],
    previewToken: 'token-que-nunca-se-emitio',
    reason: 'Prioridad',
  })),
  ofOrganization('setPlanningCapacity', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    hoursPerBusinessDay: 4,
  })),
  ofOrganization('setQuickChannel', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    whatsappGroupUrl: 'https://chat.whatsapp.com/AbCdEf1234567',
  })),

  // ---- checkpoints (L3-15) ----
  ofOrganization('setCheckpointSettings', STAFF_ADMIN, (t) => ({
    organizationId: t.organizationId,
    weekday: 2,
    localTime: '10:00',
  })),
  {
    mutation: 'generateCheckpointAgenda',
    roles: STAFF_ADMIN,
    scope: 'organization',
    vars: (t) => ({ organizationId: t.organizationId }),
    roleGuardFirst: true,
  },
  {
    mutation: 'recordCheckpointDecisions',
    roles: [...PROVIDER, Role.CLIENT_APPROVER],
    scope: 'organization',
    vars: (t) => ({ checkpointId: t.checkpointId, input: { notes: 'Sin cambios' } }),
    roleGuardFirst: true,
  },
];

const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

interface Case {
  row: Row;
  role: Role | 'ANONYMOUS';
  org: 'own' | 'other';
  /** An error code, or AUTHORIZED. */
  expected: string;
}

/** Expected outcome: anonymous, then visibility (clients: own org only), then role. */
function expectedFor(row: Row, role: Role | 'ANONYMOUS', org: 'own' | 'other'): string {
  if (row.roles === 'ANYONE') return 'AUTHORIZED';
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  const allowed = row.roles.includes(role);
  if (row.roleGuardFirst && !allowed) return 'FORBIDDEN';
  const isClient = CLIENT.includes(role);
  if (isClient && org === 'other') return 'NOT_FOUND';
  return allowed ? 'AUTHORIZED' : 'FORBIDDEN';
}

const CASES: Case[] = MATRIX.flatMap((row) =>
  (['ANONYMOUS', ...ROLES] as const).flatMap((role) =>
    (row.scope === 'provider' ? (['own'] as const) : (['own', 'other'] as const)).map((org) => ({
      row,
      role,
      org,
      expected: expectedFor(row, role, org),
    })),
  ),
);

/** `mutation ($a: T!, …) { name(a: $a, …) { … } }` for a mutation of the schema. */
function documentFor(name: string, field: GraphQLField<unknown, unknown>): string {
  const typeOf = (a: (typeof field.args)[number]) =>
    a.defaultValue === undefined ? a.type.toString() : a.type.toString().replace(/!$/, '');
  const defs = field.args.map((a) => `$${a.name}: ${typeOf(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  // Transitions answer the ticket: its state tells when a scratch ticket was closed.
  const fields =
    getNamedType(field.type).name === 'TransitionOutcome' ? 'seq ticket { state }' : '__typename';
  return `mutation${defs ? `(${defs})` : ''} { ${name}${args ? `(${args})` : ''} { ${fields} } }`;
}

describe('Mutation access matrix (role × organization)', () => {
  let world: SeededWorld;
  let worker: RunningWorker;
  let bundle: WorkflowBundleWithSourceMap;
  let running: Promise<void>;
  const taskQueue = `matrix-${process.pid}-${Date.now()}`;
  let orgIds: Record<'own' | 'other', string>;
  let fixed: Record<'own' | 'other', Omit<Target, 'number'>>;
  let calls = 0;

  beforeAll(async () => {
    installQuietRuntime();
    bundle = await bundleWorkflows();
    world = await createSeededWorld('matrix', { TEMPORAL_TASK_QUEUE: taskQueue });
    worker = await startWorker(bundle, world.config);
    running = worker.worker.run();
    orgIds = {
      own: world.orgIds['comercializadora-aurora'],
      other: world.orgIds['grupo-industrial-tulum'],
    };
    const manager = world.bearer(Role.MANAGER);
    const setup = async <T>(query: string, variables: Vars) => {
      const { body } = await gql<T>(world.api, query, variables, manager);
      expect(body.errors).toBeUndefined();
      return body.data!;
    };
    const calendar = await setup<{ createCalendar: { id: string } }>(
      'mutation ($input: CreateCalendarInput!) { createCalendar(input: $input) { id } }',
      { input: { name: 'Matriz', timeZone: 'America/Mexico_City', weekly } },
    );
    calendarId = calendar.createCalendar.id;
    for (const key of ['shared', Role.MANAGER, Role.ADMIN]) {
      const canned = await setup<{ createCannedResponse: { id: string } }>(
        'mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
        { input: { title: `Matriz ${key}`, body: 'Hola {{solicitante}}.' } },
      );
      cannedIds[key] = canned.createCannedResponse.id;
    }
    const credential = world.seed.credentials.find(
      (c) => c.roles.includes(Role.CLIENT_USER) && c.organization === OWN_ORG,
    )!;
    login = { email: credential.email, password: credential.password };
    for (const role of CLIENT) {
      const own = world.seed.credentials.find(
        (c) => c.roles.includes(role) && c.organization === OWN_ORG,
      )!;
      const [{ id }] = await world.db.query<{ id: string }[]>(
        'SELECT id FROM app_user WHERE email = $1',
        [own.email],
      );
      selfIds[role] = id;
    }
    const agendas = worker.context.get(CheckpointAgendaService);
    const targetOf = async (org: 'own' | 'other'): Promise<Omit<Target, 'number'>> => {
      const organizationId = orgIds[org];
      // An adjustment to reverse, and an agenda to record decisions against.
      const adjusted = await setup<{ adjustHours: { id: string } }>(
        'mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }',
        { input: { organizationId, hours: 1, reason: 'Para revertir en la matriz' } },
      );
      const { checkpointId } = await agendas.record({
        organizationId,
        runKey: `matrix-${org}-${process.pid}-${Date.now()}`,
        kind: 'MANUAL',
        scheduledFor: null,
        builtAt: new Date().toISOString(),
      });
      const [{ id: userId }] = await world.db.query<{ id: string }[]>(
        `SELECT id FROM app_user WHERE 'CLIENT_USER' = ANY(roles) AND organization_id = $1`,
        [organizationId],
      );
      // L3-11: an agent's files on a ticket of the organization, one per provider role.
      const number = await register(org === 'own' ? OWN_ORG : OTHER_ORG);
      const attachmentIds: Record<string, string> = {};
      for (const role of PROVIDER) {
        const form = new FormData();
        form.append('file', new Blob(['registro\n'], { type: 'text/plain' }), `${role}.log`);
        const res = await fetch(`${world.api.url}/api/tickets/${number}/attachments`, {
          method: 'POST',
          headers: world.bearer(Role.AGENT),
          body: form,
        });
        expect(res.status).toBe(201);
        attachmentIds[role] = ((await res.json()) as { id: string }).id;
      }
      // L3-12/L3-13: a time entry by each provider role, on a ticket of no charge (L3-18).
      await setup(
        'mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }',
        { input: { ticketNumber: number, organizationId, noCharge: true, reason: 'Matriz' } },
      );
      const timeEntryIds: Record<string, string> = {};
      for (const role of PROVIDER) {
        const { body } = await gql<{ logTicketTime: { id: string } }>(
          world.api,
          'mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }',
          { input: { number, date: today, hours: 1, description: `Entrada de ${role}` } },
          world.bearer(role),
        );
        expect(body.errors).toBeUndefined();
        timeEntryIds[role] = body.data!.logTicketTime.id;
      }
      return {
        organizationId,
        ledgerEntryId: adjusted.adjustHours.id,
        checkpointId,
        userId,
        attachmentIds,
        timeEntryTicket: number,
        timeEntryIds,
      };
    };
    fixed = { own: await targetOf('own'), other: await targetOf('other') };
    const [email] = await world.db.query<{ id: string }[]>(
      'SELECT id::text AS id FROM email_outbox ORDER BY id LIMIT 1',
    );
    emailId = email.id;
  });
  afterAll(async () => {
    if (world) {
      // The tier's Temporal server is shared by every spec: leave no checkpoint Schedule behind.
      const temporal = world.api.app.get(TemporalClientService).client;
      for (const org of Object.values(orgIds ?? {})) {
        await temporal.schedule
          .getHandle(checkpointScheduleId(org))
          .delete()
          .catch(() => undefined);
      }
    }
    if (worker) {
      worker.worker.shutdown();
      await running;
      await worker.close();
    }
    await world?.close();
  });

  /** Registers a ticket and waits until the read model holds every event of its first state. */
  async function register(org: string): Promise<string> {
    const { body } = await gql<{ registerTicket: { number: string; timeline: { seq: number }[] } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number timeline { seq } } }`,
      {
        input: {
          category: 'DEVELOPMENT',
          subject: 'Reporte de ventas',
          description: 'Un reporte de ventas por zona.',
        },
      },
      world.bearer(Role.CLIENT_USER, org),
    );
    expect(body.errors).toBeUndefined();
    const { number, timeline } = body.data!.registerTicket;
    const end = Date.now() + 15_000;
    while ((await events(number)) < timeline.length) {
      if (Date.now() > end) throw new Error(`read model of ${number} did not catch up`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return number;
  }

  async function events(number: string): Promise<number> {
    const [{ n }] = await world.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
      [number],
    );
    return n;
  }

  async function call(c: Case, number: string) {
    const headers =
      c.role === 'ANONYMOUS'
        ? {}
        : c.row.ownSession
          ? await freshSession(c.role)
          : world.bearer(c.role, CLIENT.includes(c.role) ? OWN_ORG : undefined);
    calls += 1;
    const { body } = await gql<Record<string, { ticket?: { state: string } } | undefined>>(
      world.api,
      documentFor(c.row.mutation, MUTATIONS[c.row.mutation]),
      c.row.vars({ ...fixed[c.org], number }, `${process.pid}-${calls}`, c.role),
      headers,
    );
    return {
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message,
      state: body.data?.[c.row.mutation]?.ticket?.state,
    };
  }

  /** A new session of `role`'s demo user (of the own organization for client roles). */
  async function freshSession(role: Role): Promise<Record<string, string>> {
    const org = CLIENT.includes(role) ? OWN_ORG : PROVIDER_ORG;
    const own = world.seed.credentials.find(
      (c) => c.roles.includes(role) && c.organization === org,
    )!;
    const { body } = await gql<{ login: { token: string } }>(
      world.api,
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
      { email: own.email, password: own.password },
    );
    return { authorization: `Bearer ${body.data!.login.token}` };
  }

  it('has a row for every mutation of schema.graphql, and none for a removed one', () => {
    expect(MATRIX.map((r) => r.mutation).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  it('refuses anonymous callers, wrong roles and other organizations, changing nothing', async () => {
    const tickets = { own: await register(OWN_ORG), other: await register(OTHER_ORG) };
    await waitForQuiet(world.db);
    const refused = CASES.filter((c) => c.expected !== 'AUTHORIZED');
    expect(refused.length).toBeGreaterThan(250);
    const mismatches: string[] = [];
    for (const c of refused) {
      await emailsQueued(world.db);
      const before = await databaseFingerprint(world.db);
      const got = await call(c, tickets[c.org]);
      const after = await databaseFingerprint(world.db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (got.code !== c.expected || changed.length) {
        mismatches.push(
          `${c.row.mutation} × ${c.role} × ${c.org}: ${got.code} (${got.message})` +
            (changed.length ? `; changed ${changed.join(', ')}` : ''),
        );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('never refuses an authorized role for who or where it is (own and other organization)', async () => {
    // Scratch tickets per organization; a call that closes one (cancel, out of scope…) gets a
    // fresh one for the next case, so each case meets a live workflow.
    const scratch: Record<'own' | 'other', string> = {
      own: await register(OWN_ORG),
      other: await register(OTHER_ORG),
    };
    const authorized = CASES.filter((c) => c.expected === 'AUTHORIZED');
    expect(authorized.length).toBeGreaterThan(100);
    const refusedWrongly: string[] = [];
    for (const c of authorized) {
      const got = await call(c, scratch[c.org]);
      if (got.code && REFUSALS.includes(got.code)) {
        refusedWrongly.push(
          `${c.row.mutation} × ${c.role} × ${c.org}: ${got.code} (${got.message})`,
        );
      }
      if (got.state && (TERMINAL_STATES as readonly string[]).includes(got.state)) {
        scratch[c.org] = await register(c.org === 'own' ? OWN_ORG : OTHER_ORG);
      }
    }
    expect(refusedWrongly).toEqual([]);
  });
});
