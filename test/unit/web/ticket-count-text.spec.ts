import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// The ticket list's line under its rows: a page of the count, all of them, the count on its way,
// or a count that stopped past 1,000 (a search whose words are in most tickets; issue 5 item 4).

describe('the ticket list count', () => {
  it('Spanish: a page of N, all of them, on its way, or more than 1,000', () => {
    const { showing } = esMX.ticketBrowser;
    expect(showing(25, 27)).toBe('Mostrando los 25 más recientes de 27.');
    expect(showing(25, 27, 'OLDEST')).toBe('Mostrando los primeros 25 de 27.');
    expect(showing(27, 27)).toBe('27 tickets.');
    expect(showing(1, 1)).toBe('Un ticket.');
    expect(showing(25, undefined)).toBe('Mostrando los 25 más recientes…');
    expect(showing(25, { moreThan: 1000 })).toBe('Mostrando los 25 más recientes de más de 1,000.');
    expect(showing(25, { moreThan: 1000 }, 'OLDEST')).toBe(
      'Mostrando los primeros 25 de más de 1,000.',
    );
  });

  it('English: the same cases', () => {
    const { showing } = en.ticketBrowser;
    expect(showing(25, 27)).toBe('Showing the 25 most recent of 27.');
    expect(showing(27, 27)).toBe('27 tickets.');
    expect(showing(1, 1)).toBe('One ticket.');
    expect(showing(25, undefined, 'OLDEST')).toBe('Showing the first 25…');
    expect(showing(25, { moreThan: 1000 })).toBe('Showing the 25 most recent of more than 1,000.');
  });
});
