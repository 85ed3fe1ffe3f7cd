import type { NoChargeMessages } from './no-charge.es-mx';

/** English texts of no-charge tickets on the ticket page (L3-18). */
export const noChargeEn: NoChargeMessages = {
  packageLabel: 'Hour package',
  badge: 'No charge',
  charged: 'Charged to the package',
  decidedBy: (name, at) => (name ? `${name}, ${at}` : at),
  reasonLabel: 'Reason',
  cardTitle: 'Charge to the hour package',
  statusNoCharge:
    'This ticket is free of charge to the hour package: time logged since the decision takes no hours from the client.',
  statusCharged: "This ticket is charged to the client's hour package.",
  markAction: 'No charge to the package',
  decidedElsewhereMarked:
    'Someone else marked this ticket no-charge while you were typing. Nothing is sent; your reason stays below to copy.',
  decidedElsewhereCharged:
    'Someone else charged this ticket to the package again while you were typing. Nothing is sent; your reason stays below to copy.',
  chargeAction: 'Charge to the package',
  markExplain:
    "Only the provider decides, as a benefit of the monthly fee. The ticket's hour reservation is released; time logged afterwards consumes 0 h. Hours already charged stay charged. The client sees it on the ticket and gets an email.",
  chargeExplain:
    "Time logged afterwards is taken from the client's package. If the ticket is open and has an authorized estimate, its hours are reserved again (less what was already charged); short of hours it is refused and the ticket stays free of charge. The client sees it on the ticket and gets an email.",
  reason: 'Reason',
  reasonHint: 'Required, up to 500 characters. The client sees it on the ticket and in the email.',
  reasonRequired: 'Write the reason for the decision.',
  reasonTooLong: 'The reason takes up to 500 characters.',
  submitMark: 'Confirm: no charge to the package',
  submitCharge: 'Confirm: charge to the package',
  sending: 'Saving…',
  cancel: 'Cancel',
  doneMarked: (released) =>
    released > 0
      ? `The ticket is now free of charge to the package. ${released} reserved h were released; hours already logged do not change. The client was emailed.`
      : 'The ticket is now free of charge to the package. It had no hours reserved; hours already logged do not change. The client was emailed.',
  doneCharged: (reserved) =>
    reserved > 0
      ? `The ticket is charged to the package again. ${reserved} h of its authorized estimate were reserved again. The client was emailed.`
      : 'The ticket is charged to the package again. No hours were reserved (no pending authorized estimate, or the ticket is closed). The client was emailed.',
  timelineMarked: (reason) => `Made free of charge to the package: ${reason}`,
  timelineCharged: (reason) => `Charged to the package again: ${reason}`,
  hoursNote:
    'No-charge ticket: hours logged since the decision are not taken from the hour package.',
  totalNoCharge: (hours) => `Total taken from the package: ${hours} h (no-charge ticket)`,
  reasons: {
    NO_ACTIVE_PACKAGE: 'The client has no active hour package',
  },
};
