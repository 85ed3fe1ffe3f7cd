import { useEffect, useRef, useState } from 'react';
import {
  HOUR_STATEMENT_PAGE,
  HOURS_OVERVIEW,
  type LedgerEntry,
  type ReversedEntry,
} from '../api/contracts';
import { useHoursChanges, useTicketChanges } from '../api/live';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { Link } from '../router/router';
import { ticketPath, useLocalTime } from '../tickets/ticket-bits';
import { AdjustHoursForm } from './adjust-hours-form';
import { HoursUsed } from './hours-used';
import { reversalBlock } from './ledger-corrections';
import { purchaseDays } from './ledger-dates';
import {
  LEDGER_REQUEST_MAX,
  loadOlderMovements,
  mergeMovements,
  type OlderMovements,
} from './ledger-pages';
import { ReverseEntryForm } from './reverse-entry-form';
import { signedHours } from './signed-hours';
import { TicketHoursTable } from './ticket-hours-table';

const PAGE = 20;

/** Signed hours with their sign («+40 h», «−6 h»), in the UI language. */
export function useSignedHours(): (hours: number) => string {
  const { language } = useI18n();
  return (hours) => signedHours(language, hours);
}

/** A ledger entry's reason in the UI language, from its parts (the stored text when unknown). */
export function useLedgerReason(): (entry: LedgerEntry) => string {
  const { t, language } = useI18n();
  const r = t.hoursLedger.reasons;
  const hours = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const date = (d: string | null) => {
    const [y, m, dd] = (d ?? '').split('-').map(Number);
    return y && m && dd ? day.format(new Date(Date.UTC(y, m - 1, dd))) : (d ?? '');
  };
  return ({ reasonParts: p, reason }) => {
    const h = hours.format(p.hours ?? 0);
    switch (p.code) {
      case 'PACKAGE_PURCHASED':
        return r.PACKAGE_PURCHASED(p.packageReference ?? '', date(p.date));
      case 'ESTIMATE_AUTHORIZED':
        return r.ESTIMATE_AUTHORIZED(
          p.estimateVersion ?? 0,
          h,
          t.tickets.categories[p.workCategory ?? ''] ?? p.workCategory ?? '',
        );
      case 'ESTIMATE_REPLACED':
        return r.ESTIMATE_REPLACED(p.estimateVersion ?? 0);
      case 'TIME_LOGGED':
        return p.noCharge
          ? r.TIME_LOGGED_NO_CHARGE(h, date(p.date))
          : r.TIME_LOGGED(h, date(p.date));
      case 'TICKET_ENDED': {
        const state = t.tickets.states[p.ticketState ?? ''] ?? p.ticketState ?? '';
        return r.TICKET_ENDED(state.toLocaleLowerCase(language));
      }
      case 'TICKET_NO_CHARGE':
        return r.TICKET_NO_CHARGE;
      case 'TICKET_CHARGED_AGAIN':
        return r.TICKET_CHARGED_AGAIN(p.estimateVersion ?? 0);
      case 'HOLD_RESTORED':
        return r.HOLD_RESTORED(h, p.estimateVersion ?? 0);
      default:
        // An adjustment's or reversal's own reason, as the manager wrote it.
        return p.note ?? reason;
    }
  };
}

/**
 * A ledger entry named for a person: date · ticket (a purchase: its package reference, as its
 * email names it; QA S56) · kind and signed hours. A purchase's date is its purchase date, as its
 * row shows it, not when it was recorded (QA S57).
 */
export function useLedgerEntryName(): (
  entry: Pick<ReversedEntry, 'createdAt' | 'ticketNumber' | 'kind' | 'hours' | 'reasonParts'>,
) => string {
  const { t, language } = useI18n();
  const { format } = useLocalTime();
  const signed = useSignedHours();
  const dateOf = (e: Pick<ReversedEntry, 'createdAt' | 'kind' | 'reasonParts'>) =>
    e.kind === 'PURCHASE' && e.reasonParts?.date
      ? formatLocalDate(e.reasonParts.date, language, 'medium')
      : format(e.createdAt);
  return (e) =>
    t.hoursLedger.entryName(
      dateOf(e),
      e.ticketNumber ?? e.reasonParts?.packageReference ?? null,
      `${t.contracts.entryKinds[e.kind] ?? e.kind} ${signed(e.hours)}`,
    );
}

