import { type FormEvent, useEffect, useState } from 'react';
import { EMAIL_OUTBOX, EMAIL_STATUSES, type EmailStatus, RETRY_EMAIL } from '../api/outbox';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { refusedBy } from '../components/field-error';
import { FilterSelect } from '../components/filter-select';
import type { Notice } from '../components/notice';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link, replaceSearch } from '../router/router';
import { useSession } from '../session/session-context';
import { ticketPath, useLocalTime } from '../tickets/ticket-bits';
import {
  datesInOrder,
  isFiltered,
  isTicketNumber,
  MAX_RECIPIENT,
  NO_OUTBOX_FILTERS,
  normalTicket,
  type OutboxFilters,
  outboxFiltersFromSearch,
  outboxFiltersToSearch,
  outboxVariables,
} from './outbox-filters';

const PAGE = 50;
const MAX_PAGE = 200;
/** The filter bar's own message, which the fields it refuses point to. */
const FILTER_ERROR_ID = 'outbox-filter-error';

/**
 * The list stops at MAX_PAGE rows: said, with the way to the older ones (QA S17: «Mostrar más»
 * disappeared and the rest seemed not to exist).
 */
function StatusBadge({ status }: { status: EmailStatus }) {
  const { t } = useI18n();
  const cls =
    status === 'SENT'
      ? 'badge ok'
      : status === 'FAILED'
        ? 'badge sla-breached'
        : status === 'SENDING'
          ? 'badge sla-risk'
          : 'badge';
  return <span className={cls}>{t.outbox.statuses[status]}</span>;
}

/**
 * Managers (L3-11): every email the system queued, its status and attempts, and a retry for those
 * that failed (the dispatcher sends it again with the same Message-ID; never twice once sent).
 */
/**
 * An email address that breaks, when it must, before its «@» (QA: the column broke addresses
 * anywhere, «aprobador@auror» / «a.example», even with room to spare).
 */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

