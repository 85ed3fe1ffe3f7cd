import { operation } from './graphql-client';

// The biweekly checkpoint (L3-15): agendas, decisions and settings.

export interface CheckpointDecision {
  id: string;
  notes: string;
  newPriorities: string[] | null;
  prioritiesStatus: string;
  recordedAt: string;
  /** Null when the user is gone. */
  recordedByName: string | null;
  recordedByRole: string;
}

export interface Checkpoint {
  id: string;
  organizationId: string;
  kind: string;
  scheduledFor: string | null;
  periodStart: string;
  periodEnd: string;
  openByState: { state: string; count: number }[];
  openTickets: {
    number: string;
    subject: string;
    state: string;
    slaStatus: string;
    nextDeadline: string | null;
    releaseDate: string | null;
    /** L3-10: position in the client's queue; null in agendas stored before positions were. */
    queuePosition: number | null;
    /** The running clock `nextDeadline` is (`triage`…); null when none is, or in older agendas. */
    nextDeadlineClock: string | null;
    /**
     * L3-06: while the ticket waited for a remote session the client confirmed (no clock runs),
     * its time: «Sesión remota: …», as the lists say (QA S60b #9); null otherwise, or in older
     * agendas.
     */
    confirmedRemoteSessionAt: string | null;
  }[];
  slaAlerts: {
    ticketNumber: string;
    subject: string;
    clock: string;
    status: string;
    deadline: string | null;
  }[];
  estimatesAwaitingAuthorization: {
    ticketNumber: string;
    subject: string;
    version: number;
    hours: number;
    scope: string;
    submittedAt: string;
    /** L3-12: set for a change order, the hours it adds. */
    additionalHours: number | null;
  }[];
  dateChanges: {
    ticketNumber: string;
    subject: string;
    oldDate: string | null;
    newDate: string;
    reason: string;
    at: string;
  }[];
  hours: {
    purchased: number;
    consumed: number;
    consumedInPeriod: number;
    reserved: number;
    balance: number;
    available: number;
  };
  decisions: CheckpointDecision[];
}

const SUMMARY_FIELDS = `id organizationId kind scheduledFor periodStart periodEnd`;
const AGENDA_FIELDS = `${SUMMARY_FIELDS}
  openByState { state count }
  openTickets { queuePosition number subject state slaStatus nextDeadline nextDeadlineClock confirmedRemoteSessionAt releaseDate }
  slaAlerts { ticketNumber subject clock status deadline }
  estimatesAwaitingAuthorization { ticketNumber subject version hours scope submittedAt additionalHours }
  dateChanges { ticketNumber subject oldDate newDate reason at }
  hours { purchased consumed consumedInPeriod reserved balance available }
  decisions { id notes newPriorities prioritiesStatus recordedAt recordedByName recordedByRole }`;

export type CheckpointSummary = Pick<
  Checkpoint,
  'id' | 'organizationId' | 'kind' | 'scheduledFor' | 'periodStart' | 'periodEnd'
> & { decisions: { id: string }[] };

export const CHECKPOINTS = operation<
  { checkpoints: CheckpointSummary[] },
  { organizationId: string }
>(`query Checkpoints($organizationId: ID!) {
  checkpoints(organizationId: $organizationId, first: 50) { ${SUMMARY_FIELDS} decisions { id } }
}`);

export const CHECKPOINT = operation<{ checkpoint: Checkpoint }, { id: string }>(
  `query Checkpoint($id: ID!) { checkpoint(id: $id) { ${AGENDA_FIELDS} } }`,
);

export const RECORD_CHECKPOINT_DECISIONS = operation<
  { recordCheckpointDecisions: Checkpoint },
  { id: string; input: { notes: string; newPriorities?: string[] } }
>(`mutation RecordCheckpointDecisions($id: ID!, $input: CheckpointDecisionsInput!) {
  recordCheckpointDecisions(checkpointId: $id, input: $input) { ${AGENDA_FIELDS} }
}`);

export interface CheckpointSettings {
  organizationId: string;
  weekday: number;
  localTime: string;
  timeZone: string;
  firstDate: string;
  nextRuns: string[];
}

const SETTINGS_FIELDS = `organizationId weekday localTime timeZone firstDate nextRuns`;

export const CHECKPOINT_SETTINGS = operation<
  { checkpointSettings: CheckpointSettings | null },
  { organizationId: string }
>(`query CheckpointSettings($organizationId: ID!) {
  checkpointSettings(organizationId: $organizationId) { ${SETTINGS_FIELDS} }
}`);

export const SET_CHECKPOINT_SETTINGS = operation<
  { setCheckpointSettings: CheckpointSettings },
  { input: { organizationId: string; weekday: number; localTime: string } }
>(`mutation SetCheckpointSettings($input: CheckpointSettingsInput!) {
  setCheckpointSettings(input: $input) { ${SETTINGS_FIELDS} }
}`);

/**
 * L3-15: an off-schedule agenda now. `idempotencyKey` is one per click intent, sent again on a
 * retry: the same key always yields the same agenda.
 */
export const GENERATE_CHECKPOINT_AGENDA = operation<
  { generateCheckpointAgenda: CheckpointSummary },
  { organizationId: string; idempotencyKey: string }
>(`mutation GenerateCheckpointAgenda($organizationId: ID!, $idempotencyKey: String) {
  generateCheckpointAgenda(organizationId: $organizationId, idempotencyKey: $idempotencyKey) {
    ${SUMMARY_FIELDS} decisions { id }
  }
}`);
