import { searchPatterns } from '../../../src/tickets/search-patterns';

// The ticket list's text search: one ILIKE pattern a word, all of them required (tickets.service).

describe('searchPatterns', () => {
  it('takes each word on its own, accents off, so their order and the words between do not matter', () => {
    expect(searchPatterns('  Reporte   ventas ')).toEqual(['%Reporte%', '%ventas%']);
    expect(searchPatterns('conciliación BANCÁRIA')).toEqual(['%conciliacion%', '%BANCARIA%']);
  });

  it('reads a number typed short as that ticket’s, next to other words too', () => {
    expect(searchPatterns('l3-2026-6 ventas')).toEqual(['%L3-2026-000006%', '%ventas%']);
  });

  it('takes %, _ and \\ literally, repeats once, and blank text as typed', () => {
    expect(searchPatterns('100% 100% a_b')).toEqual(['%100\\%%', '%a\\_b%']);
    expect(searchPatterns('  ')).toEqual(['%  %']);
  });
});
