import { registerEnumType } from '@nestjs/graphql';
import { TERMINAL_STATES } from '../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode } from '../common/errors/domain-error';

/** How `tickets` sorts its pages (the web list's «Ordenar»). */
export enum TicketOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  NEXT_DEADLINE = 'NEXT_DEADLINE',
}

registerEnumType(TicketOrder, {
  name: 'TicketOrder',
  description: 'The order of a ticket list; every order pages with the same cursors.',
  valuesMap: {
    NEWEST: { description: 'Registered last first (the default).' },
    OLDEST: { description: 'Registered first first.' },
    RECENTLY_UPDATED: {
      description: 'Last changed first (`updatedAt`: internal notes do not count).',
    },
    NEXT_DEADLINE: {
      description:
        'What is due soonest first: the nearest running SLA deadline or published release date of an open ticket; tickets with neither (paused, ended) last; equal ones in arrival order (L3-10).',
    },
  },
});

/**
 * When an open ticket is next due (its nearest SLA deadline or published release date), 'infinity'
 * when nothing is (an ended ticket's dates are over). Immutable: migration 1764319300000 indexes it.
 */
export const DUE_SQL = `(CASE WHEN t.state IN (${TERMINAL_STATES.map((s) => `'${s}'`).join(', ')})
  THEN 'infinity'::timestamptz
  ELSE COALESCE(LEAST(t.next_deadline, t.release_date), 'infinity'::timestamptz) END)`;

/**
 * What each order sorts by: a timestamp `key` (SQL over the ticket alias `t`), its direction, and
 * the direction of the tie-break on the ticket number (unique), so pages never overlap or skip.
 */
export const ORDER_KEYS: Readonly<
  Record<TicketOrder, { key: string; dir: 'ASC' | 'DESC'; tie: 'ASC' | 'DESC' }>
> = {
  [TicketOrder.NEWEST]: { key: 't.registered_at', dir: 'DESC', tie: 'DESC' },
  [TicketOrder.OLDEST]: { key: 't.registered_at', dir: 'ASC', tie: 'ASC' },
  [TicketOrder.RECENTLY_UPDATED]: { key: 't.updated_at', dir: 'DESC', tie: 'DESC' },
  // What the list's «Próximo plazo» shows is due: the SLA deadline or the published release date,
  // whichever comes first, of an open ticket; nothing due sorts as 'infinity', after the rest.
  // Ties in arrival order (L3-10: tickets are attended in the order received).
  [TicketOrder.NEXT_DEADLINE]: { key: DUE_SQL, dir: 'ASC', tie: 'ASC' },
};

/** Where a page ended: the order, the last ticket's sort key (PostgreSQL's text) and number. */
export interface TicketCursor {
  readonly order: TicketOrder;
  readonly key: string;
  readonly number: string;
}

const VERSION = 'o1';
/** A timestamp as PostgreSQL prints it or as ISO 8601 (the first API's cursors). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from([VERSION, cursor.order, cursor.key, cursor.number].join('|')).toString(
    'base64url',
  );
}

/**
 * The cursor `after` for a list in `order`. Cursors of the first API (`<registered ISO>|<number>`,
 * newest first) still read as NEWEST ones. A cursor of another order is refused: its position
 * means nothing in this one.
 */
export function decodeTicketCursor(after: string, order: TicketOrder): TicketCursor {
  const parts = Buffer.from(after, 'base64url').toString().split('|');
  const cursor: Partial<TicketCursor> =
    parts.length === 2
      ? { order: TicketOrder.NEWEST, key: parts[0], number: parts[1] }
      : parts.length === 4 && parts[0] === VERSION
        ? { order: parts[1] as TicketOrder, key: parts[2], number: parts[3] }
        : {};
  const key = cursor.key ?? '';
  const validKey = key === 'infinity' || TIMESTAMP.test(key);
  if (!cursor.number || !cursor.order || !(cursor.order in ORDER_KEYS) || !validKey) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'after is not a cursor from this API');
  }
  if (cursor.order !== order) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `after is a cursor of the ${cursor.order} order; ask again from the first page for ${order}`,
    );
  }
  return { order, key, number: cursor.number };
}
