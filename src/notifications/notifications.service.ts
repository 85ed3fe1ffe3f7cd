import { Injectable } from '@nestjs/common';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppUserEntity } from '../identity/app-user.entity';
import { OrganizationKind } from '../identity/organization-kind.enum';
import { Role } from '../identity/role.enum';
import { EmailOutboxEntity, type OutboxPayload, type OwnMailEvent } from './email-outbox.entity';
import { EmailStatus } from './email-status.enum';
import { mailDomain, outboxMessageId } from './message-id';
import {
  type CheckpointAgendaEvent,
  type CheckpointDecisionsEvent,
  type CheckpointMovedEvent,
  inactiveAssigneeNoticeKey,
  type NotificationEvent,
} from './notification-event';
import {
  CHECKPOINT_AGENDA_AUDIENCES,
  selectRecipients,
  ticketAudiences,
  type Audience,
  type RecipientCandidate,
  type SelectedRecipient,
} from './recipient-rules';
import { extrasOf } from './event-extras';
import { icsColumns } from './ics-columns';
import { TicketCalendarLookup } from './ticket-calendar-lookup';
import {
  renderCheckpointAgendaEmail,
  renderCheckpointDecisionsEmail,
  renderCheckpointMovedEmail,
} from './templates/checkpoint.templates';
import { type RenderedEmail, type RenderOptions, renderEmail } from './templates/render-email';
import type { InactiveUserNotes } from './templates/inactive-user-notes';
import { renderOptionsOf } from './render-options';

/**
 * One email a domain renders itself (password links, low ratings), for one recipient: queued by
 * {@link NotificationsService.enqueueRendered} like every other email.
 */
