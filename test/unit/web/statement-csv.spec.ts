import { movementKindWords } from '../../../src/shared/statement-csv';
import { statementCsv, statementFileName } from '../../../web/src/contracts/statement-csv';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-03, L3-13: the monthly statement's CSV and table in the UI language. QA S14-F: the CSV said
// MONTHLY_FEE and TOTAL (the API's codes), the file was «estado-de-cuenta-…» in English too, and
// the per-ticket table showed bare numbers, no «h».

const statement = {
  month: '2026-11',
  organizationName: 'Comercializadora Aurora, S.A.',
  currency: 'MXN',
  monthlyFee: 18500,
  tickets: [
    { ticketNumber: 'L3-2026-000001', hoursLogged: 2.5, hoursCharged: 2.5, hoursWaived: 0 },
    { ticketNumber: 'L3-2026-000002', hoursLogged: 1.25, hoursCharged: 0, hoursWaived: 1.25 },
  ],
  // L3-13 (QA S16): the month's purchases, adjustments and reversals, and the balances.
  openingBalance: 12,
  closingBalance: 18.5,
  timeZone: 'America/Mexico_City',
  movements: [
    {
      date: '2026-11-02',
      kind: 'PURCHASE',
      reversedKind: null,
      hours: 10,
      ticketNumber: null,
      packageReference: 'F-2026-118',
      // L3-03: the package's price.
      amount: 19000,
      amountCurrency: 'MXN',
      reason: null,
      createdByName: 'Gerente Mesa',
    },
    {
      date: '2026-11-14',
      kind: 'ADJUSTMENT',
      reversedKind: null,
      hours: -2.5,
      ticketNumber: null,
      packageReference: null,
      amount: null,
      amountCurrency: null,
      reason: 'Horas de capacitación, no de soporte',
      createdByName: 'Gerente Mesa',
    },
    {
      date: '2026-11-20',
      kind: 'REVERSAL',
      reversedKind: 'CONSUMPTION',
      hours: 1.5,
      ticketNumber: 'L3-2026-000001',
      packageReference: null,
      amount: null,
      amountCurrency: null,
      reason: '-capturado dos veces, «sin» cargo',
      createdByName: null,
    },
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
      'Concepto,Referencia,Horas registradas,Horas cobradas,Horas sin cargo,Importe,Moneda,Fecha,Horas,Motivo,Realizado por',
      // QA S53: whose statement it is, also once the file is forwarded or renamed.
      'Cliente,"Comercializadora Aurora, S.A.",,,,,,,,,',
      'Cuota mensual,2026-11,,,,18500,MXN,,,,',
      'Ticket,L3-2026-000001,2.5,2.5,0,,,,,,',
      'Ticket,L3-2026-000002,1.25,0,1.25,,,,,,',
      'Total,2026-11,3.75,2.5,1.25,18500,MXN,,,,',
      'Saldo inicial,2026-11,,,,,,2026-11-01,12,,',
      'Compra de paquete,F-2026-118,,,,19000,MXN,2026-11-02,10,,Gerente Mesa',
      'Ajuste manual,,,,,,,2026-11-14,-2.5,"Horas de capacitación, no de soporte",Gerente Mesa',
      // A reason a spreadsheet would run as a formula gets its apostrophe (CSV injection).
      `Reverso de un consumo,L3-2026-000001,,,,,,2026-11-20,1.5,"'-capturado dos veces, «sin» cargo",`,
      'Saldo final,2026-11,,,,,,2026-11-30,18.5,,',
    ]);
  });

  it('the balance lines add up: opening + purchased − consumed ± adjustments = closing (L3-13)', () => {
    const rows = lines(statementCsv(statement, 'es-MX')).slice(6);
    // Date and hours are columns 8 and 9 of every balance line; the charged hours are in Total.
    const hours = rows.map((r) => Number(/,\d{4}-\d{2}-\d{2},(-?[\d.]+),/.exec(r)![1]));
    const charged = 2.5;
    const moved = hours.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(hours).toHaveLength(5);
    expect(hours[0] + moved - charged).toBeCloseTo(hours[hours.length - 1], 10);
  });

  it('the month under way states its closing balance as of today, in the client’s zone; a past month as of its last day (QA S56)', () => {
    const closingDate = (now: string) =>
      /,(\d{4}-\d{2}-\d{2}),18\.5,/.exec(
        lines(statementCsv(statement, 'es-MX', new Date(now))).at(-1)!,
      )![1];
    // 2026-11-16 03:00Z is still the 15th in Mexico City.
    expect(closingDate('2026-11-16T03:00:00Z')).toBe('2026-11-15');
    expect(closingDate('2026-11-16T07:00:00Z')).toBe('2026-11-16');
    expect(closingDate('2026-12-06T12:00:00Z')).toBe('2026-11-30');
    // 2026-12-01 03:00Z is the 30th of November there: the month's last day.
    expect(closingDate('2026-12-01T03:00:00Z')).toBe('2026-11-30');
  });

  it('a purchase reversed takes its price back: a negative number, not text (L3-03)', () => {
    const reversal = {
      date: '2026-11-03',
      kind: 'REVERSAL',
      reversedKind: 'PURCHASE',
      hours: -10,
      ticketNumber: null,
      packageReference: 'F-2026-118',
      amount: -18999.5,
      amountCurrency: 'USD',
      reason: 'Capturado en el cliente equivocado',
      createdByName: 'Gerente Mesa',
    };
    const csv = lines(statementCsv({ ...statement, movements: [reversal] }, 'es-MX'));
    expect(csv[7]).toBe(
      'Reverso de una compra,F-2026-118,,,,-18999.5,USD,2026-11-03,-10,Capturado en el cliente equivocado,Gerente Mesa',
    );
  });

  it('words every kind of movement in both languages', () => {
    const kinds = [
      ['PURCHASE', null, 'Compra de paquete', 'Package purchase'],
      ['ADJUSTMENT', null, 'Ajuste manual', 'Manual adjustment'],
      ['REVERSAL', 'PURCHASE', 'Reverso de una compra', 'Reversal of a purchase'],
      ['REVERSAL', 'ADJUSTMENT', 'Reverso de un ajuste', 'Reversal of an adjustment'],
      ['REVERSAL', 'CONSUMPTION', 'Reverso de un consumo', 'Reversal of a consumption'],
    ] as const;
    for (const [kind, reversedKind, es, en] of kinds) {
      expect(movementKindWords({ kind, reversedKind }, 'es-MX')).toBe(es);
      expect(movementKindWords({ kind, reversedKind }, 'en')).toBe(en);
    }
  });

  it('in English', () => {
    const csv = lines(statementCsv(statement, 'en'));
    expect(csv[0]).toBe(
      'Line,Reference,Hours logged,Hours charged,Hours free of charge,Amount,Currency,Date,Hours,Reason,By',
    );
    expect(csv[1]).toBe('Client,"Comercializadora Aurora, S.A.",,,,,,,,,');
    expect(csv[2]).toBe('Monthly fee,2026-11,,,,18500,MXN,,,,');
    expect(csv[5]).toBe('Total,2026-11,3.75,2.5,1.25,18500,MXN,,,,');
    expect(csv.slice(6)).toEqual([
      'Opening balance,2026-11,,,,,,2026-11-01,12,,',
      'Package purchase,F-2026-118,,,,19000,MXN,2026-11-02,10,,Gerente Mesa',
      'Manual adjustment,,,,,,,2026-11-14,-2.5,"Horas de capacitación, no de soporte",Gerente Mesa',
      `Reversal of a consumption,L3-2026-000001,,,,,,2026-11-20,1.5,"'-capturado dos veces, «sin» cargo",`,
      'Closing balance,2026-11,,,,,,2026-11-30,18.5,,',
    ]);
  });

  it('never shows the API codes; a month without a fee says 0', () => {
    for (const language of ['es-MX', 'en']) {
      const csv = statementCsv(
        { ...statement, monthlyFee: null, tickets: [], movements: [] },
        language,
      );
      expect(csv).not.toMatch(/MONTHLY_FEE|TOTAL|TICKET/);
      expect(csv.startsWith('\uFEFF')).toBe(true);
    }
    const quiet = {
      ...statement,
      monthlyFee: null,
      tickets: [],
      movements: [],
      closingBalance: 12,
    };
    expect(lines(statementCsv(quiet, 'es-MX')).slice(2)).toEqual([
      'Cuota mensual,2026-11,,,,0,MXN,,,,',
      'Total,2026-11,0,0,0,0,MXN,,,,',
      'Saldo inicial,2026-11,,,,,,2026-11-01,12,,',
      'Saldo final,2026-11,,,,,,2026-11-30,12,,',
    ]);
  });

  it('names the file in the UI language', () => {
    // QA S51: with the client, so several clients' files of a month are told apart.
    const aurora = { month: '2026-11', organizationName: 'Comercializadora Aurora, S.A.' };
    expect(statementFileName(aurora, 'es-MX')).toBe(
      'estado-de-cuenta-comercializadora-aurora-s-a-2026-11.csv',
    );
    expect(statementFileName(aurora, 'en')).toBe(
      'monthly-statement-comercializadora-aurora-s-a-2026-11.csv',
    );
    expect(statementFileName({ month: '2026-11', organizationName: 'Tulum Café' }, 'es-MX')).toBe(
      'estado-de-cuenta-tulum-cafe-2026-11.csv',
    );
    // A name with no Latin letter or digit leaves the month alone, never «--».
    expect(statementFileName({ month: '2026-11', organizationName: '株式会社' }, 'en')).toBe(
      'monthly-statement-2026-11.csv',
    );
  });

  it('the per-ticket table carries the unit, in each language number format', () => {
    expect(esMX.tickets.hours(1.25)).toBe('1.25 h');
    expect(en.tickets.hours(1250.5)).toBe('1,250.5 h');
  });
});
