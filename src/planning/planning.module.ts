import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DateChangesService } from './date-changes.service';
import { DeliveryRiskService } from './delivery-risk.service';
import { ReleaseClosedDayWarnings } from './release-closed-day.service';
import { PlanningSettingsResolver } from './planning-settings.resolver';
import { PlanningSettingsService } from './planning-settings.service';
import { QueueReorderService } from './queue-reorder.service';
import { ReorderPublicationReconciler } from './reorder-publication-reconciler';
import { QueueEntryResolver } from './queue-entry.resolver';
import { QueueResolver } from './queue.resolver';
import { QueueService } from './queue.service';

/**
 * Queue and re-planning (issue 8; L3-10, L3-14, L3-19): client queues and the agents' work list,
 * the capacity model's planned dates, reorders with their impact preview and published date
 * changes, and the per-client planning settings (capacity, WhatsApp link). The checkpoint reads
 * `QueueService.queueOf`, `DateChangesService.since` and `QueueReorderService.since`.
 */
@Module({
  // The ticket workflow's client, and the clock runs and user names loaders the tickets' own fields
  // batch their reads on: one loader each, so a request asking a ticket's clocks (or assignee) and
  // its queue entry's reads them once.
  imports: [BusinessTimeModule, TicketsModule],
  providers: [
    PlanningSettingsService,
    QueueService,
    QueueReorderService,
    DateChangesService,
    DeliveryRiskService,
    // Tells the agent when a calendar edit closes a published release date's day (QA S59).
    ReleaseClosedDayWarnings,
    // Publishes the dates of a committed reorder whose publication failed (every 30 s).
    ReorderPublicationReconciler,
    QueueResolver,
    // A queued ticket's client wait, clocks and assignee, as the ticket lists read them (QA S21).
    QueueEntryResolver,
    PlanningSettingsResolver,
  ],
  exports: [PlanningSettingsService, QueueService, QueueReorderService, DateChangesService],
})
export class PlanningModule {}
