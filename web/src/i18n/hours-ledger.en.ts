import type { HoursLedgerMessages } from './hours-ledger.es-mx';

/** English mirror of `hours-ledger.es-mx.ts`. */
export const hoursLedgerEn: HoursLedgerMessages = {
  availableChange: 'Change in available',
  concept: 'Description',
  reasons: {
    PACKAGE_PURCHASED: (reference, date) => `Package ${reference} purchased on ${date}`,
    ESTIMATE_AUTHORIZED: (version, hours, category) =>
      `Estimate v${version} authorized: ${hours} h put on hold (${category})`,
    ESTIMATE_REPLACED: (version) =>
      `Estimate v${version} authorized: the previous version's hold is released`,
    TIME_LOGGED: (hours, date) => `${hours} h worked on ${date}, taken from the ticket's hold`,
    TIME_LOGGED_NO_CHARGE: (hours, date) =>
      `${hours} h worked on ${date}, not charged to the package`,
    TICKET_ENDED: (state) => `Ticket ${state}: what its hold did not use is released`,
    TICKET_NO_CHARGE: 'Ticket not charged to the package: its hold is released',
    TICKET_CHARGED_AGAIN: (version) =>
      `Ticket charged to the package again: estimate v${version} is put on hold again`,
    HOLD_RESTORED: (hours, version) =>
      `${hours} h logged were reversed: back in the hold of estimate v${version}`,
  },
  reversalOf: (entry) => `Reversal of ${entry}`,
  reversedTag: 'Reversed',
  madeBy: (name) => `By ${name}`,
  recordedOn: (date) => `recorded ${date}`,
  entryName: (date, ticket, hours) =>
    ticket ? `${date} · ${ticket} · ${hours}` : `${date} · ${hours}`,
  corrections: {
    actions: 'Correction',
    adjustTitle: 'Adjust hours',
    adjustIntro: (client) =>
      `Add hours to ${client} (a goodwill credit, an unrecorded purchase) or take them away (a mistaken entry). Type a negative number to take hours away; the reason stays in the ledger.`,
    hours: 'Hours (+ or −)',
    hoursHint: 'For example 2 or -1.5; up to two decimals.',
    reason: 'Reason',
    reasonHint: 'Required; the client and the team see it in the ledger.',
    apply: 'Apply adjustment',
    applying: 'Applying…',
    hoursInvalid: 'Type the hours as a non-zero number with up to two decimals.',
    reasonRequired: 'Type the reason for the adjustment.',
    exceedsAvailable: (hours, available) =>
      `${hours} h cannot be taken away: only ${available} h are available and the available hours cannot go negative. Reverse what is over-reserved first or take fewer hours.`,
    confirmPositive: (hours, client) => `Add ${hours} h to ${client}?`,
    confirmPositiveText: (after) => `${after} h will be available.`,
    confirmNegative: (hours, client) => `Take ${hours} h away from ${client}?`,
    confirmNegativeText: (after) => `${after} h will be available. Only a reversal can undo it.`,
    confirmAdjustYes: 'Yes, apply the adjustment',
    adjusted: (hours, client) =>
      `Adjustment applied: ${hours} h for ${client}. The balance and the ledger include it.`,
    reverse: 'Reverse',
    reverseLabel: (entry) => `Reverse the entry ${entry}`,
    reverseTitle: 'Reverse entry',
    reverseIntro: (entry) =>
      `A reversal of the entry ${entry} will be recorded, putting the balance back as it was without it. The original entry stays in the ledger.`,
    reverseReason: 'Reason for the reversal',
    reverseReasonRequired: 'Type the reason for the reversal.',
    reverseApply: 'Reverse entry',
    reversing: 'Reversing…',
    cancel: 'Cancel',
    confirmReverse: (entry) => `Reverse the entry ${entry}?`,
    confirmReverseText: (after) =>
      `A reversal will be added to the ledger. ${after} h will be available.`,
    reverseExceeds: (hours, available) =>
      `It cannot be reversed: it would take ${hours} h away and only ${available} h are available (the available hours cannot go negative). Release what is held first or record an adjustment for fewer hours.`,
    confirmReverseYes: 'Yes, reverse it',
    reversed: (entry) => `Entry reversed: ${entry}.`,
    blocked: {
      REVERSED: 'Already reversed',
      IS_REVERSAL: 'A reversal',
      FOLLOWS_ESTIMATE: 'Follows its estimate',
      NOT_REVERSIBLE: 'Cannot be reversed',
    },
  },
};