/**
 * A ledger row's date: when it was recorded, but a purchase's is its purchase date, as in the
 * monthly statement, with the day it was recorded when another (L3-12, L3-13; QA S22 F2). Rows
 * stay in recording order, so a back-dated purchase reads older than the rows around it.
 */
function LedgerDate({ entry }: { entry: LedgerEntry }) {
  const { t, language } = useI18n();
  const { zone, format } = useLocalTime();
  const days = purchaseDays(entry, zone);
  if (!days) return <time dateTime={entry.createdAt}>{format(entry.createdAt)}</time>;
  return (
    <>
      <time dateTime={days.purchasedOn}>
        {formatLocalDate(days.purchasedOn, language, 'medium')}
      </time>
      {days.recordedOn && (
        <span className="block muted small">
          {t.hoursLedger.recordedOn(formatLocalDate(days.recordedOn, language, 'medium'))}
        </span>
      )}
    </>
  );
}

/** What managers and administrators may do on the ledger (L3-13): adjust and reverse. */
export interface LedgerCorrections {
  readonly organizationName: string;
  /** After an adjustment or a reversal: the page re-reads what depends on the ledger. */
  readonly onChanged: () => void;
}

/**
 * A client's prepaid hours (L3-03, L3-12, L3-13): the balance in figures, the open reservations
 * of authorized estimates, and the ledger, newest first; a reversal names what it reverses.
 * `refresh` changing re-reads it. With `corrections` (managers and administrators only; the API
 * refuses anyone else) it offers «Ajustar horas» and «Revertir» on the rows the API accepts.
 */
