import type { TimeEntriesMessages } from './time-entries.es-mx';

/** English texts of a ticket's worked hours (L3-12, L3-13). */
export const timeEntriesEn: TimeEntriesMessages = {
  title: 'Hours worked',
  intro: "Each entry is taken from the authorized estimate and from the client's hour balance.",
  clientIntro: 'The hours the provider logged on this ticket and those taken from your balance.',
  empty: 'No hours logged yet.',
  date: 'Date',
  hours: 'Hours',
  charged: 'Hours charged',
  reversed: 'Reversed: no longer charged',
  cancelledNoCharge: 'Cancelled',
  description: 'Description',
  agent: 'Agent',
  total: (hours: number) => `Total charged: ${hours} h`,
  formTitle: 'Log hours',
  hoursHint: 'Up to 24 hours, with at most two decimals (e.g. 0.25 or 1.5).',
  descriptionHint: 'What was done; the client sees it in their hours statement.',
  submit: 'Log hours',
  sending: 'Logging…',
  dateRequired: 'Give the date the work was done.',
  hoursInvalid: 'Hours must be a number greater than 0 and at most 24, with at most two decimals.',
  descriptionRequired: 'Describe the work done.',
  logged: (hours: number, balance: number, available: number) =>
    `${hours} h logged. Client balance: ${balance} h (available for new estimates: ${available} h).`,
  unavailable: {
    noEstimate:
      'To log hours, this ticket needs an estimate the client authorized, or mark it “No charge to the package”.',
    noHoursLeft:
      'The authorized hours of this ticket are used up: to log more, submit a change order, or mark it “No charge to the package”.',
    closed:
      'The ticket is closed: the authorized hours it did not use went back to the client’s balance. To log hours, mark it “No charge to the package”.',
  },
  reasons: {
    EXCEEDS_AUTHORIZED_ESTIMATE: "Exceeds the estimate's authorized hours",
  },
  actions: 'Actions',
  cancel: {
    open: 'Cancel',
    entryName: (hours, date) => `Cancel the entry of ${hours} h on ${date}`,
    intro:
      "The entry stays listed, marked cancelled, and no longer counts. If it was charged to the package and the ticket is still at work, its hours go back to the authorized estimate. The client's approvers get an email with the reason.",
    reason: 'Reason',
    reasonHint: 'For example: “Hours entered twice”. The client will read it.',
    reasonRequired: 'Write why the entry is cancelled.',
    submit: 'Cancel entry',
    sending: 'Cancelling…',
    keep: 'Keep it',
    done: (hours, date) => `The entry of ${hours} h on ${date} was cancelled.`,
  },
};
