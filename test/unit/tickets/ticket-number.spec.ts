import { requireTicketNumber } from '../../../src/contracts/ledger-rows';
import { formatTicketNumber, TICKET_NUMBER_PATTERN } from '../../../src/tickets/ticket-number';

// L3-02: `L3-<year>-<sequence>`, six digits padded, more once a year passes 999,999 tickets.

describe('ticket numbers (L3-02)', () => {
  it('formats the sequence with six digits, and more past 999,999', () => {
    expect(formatTicketNumber(2026, 123)).toBe('L3-2026-000123');
    expect(formatTicketNumber(2026, 1_000_000)).toBe('L3-2026-1000000');
  });

  it('every number the formatter makes is one the validators accept (the ledger included)', () => {
    for (const seq of [1, 999_999, 1_000_000]) {
      const number = formatTicketNumber(2026, seq);
      expect(number).toMatch(TICKET_NUMBER_PATTERN);
      expect(requireTicketNumber(number)).toBe(number);
    }
  });

  it('refuses what is not a ticket number', () => {
    for (const bad of ['L3-2026-12345', 'L3-26-000123', 'l3-2026-000123', 'L3-2026-000123 ']) {
      expect(bad).not.toMatch(TICKET_NUMBER_PATTERN);
      expect(() => requireTicketNumber(bad)).toThrow('ticketNumber must look like L3-2026-000123');
    }
  });
});
