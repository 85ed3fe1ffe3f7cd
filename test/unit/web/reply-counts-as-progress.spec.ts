import type { SlaClock } from '../../../web/src/api/tickets';
import { replyCountsAsProgress } from '../../../web/src/tickets/reply-counts-as-progress';

// L3-07: the reply form tells staff that a reply to the client counts as a progress update only
// where the workflow counts it: a problem in analysis whose progress clock runs (a breached run
// still open counts too, as «Registrar avance» restarts it); not while the clock is paused waiting
// on the client, nor once it ended, nor on a requirement's clocks.

const clock = (kind: string, status: string, endedAt: string | null = null): SlaClock => ({
  id: `L3-2026-000001:${kind}:1`,
  kind,
  status,
  deadline: null,
  startedAt: '2026-03-02T15:00:00.000Z',
  endedAt,
  remainingMinutes: 0,
  consumedMinutes: 0,
  budgetMinutes: 480,
  target: '8 business hours',
  atRiskRecordedAt: null,
  breachedAt: null,
  overdueMinutes: null,
});
const triageMet = clock('triage', 'MET', '2026-03-02T15:00:00.000Z');

describe('a reply counts as a progress update (L3-07)', () => {
  it('counts on a problem in analysis whose progress clock runs (or ran past its deadline)', () => {
    for (const status of ['RUNNING', 'BREACHED']) {
      expect(
        replyCountsAsProgress({
          state: 'IN_ANALYSIS',
          clocks: [triageMet, clock('progress', status)],
        }),
      ).toBe(true);
    }
  });

  it('does not count while waiting on the client, after the clock ended, or on a requirement', () => {
    const cases: Parameters<typeof replyCountsAsProgress>[0][] = [
      { state: 'WAITING_ON_CLIENT', clocks: [triageMet, clock('progress', 'PAUSED')] },
      { state: 'IN_ANALYSIS', clocks: [triageMet, clock('progress', 'PAUSED')] },
      { state: 'RESOLVED', clocks: [clock('progress', 'MET', '2026-03-03T15:00:00.000Z')] },
      { state: 'IN_DIAGNOSIS', clocks: [triageMet, clock('diagnosis', 'RUNNING')] },
      { state: 'REGISTERED', clocks: [clock('triage', 'RUNNING')] },
    ];
    expect(cases.map(replyCountsAsProgress)).toEqual(cases.map(() => false));
  });
});
