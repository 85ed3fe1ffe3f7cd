import { eventTitle } from '../../../web/src/tickets/event-title';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA: «Reloj de SLA iniciado» and «SLA cumplido» appeared three times each in a ticket's history
// without saying which clock. A clock event now names its clock, in Spanish first, English too.

describe('ticket history: event titles', () => {
  it('a clock event names its clock', () => {
    expect(eventTitle('CLOCK_STARTED', { kind: 'triage' }, esMX.tickets)).toBe(
      'Reloj de SLA iniciado: Triage',
    );
    expect(eventTitle('CLOCK_MET', { kind: 'diagnosis' }, esMX.tickets)).toBe(
      'SLA cumplido: Diagnóstico',
    );
    expect(eventTitle('CLOCK_MET', { kind: 'progress' }, en.tickets)).toMatch(/^SLA met: \S/);
  });

  it('other events, and clocks of an unknown kind, keep their words (or their type)', () => {
    expect(eventTitle('CLOCK_STARTED', {}, esMX.tickets)).toBe('Reloj de SLA iniciado');
    expect(eventTitle('CLOCK_STARTED', { kind: 'nuevo' }, esMX.tickets)).toBe(
      'Reloj de SLA iniciado',
    );
    expect(eventTitle('classify', { kind: 'triage' }, esMX.tickets)).toBe(
      esMX.tickets.events.classify,
    );
    expect(eventTitle('SOMETHING_NEW', {}, esMX.tickets)).toBe('SOMETHING_NEW');
  });
});
