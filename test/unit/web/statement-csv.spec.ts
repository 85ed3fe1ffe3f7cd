import { statementCsv, statementFileName } from '../../../web/src/contracts/statement-csv';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-03, L3-13: the monthly statement's CSV and table in the UI language. QA S14-F: the CSV said
// MONTHLY_FEE and TOTAL (the API's codes), the file was «estado-de-cuenta-…» in English too, and
// the per-ticket table showed bare numbers, no «h».

const statement = {
  month: '2026-11',
  currency: 'MXN',
  monthlyFee: 18500,
  tickets: [
    { ticketNumber: 'L3-2026-000001', hoursLogged: 2.5, hoursCharged: 2.5, hoursWaived: 0 },
    { ticketNumber: 'L3-2026-000002', hoursLogged: 1.25, hoursCharged: 0, hoursWaived: 1.25 },
  ],
};

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('monthly statement CSV in the UI language (L3-03, L3-13)', () => {
  it('words its lines and columns in Spanish, numbers stay numbers', () => {
    expect(lines(statementCsv(statement, 'es-MX'))).toEqual([
      'Concepto,Referencia,Horas registradas,Horas cobradas,Horas sin cargo,Importe,Moneda',
      'Cuota mensual,2026-11,,,,18500.00,MXN',
      'Ticket,L3-2026-000001,2.5,2.5,0,,',
      'Ticket,L3-2026-000002,1.25,0,1.25,,',
      'Total,2026-11,3.75,2.5,1.25,18500.00,MXN',
    ]);
  });

  it('in English', () => {
    const csv = lines(statementCsv(statement, 'en'));
    expect(csv[0]).toBe(
      'Line,Reference,Hours logged,Hours charged,Hours free of charge,Amount,Currency',
    );
    expect(csv[1]).toBe('Monthly fee,2026-11,,,,18500.00,MXN');
    expect(csv[4]).toBe('Total,2026-11,3.75,2.5,1.25,18500.00,MXN');
  });

  it('never shows the API codes; a month without a fee says 0.00', () => {
    for (const language of ['es-MX', 'en']) {
      const csv = statementCsv({ ...statement, monthlyFee: null, tickets: [] }, language);
      expect(csv).not.toMatch(/MONTHLY_FEE|TOTAL|TICKET/);
      expect(csv.startsWith('\uFEFF')).toBe(true);
    }
    expect(lines(statementCsv({ ...statement, monthlyFee: null, tickets: [] }, 'es-MX'))[1]).toBe(
      'Cuota mensual,2026-11,,,,0.00,MXN',
    );
  });

  it('names the file in the UI language', () => {
    expect(statementFileName('2026-11', 'es-MX')).toBe('estado-de-cuenta-2026-11.csv');
    expect(statementFileName('2026-11', 'en')).toBe('monthly-statement-2026-11.csv');
  });

  it('the per-ticket table carries the unit, in each language number format', () => {
    expect(esMX.tickets.hours(1.25)).toBe('1.25 h');
    expect(en.tickets.hours(1250.5)).toBe('1,250.5 h');
  });
});
