import type { ClientAnswerMessages } from './client-answer.es-mx';

/**
 * English texts of the client's reply: staff record a reply the client gave off the portal
 * (L3-06/L3-07/L3-08, L3-11), and the client's notice that its reply is needed. «Reply», as
 * the client's action and the timeline say it (Zendesk's and Jira's word too).
 */
export const clientAnswerEn: ClientAnswerMessages = {
  actionNames: {
    recordClientAnswer: "Record the client's reply",
  },
  events: {
    recordClientAnswer: "Client's reply recorded by the team",
  },
  channel: 'How the client replied',
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
  note: 'What the client replied',
  noteHint:
    'It counts as if the client had replied on the portal: the service deadline runs again. The client reads it in the history and is emailed what you recorded in their name.',
  recorded: (who: string, channel: string) =>
    `${who} recorded the client's reply received ${channel}:`,
  someone: 'The support team',
  yourTurn: 'Your reply',
  banner: {
    title: 'Your reply is needed',
    info: (since: string | null) =>
      since
        ? `On ${since} we asked you for information to continue with this ticket.`
        : 'We asked you for information to continue with this ticket.',
    infoNext:
      'Until you reply, no service deadline runs; once you reply, a new 8-business-hour deadline starts.',
    remoteSession: (at: string | null) =>
      at ? `We proposed a remote session on ${at}.` : 'We proposed a remote session.',
    remoteSessionNext:
      "Confirm it with “Confirm” or, if you cannot attend, use “Suggest another time / I can't”; you can also give the information in writing.",
    waiting: (since: string | null) =>
      since
        ? `Since ${since} we have been waiting for your reply to continue working on this ticket.`
        : 'We are waiting for your reply to continue working on this ticket.',
    waitingNext:
      'The deadline is paused meanwhile; when you reply it continues with the time it had left.',
    request: 'What we need',
    resolved:
      'We resolved this ticket: confirm the solution, or reopen it if the problem persists.',
    // Confirming or reopening a resolved ticket is not a reply: the generic word stays.
    autoClose: (when: string) => `If you do not answer, it closes automatically on ${when}.`,
    testing: (since: string | null) =>
      since
        ? `Since ${since} the delivery is ready for your tests: accept it or report the failures you find.`
        : 'The delivery is ready for your tests: accept it or report the failures you find.',
    releaseNote: 'What we delivered',
    authorize: (version: number, hours: number) =>
      `Estimate v${version} (${hours} h) awaits your written authorization.`,
    authorizeChangeOrder: (version: number, added: number) =>
      `Change order v${version} (+${added} h) awaits your written authorization.`,
    answer: 'Reply',
    toActions: 'Go to the actions',
  },
};
