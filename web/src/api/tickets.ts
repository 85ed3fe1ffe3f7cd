import type { BusinessDaysLeft } from '../../../src/shared/business-time-text';
import { operation } from './graphql-client';
import type { TicketSatisfaction } from './satisfaction';

// Ticket, SLA and hours operations of the web app (a subset of schema.graphql).

export type TicketCategory =
  'QUESTION' | 'INCIDENT' | 'CONFIGURATION' | 'DEVELOPMENT' | 'TRAINING' | 'ADMIN_ACTION';

export const TICKET_CATEGORIES: TicketCategory[] = [
  'INCIDENT',
  'QUESTION',
  'CONFIGURATION',
  'DEVELOPMENT',
  'TRAINING',
  'ADMIN_ACTION',
];

/** L3-07/L3-08: what triage classifies a ticket as. */
export const TICKET_CLASSIFICATIONS = ['PROBLEM', 'REQUIREMENT'] as const;

/**
 * What the lists name a ticket by, and so what their category filter takes (the API's
 * `TicketListCategory`): a classification, else a category.
 */
export type TicketListCategory = TicketCategory | (typeof TICKET_CLASSIFICATIONS)[number];

export const REQUIREMENT_KINDS = [
  'DEVELOPMENT',
  'CONFIGURATION',
  'CHANGE',
  'TRAINING',
  'OTHER',
] as const;

export const ADMIN_ACTION_KINDS = ['BACKUP', 'RESTORE', 'BRANCH_CONFIGURATION', 'OTHER'] as const;

export interface SlaClock {
  id: string;
  kind: string;
  status: string;
  deadline: string | null;
  startedAt: string;
  endedAt: string | null;
  remainingMinutes: number;
  consumedMinutes: number;
  budgetMinutes: number;
  target: string;
  atRiskRecordedAt: string | null;
  breachedAt: string | null;
  /** Business minutes a breached clock is late (to its end, or now); null when not breached. */
  overdueMinutes: number | null;
  /** A clock counted in days: business minutes of its calendar's working day; else null. */
  businessDayMinutes: number | null;
  /** A running clock outside business time now: when it counts again; else null (BUSINESS-TIME.md). */
  countsFrom: string | null;
  /** A running clock counted in days: its time left in business dates (QA S62 #13); else null. */
  daysLeft: BusinessDaysLeft | null;
}

/** QA S62 #13: a days clock's time left as business dates, «Resta hoy y 2 días hábiles». */
const DAYS_LEFT_FIELD = 'daysLeft { todayMinutes days lastDayMinutes dueOn }';

const CLOCK_FIELDS = `id kind status deadline startedAt endedAt remainingMinutes consumedMinutes budgetMinutes target
  atRiskRecordedAt breachedAt overdueMinutes businessDayMinutes countsFrom ${DAYS_LEFT_FIELD}`;

export interface TicketSummary {
  number: string;
  subject: string;
  state: string;
  category: TicketCategory;
  /** L3-07/L3-08: what the agent classified it as (null until classified), and a requirement's kind. */
  classification: string | null;
  requirementKind: string | null;
  slaStatus: string;
  nextDeadline: string | null;
  registeredAt: string;
  /** «Última actividad»: its newest event but an internal note. */
  updatedAt: string;
  organizationId: string;
  /** L3-07: the assigned agent by name (null: unassigned). */
  assigneeName: string | null;
  /** QA S62 #2: false while the assigned agent is deactivated (provider staff only; else null). */
  assigneeActive?: boolean | null;
  /** L3-09/L3-19: the published release-for-testing date, if any. */
  releaseDate: string | null;
  /** L3-07: while resolved, when the ticket closes by itself unless the client answers. */
  autoCloseAt: string | null;
  /** L3-06/L3-07/L3-09: the next step is the client's (the caller's, for a client user). */
  awaitingClient: boolean;
  /**
   * L3-06: while the ticket waits for a remote session the client confirmed (no clock runs), its
   * time: the lists say «Sesión remota: …» rather than «Sin plazo en curso» (QA S60b #9).
   */
  confirmedRemoteSessionAt: string | null;
  /**
   * The lists': a clock paused on the client and its time left (L3-07/L3-08), and which clock the
   * next deadline is (L3-06…L3-09); the page reads all.
   */
  clocks: Pick<
    SlaClock,
    'status' | 'remainingMinutes' | 'businessDayMinutes' | 'kind' | 'deadline' | 'endedAt'
  >[];
}

