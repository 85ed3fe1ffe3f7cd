import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { RatingReminderSweep } from './rating-reminder-sweep';
import { SatisfactionLoader } from './satisfaction.loader';
import { SatisfactionResolver } from './satisfaction.resolver';
import { SatisfactionService } from './satisfaction.service';

/**
 * Customer satisfaction of closed tickets (CSAT): ratings, the `Ticket.satisfaction` field, the
 * managers' summary, the low-rating email and the client's one rating reminder (a sweep of the
 * API, {@link RatingReminderSweep}), both through the outbox; the worker's outbox dispatcher
 * sends them.
 */
@Module({
  imports: [BusinessTimeModule],
  providers: [SatisfactionService, SatisfactionLoader, SatisfactionResolver, RatingReminderSweep],
})
export class SatisfactionModule {}
