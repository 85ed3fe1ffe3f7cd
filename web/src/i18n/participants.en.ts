import type { ParticipantsMessages } from './participants.es-mx';

/** English texts of a ticket's participants on the ticket page (L3-11). */
export const participantsEn: ParticipantsMessages = {
  title: 'Participants',
  explain: 'Participants get the same ticket updates by email as the person who registered it.',
  ended: 'The ticket has ended: its participants no longer change.',
  none: 'Nobody else follows this ticket.',
  inactive: 'account deactivated: gets no email',
  you: '(you)',
  follow: 'Follow this ticket',
  unfollow: 'Unfollow',
  remove: (name) => `Remove ${name}`,
  removeLabel: 'Remove',
  pick: 'Add participant',
  pickNone: 'Choose a person…',
  add: 'Add',
  followed: "You now follow this ticket: you'll get its emails.",
  unfollowed: 'You no longer follow this ticket.',
  added: (name) => `${name} now gets the ticket's emails.`,
  removed: (name) => `${name} no longer gets the ticket's emails.`,
  history: 'History',
  historyCount: (n) => `History (${n})`,
  changes: {
    ADDED: (by, whom) => `${by} added ${whom}`,
    REMOVED: (by, whom) => `${by} removed ${whom}`,
  },
  deletedUser: 'A deleted user',
};