/**
 * What a list reads to say why nothing is due (`idleDueText`) and which clock its deadline is
 * (`dueClockKind`): the ticket lists («Mis tickets», staff's) and the work list name it
 * (L3-06…L3-09).
 */
export const DUE_FIELDS = `awaitingClient confirmedRemoteSessionAt clocks { status remainingMinutes businessDayMinutes kind deadline endedAt }`;

const SUMMARY_FIELDS = `number subject state category classification requirementKind slaStatus nextDeadline registeredAt updatedAt organizationId
  assigneeName assigneeActive releaseDate autoCloseAt ${DUE_FIELDS}`;

export interface TicketEvent {
  seq: number;
  type: string;
  at: string;
  actorRole: string | null;
  /** Who did it, by name (null: the system). */
  actorName: string | null;
  /** L3-07: the agent an assignment gives the ticket to, by name. */
  agentName: string | null;
  data: string;
  /** CLOCK_RECOMPUTED: the calendar changes that moved the deadline (BUSINESS-TIME.md, L3-06). */
  calendarChanges?: CalendarChange[] | null;
}

/** One change of a calendar version, as data (`CalendarChange`). */
export interface CalendarChange {
  version: number;
  calendarName: string;
  kind: string;
  date: string | null;
  name: string | null;
  source: string | null;
  reason: string | null;
  timeZone: string | null;
  intervals: { start: string; end: string }[] | null;
}

export interface Estimate {
  version: number;
  hours: number;
  scope: string;
  status: string;
  submittedAt: string;
  /** L3-12: a change order; `hours` is then the new authorized total. */
  changeOrder: boolean;
  /** L3-12: the hours a change order adds (null for an estimate). */
  additionalHours: number | null;
}

export interface Authorization {
  estimateVersion: number;
  statement: string;
  at: string;
  /** L3-09: who wrote it. */
  approverName: string | null;
}

/**
 * What the ticket's history reads of a file (a subset of `attachments.ts` Attachment, declared
 * here so this module stays free of the browser's download code).
 */
export interface TicketFileRecord {
  id: string;
  fileName: string;
  sizeBytes: number;
  /** Provider staff only (a client's query never lists one); counted apart under the limit. */
  internal: boolean;
  uploadedAt: string;
  uploadedByName: string | null;
  /** The role the file was attached in (recorded with the upload; a later role change keeps it). */
  uploadedByRole: string | null;
  deletedAt: string | null;
  deletedByName: string | null;
  deletedByRole: string | null;
}

/** L3-18: one no-charge decision provider staff made on the ticket. */
export interface TicketBillingDecision {
  noCharge: boolean;
  reason: string;
  decidedAt: string;
  decidedByName: string | null;
  decidedByRole: string | null;
}

/** L3-18: the latest decision (whether the ticket is charged now) and every one, oldest first. */
export interface TicketBilling extends TicketBillingDecision {
  decisions: TicketBillingDecision[];
}

/** L3-06: the client's answer to a remote-session proposal. */
export interface RemoteSessionAnswer {
  at: string;
  by: string;
  reason: string | null;
  suggestedAt: string | null;
}

