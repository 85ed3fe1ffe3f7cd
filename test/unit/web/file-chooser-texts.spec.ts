import { fileChooserEn } from '../../../web/src/i18n/file-chooser.en';
import { fileChooserEsMX } from '../../../web/src/i18n/file-chooser.es-mx';

// L3-11 (QA S16): the app's own file chooser speaks the page's language; the browser's native one
// read «Choose Files / No file chosen» in a Spanish page.

describe('file chooser texts (L3-11)', () => {
  it('Spanish: the button and the count of chosen files', () => {
    expect(fileChooserEsMX.choose).toBe('Elegir archivos');
    expect([0, 1, 3].map(fileChooserEsMX.chosen)).toEqual([
      'Ningún archivo seleccionado',
      '1 archivo seleccionado',
      '3 archivos seleccionados',
    ]);
  });

  it('English: the same, with its own plural', () => {
    expect(fileChooserEn.choose).toBe('Choose files');
    expect([0, 1, 3].map(fileChooserEn.chosen)).toEqual([
      'No file chosen',
      '1 file chosen',
      '3 files chosen',
    ]);
  });
});
