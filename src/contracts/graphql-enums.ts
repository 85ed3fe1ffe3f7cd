import { registerEnumType } from '@nestjs/graphql';
import { LedgerEntryKind, PolicyEventKind, PolicyStatus } from './contract-enums';
import { LedgerReasonCode } from './hour-ledger-reason';

// GraphQL side of the contracts enums, kept out of the entity files' imports on purpose (see
// src/identity/graphql-enums.ts): models and inputs import the enums from here.

registerEnumType(PolicyStatus, {
  name: 'PolicyStatus',
  description: 'L3-01: only a client with an ACTIVE policy may register tickets.',
});

registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description:
    'Kinds of prepaid-hours ledger entries (sign conventions: README "Contracts and hours").',
  valuesMap: {
    PURCHASE: { description: 'A purchased package: hours > 0.' },
    RESERVATION: { description: "An authorized estimate's hold on a ticket: hours ≥ 0." },
    RESERVATION_RELEASE: { description: 'A hold given back: hours < 0.' },
    CONSUMPTION: {
      description: 'Work logged on a ticket: hours ≤ 0 (0 on a no-charge ticket, L3-18).',
    },
    ADJUSTMENT: { description: "A manager's correction, either sign." },
    REVERSAL: { description: 'Cancels a purchase, adjustment or consumption: −(its hours).' },
  },
});

registerEnumType(PolicyEventKind, {
  name: 'PolicyEventKind',
  description: 'What changed on a support policy.',
});

export { LedgerEntryKind, PolicyEventKind, PolicyStatus };

registerEnumType(LedgerReasonCode, {
  name: 'LedgerReasonCode',
  description:
    'What caused a ledger entry, for clients to word in their language (see `HourLedgerReason`).',
});

export { LedgerReasonCode };
