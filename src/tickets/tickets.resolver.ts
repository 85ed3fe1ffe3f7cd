import {
  Args,
  Context,
  Float,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import * as wf from '../../workflows/ticket/ticket.contract';
import { batchScope } from '../common/request-batcher';
import { TicketOrder } from './ticket-order';
import { HourBalanceModel } from '../contracts/hour-balance.model';
import { TimeEntryModel } from '../contracts/time-entry.model';
import type { TimeEntryEntity } from '../contracts/time-entry.entity';
import type { HourBalanceView } from '../contracts/balance-view';
import { type AuthenticatedUser, CurrentUser, isProviderStaff, Role, Roles } from '../identity';
import { Locale } from '../identity/graphql-enums';
import {
  AcceptRemoteSessionInput,
  AuthorizeEstimateInput,
  ClassifyTicketInput,
  DeclareNotFeasibleInput,
  DeclineRemoteSessionInput,
  EstimateFeedbackInput,
  LogTicketTimeInput,
  ReverseTicketTimeEntryInput,
  ProposeRemoteSessionInput,
  ReassignTicketInput,
  RecordAdminActionInput,
  RecordClientAnswerInput,
  RegisterTicketInput,
  SetReleaseDateInput,
  SubmitChangeOrderInput,
  SubmitEstimateInput,
  TicketActionInput,
  TicketFilter,
  WithdrawRemoteSessionInput,
} from './ticket.inputs';
import type { TicketWithParts } from './ticket.mapper';
import { visibleTimeline } from './ticket-timeline';
import { withRecomputedVersions } from './recomputed-versions';
import { awaitsClient, confirmedRemoteSessionAt } from './awaiting-client';
import {
  PersonModel,
  SlaClockModel,
  TicketEventModel,
  TicketModel,
  TicketPage,
  TransitionOutcome,
} from './ticket.model';
import { TicketsService, type TransitionName } from './tickets.service';
import { UserNamesLoader } from './user-names.loader';
import { ClockStatesLoader } from './clock-states.loader';
import { ReleaseDateStatesLoader } from './release-date-states.loader';
import { deliveryOnClosedDay, promisesRelease } from '../planning/delivery-risk';

/**
 * Tickets over GraphQL: every user action is one mutation that runs one workflow Update and
 * answers with the updated ticket, or a typed error with nothing changed.
 */
@Resolver(() => TicketModel)
export class TicketsResolver {
  constructor(
    private readonly service: TicketsService,
    private readonly names: UserNamesLoader,
    private readonly clockStates: ClockStatesLoader,
    private readonly releaseDates: ReleaseDateStatesLoader,
  ) {}

  @Query(() => TicketModel, { description: 'A ticket by number (own organization for clients).' })
  ticket(@CurrentUser() user: AuthenticatedUser, @Args('number') number: string) {
    return this.service.get(user, number);
  }

  @Query(() => TicketPage, {
    description:
      'Newest first unless `orderBy` says otherwise, with filters and cursor pagination.',
  })
  tickets(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter', { nullable: true }) filter?: TicketFilter,
    @Args('first', { type: () => Int, defaultValue: 25 }) first = 25,
    @Args('after', { nullable: true, description: 'A `nextCursor` of the same `orderBy`.' })
    after?: string,
    @Args('orderBy', { type: () => TicketOrder, defaultValue: TicketOrder.NEWEST })
    orderBy = TicketOrder.NEWEST,
  ) {
    return this.service.list(user, filter, first, after, orderBy);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'L3-07: the assigned agent by name (read in one batch per request).',
  })
  assigneeName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() ticket: TicketWithParts,
  ) {
    return this.names.load(ctx, user, ticket.assigneeId);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The client user who registered the ticket, by name.',
  })
  registrantName(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() ticket: TicketWithParts,
  ) {
    return this.names.load(ctx, user, ticket.registrantId);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "QA S62 #1: whether the registrant's account is active (provider staff only; null for clients). While inactive, the client's active approvers get the ticket's emails (L3-11).",
  })
  registrantActive(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() ticket: TicketWithParts,
  ) {
    return this.names.loadActive(ctx, user, ticket.registrantId);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "QA S62 #2: whether the assigned agent's account is active (provider staff only; null for clients and while unassigned). An inactive assignee keeps the ticket until it is reassigned (L3-07).",
  })
  assigneeActive(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() ticket: TicketWithParts,
  ) {
    return this.names.loadActive(ctx, user, ticket.assigneeId);
  }

  @ResolveField(() => Locale, {
    nullable: true,
    description:
      'The language of the client user who registered the ticket (their user locale): the language a canned response is inserted in. Null when the registrant is unknown.',
  })
  registrantLocale(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Parent() ticket: TicketWithParts,
  ) {
    return this.names.loadLocale(ctx, user, ticket.registrantId);
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Query(() => [PersonModel], {
    description: "L3-07: the provider's active agents, who a ticket may be assigned to.",
  })
  assignableAgents(): Promise<PersonModel[]> {
    return this.service.agents();
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Query(() => [PersonModel], {
    description:
      "QA S62 #2: the ticket list's «Agente» choices: the active agents (as assignableAgents), then the inactive provider staff who still hold open tickets (active false), by name, so a manager can list those tickets to hand them over.",
  })
  agentFilterChoices(): Promise<PersonModel[]> {
    return this.service.agentFilterChoices();
  }

  @ResolveField(() => Boolean, {
    description:
      "L3-06/L3-07/L3-09: the ticket's next step is the client's (for a client user: theirs; an estimate or change order to authorize counts for approvers and staff only).",
  })
  awaitingClient(@CurrentUser() user: AuthenticatedUser, @Parent() ticket: TicketWithParts) {
    return awaitsClient(user, ticket);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'L3-06: while the ticket waits for a remote session the client confirmed (REMOTE_SESSION_PROPOSED, no clock runs), its time; null otherwise.',
  })
  confirmedRemoteSessionAt(@Parent() ticket: TicketWithParts): Date | null {
    return confirmedRemoteSessionAt(ticket);
  }

  @ResolveField(() => Boolean, {
    description:
      'L3-07: true when a public reply by provider staff now would count as a progress update and restart the progress clock (a problem in analysis whose progress clock runs; not while it waits on the client). Always false for client users, who never write staff replies.',
  })
  publicReplyCountsAsProgress(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketWithParts,
  ): Promise<boolean> {
    return this.service.publicReplyCountsAsProgress(user, ticket, (number) =>
      this.clockStates.load(batchScope(ctx, info, ticket), number),
    );
  }

  @ResolveField(() => Boolean, {
    description:
      'L3-09: true when the published `releaseDate` no longer holds: the client reported failures in the release after it was published, and the agent has not yet published a new date (`setReleaseDate`, `adjustReleaseDate`) nor released again. `releaseDate` then keeps the previous date. False when there is no release date. Read in one batch per request.',
  })
  releaseDateSuperseded(
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketWithParts,
  ): Promise<boolean> {
    if (!ticket.releaseDate) return Promise.resolve(false);
    return this.releaseDates.superseded(batchScope(ctx, info, ticket), ticket.number);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "L3-19 (QA S59): provider staff only (null for a client user): true when the published `releaseDate` (a promise still: RELEASE_DATE_SET or IN_DEVELOPMENT) is no longer business time on the ticket's calendar at its current version (a holiday or closed day was added on it after it was published). It does not move by itself; the agent adjusts it, which emails the client.",
  })
  async releaseDateOnClosedDay(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketWithParts,
  ): Promise<boolean | null> {
    if (!isProviderStaff(user)) return null;
    // No calendar read for a date that is no promise (none, or past its release).
    if (!ticket.releaseDate || !promisesRelease(ticket.state)) return false;
    const calendar = await this.clockStates.calendar(
      batchScope(ctx, info, ticket),
      ticket.calendarId,
    );
    return deliveryOnClosedDay(calendar.engine, ticket.state, ticket.releaseDate);
  }

  @ResolveField(() => String, {
    description:
      "The IANA time zone of the ticket's business calendar at its current version (BUSINESS-TIME.md): the zone its clocks count business hours in, the client's working hours. The web app shows a deadline in it too when the reader's own zone differs (QA S59: a Tokyo client's deadlines read only in Mexico City time).",
  })
  async calendarTimeZone(
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketWithParts,
  ): Promise<string> {
    // The calendar `clocks` reads too: one row read per calendar per request.
    const calendar = await this.clockStates.calendar(
      batchScope(ctx, info, ticket),
      ticket.calendarId,
    );
    return calendar.engine.timeZone;
  }

  @ResolveField(() => [SlaClockModel])
  clocks(
    @Context() ctx: object,
    @Info() info: GraphQLResolveInfo,
    @Parent() ticket: TicketWithParts,
  ): Promise<SlaClockModel[]> {
    // A registration's answer carries the clocks it wrote; a list reads its page's in one batch.
    return ticket.clocks
      ? Promise.resolve(ticket.clocks)
      : this.clockStates.live(batchScope(ctx, info, ticket), ticket);
  }

  @ResolveField(() => [TicketEventModel], {
    description: 'Every event, oldest first (client users never see internal notes).',
  })
  async timeline(@CurrentUser() user: AuthenticatedUser, @Parent() ticket: TicketWithParts) {
    const events = await this.service.timeline(ticket);
    // A recomputed deadline names the calendar changes it followed (`calendarChanges`).
    return visibleTimeline(user, withRecomputedVersions(ticket.calendarId, events));
  }

  @ResolveField(() => [String], { description: 'Transitions the caller may try now.' })
  allowedActions(@CurrentUser() user: AuthenticatedUser, @Parent() ticket: TicketWithParts) {
    return this.service.allowedActions(user, ticket);
  }

  @ResolveField(() => [TimeEntryModel], {
    description:
      'L3-12/L3-13: work logged on the ticket, newest first, each with the balance after it.',
  })
  async timeEntries(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketWithParts,
  ): Promise<TimeEntryModel[]> {
    return (await this.service.timeEntries(user, ticket)).map(listedTimeEntry);
  }

  @ResolveField(() => Float, {
    description: "L3-12: hours charged to the client's package on this ticket so far.",
  })
  async chargedHours(
    @CurrentUser() user: AuthenticatedUser,
    @Parent() ticket: TicketWithParts,
  ): Promise<number> {
    // Charged consumptions net of reversals (L3-13), not the entries' balances.
    return this.service.chargedHours(user, ticket);
  }

  @Mutation(() => TicketModel, { description: 'L3-04/L3-05: a client user registers a ticket.' })
  registerTicket(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RegisterTicketInput,
  ) {
    return this.service.register(user, input);
  }

  private run<A extends wf.RequestBase>(
    user: AuthenticatedUser,
    name: TransitionName,
    def: Parameters<TicketsService['transition']>[3] & { name: string },
    input: TicketActionInput,
    extra: Record<string, unknown> = {},
  ) {
    const { number, requestId, note } = input;
    return this.service.transition<A>(
      user,
      number,
      name,
      def as never,
      {
        requestId,
        ...(note === undefined ? {} : { note }),
        ...extra,
      } as never,
    );
  }

  @Mutation(() => TransitionOutcome, { description: 'L3-06: ask the client for information.' })
  requestInformation(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'requestInfo', wf.requestInfoUpdate, i);
  }

  @Mutation(() => TransitionOutcome, { description: 'L3-06: propose a remote session.' })
  proposeRemoteSession(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: ProposeRemoteSessionInput,
  ) {
    return this.run(u, 'proposeRemoteSession', wf.proposeRemoteSessionUpdate, i, {
      at: i.at.toISOString(),
      // L3-06: an empty link is no link; the workflow accepts https:// URLs only.
      ...(i.link?.trim() ? { link: i.link.trim() } : {}),
      ...(i.durationMinutes === undefined || i.durationMinutes === null
        ? {}
        : { durationMinutes: i.durationMinutes }),
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-06: the client confirms the proposed remote session (the state and the stopped triage clock stay; staff are emailed).',
  })
  acceptRemoteSession(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: AcceptRemoteSessionInput,
  ) {
    return this.run(u, 'acceptRemoteSession', wf.acceptRemoteSessionUpdate, i, {
      proposal: i.proposal,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-06: the client cannot attend the proposed remote session: a reason and maybe another time; back to REGISTERED with a new triage clock (staff are emailed).',
  })
  declineRemoteSession(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: DeclineRemoteSessionInput,
  ) {
    return this.run(u, 'declineRemoteSession', wf.declineRemoteSessionUpdate, i, {
      proposal: i.proposal,
      reason: i.reason,
      ...(i.suggestedAt ? { suggestedAt: i.suggestedAt.toISOString() } : {}),
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-06 (QA S62): provider staff withdraw the pending remote session (confirmed or not), with an optional note: back to REGISTERED with the triage clock as the proposal left it; the client and whoever holds the session in their calendar get its cancellation (METHOD:CANCEL). No session pending: INVALID_TRANSITION; clients: FORBIDDEN.',
  })
  withdrawRemoteSession(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: WithdrawRemoteSessionInput,
  ) {
    return this.run(u, 'withdrawRemoteSession', wf.withdrawRemoteSessionUpdate, i, {
      proposal: i.proposal,
    });
  }

  @Mutation(() => TransitionOutcome, { description: 'The client answers an information request.' })
  provideInformation(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'provideInfo', wf.provideInfoUpdate, i);
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-06 triage done: problem (assigned at once, L3-07) or requirement (L3-08).',
  })
  async classifyTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: ClassifyTicketInput) {
    // L3-07 a problem, L3-08 a requirement: the named agent, else the least-loaded active one.
    const automatic = !i.agentId;
    // L3-07: a named assignee must be an active L3 agent (the read model references the user).
    if (i.agentId) await this.service.requireActiveAgent(i.agentId);
    return this.run(u, 'classify', wf.classifyUpdate, i, {
      classification: i.classification,
      ...(i.requirementKind ? { requirementKind: i.requirementKind } : {}),
      ...(i.agentId ? { agentId: i.agentId } : {}),
      ...(automatic ? { candidateAgentIds: await this.service.automaticAgentIds() } : {}),
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-07: provider staff hand an assigned open ticket to another active agent (emailed to them).',
  })
  reassignTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: ReassignTicketInput) {
    return this.run(u, 'reassign', wf.reassignUpdate, i, { agentId: i.agentId });
  }

  @Mutation(() => TransitionOutcome, { description: 'L3-07: a progress update to the client.' })
  addProgressUpdate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'addProgress', wf.addProgressUpdate, i);
  }

  @Mutation(() => TransitionOutcome, { description: 'Wait on the client: the clock pauses.' })
  waitOnClient(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'waitOnClient', wf.waitOnClientUpdate, i);
  }

  @Mutation(() => TransitionOutcome, { description: 'The client replies: paused clocks resume.' })
  replyToTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'clientReplied', wf.clientRepliedUpdate, i);
  }

  @Mutation(() => TransitionOutcome, {
    description:
      "L3-06/L3-07/L3-08/L3-11: provider staff record the answer the client gave by phone, WhatsApp, email or in a meeting; it acts as the client's answer (the paused clock resumes, or triage restarts) and the registrant is emailed what was recorded.",
  })
  recordClientAnswer(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: RecordClientAnswerInput,
  ) {
    return this.run(u, 'recordClientAnswer', wf.recordClientAnswerUpdate, i, {
      channel: i.channel,
    });
  }

  @Mutation(() => TransitionOutcome)
  resolveTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'resolve', wf.resolveUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  confirmResolution(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'confirmResolution', wf.confirmResolutionUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  reopenTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'reopen', wf.reopenUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  declareOutOfScope(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'declareOutOfScope', wf.declareOutOfScopeUpdate, i);
  }

  @Mutation(() => TransitionOutcome, { description: 'L3-08: not feasible, with reasons.' })
  declareNotFeasible(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: DeclareNotFeasibleInput,
  ) {
    return this.run(u, 'declareNotFeasible', wf.declareNotFeasibleUpdate, i, {
      reasons: i.reasons,
    });
  }

  @Mutation(() => TransitionOutcome, { description: 'L3-08: diagnosis + estimate in hours.' })
  submitEstimate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: SubmitEstimateInput) {
    return this.run(u, 'submitEstimate', wf.submitEstimateUpdate, i, {
      hours: i.hours,
      scope: i.scope,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-09: an approver authorizes an estimate version in writing.',
  })
  authorizeEstimate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: AuthorizeEstimateInput) {
    return this.run(u, 'authorizeEstimate', wf.authorizeEstimateUpdate, i, {
      estimateVersion: i.estimateVersion,
      statement: i.statement,
    });
  }

  @Mutation(() => TransitionOutcome)
  rejectEstimate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: EstimateFeedbackInput) {
    return this.run(u, 'rejectEstimate', wf.rejectEstimateUpdate, i, {
      estimateVersion: i.estimateVersion,
      reason: i.reason,
    });
  }

  @Mutation(() => TransitionOutcome)
  requestReestimate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: EstimateFeedbackInput) {
    return this.run(u, 'requestReestimate', wf.requestReestimateUpdate, i, {
      estimateVersion: i.estimateVersion,
      reason: i.reason,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-12: provider staff ask for more hours on an authorized requirement being worked on (a change order; the state stays).',
  })
  submitChangeOrder(@CurrentUser() u: AuthenticatedUser, @Args('input') i: SubmitChangeOrderInput) {
    return this.run(u, 'submitChangeOrder', wf.submitChangeOrderUpdate, i, {
      additionalHours: i.additionalHours,
      scope: i.scope,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description:
      'L3-12: an approver authorizes the pending change order in writing; its additional hours are reserved.',
  })
  authorizeChangeOrder(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: AuthorizeEstimateInput,
  ) {
    return this.run(u, 'authorizeChangeOrder', wf.authorizeChangeOrderUpdate, i, {
      estimateVersion: i.estimateVersion,
      statement: i.statement,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-12: an approver rejects the pending change order, with a reason.',
  })
  rejectChangeOrder(@CurrentUser() u: AuthenticatedUser, @Args('input') i: EstimateFeedbackInput) {
    return this.run(u, 'rejectChangeOrder', wf.rejectChangeOrderUpdate, i, {
      estimateVersion: i.estimateVersion,
      reason: i.reason,
    });
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-09: publish the release-for-testing date.',
  })
  setReleaseDate(@CurrentUser() u: AuthenticatedUser, @Args('input') i: SetReleaseDateInput) {
    return this.run(u, 'setReleaseDate', wf.setReleaseDateUpdate, i, {
      releaseDate: i.releaseDate.toISOString(),
    });
  }

  @Mutation(() => TransitionOutcome)
  startDevelopment(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'startDevelopment', wf.startDevelopmentUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  releaseForTesting(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'releaseForTesting', wf.releaseForTestingUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  acceptDelivery(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'acceptDelivery', wf.acceptDeliveryUpdate, i);
  }

  @Mutation(() => TransitionOutcome)
  reportFailures(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'reportFailures', wf.reportFailuresUpdate, i);
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-17: provider staff record an odoo.sh admin action on an ADMIN_ACTION ticket.',
  })
  recordAdminAction(@CurrentUser() u: AuthenticatedUser, @Args('input') i: RecordAdminActionInput) {
    return this.run(u, 'recordAdminAction', wf.recordAdminActionUpdate, i, {
      action: i.action,
      details: i.details,
      ...(i.executedAt ? { executedAt: i.executedAt.toISOString() } : {}),
    });
  }

  @Mutation(() => TransitionOutcome, {
    description: 'L3-17: provider staff close an ADMIN_ACTION ticket once an action is recorded.',
  })
  closeAdminAction(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'closeAdminAction', wf.closeAdminActionUpdate, i);
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => TimeEntryModel, {
    description:
      "L3-12: work logged on a ticket, charged to its organization's authorized estimate; beyond it is refused.",
  })
  async logTicketTime(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: LogTicketTimeInput,
  ): Promise<TimeEntryModel> {
    const result = await this.service.logTime(u, i);
    return TimeEntryModel.fromEntity(result.timeEntry, HourBalanceModel.fromView(result.balance));
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => TimeEntryModel, {
    description:
      "L3-12, L3-13: cancels a time entry logged by mistake with a reversal (its hours back in the ticket's hold while it is at work); by the agent who logged it on an open ticket, or by a manager or administrator. The client's approvers are emailed.",
  })
  async reverseTicketTimeEntry(
    @CurrentUser() u: AuthenticatedUser,
    @Args('input') i: ReverseTicketTimeEntryInput,
  ): Promise<TimeEntryModel> {
    return listedTimeEntry(await this.service.reverseTimeEntry(u, i));
  }

  @Mutation(() => TransitionOutcome, { description: 'The client cancels before closure.' })
  cancelTicket(@CurrentUser() u: AuthenticatedUser, @Args('input') i: TicketActionInput) {
    return this.run(u, 'cancel', wf.cancelUpdate, i);
  }
}

/** A time entry as a ticket lists it (L3-12/L3-13): balance after it, its agent, whether reversed. */
function listedTimeEntry(r: {
  timeEntry: TimeEntryEntity;
  balance: HourBalanceView;
  agentName: string | null;
  reversed: boolean;
}): TimeEntryModel {
  return TimeEntryModel.fromEntity(
    r.timeEntry,
    HourBalanceModel.fromView(r.balance),
    r.agentName,
    r.reversed,
  );
}
