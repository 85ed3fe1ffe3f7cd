import type { TicketEvent } from '../api/tickets';
import { formatFileSize } from '../i18n/file-size';
import { useI18n } from '../i18n/i18n-context';
import { ClientAnswerLine } from './client-answer-line';
import { estimateRowId } from './estimate-decision';
import { clockRestarts, deadlinesBeforeResume, estimateVersions, eventTitle } from './event-title';
import { eventData, eventText, filterTimeline, type HistoryFilter } from './timeline-filter';
import { clockKindsFor } from './clock-texts';
import { useClientReader, useLocalTime } from './ticket-bits';
import {
  commentFileIds,
  extraActor,
  mergeTimeline,
  type TimelineActor,
  type TimelineAttachment,
  type TimelineBillingDecision,
  type TimelineEntry,
  type TimelineRating,
} from './timeline-merge';
import { LinkedText } from '../components/linked-text';

type EventData = Record<string, unknown>;

const parse = (event: TicketEvent): EventData => eventData(event.data);

const numberOr0 = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * When and by whom, under an entry's title, the same on every line: «28 nov 14:02 · Ana Agente
 * (Agente)», only the role when the name is not known, `nobody` (e.g. «Sistema») when neither is.
 */
function Byline({ at, who, nobody }: { at: string; who: TimelineActor; nobody: string | null }) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  const role = who.role ? (t.users.roleNames[who.role] ?? who.role) : null;
  return (
    <span className="muted small block">
      <time dateTime={at}>{format(at)}</time>
      {(who.name || role || nobody) && (
        <>
          {' · '}
          {who.name && (
            <span className="event-actor" data-testid="event-actor">
              {who.name}{' '}
            </span>
          )}
          {role ? (who.name ? `(${role})` : role) : nobody}
        </>
      )}
    </span>
  );
}

/** A workflow event: what happened, when and by whom, with what people wrote. */
function EventItem({
  event,
  before,
  restarted,
  estimateVersion,
  files,
}: {
  event: TicketEvent;
  /** The ticket's files by ID: a comment names those it carried (L3-11). */
  files?: ReadonlyMap<string, TimelineAttachment>;
  before?: string;
  /** A CLOCK_STARTED that also tells the same clock was met (`clockRestarts`). */
  restarted?: boolean;
  /** An estimate or change order submitted: the version it added (`estimateVersions`). */
  estimateVersion?: number;
}) {
  const { t } = useI18n();
  const client = useClientReader();
  const tl = t.planning.timeline;
  const { format } = useLocalTime();
  const data = parse(event);
  // A reassignment's note is a hand-over note for the team (L3-07): clients get the event without it.
  const internal =
    (event.type === 'comment' && data.internal !== false) ||
    (event.type === 'reassign' && typeof data.note === 'string' && data.note !== '');
  const dateMoved = event.type === 'DATE_ADJUSTED' && typeof data.newDate === 'string';
  // L3-09: the date itself, not only the note that came with it (QA).
  const releaseSet = event.type === 'setReleaseDate' && typeof data.releaseDate === 'string';
  // L3-09: an authorization's written statement is its own labelled line; the note beside it is
  // the entry's text (QA: a note hid the statement).
  const { statement, ...said } = data;
  const written = typeof statement === 'string' && statement ? statement : undefined;
  // Notes people wrote; the system's own reasons (English, technical) stay out.
  const text = event.actorRole && !dateMoved ? eventText(said) : undefined;
  return (
    <li className={internal ? 'internal-note' : undefined} data-testid={`event-${event.type}`}>
      <p>
        <strong>
          {eventTitle(
            restarted ? 'SLA_RESTARTED' : event.type,
            data,
            { ...t.tickets, clockKinds: clockKindsFor(t, client) },
            format,
            before,
            event.calendarChanges,
          )}
        </strong>
        {internal && <span className="badge internal">{tl.internalNote}</span>}
        {/* L3-07: a staff reply that restarted the progress clock, as «Registrar avance» does. */}
        {event.type === 'comment' && data.countsAsProgress === true && (
          <span className="badge" data-testid="counts-as-progress">
            {tl.countsAsProgress}
          </span>
        )}
        <Byline
          at={event.at}
          who={{ name: event.actorName, role: event.actorRole }}
          nobody={t.tickets.system}
        />
      </p>
      {event.agentName && (
        <p data-testid="event-agent">{t.ticketPage.assignedTo(event.agentName)}</p>
      )}
      {dateMoved && (
        <>
          <p className="date-move">
            {typeof data.oldDate === 'string'
              ? tl.dateMoved(format(data.oldDate), format(data.newDate as string))
              : tl.dateSet(format(data.newDate as string))}
          </p>
          {typeof data.reason === 'string' && data.reason && (
            <p className="prewrap">
              {tl.reason}: {data.reason}
            </p>
          )}
        </>
      )}
      {releaseSet && (
        <p className="date-move" data-testid="event-release-date">
          {tl.releaseDateSet(format(data.releaseDate as string))}
        </p>
      )}
      {/* L3-09, L3-12: which version was sent and its hours, linked to its row on this page
          (QA S51); not the address an email links, whose row says it came from the email. */}
      {estimateVersion !== undefined && (
        <p data-testid="event-estimate">
          <a href={`#${estimateRowId(estimateVersion)}`}>
            {event.type === 'submitChangeOrder'
              ? t.changeOrders.option(estimateVersion, numberOr0(data.additionalHours))
              : t.tickets.estimateOption(estimateVersion, numberOr0(data.hours))}
          </a>
        </p>
      )}
      {event.type === 'recordClientAnswer' && <ClientAnswerLine event={event} data={data} />}
      {/* L3-17: which action, and when it was executed (it may be earlier than recorded). */}
      {event.type === 'recordAdminAction' && typeof data.action === 'string' && (
        <p data-testid="event-admin-action">
          {t.adminActions.timelineLine(
            t.tickets.adminActionKinds[data.action] ?? data.action,
            format(typeof data.executedAt === 'string' ? data.executedAt : event.at),
          )}
        </p>
      )}
      {/* L3-06: the session proposed, and the time a client who cannot attend suggests. */}
      {event.type === 'proposeRemoteSession' && typeof data.at === 'string' && (
        <p data-testid="event-remote-session">
          {t.tickets.remoteSession}: {format(data.at)}
          {typeof data.durationMinutes === 'number' &&
            ` · ${t.remoteSession.minutes(data.durationMinutes)}`}
        </p>
      )}
      {event.type === 'declineRemoteSession' && typeof data.suggestedAt === 'string' && (
        <p data-testid="event-suggested-at">
          {t.remoteSession.suggested}: {format(data.suggestedAt)}
        </p>
      )}
      {written && (
        <p className="prewrap" data-testid="event-statement">
          {t.tickets.statement}: <LinkedText text={written} />
        </p>
      )}
      {text && (
        <p className="prewrap">
          <LinkedText text={text} />
        </p>
      )}
      {event.type === 'comment' && <CommentFiles data={data} files={files} />}
    </li>
  );
}