export interface RenderedNotification {
  readonly event: OwnMailEvent;
  readonly ticketNumber: string | null;
  readonly recipient: Pick<RecipientCandidate, 'id' | 'email'>;
  readonly email: Omit<RenderedEmail, 'attachments'> & Partial<Pick<RenderedEmail, 'attachments'>>;
  /** Names the event mentions, by user id (kept in the row's payload). */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * Emails that become one while the first waits (L3-11: files one person attaches one after
 * another). The first is queued to go `MAIL_BATCH_WINDOW_MS` later; an event of the same key for
 * the same address within that time is merged into it and the email is rendered again.
 */
export interface EmailBatch {
  readonly key: string;
  /** The event the waiting email is about, with `next` folded in. */
  readonly merge: (waiting: NotificationEvent, next: NotificationEvent) => NotificationEvent;
}

/** What {@link NotificationsService.enqueue} wrote. */
export interface EnqueueResult {
  /** Every recipient address of the event (already queued ones included). */
  readonly recipients: readonly string[];
  /** Rows written now: 0 when the event had been enqueued before. */
  readonly inserted: number;
}

const RECIPIENT_COLUMNS = ['id', 'email', 'displayName', 'locale', 'timeZone', 'active'] as const;

/**
 * Outbox rows that have not gone and may still change (L3-11, guarantee 4): every queued one (in
 * its window, past it, or waiting for a retry after a failed attempt) and every failed one, which
 * a manager may send again (`retryEmail` sends the text it has). A row a dispatcher holds
 * (`claim_token`) goes as it is.
 */
const UNSENT_EMAIL = `claim_token IS NULL AND status IN ('QUEUED', 'FAILED')`;

/** Of {@link UNSENT_EMAIL}, those still in their batch window and never tried (what a file joins). */
const WAITING_EMAIL = `claim_token IS NULL AND status = 'QUEUED' AND attempts = 0
  AND next_attempt_at > now()`;

/**
 * The event → email entry point (L3-11). Writes one outbox row per recipient, inside the caller's
 * transaction, so the email exists if and only if the event does; the dispatcher sends it later.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly config: AppConfig,
    /** The ticket's calendar for SLA emails' business time (`CalendarsService`, cached). */
    private readonly calendars: TicketCalendarLookup,
  ) {}

  /**
   * Resolves the recipients of `event`, renders each email (recipient's language and time zone)
   * and queues it. Must run in the transaction that records the event (`dataSource.transaction(
   * (manager) => …)`); throws otherwise. Idempotent: the same `eventKey` queues nothing new.
   * With `batch`, see {@link EmailBatch}.
   */
  async enqueue(
    manager: EntityManager,
    given: NotificationEvent,
    batch?: EmailBatch,
  ): Promise<EnqueueResult> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'NotificationsService.enqueue must run inside the transaction that records the event',
      );
    }
    if (!given.eventKey.trim()) throw new Error('NotificationEvent.eventKey is empty');
    const audiences = ticketAudiences(given.type);
    if (audiences.length === 0) return { recipients: [], inserted: 0 };
    const extras = extrasOf(given);
    const from = { manager, calendars: this.calendars };
    const told = extras.told ? await extras.told(given, from) : given;
    const { byAudience, inactiveAssignee } = await this.loadAudiences(
      manager,
      {
        ...told.ticket,
        assigneeId: extras.assigneeId?.(told) ?? null,
        sessionHolderIds: extras.sessionHolderIds?.(told) ?? [],
        sessionProposerId: extras.sessionProposerId?.(told) ?? null,
      },
      audiences,
    );
    const recipients = selectRecipients(byAudience, audiences).filter(
      (r) => extras.reaches?.(told, r) ?? true,
    );
    // QA S63 #6: while the assignee is inactive, the managers hear of the client's activity once
    // per ticket (its own key), those the event does not reach already.
    const managersOnce =
      inactiveAssignee && given.type === 'PROVIDER_CLIENT_ACTIVITY'
        ? await this.managersNotTold(manager, recipients)
        : [];
    const completed = extras.complete
      ? await extras.complete(told, byAudience, from)
      : { event: told, names: [] };
    const { event } = completed;
    const names = await this.loadNames(manager, mentionedUsers(event), byAudience);
    for (const [id, name] of completed.names) names.set(id, name);
    if (inactiveAssignee) names.set(inactiveAssignee.id, inactiveAssignee.displayName);
    const inactiveAssigneeId = inactiveAssignee?.id;
    const domain = mailDomain(this.config.mail.from);
    // One calendar read per event, not per recipient (QA S60b #3); kept in the payload for the
    // renders that come later (a batch, a re-addressed copy).
    const calendarTimeZone = await this.calendarZoneOf(manager, event);
    const zone = calendarTimeZone ? { calendarTimeZone } : {};
    const payload: OutboxPayload = {
      event,
      names: Object.fromEntries(names),
      ...zone,
      ...(inactiveAssigneeId ? { inactiveAssigneeId } : {}),
    };
    const setting: RenderSetting = { names, calendarTimeZone, inactiveAssigneeId };
    const rows: QueryDeepPartialEntity<EmailOutboxEntity>[] = [];
    // An event whose emails wait in a batch of their own (the new-ticket email) starts it.
    const waitsIn = batch?.key ?? extras.waitsIn?.(event);
    let merged = 0;
    const addressed: { r: SelectedRecipient & InactiveUserNotes; key: string }[] = [
      ...recipients.map((r) => ({ r, key: event.eventKey })),
      ...(inactiveAssigneeId
        ? managersOnce.map((r) => ({
            r: { ...r, managersOnce: true },
            key: inactiveAssigneeNoticeKey(event.ticket.number, inactiveAssigneeId),
          }))
        : []),
    ];
    for (const { r, key } of addressed) {
      const email = this.render(event, r, setting);
      if (!email) continue;
      if (batch && (await this.mergeIntoWaiting(manager, batch, event, r, setting))) {
        merged += 1;
        continue;
      }
      rows.push({
        ...outboxRow(
          { eventKey: key, type: event.type },
          event.ticket.number,
          r,
          email,
          { ...payload, ...recipientNotes(r) },
          domain,
        ),
        ...(waitsIn && this.config.mail.batchWindowMs > 0
          ? {
              batchKey: waitsIn,
              nextAttemptAt: new Date(Date.now() + this.config.mail.batchWindowMs),
            }
          : {}),
      });
    }
    if (!waitsIn && rows.length > 0) {
      // A batch of this ticket still waiting for the same people goes now, before this email:
      // they hear of the files before what came after them (same `now()`, then queue order).
      // Only one queued before this event happened: a ticket event's emails are queued from the
      // log just after it (TicketEmailRelay), maybe after a file that came later.
      await manager.query(
        `UPDATE email_outbox SET next_attempt_at = now()
          WHERE batch_key IS NOT NULL AND status = 'QUEUED' AND claim_token IS NULL
            AND next_attempt_at > now() AND ticket_number = $1
            AND recipient_address = ANY($2::text[]) AND created_at <= $3::timestamptz`,
        [event.ticket.number, rows.map((r) => r.recipientAddress as string), event.occurredAt],
      );
    }
    const result = await this.insert(manager, rows);
    return merged === 0
      ? result
      : { recipients: recipients.map((r) => r.email), inserted: result.inserted };
  }

  /**
   * Changes what the emails of batch `key` that have not gone yet tell (a file deleted before its
   * email went, one sent with the registration): `revise` gives each one's event as it should now
   * be, rendered again, the same event to leave it, or `null` when nothing is left to tell (the
   * email is dropped, unsent). `reach` says which: `'waiting'`, those still in their window and
   * never tried (what a file may join, as a merge does); `'unsent'`, every queued one, its window
   * over or a retry pending too, and every failed one, which a manager may send again (what a
   * deleted file must leave: an email naming it goes out whenever a dispatcher gets to it). An
   * email a dispatcher holds already goes as it is.
   * Inside the caller's transaction.
   */
  async reviseBatch(
    manager: EntityManager,
    key: string,
    revise: (event: NotificationEvent) => NotificationEvent | null,
    reach: 'waiting' | 'unsent',
  ): Promise<{ readonly changed: number; readonly dropped: number }> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('NotificationsService.reviseBatch must run inside a transaction');
    }
    const waiting = await manager.query<
      { id: string; payload: OutboxPayload; recipient_user_id: string | null }[]
    >(
      `SELECT id, payload, recipient_user_id FROM email_outbox
        WHERE batch_key = $1 AND ${reach === 'unsent' ? UNSENT_EMAIL : WAITING_EMAIL}
          FOR UPDATE SKIP LOCKED`,
      [key],
    );
    let changed = 0;
    let dropped = 0;
    for (const row of waiting) {
      const before = row.payload.event as NotificationEvent;
      const after = revise(before);
      if (after === before) continue;
      const recipient =
        after &&
        (await manager
          .getRepository(AppUserEntity)
          .createQueryBuilder('u')
          .select(RECIPIENT_COLUMNS.map((c) => `u.${c}`))
          .where('u.id = :id', { id: row.recipient_user_id })
          .getOne());
      const email =
        after &&
        recipient &&
        this.render(
          after,
          { ...recipient, ...recipientNotes(row.payload) },
          settingOf(row.payload),
        );
      if (after && email) {
        await this.rewrite(manager, row.id, { ...row.payload, event: after }, email);
        changed += 1;
      } else {
        // Nothing left to tell (or nobody to tell it to): the email is not sent.
        await manager.query(`DELETE FROM email_outbox WHERE id = $1`, [row.id]);
        dropped += 1;
      }
    }
    return { changed, dropped };
  }

  /**
   * L3-11: a client's activity told to the provider (a file in its batch window, a comment) that
   * has not gone is sent to whom the ticket's assignee is when it goes, not when it was queued:
   * queued while nobody was assigned, it went to every agent saying «no tiene agente asignado»
   * although the ticket had been assigned meanwhile (QA S16), also when its first send had failed
   * and it went on the retry. Each {@link UNSENT_EMAIL} of `ticketNumber` written for another
   * assignee than `assigneeId` is rendered again for the assignee (inserted when they had none)
   * and every other recipient's copy is dropped unsent. A failed one is re-addressed too: a
   * manager's retry must reach the assignee, not the agents it failed for; the assignee's copy
   * stays on the managers' list of failures (it is sent when one of them says so, as the copies it
   * replaces would have been). An email a dispatcher holds already goes as it is; one already
   * sent to the assignee is not queued again (one row per event and recipient). Inside the
   * transaction that records the assignment.
   */
  async readdressUnsent(
    manager: EntityManager,
    ticketNumber: string,
    assigneeId: string | null,
  ): Promise<{ readonly changed: number; readonly dropped: number; readonly added: number }> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('NotificationsService.readdressUnsent must run inside a transaction');
    }
    const unsent = await manager.query<
      {
        id: string;
        event_key: string;
        recipient_address: string;
        payload: OutboxPayload;
        batch_key: string | null;
        next_attempt_at: Date;
        status: EmailStatus;
        attempts: number;
        last_error: string | null;
      }[]
    >(
      `SELECT id, event_key, recipient_address, payload, batch_key, next_attempt_at, status,
              attempts, last_error
         FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'PROVIDER_CLIENT_ACTIVITY' AND ${UNSENT_EMAIL}
          AND (payload -> 'event' ->> 'assigneeId') IS DISTINCT FROM $2
        ORDER BY created_at
          FOR UPDATE SKIP LOCKED`,
      [ticketNumber, assigneeId],
    );
    let changed = 0;
    let dropped = 0;
    let added = 0;
    const domain = mailDomain(this.config.mail.from);
    // QA S63 #6: the managers' notice of an inactive assignee that has not gone is moot once the
    // ticket changes hands (the new assignee gets the activity itself).
    const moot = unsent.filter((w) => w.payload.managersOnce === true).map((w) => w.id);
    if (moot.length > 0) {
      await manager.query(`DELETE FROM email_outbox WHERE id = ANY($1::uuid[])`, [moot]);
      dropped += moot.length;
    }
    const readdressed = unsent.filter((w) => w.payload.managersOnce !== true);
    for (const eventKey of new Set(readdressed.map((w) => w.event_key))) {
      const rows = readdressed.filter((w) => w.event_key === eventKey);
      const [first] = rows;
      const event = { ...(first.payload.event as NotificationEvent), assigneeId };
      if (event.type !== 'PROVIDER_CLIENT_ACTIVITY') continue;
      const audiences = ticketAudiences(event.type);
      // S64: who proposed the session the client answered keeps their copy.
      const sessionProposerId = extrasOf(event).sessionProposerId?.(event) ?? null;
      const loaded = await this.loadAudiences(
        manager,
        { ...event.ticket, assigneeId, sessionProposerId },
        audiences,
      );
      const recipients = selectRecipients(loaded.byAudience, audiences);
      const names = new Map(Object.entries(first.payload.names));
      const inactiveAssigneeId = loaded.inactiveAssignee?.id;
      if (loaded.inactiveAssignee)
        names.set(loaded.inactiveAssignee.id, loaded.inactiveAssignee.displayName);
      const { calendarTimeZone } = first.payload;
      const inserts: QueryDeepPartialEntity<EmailOutboxEntity>[] = [];
      const told = new Set<string>();
      // A copy for a recipient who had none was never tried: no attempts, no error of its own, so
      // it gets the dispatcher's full set of attempts and backoff. In the window of the copies it
      // replaces it waits with them (a next file joins it); past it, or once they were tried, it
      // is due now: not at another address's retry time, which would also look like a window
      // (attempts 0) that files join and wait in for as long as that backoff.
      const tried = rows.some((w) => w.attempts > 0 || w.status === EmailStatus.FAILED);
      const failed = rows.every((w) => w.status === EmailStatus.FAILED);
      const assigneeNote = inactiveAssigneeId ? { inactiveAssigneeId } : {};
      for (const r of recipients) {
        const email = this.render(event, r, { names, calendarTimeZone, inactiveAssigneeId });
        if (!email) continue;
        told.add(r.email);
        const own = rows.find((w) => w.recipient_address === r.email);
        const { inactiveAssigneeId: _was, ...kept } = (own ?? first).payload;
        const payload = { ...kept, ...assigneeNote, names: Object.fromEntries(names), event };
        if (own) {
          // Same recipient and Message-ID: its attempts, retry time and status stand.
          await this.rewrite(manager, own.id, payload, email);
          changed += 1;
        } else {
          inserts.push({
            ...outboxRow(event, ticketNumber, r, email, payload, domain),
            batchKey: first.batch_key,
            nextAttemptAt: tried ? () => 'now()' : first.next_attempt_at,
            // Failed for good everywhere: a manager decides whether it goes (why it failed kept).
            ...(failed ? { status: EmailStatus.FAILED, lastError: first.last_error } : {}),
          });
        }
      }
      const others = rows.filter((w) => !told.has(w.recipient_address)).map((w) => w.id);
      if (others.length > 0) {
        await manager.query(`DELETE FROM email_outbox WHERE id = ANY($1::uuid[])`, [others]);
        dropped += others.length;
      }
      added += (await this.insert(manager, inserts)).inserted;
    }
    return { changed, dropped, added };
  }

  /**
   * `event`'s email for `recipient` (their language and zone, and the ticket's calendar zone for
   * a deadline's time there), or null when it sends none.
   */
  private render(
    event: NotificationEvent,
    recipient: RecipientCandidate & InactiveUserNotes,
    { names, calendarTimeZone, inactiveAssigneeId }: RenderSetting,
  ): RenderedEmail | null {
    return renderEmail(event, recipient, {
      ...renderOptionsOf(this.config),
      names,
      ...(calendarTimeZone ? { calendarTimeZone } : {}),
      ...(inactiveAssigneeId ? { inactiveAssigneeId } : {}),
    });
  }

  /**
   * QA S63 #6: the active managers `recipients` leaves out, told of client activity once per
   * ticket while its assignee is inactive (a manager who is also an agent has the agents' copy).
   */
  private async managersNotTold(
    manager: EntityManager,
    recipients: readonly SelectedRecipient[],
  ): Promise<SelectedRecipient[]> {
    const told = new Set(recipients.map((r) => r.email.toLowerCase()));
    const { byAudience } = await this.loadAudiences(manager, { clientOrgId: '' }, ['MANAGERS']);
    return selectRecipients(byAudience, ['MANAGERS']).filter(
      (m) => !told.has(m.email.toLowerCase()),
    );
  }

  /**
   * QA S60b #3 (BUSINESS-TIME.md): the zone of the calendar `event`'s ticket counts on (its own,
   * else its client's, else the default; `CalendarsService`, compiled once per version), the one
   * an SLA event already carries; undefined when there is none (the email goes without it).
   */
  private async calendarZoneOf(
    manager: EntityManager,
    event: NotificationEvent,
  ): Promise<string | undefined> {
    if ('calendarTimeZone' in event && event.calendarTimeZone) return event.calendarTimeZone;
    try {
      return await this.calendars.timeZoneOfTicket(
        event.ticket.number,
        event.ticket.clientOrgId,
        manager,
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NOT_FOUND) return undefined;
      throw err;
    }
  }

  /**
   * Folds `event` into `recipient`'s email of the same batch that still waits for its window
   * (queued, never claimed), rendered again; false when there is none. The row is locked, and one
   * a dispatcher holds is skipped: that email goes as it is and this event is queued on its own.
   */
  private async mergeIntoWaiting(
    manager: EntityManager,
    batch: EmailBatch,
    event: NotificationEvent,
    recipient: RecipientCandidate & InactiveUserNotes,
    setting: RenderSetting,
  ): Promise<boolean> {
    const [waiting] = await manager.query<{ id: string; payload: OutboxPayload }[]>(
      `SELECT id, payload FROM email_outbox
        WHERE batch_key = $1 AND recipient_address = $2 AND ${WAITING_EMAIL}
        ORDER BY created_at LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      [batch.key, recipient.email],
    );
    if (!waiting) return false;
    const combined = batch.merge(waiting.payload.event as NotificationEvent, event);
    // The waiting email's names too: it may be of another event (the new-ticket email's client).
    const all = { ...waiting.payload.names, ...Object.fromEntries(setting.names) };
    // The ticket's calendar zone as the waiting email kept it, else as read for `event`.
    const zone = waiting.payload.calendarTimeZone ?? setting.calendarTimeZone;
    const assignee = setting.inactiveAssigneeId ?? waiting.payload.inactiveAssigneeId;
    const email = this.render(combined, recipient, {
      names: new Map(Object.entries(all)),
      calendarTimeZone: zone,
      inactiveAssigneeId: assignee,
    });
    if (!email) return false;
    // The waiting row's own notes give way to this recipient's (the ones the email now says).
    const { standsInFor: _s, managersOnce: _m, ...kept } = waiting.payload;
    const payload = {
      ...kept,
      event: combined,
      names: all,
      ...(zone ? { calendarTimeZone: zone } : {}),
      ...(assignee ? { inactiveAssigneeId: assignee } : {}),
      ...recipientNotes(recipient),
    };
    await this.rewrite(manager, waiting.id, payload, email);
    return true;
  }

  /**
   * A waiting email's new cause and content (its key, recipient and Message-ID stay). One whose
   * event waits for what follows it and now has it all (the new-ticket email naming every file
   * announced) goes at once rather than at the end of its window (the outbox's trigger wakes the
   * dispatchers when a queued email falls due sooner: migration 1764320300000).
   */
  private async rewrite(
    manager: EntityManager,
    id: string,
    payload: OutboxPayload & { readonly event: NotificationEvent },
    email: RenderedEmail,
  ): Promise<void> {
    const { waitsIn } = extrasOf(payload.event);
    const complete = waitsIn !== undefined && waitsIn(payload.event) === undefined;
    const ics = icsColumns(email.attachments, payload.event.ticket.number);
    await manager.query(
      `UPDATE email_outbox
          SET payload = $2, subject = $3, text = $4, html = $5, attachments = $6,
              next_attempt_at = CASE WHEN $7 THEN LEAST(next_attempt_at, now())
                                     ELSE next_attempt_at END,
              ics_method = $8, ics_entries = $9
        WHERE id = $1`,
      [
        id,
        JSON.stringify(payload),
        email.subject,
        email.text,
        email.html,
        JSON.stringify(email.attachments),
        complete,
        ics.icsMethod,
        ics.icsEntries,
      ],
    );
  }

  /**
   * L3-15: queues a checkpoint agenda for the client's approvers and the provider managers (active
   * users, one email per address). Same rules as {@link enqueue}: inside the transaction that
   * stores the agenda, and idempotent per `eventKey` (a retried activity queues nothing new).
   */
  async enqueueCheckpointAgenda(
    manager: EntityManager,
    event: CheckpointAgendaEvent,
  ): Promise<EnqueueResult> {
    return this.enqueueToAgendaAudience(
      manager,
      'enqueueCheckpointAgenda must run inside the transaction that stores the agenda',
      event,
      event.checkpoint.organizationId,
      null,
      renderCheckpointAgendaEmail,
    );
  }

  /**
   * L3-15: queues «checkpoint moved» for the people the client's agenda goes to (its approvers
   * and the provider managers; active users, one email per address), each in their language and
   * zone with their side's footer, except the staff member who moved it. Inside the transaction
   * that saves the move; idempotent per `eventKey`.
   */
  async enqueueCheckpointMoved(
    manager: EntityManager,
    event: CheckpointMovedEvent,
  ): Promise<EnqueueResult> {
    return this.enqueueToAgendaAudience(
      manager,
      'enqueueCheckpointMoved must run inside the transaction that saves the move',
      event,
      event.organizationId,
      event.movedById,
      renderCheckpointMovedEmail,
    );
  }

  /**
   * L3-15: queues «Decisiones del punto de control» for the people the client's agenda goes to
   * (its approvers and the provider managers; active users, one email per address), each in their
   * language and zone with their side's footer, except who recorded the decisions. Inside the
   * transaction that stores the recording; idempotent per `eventKey`.
   */
  async enqueueCheckpointDecisions(
    manager: EntityManager,
    event: CheckpointDecisionsEvent,
  ): Promise<EnqueueResult> {
    return this.enqueueToAgendaAudience(
      manager,
      'enqueueCheckpointDecisions must run inside the transaction that stores the decisions',
      event,
      event.checkpoint.organizationId,
      event.recordedById,
      renderCheckpointDecisionsEmail,
    );
  }

  /**
   * L3-15: one email of `event` per person a client's checkpoint agenda goes to (the client's
   * approvers and the provider managers, active users, one per address) except `actorId`, who
   * caused it and is named in it. Inside the caller's transaction (`outsideTransaction` is the
   * error otherwise); idempotent per `eventKey`.
   */
  private async enqueueToAgendaAudience<
    E extends CheckpointAgendaEvent | CheckpointMovedEvent | CheckpointDecisionsEvent,
  >(
    manager: EntityManager,
    outsideTransaction: string,
    event: E,
    organizationId: string,
    actorId: string | null,
    render: (event: E, recipient: SelectedRecipient, options: RenderOptions) => RenderedEmail,
  ): Promise<EnqueueResult> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`NotificationsService.${outsideTransaction}`);
    }
    const recipients = selectRecipients(
      (
        await this.loadAudiences(
          manager,
          { clientOrgId: organizationId },
          CHECKPOINT_AGENDA_AUDIENCES,
        )
      ).byAudience,
      CHECKPOINT_AGENDA_AUDIENCES,
    ).filter((r) => r.id !== actorId);
    const names = await this.loadNames(manager, actorId ? [actorId] : []);
    // The session's time as the client's calendar reads it, beside each reader's own (QA S60b #3).
    const calendarTimeZone = await this.calendars.timeZoneOfOrganization(organizationId, manager);
    const options = { ...renderOptionsOf(this.config), names, calendarTimeZone };
    const rows = recipients.map((r) =>
      outboxRow(
        event,
        null,
        r,
        render(event, r, options),
        { event, names: Object.fromEntries(names), calendarTimeZone },
        options.domain,
      ),
    );
    return this.insert(manager, rows);
  }

  /**
   * Queues emails other domains rendered (a password link, a low-rating alert), with the same
   * guarantees as {@link enqueue}: inside the caller's transaction, one Message-ID per event and
   * address, and idempotent per `eventKey` and address.
   */
  async enqueueRendered(
    manager: EntityManager,
    emails: readonly RenderedNotification[],
  ): Promise<EnqueueResult> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'NotificationsService.enqueueRendered must run inside the transaction that records the event',
      );
    }
    const domain = mailDomain(this.config.mail.from);
    const rows = emails.map(({ event, ticketNumber, recipient, email, names }) => {
      if (!event.eventKey.trim()) throw new Error('RenderedNotification.event.eventKey is empty');
      return outboxRow(
        event,
        ticketNumber,
        recipient,
        { ...email, attachments: email.attachments ?? [] },
        { event, names: names ?? {} },
        domain,
      );
    });
    return this.insert(manager, rows);
  }

  /**
   * Who of a client organization's audiences (and the provider's) gets an email a domain renders
   * itself (L3-13 hour changes): active users, one per address, each with their side.
   */
  async recipientsFor(
    manager: EntityManager,
    clientOrgId: string,
    audiences: readonly Audience[],
  ): Promise<SelectedRecipient[]> {
    return selectRecipients(
      (await this.loadAudiences(manager, { clientOrgId }, audiences)).byAudience,
      audiences,
    );
  }

  /**
   * Queues the rendered emails. UNIQUE (event_key, recipient_address): a second enqueue of the
   * same event (a retried activity, a re-projected batch) writes nothing.
   */
  private async insert(
    manager: EntityManager,
    rows: QueryDeepPartialEntity<EmailOutboxEntity>[],
  ): Promise<EnqueueResult> {
    if (rows.length === 0) return { recipients: [], inserted: 0 };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(EmailOutboxEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return {
      recipients: rows.map((r) => r.recipientAddress as string),
      inserted: (result.raw as unknown[]).length,
    };
  }

  /** The users of each audience; `selectRecipients` decides who of them gets mail. */
  private async loadAudiences(
    manager: EntityManager,
    about: {
      readonly number?: string;
      readonly registrantId?: string;
      readonly clientOrgId: string;
      readonly assigneeId?: string | null;
      /** Whom SESSION_HOLDERS means (QA S62). */
      readonly sessionHolderIds?: readonly string[];
      /** Whom SESSION_PROPOSER means (S64). */
      readonly sessionProposerId?: string | null;
    },
    audiences: readonly Audience[],
  ): Promise<LoadedAudiences> {
    const users = manager.getRepository(AppUserEntity);
    const out: Partial<Record<Audience, RecipientCandidate[]>> = {};
    let inactiveAssignee: RecipientCandidate | undefined;
    for (const audience of audiences) {
      if (audience === 'REGISTRANT' || audience === 'PARTICIPANTS') {
        // Asked together (ticketAudiences): one query for both.
        if (out.REGISTRANT) continue;
        const loaded = await registrantAndParticipants(manager, about);
        Object.assign(out, loaded);
        // L3-11 (QA S62 #1): a deactivated registrant gets nothing, so while they are inactive
        // the client's approvers stand in for them (selectRecipients keeps the active ones, one
        // email per address).
        // Each is told why (QA S63 #6), unless an audience of their own reaches them too.
        const [registrant] = loaded.REGISTRANT;
        if (!registrant.active) {
          out.REGISTRANT = (await clientApprovers(users, about.clientOrgId)).map((u) => ({
            ...pickRecipient(u),
            standsInFor: registrant.id,
          }));
        }
        continue;
      }
      const q = users.createQueryBuilder('u').select(RECIPIENT_COLUMNS.map((c) => `u.${c}`));
      if (audience === 'CLIENT_APPROVERS') {
        out.CLIENT_APPROVERS = await clientApprovers(users, about.clientOrgId);
      } else if (audience === 'AUTHORIZERS') {
        // L3-09: who wrote an authorization of this ticket (kept on its row), still an approver
        // of its organization.
        out.AUTHORIZERS = await q
          .where('u.organization_id = :org', { org: about.clientOrgId })
          .andWhere(':role = ANY(u.roles)', { role: Role.CLIENT_APPROVER })
          .andWhere(
            `u.id::text IN (SELECT a ->> 'approverId' FROM ticket t,
               jsonb_array_elements(coalesce(t.details -> 'authorizations', '[]'::jsonb)) a
               WHERE t.number = :number)`,
            { number: about.number },
          )
          .orderBy('u.email')
          .getMany();
      } else if (audience === 'MANAGERS') {
        out.MANAGERS = await providerUsers(q, [Role.MANAGER]);
      } else if (audience === 'PROVIDER_STAFF') {
        out.PROVIDER_STAFF = await providerUsers(q, [Role.AGENT, Role.MANAGER]);
      } else if (audience === 'SESSION_HOLDERS') {
        // L3-06 (QA S62): provider staff whose calendars hold the remote session (none to read
        // for an event that hands none over).
        const ids = about.sessionHolderIds ?? [];
        out.SESSION_HOLDERS =
          ids.length === 0
            ? []
            : await providerUsers(q, [Role.AGENT, Role.MANAGER, Role.ADMIN], ids);
      } else if (audience === 'SESSION_PROPOSER') {
        // L3-06 (S64): who proposed the remote session the client answered, while still
        // provider staff (a manager or an admin too); none for any other event.
        out.SESSION_PROPOSER = about.sessionProposerId
          ? await providerUsers(q, [Role.AGENT, Role.MANAGER, Role.ADMIN], about.sessionProposerId)
          : [];
      } else {
        // The assigned agent while active and still provider staff; otherwise every agent.
        const assignee = about.assigneeId
          ? await providerUsers(q.clone(), [Role.AGENT, Role.MANAGER, Role.ADMIN], about.assigneeId)
          : [];
        out.ASSIGNEE_OR_AGENTS = assignee.some((u) => u.active)
          ? assignee
          : await providerUsers(q, [Role.AGENT]);
        // QA S63 #6: a deactivated assignee still holds the ticket: staff are told to reassign it.
        inactiveAssignee = assignee.find((u) => !u.active);
      }
    }
    return inactiveAssignee ? { byAudience: out, inactiveAssignee } : { byAudience: out };
  }

  private async loadNames(
    manager: EntityManager,
    ids: readonly string[],
    loaded: Partial<Record<Audience, readonly RecipientCandidate[]>> = {},
  ): Promise<Map<string, string>> {
    // Whoever an audience loaded already (the registrant, mostly) is not read again.
    const known = new Map(
      Object.values(loaded).flatMap((users) => users.map((u) => [u.id, u.displayName] as const)),
    );
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    const read =
      missing.length === 0
        ? []
        : await manager
            .getRepository(AppUserEntity)
            .createQueryBuilder('u')
            .select(['u.id', 'u.displayName'])
            .where('u.id IN (:...ids)', { ids: missing })
            .getMany();
    const names = new Map(read.map((u) => [u.id, u.displayName]));
    for (const id of ids) {
      const name = known.get(id);
      if (name !== undefined) names.set(id, name);
    }
    return names;
  }
}

/**
 * The ticket's registrant (a ticket without one is a bug in the caller: its transaction fails) and
 * its participants while users of its organization (L3-11, S19), by email: one round trip (a user
 * is a participant of a ticket at most once: the table's key).
 */
async function registrantAndParticipants(
  manager: EntityManager,
  about: { readonly number?: string; readonly registrantId?: string; readonly clientOrgId: string },
): Promise<Pick<Record<Audience, RecipientCandidate[]>, 'REGISTRANT' | 'PARTICIPANTS'>> {
  const rows = await manager.query<
    (RecipientCandidate & { isRegistrant: boolean; isParticipant: boolean })[]
  >(
    `SELECT u.id, u.email, u.display_name AS "displayName", u.locale, u.time_zone AS "timeZone",
            u.active, u.id = $1 AS "isRegistrant", p.user_id IS NOT NULL AS "isParticipant"
       FROM app_user u
       LEFT JOIN ticket_participant p
         ON p.user_id = u.id AND p.ticket_number = $2 AND u.organization_id = $3
      WHERE u.id = $1 OR p.user_id IS NOT NULL
      ORDER BY u.email`,
    [about.registrantId ?? null, about.number ?? null, about.clientOrgId],
  );
  const candidate = ({ isRegistrant: _r, isParticipant: _p, ...user }: (typeof rows)[number]) =>
    user;
  const registrant = rows.find((r) => r.isRegistrant);
  if (!registrant) throw new Error(`registrant ${about.registrantId} not found`);
  return {
    REGISTRANT: [candidate(registrant)],
    PARTICIPANTS: rows.filter((r) => r.isParticipant).map(candidate),
  };
}

/** The users of each audience a ticket event reaches, and its assignee when deactivated. */
interface LoadedAudiences {
  readonly byAudience: Partial<Record<Audience, RecipientCandidate[]>>;
  /** The ticket's assignee, still provider staff but deactivated (QA S63 #6). */
  readonly inactiveAssignee?: RecipientCandidate;
}

/**
 * What an event's emails are rendered with besides the event and the recipient: the names it
 * mentions, the zone of the ticket's calendar (a deadline's time there, QA S60b #3) and its
 * deactivated assignee (QA S63 #6). Kept in each outbox row's payload for later renders.
 */
interface RenderSetting {
  readonly names: ReadonlyMap<string, string>;
  readonly calendarTimeZone?: string;
  readonly inactiveAssigneeId?: string;
}

/** The {@link RenderSetting} an outbox row's payload kept. */
function settingOf(payload: OutboxPayload): RenderSetting {
  return {
    names: new Map(Object.entries(payload.names)),
    calendarTimeZone: payload.calendarTimeZone,
    inactiveAssigneeId: payload.inactiveAssigneeId,
  };
}

/** A loaded user as a recipient candidate (the entity's columns only). */
function pickRecipient(u: RecipientCandidate): RecipientCandidate {
  const { id, email, displayName, locale, timeZone, active } = u;
  return { id, email, displayName, locale, timeZone, active };
}

/** Why a recipient's email says what it says of an inactive user, as kept in its row's payload. */
function recipientNotes(
  r: InactiveUserNotes,
): Pick<InactiveUserNotes, 'standsInFor' | 'managersOnce'> {
  return {
    ...(r.standsInFor ? { standsInFor: r.standsInFor } : {}),
    ...(r.managersOnce ? { managersOnce: true } : {}),
  };
}

/** The client organization's approvers (active or not), by email. */
function clientApprovers(
  users: Repository<AppUserEntity>,
  clientOrgId: string,
): Promise<AppUserEntity[]> {
  return users
    .createQueryBuilder('u')
    .select(RECIPIENT_COLUMNS.map((c) => `u.${c}`))
    .where('u.organization_id = :org', { org: clientOrgId })
    .andWhere(':role = ANY(u.roles)', { role: Role.CLIENT_APPROVER })
    .orderBy('u.email')
    .getMany();
}

/** Provider users holding any of `roles` (those of `id`, one or a list, when given), by email. */
function providerUsers(
  q: SelectQueryBuilder<AppUserEntity>,
  roles: readonly Role[],
  id?: string | readonly string[],
): Promise<AppUserEntity[]> {
  q.where('u.organization_kind = :kind', { kind: OrganizationKind.PROVIDER }).andWhere(
    'u.roles && CAST(:roles AS text[])',
    { roles },
  );
  if (typeof id === 'string') q.andWhere('u.id = :id', { id });
  else if (id) q.andWhere('u.id IN (:...ids)', { ids: [...id] });
  return q.orderBy('u.email').getMany();
}

/**
 * Users an event names in its text (agent, approver), and its registrant: the email of anyone
 * else on the ticket (a participant, an approver) says who registered it (L3-11).
 */
function mentionedUsers(event: NotificationEvent): string[] {
  return [event.ticket.registrantId, ...namedIn(event)];
}

/** Users an event names in its text (agent, approver). */
function namedIn(event: NotificationEvent): string[] {
  switch (event.type) {
    case 'ASSIGNED':
      return [event.agentId];
    case 'CLASSIFIED':
      return event.agentId ? [event.agentId] : [];
    case 'AUTHORIZATION_RECORDED':
      return [event.approverId];
    case 'COMMENT_ADDED':
      return [event.authorId];
    case 'CLIENT_ANSWER_RECORDED':
      return [event.recordedById];
    case 'ESTIMATE_REJECTED':
      return [event.approverId];
    case 'REESTIMATE_REQUESTED':
      return [event.requesterId];
    case 'FAILURES_REPORTED':
      return [event.reporterId];
    case 'REMOTE_SESSION_CONFIRMED':
      return [event.confirmedById];
    case 'REMOTE_SESSION_CANCELLED':
      return [event.declinedById];
    case 'REMOTE_SESSION_WITHDRAWN':
      return [event.withdrawnById];
    case 'CANCELLED':
      return event.cancelledById ? [event.cancelledById] : [];
    case 'PROVIDER_CLIENT_ACTIVITY':
      // QA S63 #12: the other agents read who proposed the session the client answered.
      return event.sessionProposedById
        ? [event.actorId, event.sessionProposedById]
        : [event.actorId];
    case 'ATTACHMENT_ADDED':
      return [event.uploaderId];
    case 'SLA_AT_RISK':
    case 'SLA_BREACHED':
      return event.assigneeId ? [event.assigneeId] : [];
    case 'PROVIDER_ASSIGNED':
      return [event.assigneeId, event.actorId, event.previousAssigneeId].filter(
        (id): id is string => id !== null,
      );
    default:
      return [];
  }
}

/** One outbox row: the rendered email of `event` for `recipient`, queued. */
function outboxRow(
  event: { readonly eventKey: string; readonly type: string },
  ticketNumber: string | null,
  recipient: Pick<RecipientCandidate, 'id' | 'email'>,
  email: RenderedEmail,
  payload: OutboxPayload,
  domain: string,
): QueryDeepPartialEntity<EmailOutboxEntity> {
  return {
    eventKey: event.eventKey,
    eventType: event.type,
    ticketNumber,
    recipientUserId: recipient.id,
    recipientAddress: recipient.email,
    locale: email.locale,
    template: email.template,
    payload,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments,
    // What its .ics files do, in columns of their own (who holds a calendar entry reads them).
    ...icsColumns(email.attachments, ticketNumber),
    messageId: outboxMessageId(event.eventKey, recipient.email, domain),
    status: EmailStatus.QUEUED,
    attempts: 0,
  };
}
