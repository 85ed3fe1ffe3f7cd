import { noChargeEn } from '../../../web/src/i18n/no-charge.en';
import { noChargeEsMX } from '../../../web/src/i18n/no-charge.es-mx';
import {
  extraActor,
  mergeTimeline,
  type TimelineBillingDecision,
} from '../../../web/src/tickets/timeline-merge';

// L3-18 in the ticket's «Historial»: every no-charge decision (Ticket.billing.decisions) is a line
// placed by time among the workflow's events, files and ratings, naming who decided and in what
// role; its words in Spanish first, English too.

const event = (seq: number, at: string) => ({ seq, at, type: 'comment' });
const decision = (noCharge: boolean, decidedAt: string): TimelineBillingDecision => ({
  noCharge,
  reason: noCharge ? 'Duda de primer nivel' : 'Resultó ser una configuración',
  decidedAt,
  decidedByName: 'Alex Agent',
  decidedByRole: 'AGENT',
});

describe('mergeTimeline: no-charge decisions (L3-18)', () => {
  it('places each decision at its time, after a workflow event of the same instant', () => {
    const events = [
      event(1, '2026-03-01T10:00:00.000Z'),
      event(2, '2026-03-03T10:00:00.000Z'),
      event(3, '2026-03-05T10:00:00.000Z'),
    ];
    const merged = mergeTimeline(events, [], null, [
      decision(true, '2026-03-02T10:00:00.000Z'),
      decision(false, '2026-03-05T10:00:00.000Z'),
    ]);
    expect(merged.map((e) => e.key)).toEqual(['1', 'billing-0', '2', '3', 'billing-1']);
    const lines = merged.filter((e) => e.kind === 'billing');
    expect(lines.map((e) => e.decision.noCharge)).toEqual([true, false]);
    expect(new Set(merged.map((e) => e.key)).size).toBe(merged.length);
  });

  it('without decisions the history is unchanged', () => {
    const events = [event(1, '2026-03-01T10:00:00.000Z')];
    expect(mergeTimeline(events, [], null)).toEqual(mergeTimeline(events, [], null, []));
  });

  it('names who decided with their role', () => {
    const [line] = mergeTimeline([], [], null, [decision(true, '2026-03-02T10:00:00.000Z')]);
    if (line.kind !== 'billing') throw new Error('expected a billing line');
    expect(extraActor(line)).toEqual({ name: 'Alex Agent', role: 'AGENT' });
    expect(
      extraActor({ ...line, decision: { ...line.decision, decidedByRole: undefined } }),
    ).toEqual({ name: 'Alex Agent', role: null });
  });

  it('words the lines and the success notices in Spanish first, English too', () => {
    expect(noChargeEsMX.timelineMarked('Duda básica')).toBe(
      'Marcado sin cargo al paquete: Duda básica',
    );
    expect(noChargeEsMX.timelineCharged('Es configuración')).toBe(
      'Vuelve a cobrarse al paquete: Es configuración',
    );
    expect(noChargeEn.timelineMarked('Basic question')).toBe(
      'Made free of charge to the package: Basic question',
    );
    expect(noChargeEsMX.doneMarked(3.5)).toContain('Se liberaron 3.5 h reservadas');
    expect(noChargeEsMX.doneMarked(0)).toContain('No tenía horas reservadas');
    expect(noChargeEn.doneCharged(2)).toContain(
      '2 h of its authorized estimate were reserved again',
    );
  });
});
