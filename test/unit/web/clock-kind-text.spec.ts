import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { clockKindsFor, clockKindText } from '../../../web/src/tickets/clock-texts';

// L3-06…L3-09, L3-11: a client reads a clock in the words of their emails («plazo de atención»,
// «fecha de entrega para pruebas»); staff keep the helpdesk's names («Triage», «Programación»).

describe('clockKindText', () => {
  it('names each clock for staff and for the client, es-MX and en', () => {
    const cases: [string, string, string, string, string][] = [
      ['triage', 'Atención inicial', 'Atención inicial', 'Triage', 'Initial response'],
      [
        'diagnosis',
        'Diagnóstico',
        'Diagnóstico y estimación',
        'Diagnosis',
        'Diagnosis and estimate',
      ],
      [
        'scheduling',
        'Programación',
        'Aviso de la fecha de entrega',
        'Scheduling',
        'Release date announcement',
      ],
      ['progress', 'Avance periódico', 'Avance periódico', 'Progress cadence', 'Progress cadence'],
    ];
    for (const [kind, staffEs, clientEs, staffEn, clientEn] of cases) {
      expect(clockKindText(esMX, kind, false)).toBe(staffEs);
      expect(clockKindText(esMX, kind, true)).toBe(clientEs);
      expect(clockKindText(en, kind, false)).toBe(staffEn);
      expect(clockKindText(en, kind, true)).toBe(clientEn);
    }
    // An unknown kind reads as itself rather than vanishing.
    expect(clockKindText(esMX, 'nuevo', true)).toBe('nuevo');
  });

  it('gives event titles the same names as a table', () => {
    expect(clockKindsFor(esMX, true)).toMatchObject({
      triage: 'Atención inicial',
      progress: 'Avance periódico',
    });
    expect(clockKindsFor(en, false)).toBe(en.tickets.clockKinds);
  });
});
