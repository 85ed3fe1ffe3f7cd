import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LogTicketTimeInput } from '../../../src/tickets/ticket.inputs';
import { mayCancelEntry, parseLoggedHours } from '../../../web/src/tickets/logged-hours';

// L3-12: the «Registrar horas» form takes the hours the API's LogTicketTimeInput takes, no fewer
// and no more. It refused anything under 0.25 h (0.1 h, six minutes of work), which the API logs.

/** Whether the API's input validation takes these hours (the rest of the entry being valid). */
function apiTakes(hours: number): boolean {
  const input = plainToInstance(LogTicketTimeInput, {
    number: 'L3-2026-000001',
    date: '2026-12-04',
    hours,
    description: 'Revisión',
  });
  return validateSync(input).length === 0;
}

describe('hours of a time entry as typed (L3-12)', () => {
  it.each([
    ['0.01', 0.01],
    ['0.1', 0.1],
    ['0,25', 0.25],
    ['1.5', 1.5],
    [' 2 ', 2],
    ['24', 24],
  ])('reads %j as %s hours, which the API takes', (typed, hours) => {
    expect(parseLoggedHours(typed)).toBe(hours);
    expect(apiTakes(hours)).toBe(true);
  });

  it.each([
    ['0', 0],
    ['0.00', 0],
    ['24.01', 24.01],
    ['25', 25],
    ['1.255', 1.255],
  ])('refuses %j, as the API refuses %s hours', (typed, hours) => {
    expect(parseLoggedHours(typed)).toBeUndefined();
    expect(apiTakes(hours)).toBe(false);
  });

  it.each(['', 'abc', '-1', '1.5h', '1e1', '.5', '1.'])(
    'refuses %j, which is not hours',
    (typed) => {
      expect(parseLoggedHours(typed)).toBeUndefined();
    },
  );
});

// L3-12, L3-13: «Anular» on a time entry is offered as reverseTicketTimeEntry allows it.
describe('who may cancel a time entry from the ticket (L3-12, L3-13)', () => {
  const entry = { agentId: 'agent-1', chargedHours: 1.5, reversed: false };
  const agent = { id: 'agent-1', roles: ['AGENT'] };
  const otherAgent = { id: 'agent-2', roles: ['AGENT'] };
  const manager = { id: 'manager-1', roles: ['MANAGER'] };
  const admin = { id: 'admin-1', roles: ['ADMIN'] };
  const client = { id: 'agent-1', roles: ['CLIENT_APPROVER'] };

  it.each([
    ['the agent who logged it, ticket open', entry, agent, true, true],
    ['the agent who logged it, ticket ended', entry, agent, false, false],
    ['another agent', entry, otherAgent, true, false],
    ['a manager, ticket ended', entry, manager, false, true],
    ['an administrator', entry, admin, true, true],
    ['a client', entry, client, true, false],
    ['an entry already reversed', { ...entry, reversed: true }, manager, true, false],
    ['an entry of no charge (L3-18)', { ...entry, chargedHours: 0 }, agent, true, true],
  ])('%s', (_case, e, user, open, expected) => {
    expect(mayCancelEntry(e, user, open)).toBe(expected);
  });
});
