import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
} from '../../../src/business-time/engine';
import {
  businessDaysLeftEn,
  businessDaysLeftEs,
  clockTimeEsMX,
} from '../../../src/shared/business-time-text';
import { businessDaysLeft } from '../../../src/tickets/business-days-left';

// QA S62 #13 (L3-09, BUSINESS-TIME.md): right after a requirement's authorization its release-date
// clock («2 días hábiles») read «3 días hábiles» left: its business minutes divided by a working
// day, the rest of the authorization's own date (which never counts) taken for a day. A days clock
// now says what is left in its own unit: the rest of today and the business dates after it.

const calendar = new BusinessCalendar(defaultMexicoCityCalendar(2025, 2028)); // Mon–Fri 09:00–18:00
const at = (iso: string) => new Date(iso);
const both = (now: string, deadline: Date, time?: string) => {
  const left = businessDaysLeft(calendar, at(now), deadline)!;
  return [businessDaysLeftEs(left, time), businessDaysLeftEn(left, time)];
};

describe('a days clock’s time left in business dates (QA S62 #13, L3-08, L3-09)', () => {
  // Authorized Mon 7 Dec 2026 08:10 (before opening): 2 business days, due Wed 9 Dec 18:00.
  const authorized = at('2026-12-07T14:10:00Z');
  const due = addBusinessDays(calendar, authorized, 2);

  it('right after the authorization: «Resta hoy y 2 días hábiles», never 3', () => {
    expect(due.toISOString()).toBe('2026-12-10T00:00:00.000Z');
    // What it read: 27 business hours as days of 9 h.
    expect(clockTimeEsMX.left(27 * 60, 540)).toBe('3 días hábiles');
    expect(both('2026-12-07T14:10:00Z', due)).toEqual([
      'Resta hoy y 2 días hábiles',
      'Rest of today and 2 business days',
    ]);
    expect(businessDaysLeft(calendar, authorized, due)).toEqual({
      todayMinutes: 540,
      days: 2,
      lastDayMinutes: 0,
      dueOn: null,
    });
    // Authorized at 4:00 p.m.: still the rest of today and 2 days (it read «2 días hábiles y 2 h»).
    const late = at('2026-12-07T22:00:00Z');
    expect(addBusinessDays(calendar, late, 2).toISOString()).toBe(due.toISOString());
    expect(both('2026-12-07T22:00:00Z', due)[0]).toBe('Resta hoy y 2 días hábiles');
  });

  it('after closing, on a weekend or a holiday nothing is left today: «2 días hábiles»', () => {
    // Mon 7:00 p.m.: Tuesday and Wednesday.
    expect(both('2026-12-08T01:00:00Z', due)).toEqual(['2 días hábiles', '2 business days']);
    // Saturday 5 Dec, a clock due Wed 9 Dec: Monday, Tuesday and Wednesday.
    expect(both('2026-12-05T18:00:00Z', due)).toEqual(['3 días hábiles', '3 business days']);
    // Fri 30 Jan 2026 10:00, 2 days: Mon 2 Feb is a holiday, so Tue and Wed.
    const overHoliday = addBusinessDays(calendar, at('2026-01-30T16:00:00Z'), 2);
    expect(both('2026-01-30T16:00:00Z', overHoliday)).toEqual([
      'Resta hoy y 2 días hábiles',
      'Rest of today and 2 business days',
    ]);
    expect(both('2026-01-31T16:00:00Z', overHoliday)[0]).toBe('2 días hábiles');
  });

  it('on its last two dates it says when: «Vence mañana a las …», «Vence hoy a las …»', () => {
    expect(both('2026-12-08T16:00:00Z', due, '6:00 p.m.')[0]).toBe('Vence mañana a las 6:00 p.m.');
    expect(both('2026-12-08T16:00:00Z', due, '6:00 PM')[1]).toBe('Due tomorrow at 6:00 PM');
    expect(both('2026-12-09T16:00:00Z', due, '6:00 p.m.')[0]).toBe('Vence hoy a las 6:00 p.m.');
    expect(both('2026-12-09T16:00:00Z', due, '6:00 PM')[1]).toBe('Due today at 6:00 PM');
    expect(both('2026-12-09T16:00:00Z', due, '1:30 p.m.')[0]).toBe('Vence hoy a la 1:30 p.m.');
    // Without a time (an email, whose facts say when): the day alone.
    expect(both('2026-12-09T16:00:00Z', due)).toEqual(['Vence hoy', 'Due today']);
    // Friday, due on Monday: not «mañana».
    const monday = addBusinessDays(calendar, at('2026-12-10T16:00:00Z'), 2);
    expect(both('2026-12-11T16:00:00Z', monday)[0]).toBe('Resta hoy y 1 día hábil');
  });

  it('after a pause it may fall due inside its last date: the hours of that date', () => {
    // Mon 10:00, due Thu 12:00: the rest of today, Tue and Wed whole, 3 h on Thursday.
    const thursdayNoon = at('2026-12-10T18:00:00Z');
    expect(both('2026-12-07T16:00:00Z', thursdayNoon)).toEqual([
      'Resta hoy, 2 días hábiles y 3 h',
      'Rest of today, 2 business days and 3 h',
    ]);
    // Saturday, due Monday 12:00.
    expect(both('2026-12-05T18:00:00Z', at('2026-12-07T18:00:00Z'))).toEqual([
      '3 h hábiles',
      '3 h of business time',
    ]);
  });

  it('nothing once the deadline has passed', () => {
    expect(businessDaysLeft(calendar, at('2026-12-10T00:00:00Z'), due)).toBeNull();
  });
});
