import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import {
  boardEmptyTexts,
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

// Audit: filtered to a client or a clock, an empty list said «Ningún reloj en riesgo.» as if no
// clock anywhere were at risk; now it says the list is empty for the chosen filters.
describe('SLA board empty lists', () => {
  it('keeps today’s words with no filter', () => {
    expect(boardEmptyTexts(esMX.dashboard, { organizationId: null, kind: null })).toEqual({
      running: 'No hay relojes en curso.',
      atRisk: 'Ningún reloj en riesgo.',
      breached: 'Ningún reloj vencido.',
    });
  });

  it('says a filter is on, with a client or a clock chosen, in both languages', () => {
    expect(boardEmptyTexts(esMX.dashboard, { organizationId: AURORA, kind: null })).toEqual({
      running: 'No hay relojes en curso con los filtros elegidos.',
      atRisk: 'Ningún reloj en riesgo con los filtros elegidos.',
      breached: 'Ningún reloj vencido con los filtros elegidos.',
    });
    expect(boardEmptyTexts(en.dashboard, { organizationId: null, kind: 'triage' })).toEqual({
      running: 'No running clocks for the chosen filters.',
      atRisk: 'No clocks at risk for the chosen filters.',
      breached: 'No breached clocks for the chosen filters.',
    });
  });
});