export interface RemoteSession {
  proposal: number;
  at: string;
  durationMinutes: number;
  link: string | null;
  note: string | null;
  accepted: RemoteSessionAnswer | null;
  declined: RemoteSessionAnswer | null;
  /** QA S62: staff withdrew it (`note`: theirs to the client). */
  withdrawn?: { at: string; by: string; note: string | null } | null;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  assigneeId: string | null;
  registrantName: string | null;
  /** QA S62 #1: false while the registrant is deactivated (provider staff only; else null). */
  registrantActive?: boolean | null;
  /** The registrant's language (their user locale): a canned response is inserted in it. */
  registrantLocale: 'ES_MX' | 'EN' | null;
  remoteSessionAt: string | null;
  /** L3-06: the newest proposal (link, duration) and the client's answer. */
  remoteSession: RemoteSession | null;
  closureOutcome: string | null;
  allowedActions: string[];
  /**
   * L3-07: a public reply by provider staff now counts as a progress update (the workflow's rule,
   * answered by the API; always false for client users).
   */
  publicReplyCountsAsProgress: boolean;
  /**
   * L3-09: the client reported failures after `releaseDate` was published, so it no longer holds
   * (it is the previous date) until the agent publishes a new one or releases again (the API's).
   */
  releaseDateSuperseded: boolean;
  /** L3-19: staff only (null for a client): the published date fell on a day since closed. */
  releaseDateOnClosedDay: boolean | null;
  /** The ticket's calendar's IANA zone: where its business hours are the client's (QA S59). */
  calendarTimeZone: string;
  clocks: SlaClock[];
  timeline: TicketEvent[];
  estimates: Estimate[];
  authorizations: Authorization[];
  adminActions: { action: string; details: string; executedAt: string }[];
  /** L3-11: the files (deleted ones too), for the history; the «Adjuntos» card reads its own. */
  attachments: TicketFileRecord[];
  /** The client's rating of the closed ticket, for the history. */
  satisfaction: Pick<
    TicketSatisfaction,
    'score' | 'comment' | 'ratedAt' | 'updatedAt' | 'ratedByName' | 'ratedByRole' | 'changes'
  > | null;
  /** L3-18: null until provider staff decide whether the ticket is charged to the package. */
  billing: TicketBilling | null;
}

export interface TicketFilter {
  openOnly?: boolean;
  /** L3-09: the newest estimate or change order awaits an approver. */
  awaitingAuthorization?: boolean;
  /** L3-06/L3-07/L3-09: «Esperan mi respuesta», the list's «Su respuesta» tickets. */
  awaitingClient?: boolean;
  states?: string[];
  /** The API's TicketListCategory: what the lists name a ticket by (TICKET_CLASSIFICATIONS too). */
  category?: TicketListCategory;
  assigneeId?: string;
  /** ok, at_risk or breached (the ticket's SLA status). */
  slaStatus?: string;
  organizationId?: string;
  text?: string;
}

/** The API's orders of a ticket list (`TicketOrder`); NEWEST is its default. */
export const TICKET_ORDERS = ['NEWEST', 'OLDEST', 'RECENTLY_UPDATED', 'NEXT_DEADLINE'] as const;
export type TicketOrder = (typeof TICKET_ORDERS)[number];

/** A page of tickets in `orderBy`; pass `nextCursor` as `after` (same order) for the next one. */
export const TICKETS = operation<
  { tickets: { items: TicketSummary[]; nextCursor: string | null } },
  { filter: TicketFilter; first: number; after?: string; orderBy?: TicketOrder }
>(`query Tickets($filter: TicketFilter, $first: Int!, $after: String, $orderBy: TicketOrder) {
  tickets(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    items { ${SUMMARY_FIELDS} } nextCursor
  }
}`);

/**
 * How many tickets `filter` matches; with `atMost`, at most `atMost + 1` (more than `atMost`).
 * Asked apart from the page, so the page shows at once: over a large read model, counting a word
 * found in most tickets in full takes far longer than reading a page.
 */
export const TICKET_COUNT = operation<
  { tickets: { totalCount: number } },
  { filter: TicketFilter; atMost?: number }
>(`query TicketCount($filter: TicketFilter, $atMost: Int) {
  tickets(filter: $filter, first: 1) { totalCount(atMost: $atMost) }
}`);

/** A ticket a search named by its number, and when it ended (`closedAt`) if it did. */
export interface EndedMatch {
  number: string;
  state: string;
  closedAt: string | null;
}

