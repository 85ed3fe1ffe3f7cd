import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-06…L3-09 (QA S17): the SLA board's compliance counts each clock in the month it ended in
// its calendar's time zone (migration 1764319610000, «SlaComplianceLocalMonth»), so a breach at
// 19:00 on 31 January in Mexico City is January's. The board's intro said «por mes de término,
// UTC», which a manager reading a month-end breach would take at its word.

describe('SLA board: the compliance intro says which months it counts (L3-06…L3-09)', () => {
  it.each([
    ['es-MX', esMX.dashboard.complianceIntro(6), /calendario de su cliente/],
    ['en', en.dashboard.complianceIntro(6), /client’s calendar/],
  ])('%s: the calendar’s zone, not UTC', (_language, text, zone) => {
    expect(text).not.toMatch(/UTC/);
    expect(text).toMatch(zone);
    expect(text).toContain('6');
  });
});
