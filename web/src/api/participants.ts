import { operation } from './graphql-client';

// L3-11 (S19): a ticket's participants, client users of its organization who get its emails
// (a subset of schema.graphql).

export interface TicketParticipant {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

/** One add or removal of a participant (L3-11): whom, by whom (null once deleted), when. */
export interface TicketParticipantChange {
  change: 'ADDED' | 'REMOVED';
  participant: Pick<TicketParticipant, 'id' | 'name'>;
  byName: string | null;
  at: string;
}

/**
 * `staff`: also the history, which only provider staff may read; a client's page never asks for
 * it (the API answers null).
 */
export const TICKET_PARTICIPANTS = operation<
  {
    ticket: {
      registrantId: string;
      participants: TicketParticipant[];
      participantCandidates: TicketParticipant[];
      participantHistory?: TicketParticipantChange[] | null;
    };
  },
  { number: string; staff: boolean }
>(`query TicketParticipants($number: String!, $staff: Boolean!) {
  ticket(number: $number) {
    registrantId
    participants { id name email active }
    participantCandidates { id name email active }
    participantHistory @include(if: $staff) { change participant { id name } byName at }
  }
}`);

type Change = { input: { number: string; userId: string } };

export const ADD_TICKET_PARTICIPANT = operation<
  { addTicketParticipant: TicketParticipant[] },
  Change
>(`mutation AddTicketParticipant($input: TicketParticipantInput!) {
  addTicketParticipant(input: $input) { id name email active }
}`);

export const REMOVE_TICKET_PARTICIPANT = operation<
  { removeTicketParticipant: TicketParticipant[] },
  Change
>(`mutation RemoveTicketParticipant($input: TicketParticipantInput!) {
  removeTicketParticipant(input: $input) { id name email active }
}`);
