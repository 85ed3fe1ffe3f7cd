// What other domains use from contracts: the module, the services the tickets API and the ticket
// workflow's activities call, their request/result types, the enums and the entities.
export { ContractsModule } from './contracts.module';
export { LedgerEntryKind, PolicyStatus, type WorkCategory } from './contract-enums';
export type { HourBalanceView, TicketHoldView } from './balance-view';
export { HourLedgerService } from './hour-ledger.service';
export type {
  LogTimeRequest,
  LogTimeResult,
  ReleaseRequest,
  ReleaseResult,
  ReservationResult,
  ReserveForEstimateRequest,
} from './hour-ledger.types';
export { SupportPoliciesService } from './support-policies.service';
export { TicketBillingService } from './ticket-billing.service';
export { foldLedger, type LedgerBalance, type LedgerFact } from './ledger-rules';
export { SupportPolicyEntity } from './support-policy.entity';
export { SupportPolicyEventEntity } from './support-policy-event.entity';
export { HourPackageEntity } from './hour-package.entity';
export { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
export { TimeEntryEntity } from './time-entry.entity';
export { TicketBillingEntity } from './ticket-billing.entity';
export { TicketBillingEventEntity } from './ticket-billing-event.entity';
