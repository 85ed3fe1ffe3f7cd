import { useCallback, useEffect, useState } from 'react';
import { useTicketChanges } from '../api/live';
import { useTimeLeftRefresh } from '../api/time-left-refresh';
import { TICKET } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { LiveBadge } from '../components/live-badge';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Link, replaceSearch } from '../router/router';
import { estimatePath } from '../router/routes';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { ActionsPanel } from './actions-panel';
import { AdminActionsSection } from './admin-actions-section';
import { AdjustDateForm } from './adjust-date-form';
import { AttachmentsSection } from './attachments-section';
import { ClocksSection } from './clocks-section';
import { CommentBox } from './comment-box';
import { NoChargeCard, NoChargeMark } from './no-charge';
import { ParticipantsSection } from './participants-section';
import { ReleaseDateFacts } from './release-date-facts';
import { RemoteSessionCard } from './remote-session-card';
import { withdrawnByName } from './remote-session-withdrawn';
import { classificationText, KindText, SlaCell, stateText, useLocalTime } from './ticket-bits';
import { isTicketEnded, RELEASE_DATE_STATES } from '../../../workflows/ticket/ticket-states';
import { HistoryFilterChoice, TicketTimeline } from './ticket-timeline';
import { historyFilterFromSearch, historySearch, type HistoryFilter } from './timeline-filter';
import {
  currentEstimate,
  estimateDecision,
  estimateRowId,
  supersedingVersion,
} from './estimate-decision';
import { SatisfactionSection } from './satisfaction-section';
import { TimeEntriesSection } from './time-entries-section';
import { focusFirstAction, WaitingOnYouBanner } from './waiting-on-you-banner';

/** A description this long (characters) gets a staff button to the actions above it. */
const LONG_DESCRIPTION = 600;

/** States after which a ticket takes no more comments nor date changes. */

/**
 * One ticket: header, SLA clocks (each with why its deadline is what it is), timeline, estimates,
 * written authorizations, actions. `estimateVersion`: the estimate an email linked, shown first.
 */