export function OutboxPage() {
  const { t, language } = useI18n();
  const { call } = useSession();
  const { format, zone } = useLocalTime();
  // The filters live in the address (shareable, kept by a bookmark), as the SLA board's (S18).
  const [filters, setFilters] = useState<OutboxFilters>(() =>
    outboxFiltersFromSearch(window.location.search),
  );
  // What the search form holds until «Buscar» applies it; choosing a status applies it too.
  const [draft, setDraft] = useState<OutboxFilters>(filters);
  // A value the form refuses before asking, and the fields it is about (marked invalid and
  // described by the message, QA S18).
  const [invalid, setInvalid] = useState<{ text: Notice; fields: (keyof OutboxFilters)[] } | null>(
    null,
  );
  const refused = (field: keyof OutboxFilters, hint?: string) =>
    refusedBy(invalid?.fields.includes(field) ? FILTER_ERROR_ID : undefined, hint);
  const [first, setFirst] = useState(PAGE);
  useEffect(() => {
    const search = outboxFiltersToSearch(window.location.search, filters);
    if (search !== window.location.search) {
      replaceSearch(search);
    }
  }, [filters]);
  const query = useQuery(EMAIL_OUTBOX, { ...outboxVariables(filters, zone), first, after: null });
  const retry = useMutationForm();
  const page = query.data?.emailOutbox;
  const filtered = isFiltered(filters);

  const apply = (next: OutboxFilters) => {
    setDraft(next);
    setFilters(next);
    setFirst(PAGE);
  };
  /** What the form holds, checked and applied (a mistake is said and nothing is asked). */
  const applyForm = (form: OutboxFilters) => {
    const next = {
      ...form,
      ticket: normalTicket(form.ticket),
      recipient: form.recipient.trim(),
    };
    setDraft(next);
    if (next.ticket && !isTicketNumber(next.ticket))
      return setInvalid({ text: ({ t }) => t.outbox.ticketInvalid, fields: ['ticket'] });
    if (!datesInOrder(next))
      return setInvalid({ text: ({ t }) => t.outbox.datesOutOfOrder, fields: ['from', 'to'] });
    setInvalid(null);
    apply(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    applyForm(draft);
  };
  const edit = (patch: Partial<OutboxFilters>) => setDraft((d) => ({ ...d, ...patch }));

  const retryEmail = async (id: string, subject: string) => {
    const ok = await retry.run(
      () => call(RETRY_EMAIL, { id }),
      (_, w) => w.t.outbox.retried(subject),
    );
    if (ok) await query.reload();
  };

  return (
    <section className="card" aria-labelledby="page-title">
      <div className="title-row">
        <h1 id="page-title">{t.outbox.title}</h1>
        <button
          type="button"
          className="button small"
          disabled={query.loading}
          onClick={() => void query.reload()}
        >
          {t.dashboard.refreshNow}
        </button>
      </div>
      <p className="muted">{t.outbox.intro}</p>
      <form
        className="toolbar outbox-filters"
        role="search"
        aria-label={t.outbox.filters}
        onSubmit={search}
        noValidate
      >
        <FilterSelect
          id="outbox-status"
          label={t.outbox.filter}
          value={draft.status}
          options={[
            ['', t.outbox.allStatuses],
            ...EMAIL_STATUSES.map((s) => [s, t.outbox.statuses[s]] as const),
          ]}
          // A status applies what the other fields hold too (QA S18: it kept the last search's
          // ticket and days, so the list was not what the form above it said).
          onChange={(value) => applyForm({ ...draft, status: value as EmailStatus | '' })}
        />
        <TextField
          id="outbox-ticket"
          className="inline"
          label={t.outbox.ticket}
          type="search"
          value={draft.ticket}
          placeholder="L3-2026-000123"
          maxLength={30}
          autoComplete="off"
          onChange={(ticket) => edit({ ticket })}
          {...refused('ticket')}
        />
        <TextField
          id="outbox-recipient"
          className="inline"
          label={t.outbox.recipientFilter}
          type="search"
          value={draft.recipient}
          maxLength={MAX_RECIPIENT}
          autoComplete="off"
          aria-describedby="outbox-recipient-hint"
          onChange={(recipient) => edit({ recipient })}
        />
        <TextField
          id="outbox-from"
          className="inline"
          label={t.outbox.from}
          type="date"
          value={draft.from}
          onChange={(from) => edit({ from })}
          {...refused('from', 'outbox-dates-hint')}
        />
        <TextField
          id="outbox-to"
          className="inline"
          label={t.outbox.to}
          type="date"
          value={draft.to}
          onChange={(to) => edit({ to })}
          {...refused('to', 'outbox-dates-hint')}
        />
        <button type="submit" className="button">
          {t.outbox.search}
        </button>
        {(filtered || isFiltered(draft)) && (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setInvalid(null);
              apply(NO_OUTBOX_FILTERS);
            }}
          >
            {t.outbox.clear}
          </button>
        )}
        <p className="hint" id="outbox-recipient-hint">
          {t.outbox.recipientHint}
        </p>
        <p className="hint" id="outbox-dates-hint">
          {t.outbox.datesHint(zone)}
        </p>
      </form>
      {invalid && (
        <p
          className="notice notice-error"
          role="alert"
          id={FILTER_ERROR_ID}
          data-testid="outbox-filter-error"
        >
          {invalid.text({ t, language })}
        </p>
      )}
      <ErrorMessage error={retry.error} />
      <SuccessMessage text={retry.done} />
      <ErrorMessage error={query.error} />
      {query.loading && !page && <p role="status">{t.loading}</p>}
      {page && page.nodes.length === 0 && (
        <p data-testid="outbox-empty">{filtered ? t.outbox.noMatch : t.outbox.empty}</p>
      )}
      {page && page.nodes.length > 0 && (
        <div className="table-wrap">
          {/* On a phone each email is a stacked card, its cells named (QA S17: the status, the
              times and «Reintentar» sat off-screen behind a sideways scroll). */}
          <table data-testid="outbox" className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t.outbox.subject}</th>
                <th scope="col">{t.outbox.recipient}</th>
                <th scope="col">{t.outbox.status}</th>
                <th scope="col" className="num">
                  {t.outbox.attempts}
                </th>
                <th scope="col">{t.outbox.when}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.outbox.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.nodes.map((email) => (
                <tr key={email.id}>
                  <th scope="row">
                    {email.subject}
                    <span className="muted small block">
                      {t.outbox.eventTypes[email.eventType] ?? email.eventType}
                      {/* The ticket it is about; else the client (hours, agendas). */}
                      {email.ticketNumber ? (
                        <>
                          {' · '}
                          <Link to={ticketPath(email.ticketNumber)} className="nowrap">
                            {email.ticketNumber}
                          </Link>
                        </>
                      ) : (
                        email.organizationName && ` · ${email.organizationName}`
                      )}
                    </span>
                  </th>
                  <td className="address" data-label={t.outbox.recipient}>
                    <EmailAddress address={email.recipientAddress} />
                  </td>
                  <td data-label={t.outbox.status}>
                    <span>
                      <StatusBadge status={email.status} />
                      {email.lastError && (
                        <span className="muted small block break" lang="en">
                          {email.lastError}
                        </span>
                      )}
                    </span>
                  </td>
                  <td className="num" data-label={t.outbox.attempts}>
                    {email.attempts}
                  </td>
                  <td data-label={t.outbox.when}>
                    <span>
                      <span className="block">
                        {t.outbox.created}:{' '}
                        <time dateTime={email.createdAt}>{format(email.createdAt)}</time>
                      </span>
                      {email.sentAt ? (
                        <span className="block">
                          {t.outbox.sent}:{' '}
                          <time dateTime={email.sentAt}>{format(email.sentAt)}</time>
                        </span>
                      ) : (
                        email.status === 'QUEUED' && (
                          <span className="block">
                            {t.outbox.next}:{' '}
                            <time dateTime={email.nextAttemptAt}>
                              {format(email.nextAttemptAt)}
                            </time>
                          </span>
                        )
                      )}
                    </span>
                  </td>
                  <td>
                    {email.status === 'FAILED' && (
                      <button
                        type="button"
                        className="button small"
                        disabled={retry.busy}
                        aria-label={t.outbox.retryLabel(email.subject, email.recipientAddress)}
                        onClick={() => void retryEmail(email.id, email.subject)}
                      >
                        {t.outbox.retry}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.hasNextPage && first >= MAX_PAGE && (
        <p className="muted" data-testid="outbox-cap">
          {t.outbox.capNote(MAX_PAGE, filtered)}
        </p>
      )}
      {page?.hasNextPage && first < MAX_PAGE && (
        <button
          type="button"
          className="button small"
          disabled={query.loading}
          onClick={() => setFirst((n) => Math.min(MAX_PAGE, n + PAGE))}
        >
          {t.contracts.showMore}
        </button>
      )}
    </section>
  );
}
