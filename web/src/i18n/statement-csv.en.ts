import type { StatementCsvMessages } from './statement-csv.es-mx';

/** English words of the monthly statement's CSV file (L3-03, L3-13). */
export const statementCsvEn: StatementCsvMessages = {
  fileName: (month) => `monthly-statement-${month}.csv`,
  header: [
    'Line',
    'Reference',
    'Hours logged',
    'Hours charged',
    'Hours free of charge',
    'Amount',
    'Currency',
  ],
  monthlyFee: 'Monthly fee',
  ticket: 'Ticket',
  total: 'Total',
};
