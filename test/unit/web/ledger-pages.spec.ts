import {
  LEDGER_REQUEST_MAX,
  type LedgerPage,
  loadOlderMovements,
  mergeMovements,
} from '../../../web/src/contracts/ledger-pages';

// L3-13: the hours ledger reads to its first movement. QA S14-F: «Mostrar más» stopped at 100
// rows (the API's largest `first`), and older movements could not be reached.

interface Entry {
  id: string;
}

/** A fake hourStatement over `total` movements, newest first (#total … #1), like the API's. */
function ledgerOf(total: number) {
  const all: Entry[] = Array.from({ length: total }, (_, i) => ({ id: String(total - i) }));
  const asked: { first: number; after: string }[] = [];
  const fetchPage = (first: number, after: string): Promise<LedgerPage<Entry>> => {
    if (first < 1 || first > LEDGER_REQUEST_MAX) throw new Error(`first ${first} refused`);
    asked.push({ first, after });
    const start = all.findIndex((e) => e.id === after) + 1;
    const page = all.slice(start, start + first);
    return Promise.resolve({
      edges: page.map((node) => ({ node })),
      pageInfo: {
        endCursor: page.length ? page[page.length - 1].id : null,
        hasNextPage: start + first < all.length,
      },
    });
  };
  return { all, asked, fetchPage };
}

describe('hours ledger past 100 movements (L3-13)', () => {
  it('«Mostrar más» after the first 100 brings movements 101 to 120 with the cursor', async () => {
    const ledger = ledgerOf(150);
    const newest = ledger.all.slice(0, 100);
    const more = await loadOlderMovements(ledger.fetchPage, newest[99].id, 20);
    const shown = mergeMovements(newest, more.entries);
    expect(shown).toHaveLength(120);
    // The 101st newest movement is #50 of 150, and it is shown.
    expect(shown[100]).toEqual({ id: '50' });
    expect(shown.map((e) => e.id)).toEqual(ledger.all.slice(0, 120).map((e) => e.id));
    expect(more.hasNextPage).toBe(true);
    expect(ledger.asked).toEqual([{ first: 20, after: '51' }]);
  });

  it('reads on to the very first movement, then says there is no more', async () => {
    const ledger = ledgerOf(150);
    let shown = ledger.all.slice(0, 100);
    let after = shown[99].id;
    let hasNext = true;
    while (hasNext) {
      const more = await loadOlderMovements(ledger.fetchPage, after, 20);
      shown = mergeMovements(shown, more.entries);
      hasNext = more.hasNextPage;
      after = more.endCursor ?? after;
    }
    expect(shown).toHaveLength(150);
    expect(shown[149]).toEqual({ id: '1' });
  });

  it('re-reading more than 100 older movements asks in pages of at most 100', async () => {
    const ledger = ledgerOf(400);
    const more = await loadOlderMovements(ledger.fetchPage, '301', 250);
    expect(more.entries).toHaveLength(250);
    expect(more.entries[0]).toEqual({ id: '300' });
    expect(ledger.asked.map((a) => a.first)).toEqual([100, 100, 50]);
  });

  it('a live reload of the newest page that overlaps the older ones shows each movement once', () => {
    const merged = mergeMovements([{ id: '3' }, { id: '2' }], [{ id: '2' }, { id: '1' }]);
    expect(merged.map((e) => e.id)).toEqual(['3', '2', '1']);
  });
});