export function HoursOverview({
  organizationId,
  refresh = 0,
  corrections,
}: {
  organizationId: string;
  refresh?: number;
  corrections?: LedgerCorrections;
}) {
  const { t } = useI18n();
  const c = t.hoursLedger.corrections;
  const signed = useSignedHours();
  const reasonOf = useLedgerReason();
  const nameOf = useLedgerEntryName();
  const [reversing, setReversing] = useState<string | null>(null);
  // The reversed entry, worded when shown: the notice follows the language switch.
  const [reversed, setReversed] = useState<LedgerEntry>();
  const [first, setFirst] = useState(PAGE);
  // The newest movements, up to the API's 100 per request; older ones are paged with the cursor.
  const query = useQuery(HOURS_OVERVIEW, { organizationId, first });
  const { call } = useSession();
  const [older, setOlder] = useState<OlderMovements<LedgerEntry> & { after: string }>();
  const [olderError, setOlderError] = useState<unknown>();
  const [olderLoading, setOlderLoading] = useState(false);
  // Live: any change to the organization's tickets may have reserved, logged or released hours.
  useTicketChanges(() => void query.reload());
  // L3-13: a package bought, an adjustment or a reversal, wherever it was made.
  useHoursChanges(() => void query.reload(), organizationId);
  const { reload } = query;
  const seen = useRef(refresh);
  useEffect(() => {
    if (seen.current === refresh) return;
    seen.current = refresh;
    void reload();
  }, [refresh, reload]);

  const balance = query.data?.hourBalance;
  const statement = query.data?.hourStatement;
  const headCursor = statement?.pageInfo.endCursor ?? null;

  const fetchOlder = async (after: string, count: number) => {
    setOlderLoading(true);
    setOlderError(undefined);
    try {
      const more = await loadOlderMovements(
        async (n, cursor) =>
          (await call(HOUR_STATEMENT_PAGE, { organizationId, first: n, after: cursor }))
            .hourStatement,
        after,
        count,
      );
      return more;
    } catch (err) {
      setOlderError(err);
      return undefined;
    } finally {
      setOlderLoading(false);
    }
  };

  // A live reload moves the newest page's end when movements arrive: read the older ones again
  // from there, as many as were shown, so none falls in a gap between the two.
  const olderFrom = older?.after;
  const olderCount = older?.entries.length ?? 0;
  useEffect(() => {
    if (olderFrom === undefined || !headCursor || headCursor === olderFrom) return;
    void fetchOlder(headCursor, olderCount).then(
      (more) => more && setOlder({ ...more, after: headCursor }),
    );
    // Only when the newest page moves (the count and origin are read as they are then).
  }, [headCursor]);

  const shown = statement
    ? mergeMovements(
        statement.edges.map((e) => e.node),
        older?.entries ?? [],
      )
    : [];
  const hasMore = older ? older.hasNextPage : (statement?.pageInfo.hasNextPage ?? false);
  const showMore = async () => {
    if (!older && first < LEDGER_REQUEST_MAX) {
      setFirst((n) => Math.min(LEDGER_REQUEST_MAX, n + PAGE));
      return;
    }
    const after = older ? older.endCursor : headCursor;
    if (!after) return;
    const more = await fetchOlder(after, PAGE);
    if (more)
      setOlder((before) => ({
        entries: [...(before?.entries ?? []), ...more.entries],
        endCursor: more.endCursor,
        hasNextPage: more.hasNextPage,
        after: before?.after ?? after,
      }));
  };
  const onPage = new Set(shown.map((e) => e.id));
  const reversingEntry = shown.find((e) => e.id === reversing);

  return (
    <section className="card" aria-labelledby="balance-title">
      <h2 id="balance-title">{t.contracts.balanceTitle}</h2>
      <ErrorMessage error={query.error} />
      {query.loading && !balance && <p role="status">{t.loading}</p>}
      {balance && (
        <dl className="stats" data-testid="balance">
          <div>
            <dt>{t.tickets.hoursAvailable}</dt>
            <dd>{t.tickets.hours(balance.available)}</dd>
          </div>
          <div>
            <dt>{t.tickets.hoursReserved}</dt>
            <dd>{t.tickets.hours(balance.reserved)}</dd>
          </div>
          <div>
            <dt>{t.contracts.purchased}</dt>
            <dd>{t.tickets.hours(balance.purchased)}</dd>
          </div>
          <div>
            <dt>{t.tickets.hoursConsumed}</dt>
            <dd>{t.tickets.hours(balance.consumed)}</dd>
          </div>
          <div>
            <dt>{t.contracts.adjustments}</dt>
            <dd>{signed(balance.adjustments)}</dd>
          </div>
          <div>
            <dt>{t.contracts.balance}</dt>
            <dd>{t.tickets.hours(balance.balance)}</dd>
          </div>
        </dl>
      )}
      {balance && <HoursUsed balance={balance} />}
      {corrections && balance && (
        <AdjustHoursForm
          organizationId={organizationId}
          organizationName={corrections.organizationName}
          available={balance.available}
          onAdjusted={corrections.onChanged}
        />
      )}
      {balance && balance.reservations.length > 0 && (
        <div className="subsection">
          <h3>{t.contracts.reservations}</h3>
          <TicketHoursTable
            rows={balance.reservations}
            testId="reservations"
            compact
            columns={[
              { label: t.tickets.hoursReserved, hours: (r) => r.reservedHours },
              { label: t.tickets.hoursConsumed, hours: (r) => r.consumedHours },
            ]}
          />
        </div>
      )}
      {statement && (
        <div className="subsection">
          <h3 id="ledger-title">{t.contracts.ledger}</h3>
          <p className="muted" data-testid="ledger-scope">
            {t.contracts.ledgerScope}
          </p>
          {shown.length === 0 ? (
            <p>{t.contracts.noLedger}</p>
          ) : (
            <div className="table-wrap">
              {/* On a phone (≤ 40rem) each movement is a stacked card of labelled lines (QA). */}
              <table data-testid="ledger" aria-labelledby="ledger-title" className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t.contracts.date}</th>
                    <th scope="col">{t.contracts.entryKind}</th>
                    <th scope="col">{t.hoursLedger.concept}</th>
                    <th scope="col" className="num">
                      {t.hoursLedger.availableChange}
                    </th>
                    <th scope="col" className="num">
                      {t.contracts.availableAfter}
                    </th>
                    {corrections && <th scope="col">{c.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((node) => (
                    <tr key={node.id} id={`ledger-entry-${node.id}`}>
                      <td data-label={t.contracts.date}>
                        <LedgerDate entry={node} />
                      </td>
                      <th scope="row">{t.contracts.entryKinds[node.kind] ?? node.kind}</th>
                      <td className="prewrap" data-label={t.hoursLedger.concept}>
                        <span>
                          {node.ticketNumber && (
                            <Link to={ticketPath(node.ticketNumber)} className="nowrap block">
                              {node.ticketNumber}
                            </Link>
                          )}
                          {node.reverses && (
                            <span className="block">
                              {onPage.has(node.reverses.id) ? (
                                <a href={`#ledger-entry-${node.reverses.id}`}>
                                  {t.hoursLedger.reversalOf(nameOf(node.reverses))}
                                </a>
                              ) : (
                                t.hoursLedger.reversalOf(nameOf(node.reverses))
                              )}
                            </span>
                          )}
                          {node.reversedByEntryId && (
                            <span className="block">
                              <a className="badge" href={`#ledger-entry-${node.reversedByEntryId}`}>
                                {t.hoursLedger.reversedTag}
                              </a>
                            </span>
                          )}
                          {reasonOf(node)}
                          {node.createdByName && ['ADJUSTMENT', 'REVERSAL'].includes(node.kind) && (
                            <span className="block muted small">
                              {t.hoursLedger.madeBy(node.createdByName)}
                            </span>
                          )}
                          {node.reasonParts.note &&
                            !['MANUAL', 'OTHER'].includes(node.reasonParts.code) && (
                              <span className="block muted">{node.reasonParts.note}</span>
                            )}
                        </span>
                      </td>
                      {/* The effect on the available hours, so it adds up to the next column. */}
                      <td className="num" data-label={t.hoursLedger.availableChange}>
                        {signed(node.availableEffect)}
                      </td>
                      <td className="num" data-label={t.contracts.availableAfter}>
                        {node.availableAfter === null ? '—' : t.tickets.hours(node.availableAfter)}
                      </td>
                      {corrections && (
                        <td data-label={c.actions}>
                          {reversalBlock(node) === null ? (
                            <button
                              type="button"
                              className="button small"
                              aria-label={c.reverseLabel(nameOf(node))}
                              aria-expanded={reversing === node.id}
                              onClick={() => {
                                setReversed(undefined);
                                setReversing(node.id);
                              }}
                            >
                              {c.reverse}
                            </button>
                          ) : (
                            <span className="muted small">
                              {c.blocked[reversalBlock(node) ?? ''] ?? ''}
                            </span>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {corrections && reversingEntry && balance && (
            <ReverseEntryForm
              key={reversingEntry.id}
              entryId={reversingEntry.id}
              entryName={nameOf(reversingEntry)}
              availableEffect={reversingEntry.availableEffect}
              available={balance.available}
              onCancel={() => setReversing(null)}
              onReversed={() => {
                setReversing(null);
                setReversed(reversingEntry);
                corrections.onChanged();
              }}
            />
          )}
          {corrections && <SuccessMessage text={reversed && c.reversed(nameOf(reversed))} />}
          {statement.totalCount > 0 && (
            <p className="muted small">
              {t.contracts.ledgerCount(shown.length, statement.totalCount)}
            </p>
          )}
          <ErrorMessage error={olderError} />
          {hasMore && (
            <button
              type="button"
              className="button small"
              disabled={query.loading || olderLoading}
              onClick={() => void showMore()}
            >
              {t.contracts.showMore}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
