import {
  currentEstimateVersion,
  estimateDecision,
  supersedingVersion,
} from '../../../web/src/tickets/estimate-decision';

// L3-09, L3-12 (QA S16): the estimates table shows why and by whom a version was turned down,
// read from the ticket's history.

const event = (type: string, at: string, actorName: string | null, data: object) => ({
  type,
  at,
  actorName,
  data: JSON.stringify(data),
});

const timeline = [
  event('submitEstimate', '2026-11-02T16:00:00Z', 'Ana Agente', { hours: 6, scope: 'Reporte' }),
  event('rejectEstimate', '2026-11-03T17:30:00Z', 'Arturo Aprobador', {
    estimateVersion: 1,
    reason: 'Seis horas es demasiado para un reporte.',
  }),
  event('submitEstimate', '2026-11-04T16:00:00Z', 'Ana Agente', { hours: 4, scope: 'Reporte' }),
  event('requestReestimate', '2026-11-05T18:00:00Z', 'Arturo Aprobador', {
    estimateVersion: 2,
    reason: 'Sin la parte de gráficas.',
  }),
  event('rejectChangeOrder', '2026-11-09T15:00:00Z', null, { estimateVersion: 4, reason: 'No.' }),
];

describe('why an estimate version was turned down (L3-09, L3-12)', () => {
  it('a rejected estimate: its reason, who and when', () => {
    expect(estimateDecision(timeline, 1, 'REJECTED')).toEqual({
      reason: 'Seis horas es demasiado para un reporte.',
      byName: 'Arturo Aprobador',
      at: '2026-11-03T17:30:00Z',
    });
  });

  it('a version sent back for re-estimation, and a rejected change order by someone unknown', () => {
    expect(estimateDecision(timeline, 2, 'REESTIMATE_REQUESTED')?.reason).toBe(
      'Sin la parte de gráficas.',
    );
    expect(estimateDecision(timeline, 4, 'REJECTED')).toEqual({
      reason: 'No.',
      byName: null,
      at: '2026-11-09T15:00:00Z',
    });
  });

  it('nothing for a version still waiting or authorized, or with no such event', () => {
    expect(estimateDecision(timeline, 3, 'SUBMITTED')).toBeUndefined();
    expect(estimateDecision(timeline, 1, 'AUTHORIZED')).toBeUndefined();
    expect(estimateDecision(timeline, 3, 'REJECTED')).toBeUndefined();
  });
});

describe('the version that replaced an email’s linked one (L3-09, L3-12)', () => {
  const v = (version: number, status: string, changeOrder = false) => ({
    version,
    status,
    changeOrder,
  });

  it('an estimate replaced by a re-estimate: the newest version is the current one', () => {
    const estimates = [v(1, 'REESTIMATE_REQUESTED'), v(2, 'SUBMITTED')];
    expect(supersedingVersion(estimates, 1)).toBe(2);
    expect(supersedingVersion(estimates, 2)).toBeUndefined();
  });

  it('a change order replaces the estimate only once authorized', () => {
    const pending = [v(1, 'AUTHORIZED'), v(2, 'SUBMITTED', true)];
    expect(supersedingVersion(pending, 1)).toBeUndefined();
    expect(supersedingVersion([v(1, 'AUTHORIZED'), v(2, 'REJECTED', true)], 1)).toBeUndefined();
    expect(supersedingVersion([v(1, 'AUTHORIZED'), v(2, 'AUTHORIZED', true)], 1)).toBe(2);
    expect(
      supersedingVersion(
        [v(1, 'AUTHORIZED'), v(2, 'AUTHORIZED', true), v(3, 'WITHDRAWN', true)],
        1,
      ),
    ).toBe(2);
  });

  it('the version in force, offered by a link to a version the ticket lacks; none with no estimate', () => {
    expect(currentEstimateVersion([])).toBeUndefined();
    expect(currentEstimateVersion([v(1, 'REESTIMATE_REQUESTED'), v(2, 'SUBMITTED')])).toBe(2);
    expect(currentEstimateVersion([v(1, 'AUTHORIZED'), v(2, 'SUBMITTED', true)])).toBe(1);
  });
});
