import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { ticketPath } from '../tickets/ticket-bits';

/** A column of hours: its heading (also each cell's label on a phone) and a row's figure. */
export interface HoursColumn<Row> {
  readonly label: string;
  readonly hours: (row: Row) => number;
}

/**
 * Hours per ticket (the holds of authorized estimates, a month's statement): the ticket's link
 * heads each row. On a phone (`stack-on-phone`) each row is a card of labelled lines (QA S16, S22).
 */
export function TicketHoursTable<Row extends { readonly ticketNumber: string }>({
  rows,
  columns,
  testId,
  compact = false,
}: {
  rows: readonly Row[];
  columns: readonly HoursColumn<Row>[];
  testId: string;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className={compact ? 'compact stack-on-phone' : 'stack-on-phone'} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t.dashboard.ticket}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ticketNumber}>
              <th scope="row">
                <Link to={ticketPath(row.ticketNumber)} className="nowrap">
                  {row.ticketNumber}
                </Link>
              </th>
              {columns.map((c) => (
                <td key={c.label} className="num" data-label={c.label}>
                  {t.tickets.hours(c.hours(row))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
