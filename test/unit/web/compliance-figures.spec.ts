import {
  complianceCsvRows,
  complianceFileName,
  complianceInFilter,
} from '../../../web/src/tickets/compliance-figures';
import { toCsv } from '../../../web/src/tickets/csv';

// Tablero SLA «Exportar CSV»: the compliance rows a manager sends on (L3-06…L3-09 clocks).

describe('compliance CSV', () => {
  const header = ['Mes', 'Cliente', 'Reloj', 'Cumplidos', 'Incumplidos', '% cumplido'];
  const labels = {
    clockKind: (k: string) => ({ triage: 'Atención', diagnosis: 'Diagnóstico' })[k] ?? k,
    clientName: (id: string) => ({ o1: 'Comercializadora Aurora', o2: 'Becken, S.A.' })[id] ?? id,
  };

  it('orders by month, client and clock, with the share met to one decimal', () => {
    const rows = complianceCsvRows(
      [
        { month: '2026-11', organizationId: 'o1', kind: 'triage', met: 2, breached: 1 },
        { month: '2026-10', organizationId: 'o2', kind: 'diagnosis', met: 0, breached: 0 },
        { month: '2026-10', organizationId: 'o1', kind: 'triage', met: 3, breached: 0 },
      ],
      labels,
    );
    expect(rows).toEqual([
      ['2026-10', 'Becken, S.A.', 'Diagnóstico', 0, 0, ''],
      ['2026-10', 'Comercializadora Aurora', 'Atención', 3, 0, 100],
      ['2026-11', 'Comercializadora Aurora', 'Atención', 2, 1, 66.7],
    ]);
    // A client name with a comma is quoted in the file.
    expect(toCsv(header, rows).split('\r\n')[1]).toBe('2026-10,"Becken, S.A.",Diagnóstico,0,0,');
  });

  it('has a row for every month, client and clock the charts show, 0 and 0 where none ended', () => {
    const rows = complianceCsvRows(
      [{ month: '2026-11', organizationId: 'o1', kind: 'diagnosis', met: 1, breached: 1 }],
      labels,
      {
        months: ['2026-10', '2026-11'],
        organizationIds: ['o1', 'o2'],
        kinds: ['triage', 'diagnosis'],
      },
    );
    expect(rows).toEqual([
      ['2026-10', 'Becken, S.A.', 'Atención', 0, 0, ''],
      ['2026-10', 'Becken, S.A.', 'Diagnóstico', 0, 0, ''],
      ['2026-10', 'Comercializadora Aurora', 'Atención', 0, 0, ''],
      ['2026-10', 'Comercializadora Aurora', 'Diagnóstico', 0, 0, ''],
      ['2026-11', 'Becken, S.A.', 'Atención', 0, 0, ''],
      ['2026-11', 'Becken, S.A.', 'Diagnóstico', 0, 0, ''],
      ['2026-11', 'Comercializadora Aurora', 'Atención', 0, 0, ''],
      ['2026-11', 'Comercializadora Aurora', 'Diagnóstico', 1, 1, 50],
    ]);
  });

  // QA S22: in English the file came down as «cumplimiento-sla-….csv» under English headers.
  it('names the file in the UI language, dated on the user wall clock', () => {
    // 02:30 UTC on 1 December is still 30 November in Mexico City.
    const now = new Date('2026-12-01T02:30:00Z');
    expect(complianceFileName('es-MX', 'America/Mexico_City', now)).toBe(
      'cumplimiento-sla-2026-11-30.csv',
    );
    expect(complianceFileName('en', 'America/Mexico_City', now)).toBe(
      'sla-compliance-2026-11-30.csv',
    );
  });
});

// QA: the SLA board filtered to one client (or one clock) still charted and exported every
// client's compliance under its lists of that client's clocks.
describe('compliance under the board’s filters', () => {
  const rows = [
    { month: '2026-11', organizationId: 'o1', kind: 'triage', met: 2, breached: 1 },
    { month: '2026-11', organizationId: 'o2', kind: 'triage', met: 5, breached: 0 },
    { month: '2026-11', organizationId: 'o1', kind: 'progress', met: 1, breached: 3 },
  ];

  it('counts only the chosen client’s rows, and charts only that client', () => {
    const chosen = complianceInFilter(rows, ['o1', 'o2'], { organizationId: 'o1', kind: null });
    expect(chosen.rows).toEqual([rows[0], rows[2]]);
    expect(chosen.organizationIds).toEqual(['o1']);
    expect(chosen.kinds).toEqual(['triage', 'diagnosis', 'scheduling', 'progress']);
  });

  it('counts only the chosen clock, for every client', () => {
    const chosen = complianceInFilter(rows, ['o1', 'o2'], { organizationId: null, kind: 'triage' });
    expect(chosen.rows).toEqual([rows[0], rows[1]]);
    expect(chosen.organizationIds).toEqual(['o1', 'o2']);
    expect(chosen.kinds).toEqual(['triage']);
  });

  it('keeps everything when no filter is set', () => {
    const chosen = complianceInFilter(rows, ['o1', 'o2'], { organizationId: null, kind: null });
    expect(chosen.rows).toEqual(rows);
    expect(chosen.organizationIds).toEqual(['o1', 'o2']);
    expect(chosen.kinds).toHaveLength(4);
  });
});