/**
 * The ticket a search names by its exact number, read directly (not among the newest ended
 * matches): the console's word on a search that matches no open ticket (QA S60b #8). Answered
 * NOT_FOUND for a ticket the reader may not see.
 */
export const SEARCHED_TICKET = operation<{ ticket: EndedMatch }, { number: string }>(
  `query SearchedTicket($number: String!) { ticket(number: $number) { number state closedAt } }`,
);

export const TICKET = operation<{ ticket: TicketDetail }, { number: string }>(
  `query Ticket($number: String!) {
  ticket(number: $number) {
    ${SUMMARY_FIELDS} description remoteSessionAt
    remoteSession {
      proposal at durationMinutes link note
      accepted { at by reason suggestedAt } declined { at by reason suggestedAt }
      withdrawn { at by note }
    }
    closureOutcome allowedActions publicReplyCountsAsProgress releaseDateSuperseded releaseDateOnClosedDay calendarTimeZone assigneeId
    registrantName registrantActive registrantLocale
    clocks { ${CLOCK_FIELDS} }
    timeline {
      seq type at actorRole actorName agentName data
      calendarChanges { version calendarName kind date name source reason timeZone intervals { start end } }
    }
    estimates { version hours scope status submittedAt changeOrder additionalHours }
    authorizations { estimateVersion statement at approverName }
    adminActions { action details executedAt }
    attachments {
      id fileName sizeBytes internal uploadedAt uploadedByName uploadedByRole
      deletedAt deletedByName deletedByRole
    }
    satisfaction {
      score comment ratedAt updatedAt ratedByName ratedByRole
      changes { score comment at byName byRole }
    }
    billing {
      noCharge reason decidedAt decidedByName decidedByRole
      decisions { noCharge reason decidedAt decidedByName decidedByRole }
    }
  }
}`,
);

export interface Person {
  id: string;
  displayName: string;
}

/**
 * QA S62 #2: the list's «Agente» choices: the active agents, then inactive staff who still hold
 * open tickets (`active` false), so their tickets can be listed and handed over.
 */
export const AGENT_FILTER_CHOICES = operation<
  { agentFilterChoices: (Person & { active: boolean })[] },
  Record<string, never>
>(`query AgentFilterChoices { agentFilterChoices { id displayName active } }`);

/** L3-07: the provider's active agents a ticket may be assigned to (provider staff only). */
export const ASSIGNABLE_AGENTS = operation<{ assignableAgents: Person[] }, Record<string, never>>(
  `query AssignableAgents { assignableAgents { id displayName } }`,
);

export const REGISTER_TICKET = operation<
  {
    registerTicket: {
      number: string;
      clocks: SlaClock[];
      /** The ticket's calendar's zone: the confirmation gives the deadline there too (QA S60b #3). */
      calendarTimeZone: string;
    };
  },
  {
    input: {
      category: TicketCategory;
      subject: string;
      description: string;
      /** The files the form uploads once the ticket exists: the agents' email waits for them. */
      attachmentsToFollow: number;
      /** Their names, kept with the ticket: one that never arrives is told (QA S62 #5). */
      announcedFileNames: string[];
      requestId: string;
    };
  }
>(`mutation RegisterTicket($input: RegisterTicketInput!) {
  registerTicket(input: $input) { number calendarTimeZone clocks { ${CLOCK_FIELDS} } }
}`);

export interface HourBalance {
  /** L3-12: hours bought in packages; none → configuration and development cannot be authorized. */
  purchased: number;
  available: number;
  reserved: number;
  consumed: number;
  balance: number;
  /** What each ticket holds (a newer version of its estimate replaces its hold). */
  reservations: { ticketNumber: string; reservedHours: number }[];
}

/** The hours charged to a ticket's package by its time entries (L3-12). */
export const CHARGED_HOURS = operation<
  { ticket: { number: string; chargedHours: number } },
  { number: string }
>(`query ChargedHours($number: String!) { ticket(number: $number) { number chargedHours } }`);

