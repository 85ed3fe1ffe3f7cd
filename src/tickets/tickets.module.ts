import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { ContractsModule } from '../contracts/contracts.module';
import { CalendarChangeReconciler } from './calendar-change-reconciler';
import { ClockExplanationService } from './clock-explanation.service';
import { SlaDashboardResolver } from './sla-dashboard.resolver';
import { SlaDashboardService } from './sla-dashboard.service';
import { SlaClockResolver } from './sla-clock.resolver';
import { TicketCommentsResolver } from './ticket-comments.resolver';
import { TicketReadModelModule } from './ticket-read-model.module';
import { TicketStartReconciler } from './ticket-start-reconciler';
import { TicketWorkflowClient } from './ticket-workflow.client';
import { TicketsResolver } from './tickets.resolver';
import { TicketsService } from './tickets.service';
import { OpenTicketsReassignmentResolver } from './open-tickets-reassignment.resolver';
import { OpenTicketsReassignmentService } from './open-tickets-reassignment.service';
import { AuthorizationNamesResolver } from './authorization-names.resolver';
import { TicketEventNamesResolver } from './ticket-event-names.resolver';
import { TicketEventCalendarResolver } from './ticket-event-calendar.resolver';
import { CalendarChangesLoader } from './calendar-changes.loader';
import { UserNamesLoader } from './user-names.loader';
import { ClockStatesLoader } from './clock-states.loader';
import { ReleaseDateStatesLoader } from './release-date-states.loader';
import { TicketPageResolver } from './ticket-page.resolver';
import { TicketParticipantsResolver } from './ticket-participants.resolver';
import { TicketParticipantsService } from './ticket-participants.service';
import { ClosureHoursLoader } from './closure-hours.loader';
import { TicketClosureHoursResolver } from './ticket-closure-hours.resolver';

/** Tickets: registration, transitions (workflow Updates) and the read model. */
@Module({
  imports: [BusinessTimeModule, ContractsModule, TicketReadModelModule],
  providers: [
    TicketsService,
    TicketsResolver,
    TicketPageResolver,
    TicketCommentsResolver,
    TicketWorkflowClient,
    TicketStartReconciler,
    CalendarChangeReconciler,
    SlaDashboardService,
    SlaDashboardResolver,
    ClockExplanationService,
    SlaClockResolver,
    UserNamesLoader,
    ClockStatesLoader,
    ReleaseDateStatesLoader,
    TicketEventNamesResolver,
    CalendarChangesLoader,
    TicketEventCalendarResolver,
    AuthorizationNamesResolver,
    TicketParticipantsService,
    TicketParticipantsResolver,
    ClosureHoursLoader,
    TicketClosureHoursResolver,
    OpenTicketsReassignmentService,
    OpenTicketsReassignmentResolver,
  ],
  exports: [TicketsService, TicketWorkflowClient, ClockStatesLoader, UserNamesLoader],
})
export class TicketsModule {}
