import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-15: a checkpoint's decisions say who recorded them, by name and role (QA S14-F: the agenda
// said only «Aprobador de estimaciones · 29 nov 2026, 9:04 a.m.»).

describe('who recorded a checkpoint decision (L3-15)', () => {
  it('names the person, then the role; the role alone when the name is unknown', () => {
    const es = esMX.planning.checkpoints;
    expect(es.recordedBy('Arturo Aprobador', 'Aprobador de estimaciones', '29 nov 2026')).toBe(
      'Arturo Aprobador (Aprobador de estimaciones) · 29 nov 2026',
    );
    expect(es.recordedBy(null, 'Gerente', '29 nov 2026')).toBe('Gerente · 29 nov 2026');
    expect(en.planning.checkpoints.recordedBy('Gerardo Gerente', 'Manager', 'Nov 29, 2026')).toBe(
      'Gerardo Gerente (Manager) · Nov 29, 2026',
    );
  });
});