/** L3-12/L3-13: what closing the ticket now does to the hour package (`Ticket.closureHours`). */
export interface ClosureHours {
  chargedHours: number;
  authorizedHours: number;
  returnedHours: number;
}

/** L3-12/L3-13: what closing the ticket now charges and gives back; null without an estimate. */
export const CLOSURE_HOURS = operation<
  { ticket: { number: string; closureHours: ClosureHours | null } },
  { number: string }
>(`query ClosureHours($number: String!) {
  ticket(number: $number) { number closureHours { chargedHours authorizedHours returnedHours } }
}`);

export const HOUR_BALANCE = operation<{ hourBalance: HourBalance }, { organizationId: string }>(
  `query HourBalance($organizationId: ID!) {
  hourBalance(organizationId: $organizationId) { purchased available reserved consumed balance
    reservations { ticketNumber reservedHours } }
}`,
);

/**
 * What the SLA board shows of a clock (tickets/dashboard-page.tsx): its kind and state, deadline
 * and time left. Not its start, budget or consumption, which the ticket's page shows; the board
 * reads up to three lists of 200 on every live change, and those fields were a sixth of each.
 */
export type BoardClock = Pick<
  SlaClock,
  | 'id'
  | 'kind'
  | 'status'
  | 'deadline'
  | 'endedAt'
  | 'remainingMinutes'
  | 'target'
  | 'atRiskRecordedAt'
  | 'breachedAt'
  | 'overdueMinutes'
  | 'businessDayMinutes'
  // QA S52: the board said «Corriendo» where the ticket page said «Fuera de horario hábil».
  | 'countsFrom'
  | 'daysLeft'
>;

const BOARD_CLOCK_FIELDS = `id kind status deadline endedAt remainingMinutes target atRiskRecordedAt
  breachedAt overdueMinutes businessDayMinutes countsFrom ${DAYS_LEFT_FIELD}`;

export interface SlaTimer {
  ticketNumber: string;
  /** The client the clock is owed to. */
  organizationId: string;
  subject: string;
  ticketState: string;
  slaStatus: string;
  clock: BoardClock;
}

export interface ComplianceRow {
  kind: string;
  month: string;
  met: number;
  breached: number;
  organizationId: string;
}

// The client (organization) of each timer is shown by name, from `organizations`.
export const TIMER_FIELDS = `ticketNumber organizationId subject ticketState slaStatus clock { ${BOARD_CLOCK_FIELDS} }`;

/** How many clocks each list of the SLA board holds in all (`slaTimerCounts`). */
export interface SlaTimerCounts {
  running: number;
  paused: number;
  atRisk: number;
  breached: number;
}

/** The board's filters, applied to its three lists and their totals (null: all). */
export interface SlaBoardFilter {
  kind: string | null;
  organizationId: string | null;
}

/**
 * Timers (at most `first…` of each list, with each list's total) and compliance from `fromMonth`
 * to `toMonth` (YYYY-MM), with the names of clients.
 */
export const SLA_DASHBOARD = operation<
  {
    all: SlaTimer[];
    atRisk: SlaTimer[];
    breached: SlaTimer[];
    counts: SlaTimerCounts;
    compliance: ComplianceRow[];
    organizations: { id: string; name: string; kind: string }[];
  },
  SlaBoardFilter & {
    fromMonth: string;
    toMonth: string;
    firstAll: number;
    firstAtRisk: number;
    firstBreached: number;
  }
>(`query SlaDashboard($fromMonth: String!, $toMonth: String!, $kind: String,
    $organizationId: String, $firstAll: Int!, $firstAtRisk: Int!, $firstBreached: Int!) {
  all: slaTimers(filter: { first: $firstAll, runningOnly: true, kind: $kind,
      organizationId: $organizationId }) { ${TIMER_FIELDS} }
  atRisk: slaTimers(filter: { first: $firstAtRisk, atRiskOnly: true, kind: $kind,
      organizationId: $organizationId }) { ${TIMER_FIELDS} }
  breached: slaTimers(filter: { first: $firstBreached, breachedOnly: true, kind: $kind,
      organizationId: $organizationId }) { ${TIMER_FIELDS} }
  counts: slaTimerCounts(filter: { kind: $kind, organizationId: $organizationId }) {
    running paused atRisk breached
  }
  compliance: slaCompliance(filter: { fromMonth: $fromMonth, toMonth: $toMonth }) {
    kind month met breached organizationId
  }
  organizations { id name kind }
}`);

