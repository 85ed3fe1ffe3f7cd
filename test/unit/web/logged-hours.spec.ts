import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { LogTicketTimeInput } from '../../../src/tickets/ticket.inputs';
import { parseLoggedHours } from '../../../web/src/tickets/logged-hours';

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
