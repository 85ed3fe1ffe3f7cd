import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-15, QA S22 F8: the checkpoint's schedule said «el martes a las 10:00» over a list of its next
// runs in «10:00 a.m.»: the schedule writes its time as the app writes the time of an instant.

describe('the checkpoint schedule line writes its time as the app does (L3-15)', () => {
  const zone = 'America/Mexico_City';

  it('es-MX: «a las 10:00 a.m.», and «a la» for one o’clock', () => {
    const line = (time: string) => esMX.planning.checkpoints.schedule('martes', time, zone);
    expect(line('10:00')).toMatch(/^Cada dos semanas, el martes a las 10:00\sa\.m\., hora de /);
    expect(line('15:30')).toMatch(/ a las 3:30\sp\.m\., /);
    expect(line('13:00')).toMatch(/ a la 1:00\sp\.m\., /);
  });

  it('en: «at 10:00 AM»', () => {
    const line = en.planning.checkpoints.schedule('Tuesday', '10:00', zone);
    expect(line).toMatch(/^Every two weeks, on Tuesday at 10:00\sAM, /);
  });
});
