import { useState } from 'react';
import { EMAIL_OUTBOX, EMAIL_STATUSES, type EmailStatus, RETRY_EMAIL } from '../api/outbox';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';
import { ticketPath, useLocalTime } from '../tickets/ticket-bits';

const PAGE = 50;
const MAX_PAGE = 200;

/**
 * The list stops at MAX_PAGE rows: said, with the way to the older ones while no status is
 * chosen (QA S17: «Mostrar más» disappeared and the rest seemed not to exist).
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
export function OutboxPage() {
  const { t } = useI18n();
  const { call } = useSession();
  const { format } = useLocalTime();
  const [status, setStatus] = useState<EmailStatus | ''>('');
  const [first, setFirst] = useState(PAGE);
  const query = useQuery(EMAIL_OUTBOX, { status: status || null, first, after: null });
  const retry = useMutationForm();
  const page = query.data?.emailOutbox;

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
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="outbox-status">{t.outbox.filter}</label>
          <select
            id="outbox-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as EmailStatus | '');
              setFirst(PAGE);
            }}
          >
            <option value="">{t.outbox.allStatuses}</option>
            {EMAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.outbox.statuses[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={retry.error} />
      <SuccessMessage text={retry.done} />
      <ErrorMessage error={query.error} />
      {query.loading && !page && <p role="status">{t.loading}</p>}
      {page && page.nodes.length === 0 && <p>{t.outbox.empty}</p>}
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
                  <td className="break" data-label={t.outbox.recipient}>
                    {email.recipientAddress}
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
          {t.outbox.capNote(MAX_PAGE, status !== '')}
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
