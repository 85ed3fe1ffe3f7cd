import { csvCell, csvDateTime, csvFileName, toCsv } from '../../../web/src/tickets/csv';

// The ticket list's CSV export: cells quoted by RFC 4180, formula-like text made inert (a
// client's subject cannot run in the manager's spreadsheet), UTF-8 BOM, local wall-clock dates.

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks, and leaves plain ones alone', () => {
    expect(csvCell('Factura 123')).toBe('Factura 123');
    expect(csvCell('Corte, caja')).toBe('"Corte, caja"');
    expect(csvCell('dice "urgente"')).toBe('"dice ""urgente"""');
    expect(csvCell('línea 1\nlínea 2')).toBe('"línea 1\nlínea 2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('makes text that starts like a formula inert (CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x","clic")')).toBe(`"'=HYPERLINK(""http://x"",""clic"")"`);
    expect(csvCell('+52 55 1234')).toBe("'+52 55 1234");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    // Numbers are numbers: a negative count stays a number.
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes a BOM, the header, the rows and CRLF line ends', () => {
    const csv = toCsv(
      ['Número', 'Asunto'],
      [
        ['L3-2026-000001', 'No timbra'],
        ['L3-2026-000002', 'Corte, caja'],
      ],
    );
    expect(csv).toBe(
      '\uFEFFNúmero,Asunto\r\nL3-2026-000001,No timbra\r\nL3-2026-000002,"Corte, caja"\r\n',
    );
  });

  it('dates on the wall clock of the user zone, as a spreadsheet reads them', () => {
    expect(csvDateTime('2026-11-30T15:00:00.000Z', 'America/Mexico_City')).toBe('2026-11-30 09:00');
    expect(csvDateTime('2026-11-30T15:00:00.000Z', 'UTC')).toBe('2026-11-30 15:00');
    expect(csvDateTime(null, 'UTC')).toBe('');
    expect(csvFileName('tickets', 'America/Mexico_City', new Date('2026-12-01T03:00:00Z'))).toBe(
      'tickets-2026-11-30.csv',
    );
  });
});
