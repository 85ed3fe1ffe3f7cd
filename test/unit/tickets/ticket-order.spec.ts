import { DomainError } from '../../../src/common/errors/domain-error';
import {
  decodeTicketCursor,
  encodeTicketCursor,
  TicketOrder,
} from '../../../src/tickets/ticket-order';

// Issue 5 item 4: the ticket list's cursors carry their order, so a page of one order never
// continues another; the first API's cursors (newest first) keep working.
describe('ticket list cursors', () => {
  it('reads back what it wrote, microseconds and the no-deadline key included', () => {
    for (const key of ['2026-11-29T05:12:33.123456Z', 'infinity']) {
      const cursor = { order: TicketOrder.NEXT_DEADLINE, key, number: 'L3-2026-000042' };
      expect(decodeTicketCursor(encodeTicketCursor(cursor), TicketOrder.NEXT_DEADLINE)).toEqual(
        cursor,
      );
    }
  });

  it('reads a cursor of the first API as a newest-first one', () => {
    const legacy = Buffer.from('2026-03-02T10:00:00.000Z|L3-2026-000007').toString('base64url');
    expect(decodeTicketCursor(legacy, TicketOrder.NEWEST)).toEqual({
      order: TicketOrder.NEWEST,
      key: '2026-03-02T10:00:00.000Z',
      number: 'L3-2026-000007',
    });
  });

  it('refuses a cursor of another order, and anything that is not a cursor', () => {
    const newest = encodeTicketCursor({
      order: TicketOrder.NEWEST,
      key: '2026-03-02T10:00:00.000000Z',
      number: 'L3-2026-000007',
    });
    expect(() => decodeTicketCursor(newest, TicketOrder.OLDEST)).toThrow(/NEWEST order/);
    for (const bad of [
      'not a cursor',
      Buffer.from('o1|SIDEWAYS|2026-03-02T10:00:00Z|L3-2026-000007').toString('base64url'),
      Buffer.from('o1|NEWEST|yesterday|L3-2026-000007').toString('base64url'),
      Buffer.from('o1|NEWEST|2026-03-02T10:00:00Z|').toString('base64url'),
    ]) {
      expect(() => decodeTicketCursor(bad, TicketOrder.NEWEST)).toThrow(DomainError);
    }
  });
});
