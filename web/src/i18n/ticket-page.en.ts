import { zoneLabel } from './zone-name';
import type { TicketPageMessages } from './ticket-page.es-mx';

/** English texts of the deadline explanation and the estimate link on the ticket page. */
export const ticketPageEn: TicketPageMessages = {
  // QA S20: before «Aceptar entrega», what accepting does (L3-09, L3-12).
  acceptDeliveryExplain: 'Accepting closes the ticket.',
  acceptDeliveryExplainHours:
    'Accepting closes the ticket, and the reserved hours not used go back to your balance.',
  whyTitle: 'Why this date?',
  whyLoading: 'Working out the explanation…',
  whyUnavailable: 'The explanation will be ready in a few seconds; open this section again.',
  whyCalendar: (version: number, zone: string) =>
    `Calendar version ${version}; ${zoneLabel(zone, 'en')}.`,
  estimateLinked: (version: number) => `Estimate v${version}, the one in the link you received`,
  estimateNotFound: (version: number) => `This ticket has no estimate v${version}.`,
  estimateCurrentLink: (version: number) => `See the current estimate (v${version})`,
  estimateLatestLink: (version: number, status: string) =>
    `See the latest estimate (v${version}, ${status.toLowerCase()})`,
  estimateSuperseded: (current: number) =>
    `This version was superseded; the current one is v${current}.`,
  earlierRuns: (n: number, breached: number) =>
    `${n} earlier ${n === 1 ? 'deadline' : 'deadlines'}${breached ? ` (${breached} breached)` : ''}`,
  earlierRunsOf: (clock: string) => `of the ${clock} clock`,
  startDayNote: 'Includes the rest of the start day, which does not count toward the deadline',
  history: {
    show: 'Show',
    all: 'Everything',
    conversation: 'Conversation only',
    noConversation: 'Nobody has written on this ticket yet.',
  },
  assignee: 'Assigned agent',
  unassigned: 'Unassigned',
  registeredBy: 'Registered by',
  inactivePerson: '(inactive)',
  assign: 'Assign',
  assignTo: 'Assign to',
  assignAutomatic: 'Automatic (the least-loaded agent)',
  keepAssignee: (name: string) => `Keep ${name}`,
  newAssignee: 'New assigned agent',
  chooseAgent: 'Choose an agent',
  // The reassignment note is for the team: the client sees the change, not the note.
  handOverNote: 'Internal note (only your team sees it)',
  noteClientReads: 'The client reads it in the ticket history.',
  clientReply: 'Your reply',
  clientReason: 'Reason',
  clientFailures: 'Failures found',
  clientFailuresHint: 'What you tested and what failed; the agent reads it to fix the release.',
  reestimateReason: 'What should change in the estimate',
  releaseNoHours:
    'No hours are logged on this ticket yet. Log them before releasing: once the client accepts the release, the ticket closes and the reserved hours not used go back to their balance.',
  releaseHoursLogged: (hours: number) =>
    `Hours logged on this ticket: ${hours.toLocaleString('en')} h.`,
  estimateBalance: (available: number) =>
    `The client has ${available.toLocaleString('en')} h available.`,
  estimateOverBalance: (over: number) =>
    `It exceeds the client's available hours by ${over.toLocaleString('en')} h: they cannot authorize it without buying more hours.`,
  noOtherAgents: 'There is no other active agent to assign it to.',
  assignedTo: (name: string) => `Assigned to ${name}`,
  authorizedBy: (name: string, version: number, at: string) =>
    `${name} authorized estimate v${version} on ${at}`,
  // QA S18 (L3-09): after failures are reported, the published release date no longer holds
  // until the agent publishes another.
  previousReleaseDate: 'Previous release date',
  releaseDateSupersededClient:
    'Failures were reported in the release, so this date no longer holds. We will publish a new release date for testing.',
  releaseDateSupersededStaff:
    'The client reported failures in the release: this date no longer holds. Publish the new one with “Adjust date”.',
  schedulingAgain: (deadline: string) =>
    `The scheduling clock runs again: the new date is published by ${deadline}.`,
  liveDraft: {
    commented: (who: string) => `${who} commented while you were writing`,
    // An event name that already says by whom («… withdrawn by staff») takes the name in
    // brackets, not a second «by» (QA S63 #7).
    changed: (what: string, who: string | null) =>
      !who
        ? `While you were writing: ${what}`
        : /\bby\b/.test(what)
          ? `While you were writing: ${what} (${who})`
          : `While you were writing: ${what} by ${who}`,
    more: (count: number) => (count === 1 ? ' and 1 more change' : ` and ${count} more changes`),
    now: (state: string) => ` (now: ${state})`,
    updated: (state: string) => `The ticket was updated while you were writing (state: ${state}).`,
    acknowledge: 'Got it',
    withdrawn: (state: string) =>
      `This action is no longer available: the ticket moved to ${state}.`,
    commentsClosed: (state: string) =>
      `Comments can no longer be added: the ticket moved to ${state}.`,
    kept: 'Your text was kept:',
    keptLabel: 'Your text (read-only)',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy; select the text and copy it by hand.',
    discard: 'Discard',
    restored: 'We restored the comment you had not sent.',
    restoredForm: 'We restored what you had written and not sent.',
    // On the button of an action whose form was closed with text not sent: it comes back on open.
    draftMark: 'Draft',
  },
};
