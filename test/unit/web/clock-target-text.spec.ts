import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { clockTimeEn } from '../../../web/src/i18n/clock-time.en';
import { clockTimeEsMX } from '../../../web/src/i18n/clock-time.es-mx';

// L3-06, L3-07: the API states the triage and progress targets in business minutes ("480 business
// minutes"); the ticket's «Relojes de SLA» name them as the contract does, «8 horas hábiles»
// (QA S14-F: both clocks read «480 minutos hábiles»), and whole hours left are «8 h hábiles».

describe('SLA clock targets and time left in words (L3-06, L3-07, L3-08)', () => {
  it('Spanish: whole hours in hours, singular for one, days and odd minutes kept', () => {
    expect(esMX.tickets.target('480 business minutes')).toBe('8 horas hábiles');
    expect(esMX.tickets.target('60 business minutes')).toBe('1 hora hábil');
    expect(esMX.tickets.target('90 business minutes')).toBe('90 minutos hábiles');
    expect(esMX.tickets.target('5 business days')).toBe('5 días hábiles');
    expect(esMX.tickets.target('1 business days')).toBe('1 día hábil');
    expect(esMX.tickets.target('2 business hours')).toBe('2 horas hábiles');
    expect(esMX.tickets.target('something else')).toBe('something else');
  });

  it('English: the same', () => {
    expect(en.tickets.target('480 business minutes')).toBe('8 business hours');
    expect(en.tickets.target('60 business minutes')).toBe('1 business hour');
    expect(en.tickets.target('90 business minutes')).toBe('90 business minutes');
    expect(en.tickets.target('5 business days')).toBe('5 business days');
    expect(en.tickets.target('1 business days')).toBe('1 business day');
  });

  it('time left in whole hours drops «0 min»', () => {
    expect(clockTimeEsMX.left(480, null)).toBe('8 h hábiles');
    expect(clockTimeEsMX.left(95, null)).toBe('1 h 35 min hábiles');
    expect(clockTimeEsMX.left(12, null)).toBe('12 min hábiles');
    expect(clockTimeEn.left(480, null)).toBe('8 h (business)');
    expect(clockTimeEn.left(95, null)).toBe('1 h 35 min (business)');
  });

  it('one hour or minute left is «hábil», and an overdue whole hour drops «0 min» (QA S16, L3-07)', () => {
    // QA S16: a 60-minute progress cadence read «1 h hábiles», then «Vencido hace 1 h 0 min hábiles».
    expect(clockTimeEsMX.left(60, null)).toBe('1 h hábil');
    expect(clockTimeEsMX.left(1, null)).toBe('1 min hábil');
    expect(clockTimeEsMX.left(0, null)).toBe('0 min hábiles');
    expect(clockTimeEsMX.overdue(60, null)).toBe('Vencido hace 1 h hábil');
    expect(clockTimeEsMX.overdue(1, null)).toBe('Vencido hace 1 min hábil');
    expect(clockTimeEsMX.overdue(80, null)).toBe('Vencido hace 1 h 20 min hábiles');
    expect(clockTimeEsMX.overdue(120, null)).toBe('Vencido hace 2 h hábiles');
    expect(clockTimeEn.overdue(120, null)).toBe('Breached 2 h of business time ago');
  });
});
