import { READER_TEXT_FILES as FILES, textsOf } from '../../support/reader-texts';

// L3-11, L3-15, L3-16: clause IDs are our spec's, not the contract's wording, and clients do not
// know them. QA S14-F: «Falta confirmarlo (L3-16)», «(cláusula L3-09)», and «(L3-15)» in the
// checkpoint agenda email's heading. No text of the web app or of an email carries one; ticket
// numbers («L3-2026-000123») are not clause IDs.

const CLAUSE_ID = /L3-\d{2}(?!\d)/;

describe('no clause IDs in what clients read (L3-11, L3-15, L3-16)', () => {
  it('reads the UI texts and every email template', () => {
    expect(FILES).toEqual(expect.arrayContaining(['web/src/i18n/es-mx.ts', 'web/src/i18n/en.ts']));
    expect(FILES.some((f) => f.endsWith('checkpoint.templates.ts'))).toBe(true);
    expect(FILES.some((f) => f.endsWith('no-charge-email.ts'))).toBe(true);
  });

  it.each(FILES)('%s words no «L3-NN»', (path) => {
    expect(textsOf(path).filter((text) => CLAUSE_ID.test(text))).toEqual([]);
  });

  it('a ticket number is not taken for a clause ID', () => {
    expect(CLAUSE_ID.test('L3-2026-000123')).toBe(false);
    expect(CLAUSE_ID.test('Falta confirmarlo (L3-16)')).toBe(true);
  });
});
