import {
  boardFilterFromSearch,
  boardFilterToSearch,
} from '../../../web/src/tickets/sla-board-filters';

// S17-E (L3-06…L3-09): the SLA board's client and clock filters live in the address, so a
// manager can share or bookmark the view; a link with a filter the board does not know shows all.

const AURORA = '2f1e4c1a-8b7d-4c2e-9a51-0c6f3d2b7e10';

describe('SLA board filters in the address', () => {
  it('reads «?cliente=…&reloj=…» back as the filter it wrote', () => {
    const search = boardFilterToSearch('', { organizationId: AURORA, kind: 'progress' });
    expect(search).toBe(`?cliente=${AURORA}&reloj=progress`);
    expect(boardFilterFromSearch(search)).toEqual({ organizationId: AURORA, kind: 'progress' });
  });

  it('writes nothing for «all», and keeps other parameters of the address', () => {
    expect(boardFilterToSearch('', { organizationId: null, kind: null })).toBe('');
    expect(
      boardFilterToSearch(`?lang=en&cliente=${AURORA}&reloj=triage`, {
        organizationId: null,
        kind: 'triage',
      }),
    ).toBe('?lang=en&reloj=triage');
  });

  it('shows all for what it does not understand (a hand-edited or old link)', () => {
    expect(boardFilterFromSearch('?cliente=aurora&reloj=lunch')).toEqual({
      organizationId: null,
      kind: null,
    });
    expect(boardFilterFromSearch('')).toEqual({ organizationId: null, kind: null });
  });
});
