import { operation } from './graphql-client';
import { DUE_FIELDS, type TicketSummary, type TransitionResult } from './tickets';

// Queue, re-planning and quick-channel operations of the web app (L3-10, L3-14, L3-19).

/** An open ticket in its client queue (or the staff work list). */
export interface QueueEntry {
  position: number;
  ticketNumber: string;
  subject: string;
  state: string;
  category: string;
  /** What the agent classified it as (L3-07/L3-08); null until then. */
  classification: string | null;
  requirementKind: string | null;
  slaStatus: string;
  nextDeadline: string | null;
  registeredAt: string;
  organizationId: string;
  rank: number | null;
  urgent: boolean;
  releaseDate: string | null;
  plannedReleaseDate: string | null;
  remainingHours: number | null;
  /** L3-19: the plan finishes after the published release date… */
  deliveryAtRisk: boolean;
  /** …by this many business days (null when not at risk). */
  deliverySlipBusinessDays: number | null;
  /** L3-19: the published date fell on a day a calendar change closed since (QA S53). */
  deliveryOnClosedDay: boolean;
  /** L3-06: the time of a remote session the client confirmed, while the ticket waits for it. */
  confirmedRemoteSessionAt: string | null;
}

const ENTRY_FIELDS = `position ticketNumber subject state category classification requirementKind
  slaStatus nextDeadline registeredAt
  organizationId rank urgent releaseDate plannedReleaseDate remainingHours deliveryAtRisk
  deliverySlipBusinessDays deliveryOnClosedDay confirmedRemoteSessionAt`;

export interface ClientQueue {
  organizationId: string;
  hoursPerBusinessDay: number;
  plannedAt: string;
  entries: QueueEntry[];
}

const QUEUE_FIELDS = `organizationId hoursPerBusinessDay plannedAt entries { ${ENTRY_FIELDS} }`;

/** A published release date that moves: old → new. */
export interface PlannedDateChange {
  ticketNumber: string;
  subject: string;
  oldDate: string;
  newDate: string;
}

const CHANGE_FIELDS = `ticketNumber subject oldDate newDate`;

export const CLIENT_QUEUE = operation<
  { clientQueue: ClientQueue },
  { organizationId: string | null }
>(`query ClientQueue($organizationId: ID) {
  clientQueue(organizationId: $organizationId) { ${QUEUE_FIELDS} }
}`);

export interface QueueOrder {
  order: string[];
  urgent: string[];
  organizationId?: string;
}

export const PREVIEW_QUEUE_REORDER = operation<
  {
    previewQueueReorder: {
      previewToken: string;
      changes: PlannedDateChange[];
      queue: ClientQueue;
    };
  },
  { input: QueueOrder }
>(`query PreviewQueueReorder($input: QueueOrderInput!) {
  previewQueueReorder(input: $input) {
    previewToken changes { ${CHANGE_FIELDS} } queue { ${QUEUE_FIELDS} }
  }
}`);

export const CONFIRM_QUEUE_REORDER = operation<
  {
    confirmQueueReorder: { reorderId: string; changes: PlannedDateChange[]; queue: ClientQueue };
  },
  { input: QueueOrder & { previewToken: string; reason: string } }
>(`mutation ConfirmQueueReorder($input: ConfirmQueueReorderInput!) {
  confirmQueueReorder(input: $input) {
    reorderId changes { ${CHANGE_FIELDS} } queue { ${QUEUE_FIELDS} }
  }
}`);

/**
 * A work list entry: who has it (L3-07), what says why nothing is due (QA S21) as the ticket lists
 * read it, and which clock the deadline is (L3-06…L3-09).
 */
export interface WorkListEntry extends QueueEntry, Pick<TicketSummary, 'awaitingClient'> {
  /** L3-07: the assigned agent by name (null: unassigned). */
  assigneeName: string | null;
  /** QA S63 #3: false when the assigned agent's account is inactive (staff only). */
  assigneeActive?: boolean | null;
  /** What {@link DUE_FIELDS} reads, as the ticket lists. */
  clocks: TicketSummary['clocks'];
}

export const WORK_LIST = operation<{ workList: WorkListEntry[] }, { first: number }>(
  `query WorkList($first: Int!) {
  workList(first: $first) { ${ENTRY_FIELDS} assigneeName assigneeActive ${DUE_FIELDS} }
}`,
);

export const ADJUST_RELEASE_DATE = operation<
  { adjustReleaseDate: TransitionResult },
  { input: { number: string; newDate: string; reason: string; requestId: string } }
>(`mutation AdjustReleaseDate($input: AdjustReleaseDateInput!) {
  adjustReleaseDate(input: $input) { requestId seq ticket { number state } }
}`);

export interface QuickChannel {
  organizationId: string;
  whatsappGroupUrl: string | null;
}

export const QUICK_CHANNEL = operation<
  { quickChannel: QuickChannel },
  { organizationId: string | null }
>(`query QuickChannel($organizationId: ID) {
  quickChannel(organizationId: $organizationId) { organizationId whatsappGroupUrl }
}`);

export const SET_QUICK_CHANNEL = operation<
  { setQuickChannel: QuickChannel },
  { input: { organizationId: string; whatsappGroupUrl: string | null } }
>(`mutation SetQuickChannel($input: SetQuickChannelInput!) {
  setQuickChannel(input: $input) { organizationId whatsappGroupUrl }
}`);

/** L3-19: the capacity model's provider hours per business day for one client. */
export interface PlanningSettings {
  organizationId: string;
  hoursPerBusinessDay: number;
  defaultCapacity: boolean;
}

const SETTINGS_FIELDS = `organizationId hoursPerBusinessDay defaultCapacity`;

export const PLANNING_SETTINGS = operation<
  { planningSettings: PlanningSettings },
  { organizationId: string }
>(`query PlanningSettings($organizationId: ID) {
  planningSettings(organizationId: $organizationId) { ${SETTINGS_FIELDS} }
}`);

export const SET_PLANNING_CAPACITY = operation<
  { setPlanningCapacity: PlanningSettings },
  { input: { organizationId: string; hoursPerBusinessDay: number | null } }
>(`mutation SetPlanningCapacity($input: SetPlanningCapacityInput!) {
  setPlanningCapacity(input: $input) { ${SETTINGS_FIELDS} }
}`);
