import type { SlaTimer, SlaTimerCounts } from '../../../web/src/api/tickets';
import { disjointAtRiskAndBreached } from '../../../web/src/tickets/sla-board-lists';

// L3-06…L3-09: the SLA board reads «En riesgo», «Vencidos» and their totals as separate fields of
// one query. A clock that breaches between those reads came back in both lists until the next
// refresh; breached is the later state, so the board shows it there only.

const timer = (id: string, breachedAt: string | null = null): SlaTimer => ({
  ticketNumber: `SUP-${id}`,
  organizationId: 'aurora',
  subject: `Ticket ${id}`,
  ticketState: 'IN_PROGRESS',
  slaStatus: breachedAt ? 'breached' : 'at_risk',
  clock: {
    id,
    kind: 'progress',
    status: 'RUNNING',
    deadline: '2026-12-03T15:00:00.000Z',
    endedAt: null,
    remainingMinutes: breachedAt ? -5 : 20,
    target: 'PT8H',
    atRiskRecordedAt: '2026-12-03T13:00:00.000Z',
    breachedAt,
    overdueMinutes: breachedAt ? 5 : null,
    businessDayMinutes: 540,
    countsFrom: null,
    daysLeft: null,
  },
});

const counts = (atRisk: number, breached: number): SlaTimerCounts => ({
  running: 10,
  paused: 0,
  atRisk,
  breached,
});

const ids = (timers: SlaTimer[]) => timers.map((t) => t.clock.id);

describe('the SLA board never shows one clock both at risk and breached', () => {
  const BREACH = '2026-12-03T15:00:00.000Z';

  it('drops from «En riesgo» a clock «Vencidos» holds, totals read before the breach', () => {
    // The at-risk list and the totals were read before clock b breached, the breached list after.
    const board = disjointAtRiskAndBreached({
      atRisk: [timer('a'), timer('b'), timer('c')],
      breached: [timer('b', BREACH), timer('z', BREACH)],
      counts: counts(3, 1),
    });
    expect(ids(board.atRisk)).toEqual(['a', 'c']);
    expect(ids(board.breached)).toEqual(['b', 'z']);
    expect(board.counts).toEqual(counts(2, 2));
  });

  it('keeps totals read after the breach no lower than the lists they head', () => {
    const board = disjointAtRiskAndBreached({
      atRisk: [timer('a'), timer('b')],
      breached: [timer('b', BREACH)],
      counts: counts(1, 1),
    });
    expect(ids(board.atRisk)).toEqual(['a']);
    expect(board.counts).toEqual(counts(1, 1));
  });

  it('drops an at-risk row that already carries its breach', () => {
    const board = disjointAtRiskAndBreached({
      atRisk: [timer('a'), timer('b', BREACH)],
      breached: [],
      counts: counts(2, 0),
    });
    expect(ids(board.atRisk)).toEqual(['a']);
    expect(board.counts.atRisk).toBe(1);
  });

  it('leaves a consistent answer as it came, the part of a list shown included', () => {
    const answer = {
      atRisk: [timer('a'), timer('c')],
      breached: [timer('z', BREACH)],
      counts: counts(350, 7),
    };
    expect(disjointAtRiskAndBreached(answer)).toBe(answer);
  });

  it('keeps a long list’s total, less the clocks that moved to «Vencidos»', () => {
    const board = disjointAtRiskAndBreached({
      atRisk: [timer('a'), timer('b')],
      breached: [timer('b', BREACH)],
      counts: counts(350, 40),
    });
    expect(board.counts).toEqual(counts(349, 40));
  });
});