/**
 * L3-11: the files a comment carried, by name and size, under it («Archivos adjuntos: a.png
 * (208 bytes), b.pdf (eliminado)»); those the reader may not see (an internal file) are left out.
 */
function CommentFiles({
  data,
  files,
}: {
  data: Readonly<Record<string, unknown>>;
  files?: ReadonlyMap<string, TimelineAttachment>;
}) {
  const { t, language } = useI18n();
  const ids = Array.isArray(data.attachmentIds) ? data.attachmentIds : [];
  const shown = ids
    .map((id) => (typeof id === 'string' ? files?.get(id) : undefined))
    .filter((f): f is TimelineAttachment => f !== undefined);
  if (shown.length === 0) return null;
  const tl = t.planning.timeline;
  return (
    <p data-testid="event-comment-files">
      {tl.commentFiles(shown.length)}:{' '}
      {shown
        .map((f) =>
          f.deletedAt
            ? `${f.fileName} (${tl.fileDeleted})`
            : `${f.fileName} (${formatFileSize(f.sizeBytes, language)})`,
        )
        .join(', ')}
    </p>
  );
}

/** A file attached or deleted, or the client's rating: read from the ticket, not the workflow. */
function ExtraItem({ entry }: { entry: Exclude<TimelineEntry<TicketEvent>, { kind: 'event' }> }) {
  const { t, language } = useI18n();
  const { format } = useLocalTime();
  if (entry.kind === 'billing') {
    // L3-18: provider staff's no-charge decision, with its reason, who and role.
    const n = t.noCharge;
    const { decision } = entry;
    return (
      <li data-testid="event-billing" data-no-charge={decision.noCharge ? 'true' : 'false'}>
        <p>
          <strong className="prewrap">
            {decision.noCharge
              ? n.timelineMarked(decision.reason)
              : n.timelineCharged(decision.reason)}
          </strong>
          <Byline at={entry.at} who={extraActor(entry)} nobody={null} />
        </p>
      </li>
    );
  }
  if (entry.kind === 'rating') {
    const { rating, change, first } = entry;
    const c = t.satisfaction;
    const score = change?.score ?? rating.score;
    const comment = change ? change.comment : rating.comment;
    return (
      <li data-testid="event-rating">
        <p>
          <strong>{first ? c.timelineRating(score) : c.timelineRatingChanged(score)}</strong> ·{' '}
          {c.scores[score]}
          <Byline at={entry.at} who={extraActor(entry)} nobody={null} />
        </p>
        {comment && <p className="prewrap">{comment}</p>}
        {!change && rating.updatedAt !== rating.ratedAt && (
          <p className="muted small">{c.timelineFirstRated(format(rating.ratedAt))}</p>
        )}
      </li>
    );
  }
  const { attachment } = entry;
  const a = t.attachments;
  const attached = entry.kind === 'attached';
  return (
    <li
      className={attachment.internal ? 'internal-note' : undefined}
      data-testid={attached ? 'event-attachment-added' : 'event-attachment-deleted'}
      data-internal={attachment.internal ? 'true' : undefined}
    >
      <p>
        <strong>
          {attached
            ? a.timelineAttached(
                attachment.fileName,
                formatFileSize(attachment.sizeBytes, language),
              )
            : a.timelineDeleted(attachment.fileName)}
        </strong>
        {attachment.internal && <span className="badge internal">{a.internalBadge}</span>}
        <Byline at={entry.at} who={extraActor(entry)} nobody={a.someone} />
      </p>
    </li>
  );
}

