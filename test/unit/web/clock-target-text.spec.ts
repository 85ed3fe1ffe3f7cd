import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

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
    expect(esMX.tickets.businessTime(480)).toBe('8 h hábiles');
    expect(esMX.tickets.businessTime(95)).toBe('1 h 35 min hábiles');
    expect(esMX.tickets.businessTime(12)).toBe('12 min hábiles');
    expect(en.tickets.businessTime(480)).toBe('8 h (business)');
    expect(en.tickets.businessTime(95)).toBe('1 h 35 min (business)');
  });

  it('one hour or minute left is «hábil», and an overdue whole hour drops «0 min» (QA S16, L3-07)', () => {
    // QA S16: a 60-minute progress cadence read «1 h hábiles», then «Vencido hace 1 h 0 min hábiles».
    expect(esMX.tickets.businessTime(60)).toBe('1 h hábil');
    expect(esMX.tickets.businessTime(1)).toBe('1 min hábil');
    expect(esMX.tickets.businessTime(0)).toBe('0 min hábiles');
    expect(esMX.tickets.clockOverdue(60)).toBe('Vencido hace 1 h hábil');
    expect(esMX.tickets.clockOverdue(1)).toBe('Vencido hace 1 min hábil');
    expect(esMX.tickets.clockOverdue(80)).toBe('Vencido hace 1 h 20 min hábiles');
    expect(esMX.tickets.clockOverdue(120)).toBe('Vencido hace 2 h hábiles');
    expect(en.tickets.clockOverdue(120)).toBe('Breached 2 h of business time ago');
  });
});
