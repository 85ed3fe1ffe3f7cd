import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-03, L3-13: the monthly statement's download names its month in words, in the UI language
// (QA S14-F: «Descargar CSV de 2026-11»).

describe('the monthly statement download names its month in words (L3-03, L3-13)', () => {
  it('Spanish and English', () => {
    expect(esMX.contracts.downloadCsv('2026-01')).toBe('Descargar CSV de enero de 2026');
    expect(esMX.contracts.downloadCsv('2026-11')).toBe('Descargar CSV de noviembre de 2026');
    expect(en.contracts.downloadCsv('2026-11')).toBe('Download CSV for November 2026');
  });

  it('a month it cannot read is shown as given', () => {
    expect(esMX.contracts.downloadCsv('2026-13')).toBe('Descargar CSV de 2026-13');
  });
});
