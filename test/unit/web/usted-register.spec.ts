import { READER_TEXT_FILES, textsOf } from '../../support/reader-texts';

// QA S20-S21: the web app and the emails speak «usted» (aa7055d, cf4dd2a, 86e4a5f, 97d87b4); a
// «tu», «te» or «puedes» left in one text mixes the registers on a screen or in an email. Only
// words that nothing but «tú» uses are looked for: «Confirma», «Revisa» are also «usted»'s
// indicative («Confirma que asistirá…» under «Confirmar» still read as an order, QA S21), so
// those are for a reader to catch.
const TU =
  /(?<!\p{L})(tú|tu|tus|te|ti|contigo|puedes|tienes|quieres|necesitas|debes|olvidaste|recibiste)(?!\p{L})/iu;

describe('Spanish texts speak «usted» (QA S20, S21)', () => {
  it.each(READER_TEXT_FILES)('%s says no «tú»', (path) => {
    expect(textsOf(path).filter((text) => TU.test(text))).toEqual([]);
  });

  it('finds the forms of «tú», not words that hold them', () => {
    expect(TU.test('¿Olvidaste tu contraseña?')).toBe(true);
    expect(TU.test('Se necesita tu respuesta')).toBe(true);
    expect(TU.test('Te enviamos un correo; puedes cambiarla.')).toBe(true);
    expect(TU.test('¿Olvidó su contraseña? Le enviamos un correo; puede cambiarla.')).toBe(false);
    expect(TU.test('Ya existe un registro igual. Tenga la información a la mano.')).toBe(false);
  });
});
