import type { WorkflowHandle } from '@temporalio/client';
import { addBusinessDays, localDateOf, workingIntervalsOn } from '../../src/business-time/engine';
import {
  authorizeEstimateUpdate,
  calendarChangedSignal,
  classifyUpdate,
  proposeRemoteSessionUpdate,
  releaseForTestingUpdate,
  type RemoteSessionArgs,
  requestInfoUpdate,
  type RequirementKind,
  resolveUpdate,
  setReleaseDateUpdate,
  startDevelopmentUpdate,
  submitChangeOrderUpdate,
  submitEstimateUpdate,
  ticketStateQuery,
  type TicketView,
  type TimelineEvent,
  waitOnClientUpdate,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  agent,
  approver,
  baseDefinition,
  CALENDAR_ID,
  eventually,
  HOUR,
  req,
  type TicketHarness,
} from './ticket-harness';

// Paths to a ticket state, shared by the workflow specs (beside ticket-harness.ts, which holds the
// server, the worker and the fakes). Each step sends the Updates the specs sent by hand, with the
// same actors and fields, and answers the view once it is there; a `to…` step starts from the
// state the one before it ends in, so a spec names the state it needs and only what differs.

export type TicketHandle = WorkflowHandle<typeof ticketWorkflow>;

const view = (handle: TicketHandle): Promise<TicketView> => handle.query(ticketStateQuery);

/** The view once `accept` holds (a timer fired, a signal was handled): see `eventually`. */
export function viewWhen(
  handle: TicketHandle,
  accept: (view: TicketView) => boolean,
): Promise<TicketView> {
  return eventually(() => view(handle), accept);
}

/** Every event of `type` the workflow handed to the projection, in order. */
export function projected(h: TicketHarness, type: string): TimelineEvent[] {
  return h.projections.flatMap((b) => b.events).filter((e) => e.type === type);
}

/** The instant `hours` hours (wall time) after the server's now, ISO-8601. */
export async function hoursFromNow(h: TicketHarness, hours: number): Promise<string> {
  return new Date((await h.env.currentTimeMs()) + hours * HOUR).toISOString();
}

/** `count` instants after `from`, each `days` business days after the one before (reminders). */
export function everyBusinessDays(
  h: TicketHarness,
  from: string | number,
  days: number,
  count: number,
): number[] {
  const out: number[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i += 1) {
    at = addBusinessDays(h.calendars.engine, at, days);
    out.push(at.getTime());
  }
  return out;
}

/**
 * A calendar change: a new version of the ticket's calendar closes the local date of `instantMs`
 * (maintenance, a holiday the client added), and the ticket is told (`calendarChanged`).
 */
export async function closeDateOf(
  h: TicketHarness,
  handle: TicketHandle,
  instantMs: number,
  reason = 'Cierre por mantenimiento',
): Promise<void> {
  h.calendars.publish({
    ...baseDefinition,
    overrides: [
      { date: localDateOf(h.calendars.engine, new Date(instantMs)), intervals: [], reason },
    ],
  });
  await handle.signal(calendarChangedSignal, { calendarId: CALENDAR_ID });
}

// --- Problem path (L3-06, L3-07) ---

/** L3-07: the agent classifies it as a problem assigned to `agentId`: IN_ANALYSIS. */
export async function toInAnalysis(
  handle: TicketHandle,
  agentId = agent.userId,
): Promise<TicketView> {
  await handle.executeUpdate(classifyUpdate, {
    args: [req(agent, { classification: 'PROBLEM' as const, agentId })],
  });
  return view(handle);
}

/** L3-07: a problem whose analysis waits on the client (progress clock paused): WAITING_ON_CLIENT. */
export async function toWaitingOnClient(handle: TicketHandle, note: string): Promise<TicketView> {
  await toInAnalysis(handle);
  await handle.executeUpdate(waitOnClientUpdate, { args: [req(agent, { note })] });
  return view(handle);
}

/** L3-07: a problem the agent resolved (auto-close scheduled): RESOLVED. */
export async function toResolved(handle: TicketHandle, note = 'Corregido'): Promise<TicketView> {
  await toInAnalysis(handle);
  await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note })] });
  return view(handle);
}

// --- Triage (L3-06) ---

/** L3-06: the agent asks the client for information (triage clock stopped): INFO_REQUESTED. */
export async function toInfoRequested(handle: TicketHandle, note: string): Promise<TicketView> {
  await handle.executeUpdate(requestInfoUpdate, { args: [req(agent, { note })] });
  return view(handle);
}

