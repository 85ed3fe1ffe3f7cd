import type { SearchAttributePair, SearchAttributeUpdatePair } from '@temporalio/common';
import {
  CLIENT_ORG,
  NEXT_DEADLINE,
  SLA_STATUS,
  TICKET_NUMBER,
  TICKET_STATE,
} from '../search-attributes';
import type { TicketView } from './ticket.contract';

/** What of a ticket its visibility record holds (managers' lists through Temporal). */
type Listed = Pick<
  TicketView,
  'ticketNumber' | 'clientOrgId' | 'state' | 'slaStatus' | 'nextDeadline'
>;

/**
 * What changes in a ticket's search attributes: the workflow upserts them when it differs from
 * what they last said (ticket number and client never change).
 */
export function searchAttributesKey(view: Omit<Listed, 'ticketNumber' | 'clientOrgId'>): string {
  return `${view.state}|${view.slaStatus}|${view.nextDeadline}`;
}

/** The ticket's search attributes as an upsert sets them (no deadline: the attribute removed). */
export function searchAttributeUpdates(view: Listed): SearchAttributeUpdatePair[] {
  return [
    { key: TICKET_NUMBER, value: view.ticketNumber },
    { key: CLIENT_ORG, value: view.clientOrgId },
    { key: TICKET_STATE, value: view.state },
    { key: SLA_STATUS, value: view.slaStatus },
    { key: NEXT_DEADLINE, value: view.nextDeadline === null ? null : new Date(view.nextDeadline) },
  ];
}

/**
 * The same attributes as a workflow start sets them (issues 5/10): a registration starts the
 * ticket's workflow with the attributes of the state it answered with, so the first task upserts
 * none (one visibility write per ticket instead of two) when that state is the one it opens with.
 */
export function startSearchAttributes(view: Listed): SearchAttributePair[] {
  return searchAttributeUpdates(view).filter(
    (pair): pair is SearchAttributePair => pair.value !== null,
  );
}