/** The fields a transition form can ask for. */
export type ActionField =
  | 'note'
  | 'at'
  | 'classification'
  | 'hoursScope'
  | 'estimate'
  | 'statement'
  | 'reason'
  | 'reasons'
  | 'releaseDate'
  | 'adminAction'
  /** L3-06/L3-07/L3-11: how the client's answer reached staff (phone, WhatsApp…). */
  | 'channel'
  /** L3-07: an agent to assign (optional when classifying, required when reassigning). */
  | 'agent'
  /** L3-06: a remote session's meeting link and duration. */
  | 'link'
  | 'duration'
  /** L3-06: the remote-session proposal the client answers (the ticket's current one). */
  | 'proposal'
  /** L3-06: a time the client suggests instead (optional). */
  | 'suggestedAt';

export interface ActionSpec {
  /** The GraphQL mutation and its input type. */
  mutation: string;
  input: string;
  fields: ActionField[];
  /** Whether the note is required (when the form has one). */
  noteRequired: boolean;
  /** The input field `hoursScope`'s hours go to (default `hours`). */
  hoursInput?: string;
}

const simple = (mutation: string, noteRequired: boolean): ActionSpec => ({
  mutation,
  input: 'TicketActionInput',
  fields: ['note'],
  noteRequired,
});

