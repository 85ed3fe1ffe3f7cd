import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import {
  endedDay,
  searchedTicketNumber,
  ticketListSearch,
} from '../../../web/src/tickets/console-search';
import { defaultFilters, filtersFromSearch } from '../../../web/src/tickets/ticket-filters';

// QA S60b #8: the agents' console searches open tickets only; a search that matches none says
// whether the text is a ticket that ended (and when), or how many ended tickets match, with the
// staff ticket list («Tickets») showing them.

const MEXICO = 'America/Mexico_City';

describe('The console on a search with no open match (QA S60b #8)', () => {
  it('reads a ticket number as the API searches it, short or lower-case typed; words are none', () => {
    expect(searchedTicketNumber('L3-2026-000123', 2026)).toBe('L3-2026-000123');
    expect(searchedTicketNumber(' l3-2026-123 ', 2026)).toBe('L3-2026-000123');
    expect(searchedTicketNumber('l3-2026-000123', 2027)).toBe('L3-2026-000123');
    for (const text of ['', 'timbrado', 'L3-2026', 'L3-2026-123 nómina', 'L3-26-000123', '12a'])
      expect(searchedTicketNumber(text, 2026)).toBeNull();
  });

  it('reads digits alone as that ticket of the year: «5», «000005» (QA S62 #11)', () => {
    expect(searchedTicketNumber('5', 2026)).toBe('L3-2026-000005');
    expect(searchedTicketNumber(' 000123 ', 2026)).toBe('L3-2026-000123');
    expect(searchedTicketNumber('000123', 2027)).toBe('L3-2027-000123');
    // Past 999,999 in a year the sequence has more digits (L3-02).
    expect(searchedTicketNumber('1234567', 2026)).toBe('L3-2026-1234567');
  });

  it('links to «Tickets» with the text over everyone’s tickets, all of them or the ended ones', () => {
    const all = ticketListSearch('cancela', 'ALL');
    const ended = ticketListSearch('factura enero', 'CLOSED');
    expect(ended).toBe('/tickets?q=factura+enero&mostrar=cerrados&mios=0');
    // What the list reads from those addresses, from an agent's defaults (their own tickets).
    const agent = defaultFilters(true);
    const read = (path: string) => filtersFromSearch(path.slice('/tickets'.length), agent);
    expect(read(all)).toMatchObject({ text: 'cancela', show: 'ALL', mine: false });
    expect(read(ended)).toMatchObject({ text: 'factura enero', show: 'CLOSED', mine: false });
    // A manager's list starts on everyone's: the same address reads the same.
    expect(filtersFromSearch(ended.slice('/tickets'.length), defaultFilters(false))).toMatchObject({
      show: 'CLOSED',
      mine: false,
    });
  });

  it('says the day a ticket ended in the reader’s zone, with the year only when not this one', () => {
    const now = new Date('2026-12-07T18:00:00Z');
    expect(endedDay('2026-12-03T18:00:00Z', 'es-MX', MEXICO, now)).toBe('3 dic');
    expect(endedDay('2026-12-03T18:00:00Z', 'en', MEXICO, now)).toBe('Dec 3');
    // 02:00 UTC on the 4th is still the 3rd in Mexico City.
    expect(endedDay('2026-12-04T02:00:00Z', 'es-MX', MEXICO, now)).toBe('3 dic');
    expect(endedDay('2025-12-03T18:00:00Z', 'es-MX', MEXICO, now)).toBe('3 dic 2025');
    expect(endedDay('2025-12-03T18:00:00Z', 'en', MEXICO, now)).toBe('Dec 3, 2025');
  });

  it('words an ended ticket by how it ended and when, once, in Spanish and English (QA S62 #11)', () => {
    const es = esMX.console;
    expect(es.endedTicket('L3-2026-000123', 'CLOSED', '3 dic')).toBe(
      'El ticket L3-2026-000123 se cerró el 3 dic.',
    );
    expect(es.endedTicket('L3-2026-000123', 'CANCELLED', '3 dic')).toBe(
      'El ticket L3-2026-000123 se canceló el 3 dic.',
    );
    expect(es.endedTicket('L3-2026-000123', 'NOT_FEASIBLE', '3 dic')).toBe(
      'El ticket L3-2026-000123 se cerró el 3 dic por no ser factible.',
    );
    // Ended before the read model kept the day: no date, nothing empty.
    expect(es.endedTicket('L3-2026-000123', 'OUT_OF_SCOPE', null)).toBe(
      'El ticket L3-2026-000123 se cerró por estar fuera de alcance.',
    );
    expect(es.endedTicket('L3-2026-000123', 'CANCELLED', null)).toBe(
      'El ticket L3-2026-000123 está cancelado.',
    );
    expect(en.console.endedTicket('L3-2026-000123', 'CLOSED', 'Dec 3')).toBe(
      'Ticket L3-2026-000123 was closed on Dec 3.',
    );
    expect(en.console.endedTicket('L3-2026-000123', 'CANCELLED', 'Dec 3')).toBe(
      'Ticket L3-2026-000123 was cancelled on Dec 3.',
    );
    expect(en.console.endedTicket('L3-2026-000123', 'OUT_OF_SCOPE', 'Dec 3')).toBe(
      'Ticket L3-2026-000123 was closed on Dec 3 as out of scope.',
    );
  });

  it('counts the ended matches of words, one, many or past the count’s limit', () => {
    const es = esMX.console;
    expect(es.endedMatches('nómina', 1)).toBe(
      'Ningún ticket abierto coincide con «nómina», pero uno cerrado o cancelado sí.',
    );
    expect(es.showEndedMatches(1)).toBe('Verlo en Tickets');
    expect(es.endedMatches('nómina', 3)).toBe(
      'Ningún ticket abierto coincide con «nómina», pero 3 tickets cerrados o cancelados sí.',
    );
    expect(es.showEndedMatches(3)).toBe('Verlos en Tickets');
    expect(es.endedMatches('pedido', { moreThan: 1000 })).toBe(
      'Ningún ticket abierto coincide con «pedido», pero más de 1,000 tickets cerrados o cancelados sí.',
    );
    expect(en.console.endedMatches('payroll', 1)).toBe(
      'No open ticket matches “payroll”, but one closed or cancelled ticket does.',
    );
    expect(en.console.endedMatches('payroll', 2)).toBe(
      'No open ticket matches “payroll”, but 2 closed or cancelled tickets do.',
    );
    expect(en.console.showEndedMatches(2)).toBe('Show them in Tickets');
    expect(es.noMatchAtAll('xyz')).toBe('Ningún ticket, abierto ni cerrado, coincide con «xyz».');
    expect(en.console.noMatchAtAll('xyz')).toBe('No ticket, open or closed, matches “xyz”.');
  });
});
