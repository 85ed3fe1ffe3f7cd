import { operation } from './graphql-client';

// L3-11 (S19): a ticket's participants, client users of its organisation who get its emails
// (a subset of schema.graphql).

export interface TicketParticipant {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

export const TICKET_PARTICIPANTS = operation<
  {
    ticket: {
      registrantId: string;
      participants: TicketParticipant[];
      participantCandidates: TicketParticipant[];
    };
  },
  { number: string }
>(`query TicketParticipants($number: String!) {
  ticket(number: $number) {
    registrantId
    participants { id name email active }
    participantCandidates { id name email active }
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
