import {
  clockRestarts,
  deadlinesBeforeResume,
  estimateVersions,
  eventTitle,
} from '../../../web/src/tickets/event-title';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA: «Reloj de SLA iniciado» and «SLA cumplido» appeared three times each in a ticket's history
// without saying which clock. A clock event now names its clock, in Spanish first, English too.

describe('ticket history: event titles', () => {
  it('a clock event names its clock', () => {
    expect(eventTitle('CLOCK_STARTED', { kind: 'triage' }, esMX.tickets)).toBe(
      'Reloj de SLA iniciado: Atención inicial',
    );
    expect(eventTitle('CLOCK_MET', { kind: 'diagnosis' }, esMX.tickets)).toBe(
      'SLA cumplido: Diagnóstico',
    );
    expect(eventTitle('CLOCK_MET', { kind: 'progress' }, en.tickets)).toMatch(/^SLA met: \S/);
  });

  // QA S65 #4 (L3-07): an unassigned ticket given its first agent read «Ticket reasignado».
  it('a reassignment with no previous agent reads as the first assignment', () => {
    const first = { agentId: 'u-alex', previousAgentId: null };
    expect(eventTitle('reassign', first, esMX.tickets)).toBe('Ticket asignado');
    expect(eventTitle('reassign', first, en.tickets)).toBe('Ticket assigned');
    const again = { agentId: 'u-bea', previousAgentId: 'u-alex' };
    expect(eventTitle('reassign', again, esMX.tickets)).toBe('Ticket reasignado');
    expect(eventTitle('reassign', again, en.tickets)).toBe('Ticket reassigned');
    // Recorded without the key (unknown): the words as before.
    expect(eventTitle('reassign', { agentId: 'u-bea' }, esMX.tickets)).toBe('Ticket reasignado');
  });

  // QA (L3-06…L3-09): the history said a clock started but not when it falls due; the clocks table
  // shows only the latest deadline of each clock.
  it('a started clock says when it falls due', () => {
    const format = (iso: string) => `<${iso}>`;
    const data = { kind: 'triage', deadline: '2026-02-04T15:00:00.000Z' };
    expect(eventTitle('CLOCK_STARTED', data, esMX.tickets, format)).toBe(
      'Reloj de SLA iniciado: Atención inicial. Vence el <2026-02-04T15:00:00.000Z>',
    );
    expect(eventTitle('CLOCK_STARTED', data, en.tickets, format)).toBe(
      'SLA clock started: Triage. Due <2026-02-04T15:00:00.000Z>',
    );
    // A clock started paused (no deadline yet) keeps the plain words.
    expect(
      eventTitle('CLOCK_STARTED', { kind: 'triage', deadline: null }, esMX.tickets, format),
    ).toBe('Reloj de SLA iniciado: Atención inicial');
  });

  // QA (L3-07): every progress update added «SLA cumplido: Avance periódico» and «Reloj de SLA
  // iniciado: Avance periódico» at the same minute; the two read as one line.
  it('a clock met and started again at once is one line: «SLA cumplido y reiniciado»', () => {
    const at = '2026-02-04T15:00:00.000Z';
    const later = '2026-02-05T15:00:00.000Z';
    const ev = (seq: number, type: string, kind: string, when = at) => ({
      seq,
      type,
      at: when,
      data: { kind },
    });
    const { folded, restarted } = clockRestarts([
      ev(7, 'CLOCK_STARTED', 'progress'),
      ev(5, 'progressUpdate', 'progress'),
      ev(6, 'CLOCK_MET', 'progress'),
      // Met, then another clock starts: two lines (triage → diagnosis).
      ev(8, 'CLOCK_MET', 'triage'),
      ev(9, 'CLOCK_STARTED', 'diagnosis'),
      // Met, and the same clock starts later: two lines.
      ev(10, 'CLOCK_MET', 'progress', later),
      ev(11, 'CLOCK_STARTED', 'progress', '2026-02-06T15:00:00.000Z'),
      // Another event between them: two lines.
      ev(12, 'CLOCK_MET', 'progress', later),
      ev(13, 'comment', 'progress', later),
      ev(14, 'CLOCK_STARTED', 'progress', later),
    ]);
    expect([...folded]).toEqual([6]);
    expect([...restarted]).toEqual([7]);

    const format = (iso: string) => `<${iso}>`;
    const data = { kind: 'progress', deadline: later };
    expect(eventTitle('SLA_RESTARTED', data, esMX.tickets, format)).toBe(
      'SLA cumplido y reiniciado: Avance periódico. Vence el <2026-02-05T15:00:00.000Z>',
    );
    expect(eventTitle('SLA_RESTARTED', data, en.tickets, format)).toBe(
      'SLA met and restarted: Progress cadence. Due <2026-02-05T15:00:00.000Z>',
    );
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
      'Plazo recalculado: Atención inicial',
    );
  });

  // QA (L3-06, BUSINESS-TIME.md): a pause moves the deadline by the business time it lasted; the
  // resume says from which date to which (the old one read from the clock's earlier events).
  it('a resumed clock says where the pause moved its deadline', () => {
    const format = (iso: string) => `<${iso.slice(0, 10)}>`;
    const events = [
      { seq: 2, type: 'CLOCK_STARTED', data: { clockId: 'c1', deadline: '2026-02-03T15:00:00Z' } },
      { seq: 3, type: 'CLOCK_STARTED', data: { clockId: 'c2', deadline: '2026-02-09T15:00:00Z' } },
      { seq: 5, type: 'CLOCK_PAUSED', data: { clockId: 'c1', deadline: null } },
      { seq: 8, type: 'CLOCK_RESUMED', data: { clockId: 'c1', deadline: '2026-02-05T15:00:00Z' } },
      { seq: 9, type: 'CLOCK_RESUMED', data: { clockId: 'c3', deadline: '2026-02-06T15:00:00Z' } },
    ];
    const before = deadlinesBeforeResume(events);
    expect([...before]).toEqual([[8, '2026-02-03T15:00:00Z']]);
    const resumed = { kind: 'triage', clockId: 'c1', deadline: '2026-02-05T15:00:00Z' };
    expect(eventTitle('CLOCK_RESUMED', resumed, esMX.tickets, format, before.get(8))).toBe(
      'Reloj de SLA reanudado: Atención inicial. El plazo pasó del <2026-02-03> al <2026-02-05>',
    );
    expect(eventTitle('CLOCK_RESUMED', resumed, en.tickets, format, before.get(8))).toBe(
      'SLA clock resumed: Triage. The deadline moved from <2026-02-03> to <2026-02-05>',
    );
    // No earlier deadline known: only the new one.
    expect(eventTitle('CLOCK_RESUMED', resumed, esMX.tickets, format)).toBe(
      'Reloj de SLA reanudado: Atención inicial. Ahora vence el <2026-02-05>',
    );
    // Without a formatter (or a deadline) the plain words stay.
    expect(eventTitle('CLOCK_RESUMED', resumed, esMX.tickets)).toBe(
      'Reloj de SLA reanudado: Atención inicial',
    );
  });

  // QA S51 (L3-09, L3-12): «Estimación enviada» showed the scope, not which version it was. The
  // workflow numbers estimates and change orders together, one per submission, in order.
  it('numbers each estimate and change order submitted, in the order the workflow did', () => {
    const events = [
      { seq: 12, type: 'submitChangeOrder', data: { additionalHours: 4 } },
      { seq: 3, type: 'submitEstimate', data: { hours: 10 } },
      { seq: 5, type: 'rejectEstimate', data: { estimateVersion: 1 } },
      { seq: 7, type: 'submitEstimate', data: { hours: 8 } },
      { seq: 9, type: 'authorizeEstimate', data: { estimateVersion: 2 } },
    ];
    expect([...estimateVersions(events)]).toEqual([
      [3, 1],
      [7, 2],
      [12, 3],
    ]);
    expect(estimateVersions([])).toEqual(new Map());
  });
});
