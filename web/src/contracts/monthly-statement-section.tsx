import { useEffect, useMemo, useRef, useState } from 'react';
import { MONTHLY_STATEMENT } from '../api/contracts';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { ticketPath } from '../tickets/ticket-bits';
import { statementCsv, statementFileName } from './statement-csv';

/** This month, YYYY-MM, in `timeZone`. */
function monthIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    timeZone,
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/** A same-document download of `text` (revoked when it changes or the section goes away). */
function useDownloadUrl(text: string | undefined): string | undefined {
  const url = useMemo(
    () =>
      text === undefined ? undefined : URL.createObjectURL(new Blob([text], { type: 'text/csv' })),
    [text],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/**
 * L3-03: a client's month (fee, hours per ticket by work date, waived hours, purchases) and the
 * same data as a CSV file to download.
 */
export function MonthlyStatementSection({
  organizationId,
  timeZone,
  refresh = 0,
}: {
  organizationId: string;
  timeZone: string;
  refresh?: number;
}) {
  const { t, language } = useI18n();
  const [month, setMonth] = useState(() => monthIn(timeZone));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const query = useQuery(MONTHLY_STATEMENT, { organizationId, month }, !valid);
  const { reload } = query;
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    if (valid) void reload();
  }, [refresh, reload, valid]);
  const statement = query.data?.monthlyStatement;
  const shown = statement && statement.month === month ? statement : undefined;
  // Worded in the UI language here (the API's `csv` keeps its codes for other programs).
  const csvUrl = useDownloadUrl(shown ? statementCsv(shown, language) : undefined);
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);

  return (
    <section className="card" aria-labelledby="statement-title">
      <h2 id="statement-title">{t.contracts.statementTitle}</h2>
      <div className="toolbar">
        <TextField
          id="statement-month"
          className="inline"
          label={t.contracts.month}
          type="month"
          required
          value={month}
          onChange={setMonth}
        />
        {shown && csvUrl && (
          <a
            className="button"
            href={csvUrl}
            download={statementFileName(shown.month, language)}
            data-testid="statement-csv"
          >
            {t.contracts.downloadCsv(shown.month)}
          </a>
        )}
      </div>
      <ErrorMessage error={query.error} />
      {query.loading && !shown && <p role="status">{t.loading}</p>}
      {shown && (
        <>
          <dl className="stats" data-testid="statement">
            <div>
              <dt>{t.contracts.monthlyFee}</dt>
              <dd>{shown.monthlyFee === null ? '—' : money(shown.monthlyFee, shown.currency)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursPurchased}</dt>
              <dd>{t.tickets.hours(shown.hoursPurchased)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursConsumedMonth}</dt>
              <dd>{t.tickets.hours(shown.hoursConsumed)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursWaived}</dt>
              <dd>{t.tickets.hours(shown.hoursWaived)}</dd>
            </div>
          </dl>
          {shown.tickets.length === 0 ? (
            <p>{t.contracts.noTicketHours}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="statement-tickets">
                <thead>
                  <tr>
                    <th scope="col">{t.dashboard.ticket}</th>
                    <th scope="col" className="num">
                      {t.contracts.hoursLogged}
                    </th>
                    <th scope="col" className="num">
                      {t.contracts.hoursCharged}
                    </th>
                    <th scope="col" className="num">
                      {t.contracts.hoursWaived}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.tickets.map((row) => (
                    <tr key={row.ticketNumber}>
                      <th scope="row">
                        <Link to={ticketPath(row.ticketNumber)} className="nowrap">
                          {row.ticketNumber}
                        </Link>
                      </th>
                      <td className="num">{t.tickets.hours(row.hoursLogged)}</td>
                      <td className="num">{t.tickets.hours(row.hoursCharged)}</td>
                      <td className="num">{t.tickets.hours(row.hoursWaived)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
