import {
  CLIENT_ORG,
  NEXT_DEADLINE,
  SLA_STATUS,
  TICKET_NUMBER,
  TICKET_STATE,
} from '../../../workflows/search-attributes';
import {
  searchAttributesKey,
  searchAttributeUpdates,
  startSearchAttributes,
} from '../../../workflows/ticket/ticket-search-attributes';

// Issues 5/10: what a ticket's workflow start sets and what its upserts set are the same pairs,
// and the key the workflow compares them by changes exactly when one of them can.

const VIEW = {
  ticketNumber: 'L3-2026-000123',
  clientOrgId: 'org-1',
  state: 'REGISTERED' as const,
  slaStatus: 'ok' as const,
  nextDeadline: '2026-12-08T21:00:00.000Z',
};

describe('ticket search attributes (issues 5/10)', () => {
  it('starts with the pairs an upsert of the same state sets', () => {
    expect(startSearchAttributes(VIEW)).toEqual(searchAttributeUpdates(VIEW));
    expect(startSearchAttributes(VIEW)).toEqual([
      { key: TICKET_NUMBER, value: 'L3-2026-000123' },
      { key: CLIENT_ORG, value: 'org-1' },
      { key: TICKET_STATE, value: 'REGISTERED' },
      { key: SLA_STATUS, value: 'ok' },
      { key: NEXT_DEADLINE, value: new Date('2026-12-08T21:00:00.000Z') },
    ]);
  });

  it('leaves the deadline out of a start when none runs; an upsert removes it', () => {
    const none = { ...VIEW, nextDeadline: null };
    expect(startSearchAttributes(none).map((p) => p.key)).not.toContain(NEXT_DEADLINE);
    expect(searchAttributeUpdates(none).at(-1)).toEqual({ key: NEXT_DEADLINE, value: null });
  });

  it('keys by state, SLA status and deadline: each change is a new key', () => {
    const key = searchAttributesKey(VIEW);
    expect(searchAttributesKey({ ...VIEW })).toBe(key);
    expect(searchAttributesKey({ ...VIEW, state: 'IN_ANALYSIS' })).not.toBe(key);
    expect(searchAttributesKey({ ...VIEW, slaStatus: 'at_risk' })).not.toBe(key);
    expect(searchAttributesKey({ ...VIEW, nextDeadline: null })).not.toBe(key);
  });
});
