import { unaccented, unaccentedSql } from '../../../src/tickets/ticket-event-sql';

// Issue 5 item 4 (QA): the ticket search ignores accents — what the user typed is unaccented in
// JavaScript and the columns in SQL, by the same letter table.
describe('accent-free search text', () => {
  it('takes the accents off Spanish letters, in either case, and leaves the rest', () => {
    expect(unaccented('Conciliación BANCARIA, año, pingüino, ÁRBOL, Ñandú')).toBe(
      'Conciliacion BANCARIA, ano, pinguino, ARBOL, Nandu',
    );
    expect(unaccented('50% _ \\ ok')).toBe('50% _ \\ ok');
  });

  it('uses one letter table in SQL, so the typed text and the columns meet', () => {
    const sql = unaccentedSql('t.subject');
    const [, from, to] = /translate\(t\.subject, '([^']*)', '([^']*)'\)/.exec(sql)!;
    expect([...from]).toHaveLength([...to].length);
    expect(unaccented(from)).toBe(to);
  });
});
