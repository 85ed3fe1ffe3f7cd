import type { ClientAnswerMessages } from './client-answer.es-mx';

/**
 * English texts of the client's answer: staff record an answer the client gave off the portal
 * (L3-06/L3-07/L3-08, L3-11), and the client's notice that its answer is needed.
 */
export const clientAnswerEn: ClientAnswerMessages = {
  actionNames: {
    recordClientAnswer: "Record the client's answer",
  },
  events: {
    recordClientAnswer: "Client's answer recorded by the team",
  },
  channel: 'How the client answered',
  channels: {
    PHONE: 'Phone',
    WHATSAPP: 'WhatsApp',
    EMAIL: 'Email',
    MEETING: 'Meeting',
    OTHER: 'Other',
  },
  channelWords: {
    PHONE: 'by phone',
    WHATSAPP: 'by WhatsApp',
    EMAIL: 'by email',
    MEETING: 'in a meeting',
    OTHER: 'through another channel',
  },
  note: 'What the client answered',
  noteHint:
    "It counts as the client's answer: the paused deadline runs again. The client reads it in the history and is emailed what you recorded in their name.",
  recorded: (who: string, channel: string) =>
    `${who} recorded the client's answer received ${channel}:`,
  someone: 'The support team',
};
