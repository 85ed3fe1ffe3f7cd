import { Module } from '@nestjs/common';
import { BusinessTimeModule } from '../business-time/business-time.module';
import { HourChangeNotices } from './hour-change-notices.service';
import { HourLedgerService } from './hour-ledger.service';
import { HourStatementsService } from './hour-statements.service';
import { HoursResolver } from './hours.resolver';
import { SupportPoliciesResolver } from './support-policies.resolver';
import { SupportPoliciesService } from './support-policies.service';
import { TicketBillingService } from './ticket-billing.service';
import { TicketBillingFieldResolver } from './ticket-billing-field.resolver';
import { TicketBillingLoader } from './ticket-billing.loader';

/**
 * Contracts and prepaid hours (L3-01, L3-03, L3-12, L3-13, L3-16, L3-18): support policies, hour
 * packages, the append-only ledger, time entries and no-charge tickets. The tickets domain uses
 * `SupportPoliciesService.assertCanRegisterTickets` and the ticket workflow's activities use
 * `HourLedgerService` (reserve, log time, release).
 */
@Module({
  // The monthly statement counts its days in the organization's calendar zone.
  imports: [BusinessTimeModule],
  providers: [
    SupportPoliciesService,
    HourChangeNotices,
    HourLedgerService,
    HourStatementsService,
    TicketBillingService,
    SupportPoliciesResolver,
    HoursResolver,
    TicketBillingLoader,
    TicketBillingFieldResolver,
  ],
  exports: [SupportPoliciesService, HourLedgerService, TicketBillingService, HourStatementsService],
})
export class ContractsModule {}
