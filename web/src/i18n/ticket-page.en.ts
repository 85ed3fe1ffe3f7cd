import type { TicketPageMessages } from './ticket-page.es-mx';

/** English texts of the deadline explanation and the estimate link on the ticket page. */
export const ticketPageEn: TicketPageMessages = {
  whyTitle: 'Why this date?',
  whyLoading: 'Working out the explanation…',
  whyUnavailable: 'The explanation will be ready in a few seconds; open this section again.',
  whyCalendar: (version: number, zone: string) => `Calendar version ${version}, time zone ${zone}.`,
  estimateLinked: (version: number) => `Estimate v${version}, the one in the link you received`,
  estimateNotFound: (version: number) => `This ticket has no estimate v${version}.`,
  assignee: 'Assigned agent',
  unassigned: 'Unassigned',
  registeredBy: 'Registered by',
  assign: 'Assign',
  assignTo: 'Assign to',
  assignAutomatic: 'Automatic (the least-loaded agent)',
  keepAssignee: (name: string) => `Keep ${name}`,
  newAssignee: 'New assigned agent',
  chooseAgent: 'Choose an agent',
  noOtherAgents: 'There is no other active agent to assign it to.',
  assignedTo: (name: string) => `Assigned to ${name}`,
  authorizedBy: (name: string, version: number, at: string) =>
    `${name} authorized estimate v${version} on ${at}`,
};