export function TicketPage({
  number,
  estimateVersion,
}: {
  number: string;
  estimateVersion?: number;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { format } = useLocalTime();
  const query = useQuery(TICKET, { number });
  const ticket = query.data?.ticket;
  // Someone else moves the ticket (an agent, the approver, a clock): the page follows.
  // Each change of the ticket also re-reads its worked hours (one subscription for the page).
  const [changes, setChanges] = useState(0);
  const live = useTicketChanges(() => {
    void query.reload();
    setChanges((n) => n + 1);
  }, number);
  // A running clock's time left is computed when read: re-read each minute while one runs.
  const reread = useCallback(() => void query.reload(), [query.reload]);
  useTimeLeftRefresh(reread, ticket?.clocks.some((c) => c.status === 'RUNNING') ?? false);
  const staff = user ? can.seeConsole(user) : false;
  const back = staff ? '/consola' : '/mis-tickets';
  const isOpen = ticket ? !isTicketEnded(ticket.state) : false;
  const linkedEstimate = ticket?.estimates.find((e) => e.version === estimateVersion);
  // The version in force, offered when the link's version does not exist.
  const inForceEstimate = ticket && currentEstimate(ticket.estimates);
  const inForce = inForceEstimate?.version;
  const inForceStatus = inForceEstimate?.status;
  // L3-09: the email's version, since replaced by a newer one: said next to it.
  const currentVersion =
    ticket && linkedEstimate
      ? supersedingVersion(ticket.estimates, linkedEstimate.version)
      : undefined;
  // «Solo conversación» is kept in the address (replaced, not pushed), like the list's filters.
  const [historyFilter, setHistoryFilter] = useState<HistoryFilter>(() =>
    historyFilterFromSearch(window.location.search),
  );
  const chooseHistory = (filter: HistoryFilter) => {
    setHistoryFilter(filter);
    const search = historySearch(window.location.search, filter);
    replaceSearch(search);
  };
  // The estimate email's link: bring that estimate into view once the ticket is here.
  const loaded = ticket !== undefined;
  useEffect(() => {
    if (!loaded || estimateVersion === undefined) return;
    document
      .getElementById(`estimate-v${estimateVersion}`)
      ?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }, [loaded, estimateVersion]);

  if (!ticket)
    return (
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{number}</h1>
        <ErrorMessage error={query.error} />
        {query.loading && <p role="status">{t.loading}</p>}
        <p>
          <Link to={back}>{staff ? t.console.title : t.tickets.back}</Link>
        </p>
      </section>
    );

  // «Autorizaciones por escrito»: an estimate's, or a change order's with its additional hours.
  const authorizationCaption = (a: (typeof ticket.authorizations)[number]): string => {
    const version = ticket.estimates.find((e) => e.version === a.estimateVersion);
    const at = format(a.at);
    if (version?.changeOrder) {
      const added = version.additionalHours ?? 0;
      return a.approverName
        ? t.changeOrders.authorizedBy(a.approverName, a.estimateVersion, added, at)
        : t.changeOrders.authorizedVersion(a.estimateVersion, added, at);
    }
    return a.approverName
      ? t.ticketPage.authorizedBy(a.approverName, a.estimateVersion, at)
      : t.tickets.authorizedVersion(a.estimateVersion, at);
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <div className="title-row small">
          <Link to={back}>{staff ? t.console.title : t.tickets.back}</Link>
          <LiveBadge status={live} />
        </div>
        <h1 id="page-title">
          <span className="ticket-number">{ticket.number}</span> {ticket.subject}
        </h1>
        {/* QA: a link to a version the ticket lacks opened the ticket's top with the notice far
            below, in the estimates card: said first, with the version in force to go to. */}
        {estimateVersion !== undefined && !linkedEstimate && (
          <div className="notice notice-info" role="status" data-testid="estimate-not-found">
            <p>
              {t.ticketPage.estimateNotFound(estimateVersion)}{' '}
              {inForce === undefined && t.tickets.noEstimates}
            </p>
            {inForce !== undefined && (
              <p>
                <Link to={estimatePath(ticket.number, inForce)}>
                  {inForceStatus === 'SUBMITTED' || inForceStatus === 'AUTHORIZED'
                    ? t.ticketPage.estimateCurrentLink(inForce)
                    : t.ticketPage.estimateLatestLink(
                        inForce,
                        t.tickets.estimateStatus[inForceStatus ?? ''] ?? '',
                      )}
                </Link>
              </p>
            )}
          </div>
        )}
        <dl className="facts" data-testid="ticket-header">
          <dt>{t.tickets.state}</dt>
          <dd data-testid="ticket-state">
            <strong>{stateText(t, ticket.state, !staff, ticket.confirmedRemoteSessionAt)}</strong>
          </dd>
          <dt>{t.tickets.sla}</dt>
          <dd>
            <SlaCell ticket={ticket} />
          </dd>
          <dt>{t.tickets.category}</dt>
          <dd>{t.tickets.categories[ticket.category] ?? ticket.category}</dd>
          <NoChargeMark billing={ticket.billing} />
          {ticket.classification && (
            <>
              <dt>{t.tickets.classification}</dt>
              <dd>
                <KindText
                  text={classificationText(t, ticket.classification, ticket.requirementKind)}
                />
              </dd>
            </>
          )}
          {(ticket.assigneeId || ticket.classification === 'PROBLEM') && (
            <>
              <dt>{t.ticketPage.assignee}</dt>
              <dd data-testid="ticket-assignee">
                {ticket.assigneeName ?? t.ticketPage.unassigned}
                {/* QA S62 #2: a deactivated agent still holds it until someone reassigns it. */}
                {ticket.assigneeName && ticket.assigneeActive === false && (
                  <>
                    {' '}
                    <span className="muted">{t.ticketPage.inactivePerson}</span>
                  </>
                )}
              </dd>
            </>
          )}
          <dt>{t.tickets.registeredAt}</dt>
          <dd>{format(ticket.registeredAt)}</dd>
          {ticket.registrantName && (
            <>
              <dt>{t.ticketPage.registeredBy}</dt>
              <dd data-testid="ticket-registrant">
                {ticket.registrantName}
                {/* QA S62 #1: their emails go to the client's approvers meanwhile (L3-11). */}
                {ticket.registrantActive === false && (
                  <>
                    {' '}
                    <span className="muted">{t.ticketPage.inactivePerson}</span>
                  </>
                )}
              </dd>
            </>
          )}
          {/* Only while the ticket is open, as the release date: once it ended, a proposal (or
              a declined one) is history, which the timeline keeps (QA S50). */}
          {!isOpen ? null : ticket.remoteSession ? (
            <>
              {/* QA S62 #2: a declined proposal is not read as the session to come. */}
              <dt>
                {ticket.remoteSession.withdrawn
                  ? t.remoteSession.withdrawnTitle
                  : ticket.remoteSession.declined
                    ? t.remoteSession.declinedTitle
                    : t.tickets.remoteSession}
              </dt>
              <dd>
                <RemoteSessionCard
                  session={ticket.remoteSession}
                  staff={!!user && can.seeConsole(user)}
                  open={ticket.state === 'REMOTE_SESSION_PROPOSED'}
                  calendarZone={ticket.calendarTimeZone}
                  withdrawnBy={withdrawnByName(ticket.timeline, ticket.remoteSession.proposal)}
                />
              </dd>
            </>
          ) : (
            ticket.remoteSessionAt && (
              <>
                <dt>{t.tickets.remoteSession}</dt>
                <dd>{format(ticket.remoteSessionAt)}</dd>
              </>
            )
          )}
          {ticket.releaseDate && isOpen && (
            <ReleaseDateFacts
              releaseDate={ticket.releaseDate}
              superseded={ticket.releaseDateSuperseded}
              onClosedDay={ticket.releaseDateOnClosedDay === true}
              scheduling={ticket.clocks.find(
                (c) => c.kind === 'scheduling' && c.status === 'RUNNING',
              )}
              staff={staff}
            />
          )}
          {ticket.autoCloseAt && (
            <>
              <dt>{t.tickets.autoClose}</dt>
              <dd data-testid="ticket-auto-close">
                {user && can.seeConsole(user)
                  ? t.tickets.autoCloseOnStaff(format(ticket.autoCloseAt))
                  : t.tickets.autoCloseOn(format(ticket.autoCloseAt))}
              </dd>
            </>
          )}
        </dl>
        {/* QA S54: a long description put an agent's actions thousands of pixels down on a
            phone; clients have their banner's button, staff this one. */}
        {staff &&
          ticket.allowedActions.length > 0 &&
          ticket.description.length > LONG_DESCRIPTION && (
            <p>
              <button
                type="button"
                className="button"
                data-testid="to-actions"
                onClick={focusFirstAction}
              >
                {t.clientAnswer.banner.toActions}
              </button>
            </p>
          )}
        <p className="description">{ticket.description}</p>
        <ErrorMessage error={query.error} />
      </section>

      {/* Keyed by ticket: an open form and its text belong to one ticket. A live change of this
          ticket keeps them (see live-draft.ts). Sibling keys must differ from each other, or
          React duplicates the forms on update (it did: five «Ajustar fecha» cards). */}
      {/* L3-06/L3-07/L3-09: the client is told when the provider waits on them (never staff). */}
      {!staff && <WaitingOnYouBanner ticket={ticket} />}

      <ActionsPanel key={`actions-${ticket.number}`} ticket={ticket} reload={query.reload} />

      {/* L3-17: odoo.sh administration, each action audited; L3-16: its Odoo admin user. */}
      {(ticket.category === 'ADMIN_ACTION' || ticket.adminActions.length > 0) && (
        <AdminActionsSection
          key={`admin-actions-${ticket.number}`}
          ticket={ticket}
          staff={staff}
          changes={changes}
        />
      )}

      {staff && (
        <NoChargeCard key={`no-charge-${ticket.number}`} ticket={ticket} onDone={query.reload} />
      )}

      {ticket.state === 'CLOSED' && <SatisfactionSection number={ticket.number} />}

      {user && can.adjustReleaseDate(user) && (
        <AdjustDateForm
          key={`adjust-${ticket.number}`}
          ticket={ticket}
          allowed={
            Boolean(ticket.releaseDate) &&
            (RELEASE_DATE_STATES as readonly string[]).includes(ticket.state)
          }
          onDone={query.reload}
        />
      )}

      <ClocksSection
        ticketNumber={ticket.number}
        clocks={ticket.clocks}
        calendarTimeZone={ticket.calendarTimeZone}
      />

      {/* A problem has no estimates (L3-07): no empty card for them (QA S51). */}
      {(ticket.classification !== 'PROBLEM' || ticket.estimates.length > 0) && (
        <section className="card" aria-labelledby="estimates-title">
          <h2 id="estimates-title">{t.tickets.estimates}</h2>
          {ticket.estimates.length === 0 ? (
            <p className="muted">{t.tickets.noEstimates}</p>
          ) : (
            <div className="table-wrap">
              {/* On a phone each version is a block of labelled lines, like the clocks (QA). */}
              <table data-testid="estimates" className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t.tickets.version}</th>
                    <th scope="col">{t.tickets.estimateHours}</th>
                    <th scope="col">{t.tickets.scope}</th>
                    <th scope="col">{t.tickets.state}</th>
                    <th scope="col">{t.tickets.submittedAt}</th>
                  </tr>
                </thead>
                <tbody>
                  {ticket.estimates.map((e) => {
                    const decision = estimateDecision(ticket.timeline, e.version, e.status);
                    return (
                      <tr
                        key={e.version}
                        id={estimateRowId(e.version)}
                        className={e === linkedEstimate ? 'linked' : undefined}
                        aria-current={e === linkedEstimate ? 'true' : undefined}
                        data-testid={e === linkedEstimate ? 'linked-estimate' : undefined}
                      >
                        <th scope="row">
                          v{e.version}
                          {e === linkedEstimate && (
                            <span className="muted small block">
                              {t.ticketPage.estimateLinked(e.version)}
                            </span>
                          )}
                          {e === linkedEstimate && currentVersion !== undefined && (
                            <span className="small block" data-testid="linked-estimate-superseded">
                              {t.ticketPage.estimateSuperseded(currentVersion)}
                            </span>
                          )}
                        </th>
                        <td data-label={t.tickets.estimateHours}>
                          {e.changeOrder ? (
                            // L3-12: «Orden de cambio +4 h», with the authorized total it asks for.
                            // One element: a phone's card puts a cell's second element under its
                            // label (QA S56, as QA S20 found in the lists).
                            <span>
                              {t.changeOrders.label(e.additionalHours ?? 0)}
                              <span className="muted small block">
                                {t.changeOrders.total(e.hours)}
                              </span>
                            </span>
                          ) : (
                            t.tickets.hours(e.hours)
                          )}
                        </td>
                        <td className="prewrap" data-label={t.tickets.scope}>
                          {e.scope}
                        </td>
                        <td data-label={t.tickets.state}>
                          <span>
                            {t.tickets.estimateStatus[e.status] ?? e.status}
                            {/* A turned-down version: why, who and when, from the history (QA S16). */}
                            {decision && (
                              <span
                                className="small block"
                                data-testid={`estimate-v${e.version}-decision`}
                              >
                                {decision.reason && (
                                  <span className="prewrap block">
                                    {t.tickets.decisionReason(decision.reason)}
                                  </span>
                                )}
                                <span className="muted block">
                                  {t.tickets.decisionBy(decision.byName, format(decision.at))}
                                </span>
                              </span>
                            )}
                          </span>
                        </td>
                        <td data-label={t.tickets.submittedAt}>
                          <time dateTime={e.submittedAt}>{format(e.submittedAt)}</time>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {ticket.authorizations.length > 0 && (
            <div className="subsection" data-testid="authorizations">
              <h3>{t.tickets.authorizations}</h3>
              {ticket.authorizations.map((a) => (
                <figure key={`${a.estimateVersion}-${a.at}`} className="authorization">
                  <blockquote>
                    <p>{a.statement}</p>
                  </blockquote>
                  <figcaption className="muted small" data-testid="authorization-author">
                    {authorizationCaption(a)}
                  </figcaption>
                </figure>
              ))}
            </div>
          )}
        </section>
      )}

      <TimeEntriesSection
        number={ticket.number}
        organizationId={ticket.organizationId}
        staff={staff}
        noCharge={ticket.billing?.noCharge ?? false}
        authorized={ticket.authorizations.length > 0}
        closed={!isOpen}
        registeredAt={ticket.registeredAt}
        changes={changes}
      />

      <AttachmentsSection number={ticket.number} open={isOpen} staff={staff} />

      {/* L3-11: who else gets the ticket's emails. */}
      <ParticipantsSection
        key={`participants-${ticket.number}`}
        number={ticket.number}
        staff={staff}
        open={isOpen}
        changes={changes}
      />

      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t.tickets.timeline}</h2>
        <HistoryFilterChoice value={historyFilter} onChange={chooseHistory} />
        <TicketTimeline
          events={ticket.timeline}
          attachments={ticket.attachments}
          satisfaction={ticket.satisfaction}
          billing={ticket.billing?.decisions}
          filter={historyFilter}
        />
      </section>
      <CommentBox
        key={`comment-${ticket.number}`}
        ticket={ticket}
        allowed={isOpen}
        onSent={query.reload}
      />
    </div>
  );
}