/**
 * The ticket's history, oldest first: what happened, when and by whom, with what people wrote.
 * Comments show their text (internal notes marked as such: the server never sends them to
 * clients); a published date change (L3-19) shows old → new and its reason. Files attached and
 * deleted (L3-11) and the client's rating of the closed ticket are placed among the workflow's
 * events by time (`mergeTimeline`), from the ticket's own `attachments` and `satisfaction`.
 */
export function TicketTimeline({
  events,
  attachments,
  satisfaction,
  billing,
  filter = 'all',
}: {
  events: TicketEvent[];
  attachments?: readonly TimelineAttachment[];
  satisfaction?: TimelineRating | null;
  /** L3-18: every no-charge decision (`Ticket.billing.decisions`). */
  billing?: readonly TimelineBillingDecision[];
  /** «Solo conversación»: only what people wrote (`isConversation`). */
  filter?: HistoryFilter;
}) {
  const { t } = useI18n();
  const parsed = events.map((e) => ({ ...e, data: eventData(e.data) }));
  const before = deadlinesBeforeResume(parsed);
  const { folded, restarted } = clockRestarts(parsed);
  const versions = estimateVersions(parsed);
  const carried = commentFileIds(parsed);
  const files = new Map((attachments ?? []).map((a) => [a.id, a]));
  const entries = filterTimeline(
    mergeTimeline(
      events.filter((e) => !folded.has(e.seq)),
      attachments,
      satisfaction ?? null,
      billing,
      carried,
    ),
    filter,
  );
  if (entries.length === 0 && filter === 'conversation') {
    return (
      <p className="muted" data-testid="timeline-empty">
        {t.ticketPage.history.noConversation}
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) =>
        entry.kind === 'event' ? (
          <EventItem
            key={entry.key}
            event={entry.event}
            before={before.get(entry.event.seq)}
            restarted={restarted.has(entry.event.seq)}
            estimateVersion={versions.get(entry.event.seq)}
            files={files}
          />
        ) : (
          <ExtraItem key={entry.key} entry={entry} />
        ),
      )}
    </ol>
  );
}

/**
 * «Mostrar: Todo | Solo conversación» above the history (QA): radio buttons, so the keyboard and
 * screen readers use it as any choice; the page keeps the choice in its address.
 */
export function HistoryFilterChoice({
  value,
  onChange,
}: {
  value: HistoryFilter;
  onChange: (filter: HistoryFilter) => void;
}) {
  const { t } = useI18n();
  const h = t.ticketPage.history;
  const options: [HistoryFilter, string][] = [
    ['all', h.all],
    ['conversation', h.conversation],
  ];
  return (
    <fieldset className="history-filter" data-testid="history-filter">
      <legend>{h.show}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="check">
          <input
            type="radio"
            name="history-filter"
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