/** L3-06: the agent proposes a remote session (`fields`): REMOTE_SESSION_PROPOSED. */
export async function toRemoteSessionProposed(
  handle: TicketHandle,
  fields: Omit<RemoteSessionArgs, 'requestId' | 'actor'>,
): Promise<TicketView> {
  await handle.executeUpdate(proposeRemoteSessionUpdate, { args: [req(agent, fields)] });
  return view(handle);
}

// --- Requirement path (L3-08, L3-09, L3-12) ---

/** A requirement's estimate and its written authorization; unsaid fields take these defaults. */
export interface RequirementPath {
  /** `classify`'s requirement kind (L3-08): CHANGE. */
  readonly requirementKind?: RequirementKind;
  /** The estimate (L3-09): 8 h for «Reporte de ventas». */
  readonly hours?: number;
  readonly scope?: string;
  /** The approver's written authorization: «Autorizo <hours> h.». */
  readonly statement?: string;
}

/** L3-08: the agent classifies it as a requirement of `requirementKind`: IN_DIAGNOSIS. */
export async function toInDiagnosis(
  handle: TicketHandle,
  requirementKind: RequirementKind = 'CHANGE',
): Promise<TicketView> {
  await handle.executeUpdate(classifyUpdate, {
    args: [req(agent, { classification: 'REQUIREMENT' as const, requirementKind })],
  });
  return view(handle);
}

/** L3-09: the agent submits an estimate (a further version after a rejection or re-estimate). */
export async function submitEstimate(
  handle: TicketHandle,
  { hours = 8, scope = 'Reporte de ventas' }: Pick<RequirementPath, 'hours' | 'scope'> = {},
): Promise<TicketView> {
  await handle.executeUpdate(submitEstimateUpdate, { args: [req(agent, { hours, scope })] });
  return view(handle);
}

/** L3-09: classified and estimated, waiting for the written authorization: ESTIMATE_SUBMITTED. */
export async function toEstimateSubmitted(
  handle: TicketHandle,
  path: RequirementPath = {},
): Promise<TicketView> {
  await toInDiagnosis(handle, path.requirementKind);
  return submitEstimate(handle, path);
}

/** L3-09: the approver authorized estimate 1 in writing (its hours reserved): SCHEDULING. */
export async function toScheduling(
  handle: TicketHandle,
  path: RequirementPath = {},
): Promise<TicketView> {
  await toEstimateSubmitted(handle, path);
  const statement = path.statement ?? `Autorizo ${path.hours ?? 8} h.`;
  await handle.executeUpdate(authorizeEstimateUpdate, {
    args: [req(approver, { estimateVersion: 1, statement })],
  });
  return view(handle);
}

/** L3-09: released on the opening of the 2nd business date from now: RELEASE_DATE_SET. */
export async function toReleaseDateSet(
  h: TicketHarness,
  handle: TicketHandle,
  path: RequirementPath = {},
): Promise<TicketView> {
  await toScheduling(handle, path);
  const engine = h.calendars.engine;
  const day = localDateOf(
    engine,
    addBusinessDays(engine, new Date(await h.env.currentTimeMs()), 2),
  );
  const releaseDate = workingIntervalsOn(engine, day).intervals[0].start.toISOString();
  await handle.executeUpdate(setReleaseDateUpdate, { args: [req(agent, { releaseDate })] });
  return view(handle);
}

/** L3-09: estimated, authorized, scheduled and being developed: IN_DEVELOPMENT. */
export async function toInDevelopment(
  h: TicketHarness,
  handle: TicketHandle,
  path: RequirementPath = {},
): Promise<TicketView> {
  await toReleaseDateSet(h, handle, path);
  await handle.executeUpdate(startDevelopmentUpdate, { args: [req(agent)] });
  return view(handle);
}

/**
 * L3-09: the agent releases it for the client's testing (RELEASED_FOR_TESTING); answers the
 * instant of the `releaseForTesting` event.
 */
export async function releaseForTesting(handle: TicketHandle, note?: string): Promise<string> {
  const result = await handle.executeUpdate(releaseForTestingUpdate, {
    args: [req(agent, note === undefined ? {} : { note })],
  });
  return (await view(handle)).timeline.find((e) => e.seq === result.seq)!.at;
}

/**
 * L3-12: the agent submits a change order (more hours, pending the approver's authorization);
 * the state stays. Answers when it was submitted.
 */
export async function submitChangeOrder(
  handle: TicketHandle,
  { additionalHours = 4, scope = 'Falta el filtro por sucursal' } = {},
): Promise<string> {
  await handle.executeUpdate(submitChangeOrderUpdate, {
    args: [req(agent, { additionalHours, scope })],
  });
  return (await view(handle)).estimates.at(-1)!.submittedAt;
}
