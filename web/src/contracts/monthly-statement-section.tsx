import { useEffect, useMemo, useRef, useState } from 'react';
import { formatMoney } from '../../../src/shared/intl-formats';
import { MONTHLY_STATEMENT } from '../api/contracts';
import { useHoursChanges } from '../api/live';
import { ErrorMessage } from '../components/error-message';
import { FilterSelect } from '../components/filter-select';
import { useQuery } from '../components/use-query';
import { formatLocalDate } from '../i18n/format';
import { monthWords } from '../i18n/month-words';
import { useI18n } from '../i18n/i18n-context';
import { dayInZone } from '../i18n/zoned-time';
import { useSignedHours } from './hours-overview';
import { movementKindWords, statementCsv, statementFileName } from './statement-csv';
import { statementMonths } from './statement-months';
import { TicketHoursTable } from './ticket-hours-table';

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
 * L3-03, L3-13: a client's month (fee, hours per ticket by work date, waived hours; purchases,
 * adjustments and corrections one by one; the opening and closing balance, which add up) and the
 * same data as a CSV file to download. It follows the client's hours live (`hoursChanged`).
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
  const thisMonth = dayInZone(new Date(), timeZone).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const valid = month <= thisMonth;
  const query = useQuery(MONTHLY_STATEMENT, { organizationId, month }, !valid);
  const { reload } = query;
  // Back to the client's first month with anything to state (every answer says which; the last
  // one is kept while the next loads), and never without the month chosen.
  const first = query.data?.monthlyStatement.firstMonth;
  const months = useMemo(
    () => statementMonths(thisMonth, first && first < month ? first : month),
    [thisMonth, first, month],
  );
  // L3-13: a package bought, an adjustment, a reversal, time logged or hours held or released,
  // wherever it was made, may be one of the month's movements (settled, as HoursOverview).
  useHoursChanges(() => {
    if (valid) void reload();
  }, organizationId);
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
  const money = (amount: number, currency: string) => formatMoney(language, amount, currency);
  const signed = useSignedHours();
  // A month whose reversed purchases outweigh its purchases buys less than nothing (QA S57: the
  // reversal is netted out of them, as the balance panel does): «−20 h», a true minus sign.
  const purchased = (hours: number) => (hours < 0 ? signed(hours) : t.tickets.hours(hours));

  return (
    <section className="card" aria-labelledby="statement-title">
      <h2 id="statement-title">{t.contracts.statementTitle}</h2>
      <div className="toolbar">
        <FilterSelect
          id="statement-month"
          label={t.contracts.month}
          value={month}
          options={months.map((m) => [m, monthWords(m, language)] as const)}
          onChange={setMonth}
        />
        {shown && csvUrl && (
          <a
            className="button"
            href={csvUrl}
            download={statementFileName(shown, language)}
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
          {/* The chosen month in words over its figures: the ledger beside it is every month's. */}
          <h3 id="statement-figures">{t.contracts.statementFigures(shown.month)}</h3>
          <dl className="stats" data-testid="statement" aria-labelledby="statement-figures">
            <div>
              <dt>{t.contracts.monthlyFee}</dt>
              <dd>{shown.monthlyFee === null ? '—' : money(shown.monthlyFee, shown.currency)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursPurchased}</dt>
              <dd>{purchased(shown.hoursPurchased)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursConsumedMonth}</dt>
              <dd>{t.tickets.hours(shown.hoursConsumed)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursWaived}</dt>
              <dd>{t.tickets.hours(shown.hoursWaived)}</dd>
            </div>
            <div>
              <dt>{t.contracts.openingBalance}</dt>
              <dd data-testid="statement-opening">{t.tickets.hours(shown.openingBalance)}</dd>
            </div>
            <div>
              <dt>{t.contracts.hoursAdjusted}</dt>
              <dd>{signed(shown.hoursAdjusted)}</dd>
            </div>
            <div>
              <dt>{t.contracts.closingBalance}</dt>
              <dd data-testid="statement-closing">{t.tickets.hours(shown.closingBalance)}</dd>
            </div>
          </dl>
          <p data-testid="statement-sum">
            {t.contracts.balanceAddsUp(
              t.tickets.hours(shown.openingBalance),
              purchased(shown.hoursPurchased),
              t.tickets.hours(shown.hoursConsumed),
              signed(shown.hoursAdjusted),
              t.tickets.hours(shown.closingBalance),
            )}
          </p>
          {shown.tickets.length === 0 ? (
            <p>{t.contracts.noTicketHours(shown.month)}</p>
          ) : (
            <TicketHoursTable
              rows={shown.tickets}
              testId="statement-tickets"
              columns={[
                { label: t.contracts.hoursLogged, hours: (row) => row.hoursLogged },
                { label: t.contracts.hoursCharged, hours: (row) => row.hoursCharged },
                { label: t.contracts.hoursWaived, hours: (row) => row.hoursWaived },
              ]}
            />
          )}
          <h3 id="statement-movements-title">{t.contracts.movementsTitle(shown.month)}</h3>
          {shown.movements.length === 0 ? (
            <p data-testid="statement-no-movements">{t.contracts.noMovements(shown.month)}</p>
          ) : (
            <div className="table-wrap">
              <table
                data-testid="statement-movements"
                aria-labelledby="statement-movements-title"
                className="stack-on-phone"
              >
                <thead>
                  <tr>
                    <th scope="col">{t.contracts.date}</th>
                    <th scope="col">{t.contracts.entryKind}</th>
                    <th scope="col" className="num">
                      {t.contracts.hours}
                    </th>
                    <th scope="col" className="num">
                      {t.contracts.movementAmount}
                    </th>
                    <th scope="col">{t.contracts.movementReason}</th>
                    <th scope="col">{t.contracts.movementBy}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.movements.map((m) => (
                    <tr key={m.entryId}>
                      <td className="nowrap" data-label={t.contracts.date}>
                        {formatLocalDate(m.date, language, 'medium')}
                      </td>
                      <th scope="row">
                        {movementKindWords(m, language)}
                        {(m.packageReference ?? m.ticketNumber) && (
                          <> ({m.packageReference ?? m.ticketNumber})</>
                        )}
                      </th>
                      <td className="num nowrap" data-label={t.contracts.hours}>
                        {signed(m.hours)}
                      </td>
                      <td className="num nowrap" data-label={t.contracts.movementAmount}>
                        {m.amount === null || m.amountCurrency === null
                          ? '—'
                          : money(m.amount, m.amountCurrency)}
                      </td>
                      <td data-label={t.contracts.movementReason}>{m.reason ?? '—'}</td>
                      <td data-label={t.contracts.movementBy}>
                        {m.createdByName ?? t.contracts.movementSystem}
                      </td>
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
