import { defaultMexicoCityCalendar } from '../../../src/business-time/engine';
import { workingDayMinutes } from '../../../src/tickets/working-day-minutes';

// L3-08, L3-09 (QA S20): a clock counted in business days says its time left in days, and a day
// is the calendar's usual working day, not 24 h nor a fixed 8 h.

describe('the business minutes of a working day', () => {
  it('is 9 h on the default calendar (09:00–18:00), holidays aside', () => {
    expect(workingDayMinutes(defaultMexicoCityCalendar(2025, 2027))).toBe(540);
  });

  it('adds a split day’s intervals and takes the day most weekdays have', () => {
    const split = [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ];
    const friday = [{ start: '09:00', end: '14:00' }];
    expect(
      workingDayMinutes({ weekly: { 1: split, 2: split, 3: split, 4: split, 5: friday } }),
    ).toBe(480);
  });

  it('takes the longer day on a tie, counts midnight as 24:00, and is null with no working day', () => {
    const late = [{ start: '20:00', end: '24:00' }];
    const short = [{ start: '10:00', end: '12:00' }];
    expect(workingDayMinutes({ weekly: { 1: short, 2: late } })).toBe(240);
    expect(workingDayMinutes({ weekly: { 6: [], 7: [] } })).toBeNull();
  });
});
