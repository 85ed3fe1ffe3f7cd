import { foldForSearch } from '../../../web/src/components/fold-for-search';

// L3-04 (users list search) and the time-zone picker: what is typed and what is searched are
// folded alike, so case and accents never hide a match.
describe('foldForSearch', () => {
  it.each([
    ['Úrsula Núñez ursula@aurora.example', 'ursula'],
    ['Úrsula Núñez ursula@aurora.example', 'NUÑEZ'],
    ['América/Bogotá', 'america bogota'],
    ['UTC−5', 'utc-5'],
  ])('%s is found by «%s»', (text, typed) => {
    expect(foldForSearch(text)).toContain(foldForSearch(typed));
  });

  it('keeps letters apart: «ana» does not find «Úrsula»', () => {
    expect(foldForSearch('Úrsula Núñez')).not.toContain(foldForSearch('ana'));
  });
});
