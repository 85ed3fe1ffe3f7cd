import {
  publicReplyCountsAsProgress,
  type ReplyProgressTicket,
} from '../../../workflows/ticket/transitions';

// L3-07: the one rule of whether a public staff reply counts as a progress update, which the
// workflow applies to the reply and the API answers the reply form with: a problem in analysis
// whose progress clock runs (a breached run still open counts too, as «Registrar avance» restarts
// it); not while the clock is paused waiting on the client, nor once it ended, nor on a
// requirement's clocks. It reads the workflow's view (ISO strings) and the read model (Dates).

type Clock = ReplyProgressTicket['clocks'][number];
const clock = (kind: string, status: string, endedAt: string | Date | null = null): Clock => ({
  kind,
  status,
  endedAt,
});
const triageMet = clock('triage', 'MET', '2026-03-02T15:00:00.000Z');

describe('a public staff reply counts as a progress update (L3-07)', () => {
  it('counts on a problem in analysis whose progress clock runs (or ran past its deadline)', () => {
    for (const status of ['RUNNING', 'BREACHED']) {
      expect(
        publicReplyCountsAsProgress({
          state: 'IN_ANALYSIS',
          clocks: [triageMet, clock('progress', status)],
        }),
      ).toBe(true);
    }
    // The read model's runs: the same answer with Date ends.
    expect(
      publicReplyCountsAsProgress({
        state: 'IN_ANALYSIS',
        clocks: [
          clock('triage', 'MET', new Date('2026-03-02T15:00:00.000Z')),
          clock('progress', 'MET', new Date('2026-03-02T17:00:00.000Z')),
          clock('progress', 'RUNNING'),
        ],
      }),
    ).toBe(true);
  });

  it('does not count while waiting on the client, after the clock ended, or on a requirement', () => {
    const cases: ReplyProgressTicket[] = [
      { state: 'WAITING_ON_CLIENT', clocks: [triageMet, clock('progress', 'PAUSED')] },
      { state: 'IN_ANALYSIS', clocks: [triageMet, clock('progress', 'PAUSED')] },
      { state: 'RESOLVED', clocks: [clock('progress', 'MET', '2026-03-03T15:00:00.000Z')] },
      { state: 'CLOSED', clocks: [clock('progress', 'STOPPED', new Date('2026-03-03T15:00Z'))] },
      { state: 'IN_DIAGNOSIS', clocks: [triageMet, clock('diagnosis', 'RUNNING')] },
      { state: 'REGISTERED', clocks: [clock('triage', 'RUNNING')] },
    ];
    expect(cases.map(publicReplyCountsAsProgress)).toEqual(cases.map(() => false));
  });
});
