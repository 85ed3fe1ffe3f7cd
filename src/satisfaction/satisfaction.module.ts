import { Module } from '@nestjs/common';
import { SatisfactionLoader } from './satisfaction.loader';
import { SatisfactionResolver } from './satisfaction.resolver';
import { SatisfactionService } from './satisfaction.service';

/**
 * Customer satisfaction of closed tickets (CSAT): ratings, the `Ticket.satisfaction` field, the
 * managers' summary and the low-rating email (through the outbox). API only: nothing runs in the
 * worker besides the outbox dispatcher that sends the email.
 */
@Module({ providers: [SatisfactionService, SatisfactionLoader, SatisfactionResolver] })
export class SatisfactionModule {}
