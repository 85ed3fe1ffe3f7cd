import { groupClockRuns, type ClockRun } from '../../../web/src/tickets/clock-runs';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA (L3-07): the progress clock runs again after every progress update, and the ticket page
// listed every run. Each kind now shows its current run with the earlier ones folded, and the
// folded line says how many of them were breached, so a breach is never hidden.

const run = (
  id: string,
  kind: string,
  startedAt: string,
  endedAt: string | null,
  breachedAt: string | null = null,
): ClockRun => ({ id, kind, startedAt, endedAt, breachedAt });

describe('ticket page: SLA clock runs by kind', () => {
  it('shows the open run of each kind, the earlier ones newest first with their breaches counted', () => {
    const groups = groupClockRuns([
      run('t1', 'triage', '2026-02-02T15:00:00Z', '2026-02-02T16:00:00Z'),
      run('p1', 'progress', '2026-02-02T16:00:00Z', '2026-02-03T16:00:00Z', '2026-02-03T15:00:00Z'),
      run('d1', 'diagnosis', '2026-02-02T16:00:00Z', null),
      run('p2', 'progress', '2026-02-03T16:00:00Z', '2026-02-04T16:00:00Z'),
      run('p3', 'progress', '2026-02-04T16:00:00Z', null),
    ]);
    expect(groups.map((g) => [g.kind, g.current.id, g.earlier.map((c) => c.id)])).toEqual([
      ['triage', 't1', []],
      ['progress', 'p3', ['p2', 'p1']],
      ['diagnosis', 'd1', []],
    ]);
    expect(groups[1].earlierBreached).toBe(1);
    expect(groups[0].earlierBreached).toBe(0);
  });

  it('when every run has ended, the latest started is the current one', () => {
    const [progress] = groupClockRuns([
      run('p1', 'progress', '2026-02-02T16:00:00Z', '2026-02-03T16:00:00Z'),
      run('p2', 'progress', '2026-02-03T16:00:00Z', '2026-02-04T16:00:00Z', '2026-02-04T15:00:00Z'),
    ]);
    expect(progress.current.id).toBe('p2');
    expect(progress.earlier.map((c) => c.id)).toEqual(['p1']);
    expect(progress.earlierBreached).toBe(0);
  });

  it('names the folded runs in Spanish and English, with the breached ones', () => {
    expect(esMX.ticketPage.earlierRuns(1, 0)).toBe('1 plazo anterior');
    expect(esMX.ticketPage.earlierRuns(12, 3)).toBe('12 plazos anteriores (3 vencidos)');
    expect(esMX.ticketPage.earlierRuns(2, 1)).toBe('2 plazos anteriores (1 vencido)');
    expect(en.ticketPage.earlierRuns(1, 1)).toBe('1 earlier deadline (1 breached)');
    expect(en.ticketPage.earlierRuns(5, 0)).toBe('5 earlier deadlines');
  });
});