/** `allowedActions` names (the workflow's rules) → the mutation that runs each, and its fields. */
export const ACTIONS: Record<string, ActionSpec> = {
  requestInfo: simple('requestInformation', true),
  proposeRemoteSession: {
    mutation: 'proposeRemoteSession',
    input: 'ProposeRemoteSessionInput',
    fields: ['at', 'duration', 'link', 'note'],
    noteRequired: false,
  },
  provideInfo: simple('provideInformation', true),
  // L3-06: the client answers the proposal the page shows.
  acceptRemoteSession: {
    mutation: 'acceptRemoteSession',
    input: 'AcceptRemoteSessionInput',
    fields: ['proposal', 'note'],
    noteRequired: false,
  },
  declineRemoteSession: {
    mutation: 'declineRemoteSession',
    input: 'DeclineRemoteSessionInput',
    fields: ['proposal', 'reason', 'suggestedAt'],
    noteRequired: false,
  },
  // QA S62 (L3-06): staff withdraw the pending session, with an optional note for the client.
  withdrawRemoteSession: {
    mutation: 'withdrawRemoteSession',
    input: 'WithdrawRemoteSessionInput',
    fields: ['proposal', 'note'],
    noteRequired: false,
  },
  classify: {
    mutation: 'classifyTicket',
    input: 'ClassifyTicketInput',
    fields: ['classification', 'agent', 'note'],
    noteRequired: false,
  },
  reassign: {
    mutation: 'reassignTicket',
    input: 'ReassignTicketInput',
    fields: ['agent', 'note'],
    noteRequired: false,
  },
  addProgress: simple('addProgressUpdate', true),
  waitOnClient: simple('waitOnClient', true),
  clientReplied: simple('replyToTicket', true),
  resolve: simple('resolveTicket', true),
  confirmResolution: simple('confirmResolution', false),
  reopen: simple('reopenTicket', true),
  declareOutOfScope: simple('declareOutOfScope', true),
  declareNotFeasible: {
    mutation: 'declareNotFeasible',
    input: 'DeclareNotFeasibleInput',
    fields: ['reasons', 'note'],
    noteRequired: false,
  },
  submitEstimate: {
    mutation: 'submitEstimate',
    input: 'SubmitEstimateInput',
    fields: ['hoursScope', 'note'],
    noteRequired: false,
  },
  authorizeEstimate: {
    mutation: 'authorizeEstimate',
    input: 'AuthorizeEstimateInput',
    fields: ['estimate', 'statement', 'note'],
    noteRequired: false,
  },
  // QA S16: a rejection asks one thing, its reason («Motivo del rechazo»), which the history and
  // the provider's email keep; a second «Nota» box said the same again.
  rejectEstimate: {
    mutation: 'rejectEstimate',
    input: 'EstimateFeedbackInput',
    fields: ['estimate', 'reason'],
    noteRequired: false,
  },
  // QA S18: a re-estimate request asks one thing, what should change (a «Nota» beside the
  // «Motivo» said it twice, and the agent's email quoted the note).
  requestReestimate: {
    mutation: 'requestReestimate',
    input: 'EstimateFeedbackInput',
    fields: ['estimate', 'reason'],
    noteRequired: false,
  },
  // L3-12 change orders: more hours for a requirement being worked on; decided like an estimate.
  submitChangeOrder: {
    mutation: 'submitChangeOrder',
    input: 'SubmitChangeOrderInput',
    fields: ['hoursScope', 'note'],
    noteRequired: false,
    hoursInput: 'additionalHours',
  },
  authorizeChangeOrder: {
    mutation: 'authorizeChangeOrder',
    input: 'AuthorizeEstimateInput',
    fields: ['estimate', 'statement', 'note'],
    noteRequired: false,
  },
  rejectChangeOrder: {
    mutation: 'rejectChangeOrder',
    input: 'EstimateFeedbackInput',
    fields: ['estimate', 'reason'],
    noteRequired: false,
  },
  setReleaseDate: {
    mutation: 'setReleaseDate',
    input: 'SetReleaseDateInput',
    fields: ['releaseDate', 'note'],
    noteRequired: false,
  },
  startDevelopment: simple('startDevelopment', false),
  releaseForTesting: simple('releaseForTesting', false),
  acceptDelivery: simple('acceptDelivery', false),
  reportFailures: simple('reportFailures', true),
  cancel: simple('cancelTicket', true),
  recordAdminAction: {
    mutation: 'recordAdminAction',
    input: 'RecordAdminActionInput',
    fields: ['adminAction', 'note'],
    noteRequired: false,
  },
  closeAdminAction: simple('closeAdminAction', false),
  // L3-06/L3-07/L3-11: staff record the answer the client gave by phone, WhatsApp, email…
  recordClientAnswer: {
    mutation: 'recordClientAnswer',
    input: 'RecordClientAnswerInput',
    fields: ['channel', 'note'],
    noteRequired: true,
  },
};

/** How a client's answer off the portal reached staff (the API's ClientAnswerChannel). */
export const CLIENT_ANSWER_CHANNELS = ['PHONE', 'WHATSAPP', 'EMAIL', 'MEETING', 'OTHER'] as const;

export interface TransitionResult {
  requestId: string;
  seq: number;
  ticket: { number: string; state: string };
}

/** The mutation document of one transition. */
export function transitionOperation(spec: ActionSpec) {
  return operation<Record<string, TransitionResult>, { input: Record<string, unknown> }>(
    `mutation Transition($input: ${spec.input}!) {
  ${spec.mutation}(input: $input) { requestId seq ticket { number state } }
}`,
  );
}

/** A comment: a client's reply, a staff reply to the client, or a staff internal note. */
export const ADD_COMMENT = operation<
  { addComment: TransitionResult },
  {
    number: string;
    body: string;
    internal: boolean;
    requestId: string;
    /** L3-11: files uploaded for this comment (`uploadAttachment(…, forComment)`). */
    attachmentIds?: string[];
  }
>(`mutation AddComment($number: String!, $body: String!, $internal: Boolean!, $requestId: String, $attachmentIds: [ID!]) {
  addComment(number: $number, body: $body, internal: $internal, requestId: $requestId, attachmentIds: $attachmentIds) {
    requestId seq ticket { number state }
  }
}`);
