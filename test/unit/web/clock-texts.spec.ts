import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { clockStatusText, clockTimeText } from '../../../web/src/tickets/clock-texts';

// The ticket page's «Relojes de SLA» and the SLA board (L3-06…L3-09 clocks): a clock reads as the
// ticket's SLA does, and a breach says how late it is.

const running = {
  status: 'RUNNING',
  atRiskRecordedAt: null,
  breachedAt: null,
  endedAt: null,
  remainingMinutes: 95,
  overdueMinutes: null,
};

describe('clock texts', () => {
  it('a running clock past its at-risk mark reads «En riesgo», not «Corriendo»', () => {
    expect(clockStatusText(running, esMX.tickets)).toBe('Corriendo');
    const atRisk = { ...running, atRiskRecordedAt: '2026-11-27T17:00:00Z' };
    expect(clockStatusText(atRisk, esMX.tickets)).toBe('En riesgo');
    expect(clockStatusText(atRisk, en.tickets)).toBe('At risk');
    expect(clockTimeText(atRisk, esMX.tickets)).toBe('1 h 35 min hábiles');
  });

  it('a breached clock says how late it is instead of «0 min hábiles»', () => {
    const breached = {
      ...running,
      status: 'BREACHED',
      atRiskRecordedAt: '2026-11-27T17:00:00Z',
      breachedAt: '2026-11-27T18:00:00Z',
      remainingMinutes: 0,
      overdueMinutes: 80,
    };
    expect(clockStatusText(breached, esMX.tickets)).toBe('Vencido');
    expect(clockTimeText(breached, esMX.tickets)).toBe('Vencido hace 1 h 20 min hábiles');
    expect(clockTimeText(breached, en.tickets)).toBe('Breached 1 h 20 min of business time ago');
    expect(clockTimeText({ ...breached, overdueMinutes: 12 }, esMX.tickets)).toBe(
      'Vencido hace 12 min hábiles',
    );
    // Ended: the page shows when it ended instead.
    expect(clockTimeText({ ...breached, endedAt: '2026-11-27T19:20:00Z' }, esMX.tickets)).toBe(
      null,
    );
  });
});
