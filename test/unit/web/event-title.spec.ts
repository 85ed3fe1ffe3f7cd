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

  // QA (L3-06, BUSINESS-TIME.md): «Plazo recalculado» said nothing of the dates. The line names the
  // clock, the cause and both deadlines; an event without the old one shows only the new date.
  it('a recomputed deadline says which clock, why, and from which date to which', () => {
    const format = (iso: string) => `<${iso}>`;
    const data = {
      kind: 'diagnosis',
      deadline: '2026-02-04T15:00:00.000Z',
      previousDeadline: '2026-02-03T15:00:00.000Z',
    };
    expect(eventTitle('CLOCK_RECOMPUTED', data, esMX.tickets, format)).toBe(
      'Plazo de Diagnóstico recalculado por un cambio en el calendario: ' +
        'del <2026-02-03T15:00:00.000Z> al <2026-02-04T15:00:00.000Z>',
    );
    expect(eventTitle('CLOCK_RECOMPUTED', data, en.tickets, format)).toBe(
      'Diagnosis deadline recomputed after a calendar change: ' +
        'from <2026-02-03T15:00:00.000Z> to <2026-02-04T15:00:00.000Z>',
    );
    const { previousDeadline: _old, ...withoutOld } = data;
    expect(eventTitle('CLOCK_RECOMPUTED', withoutOld, esMX.tickets, format)).toBe(
      'Plazo de Diagnóstico recalculado por un cambio en el calendario: ' +
        'ahora vence el <2026-02-04T15:00:00.000Z>',
    );
    // Without a deadline (or a formatter) the plain words stay.
    expect(eventTitle('CLOCK_RECOMPUTED', { kind: 'triage' }, esMX.tickets, format)).toBe(
      'Plazo recalculado: Triage',
    );
  });
});
