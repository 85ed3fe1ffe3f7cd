import type { remoteSessionEsMX } from './remote-session.es-mx';

/** English texts of the remote session (L3-06). */
export const remoteSessionEn: typeof remoteSessionEsMX = {
  actionNames: {
    acceptRemoteSession: 'Confirm',
    declineRemoteSession: "Suggest another time / I can't",
    withdrawRemoteSession: 'Withdraw remote session',
  },
  events: {
    acceptRemoteSession: 'Remote session confirmed by the client',
    declineRemoteSession: 'The client cannot attend at the proposed time',
    withdrawRemoteSession: 'Remote session withdrawn by staff',
  },
  done: {
    acceptRemoteSession: (state: string) =>
      `Session confirmed: the team knows you will attend. State: ${state}.`,
    declineRemoteSession: (state: string) =>
      `We told the team you cannot attend at that time; they will propose another. State: ${state}.`,
    withdrawRemoteSession: (state: string) =>
      `Session withdrawn: we told the client and removed it from the calendars that had it. State: ${state}.`,
  },
  link: 'Meeting link (optional)',
  linkHint: 'An https:// address, e.g. from Meet, Teams or Zoom.',
  linkInvalid: 'The link must start with https://.',
  duration: 'Duration (minutes)',
  durationHint: 'From 15 to 240 minutes, ending within the client’s business hours.',
  durationInvalid: 'The duration is 15 to 240 minutes.',
  join: 'Join the session',
  minutes: (n: number) => `${n} min`,
  accepted: (when: string) => `The client confirmed it on ${when}.`,
  declined: (when: string) => `The client cannot attend at that time (answered on ${when}).`,
  acceptedForClient: (when: string, self: boolean) =>
    `${self ? 'You' : 'Your organization'} confirmed it on ${when}.`,
  declinedForClient: (when: string, self: boolean) =>
    `${self ? 'You said you' : 'Your organization said it'} cannot attend at that time (answered on ${when}).`,
  reason: 'Reason',
  suggested: 'Suggested time',
  declinedTitle: 'Remote session declined',
  declinedTime: 'Proposed time',
  withdrawnTitle: 'Remote session withdrawn',
  withdrawnTime: 'Withdrawn time',
  useSuggested: 'Use the suggested time',
  declinedProposal: (when: string) => `The client cannot attend the proposed time (${when}).`,
  prefilledFromDeclined:
    'The duration, link and note come from that proposal: choose another time.',
  suggestedAt: 'A time that suits you (optional)',
  declineReason: 'Why can you not attend at that time?',
  acceptExplain:
    'You confirm you will attend the session at that time. Please have the information at hand.',
  withdrawExplain:
    'The client gets the cancellation (with your note, if you write one) and the session leaves the calendars that had it. The ticket goes back to “Registered” with a new 8-business-hour triage term: classify it, ask for information or propose another session.',
  withdrawExplainClassified: (state: string) =>
    `The client gets the cancellation (with your note, if you write one) and the session leaves the calendars that had it. The ticket stays in “${state}” and its clocks do not change.`,
  /** QA S65 #2: staff read who withdrew it (`who`); clients, «The team». */
  withdrawn: (when: string, who?: string | null) =>
    `${who ?? 'The team'} withdrew the session on ${when}.`,
  declineExplain:
    'Tell us why you cannot attend and, if you like, a time that suits you: the team will propose another.',
  proposalNotCurrent: 'The session proposal changed: refresh the page to see the current time.',
  proposalAlreadyAccepted: 'You already confirmed this session.',
  noSessionAhead:
    'This ticket has no remote session ahead any more: it was withdrawn, the client cannot attend, or it is over.',
  awaitingAnswer: 'Waiting for the client to confirm.',
};
