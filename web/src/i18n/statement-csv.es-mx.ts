/** Spanish (Mexico) words of the monthly statement's CSV file (L3-03, L3-13). */
export const statementCsvEsMX = {
  /** `estado-de-cuenta-2026-11.csv` */
  fileName: (month: string) => `estado-de-cuenta-${month}.csv`,
  header: [
    'Concepto',
    'Referencia',
    'Horas registradas',
    'Horas cobradas',
    'Horas sin cargo',
    'Importe',
    'Moneda',
  ],
  monthlyFee: 'Cuota mensual',
  ticket: 'Ticket',
  total: 'Total',
};

export type StatementCsvMessages = typeof statementCsvEsMX;
