import { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { HourPackageEntity } from './hour-package.entity';
import { SupportPolicyEventEntity } from './support-policy-event.entity';
import { SupportPolicyEntity } from './support-policy.entity';
import { TicketBillingEventEntity } from './ticket-billing-event.entity';
import { TicketBillingEntity } from './ticket-billing.entity';
import { TimeEntryEntity } from './time-entry.entity';

/** Every entity of the contracts domain, for `ENTITIES` (no @nestjs/graphql imported here). */
export const CONTRACT_ENTITIES = [
  SupportPolicyEntity,
  SupportPolicyEventEntity,
  HourLedgerEntryEntity,
  HourPackageEntity,
  TimeEntryEntity,
  TicketBillingEntity,
  TicketBillingEventEntity,
];
