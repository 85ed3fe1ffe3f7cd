import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UpdateDefinition } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import {
  type RequestBase,
  isTicketEnded,
  REMOTE_SESSION_DEFAULT_MINUTES,
  REMOTE_SESSION_MAX_MINUTES,
  REMOTE_SESSION_MIN_MINUTES,
  TERMINAL_STATES,
  type TicketInput,
  type TicketOpening,
  type TicketView,
  ticketWorkflowId,
  type TransitionResult,
} from '../../workflows/ticket/ticket.contract';
import { remoteSessionTooFar } from '../../workflows/ticket/date-limits';
import {
  computationWindow,
  openedView,
  openingTriageArgs,
} from '../../workflows/ticket/ticket-opening';
import {
  availableFor,
  publicReplyCountsAsProgress,
  type ReplyProgressTicket,
  RULES,
} from '../../workflows/ticket/transitions';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { AppConfig } from '../config/app-config';
import { localDateOf } from '../business-time/engine';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { EntityColumns } from '../database/entity-columns';
import { preparedQuery } from '../database/prepared-query';
import { timePart } from '../common/server-timing';
import { HourLedgerService } from '../contracts/hour-ledger.service';
import type { LogTimeResult } from '../contracts/hour-ledger.types';
import { SupportPoliciesService } from '../contracts/support-policies.service';
import { type AuthenticatedUser, isProviderStaff, OrganizationKind, Role } from '../identity';
import { hasAnyRole } from '../identity/role-rules';
import { AppUserEntity } from '../identity/app-user.entity';
import { PENDING_INVITATION_USERS_SQL } from '../identity/pending-invitation-sql';
import { businessWindow, computeClock } from './clock-computation';
import {
  businessDateRefusal,
  dateTooFarError,
  releaseDateRefusal,
  sessionEndRefusal,
} from './date-horizon';
import type { CalendarLookupResult } from './ticket.activities';
import { isUniqueViolation } from '../identity/unique-violation';
import { TicketEventEntity } from './ticket-event.entity';
import type {
  LogTicketTimeInput,
  RegisterTicketInput,
  ReverseTicketTimeEntryInput,
  TicketFilter,
} from './ticket.inputs';
import {
  eventFromEntity,
  ticketFromEntity,
  ticketFromView,
  ticketInputOf,
  type TicketWithParts,
} from './ticket.mapper';
import {
  TicketClassification,
  type TicketEventModel,
  type TransitionOutcome,
} from './ticket.model';
import { allocateTicketNumber } from './ticket-number';
import { type AnnouncedFiles, announcedFilesOf } from './announced-files';
import { awaitsClientSql } from './awaiting-client';
import { decodeTicketCursor, encodeTicketCursor, ORDER_KEYS, TicketOrder } from './ticket-order';
import {
  EVENT_SEARCH_SQL,
  HAND_OVER_NOTE_SQL,
  INTERNAL_NOTE_SQL,
  unaccentedSql,
} from './ticket-event-sql';
import { TicketWorkflowClient } from './ticket-workflow.client';
import { TicketEntity } from './ticket.entity';
import { assertTicketOpen } from './ticket-open';
import { TimeEntryEntity } from '../contracts/time-entry.entity';
import { calendarDisplayName } from '../shared/calendar-names';
import { searchPatterns } from './search-patterns';

export type TransitionName = keyof typeof RULES;
type Payload<A extends RequestBase> = Omit<A, 'requestId' | 'actor'> & { requestId?: string };

const MAX_PAGE = 100;

/**
 * What the lists name a ticket by (`TicketListCategory`): a requirement's kind, else its
 * classification, else its registered category. Immutable: migration 1764320200000 indexes it, so
 * a category few tickets hold is found without walking the whole list.
 */
export const LIST_CATEGORY_SQL = `COALESCE(CASE t.classification WHEN 'REQUIREMENT' THEN t.requirement_kind END,
  t.classification, t.category)`;

/**
 * At most this many tickets holding a word in their fields, and as many events holding it, are
 * read to know the word is rare (see `TicketsService.searchHits`).
 */
const SEARCH_HITS = 2000;

/**
 * What is known of a text search before its page is read: `among`, the tickets holding every rare
 * word (at most {@link SEARCH_HITS} tickets, and as many events, hold it), null when no word is
 * rare; `common`, the indexes of the other words, each checked ticket by ticket.
 */
type SearchHits = { among: string[] | null; common: number[] };

/**
 * A text search's SQL, one word at a time, with `:text0`, `:text1`… its parameters (`params`, one a
 * word): a ticket holds a word when its own fields (`alias`ed: number, subject or description) do,
 * or an event of its conversation that `user` may read does; the words may be in different places
 * (the subject says «factura», a comment «timbrado»). The conversation is comments, notes,
 * estimates' scopes, authorizations and reasons; a client's search never reads internal notes nor
 * hand-over notes (it would tell that one matched). Each word is an index condition (trigram
 * indexes, migrations 1764319350000 and 1764319600000).
 */
function textSearchSql(user: AuthenticatedUser, text: string) {
  const notes = isProviderStaff(user)
    ? ''
    : ` AND NOT ${INTERNAL_NOTE_SQL} AND NOT ${HAND_OVER_NOTE_SQL}`;
  const patterns = searchPatterns(text);
  const named = (i: number) => `:text${i}`;
  /** `placeholder`: how the statement names the `i`th word (`:text<i>` in a query builder, `$<i+1>` in SQL). */
  const fields = (alias: string, i: number, placeholder = named) => {
    const word = placeholder(i);
    return `(${alias}.number ILIKE ${word} OR ${unaccentedSql(`${alias}.subject`)} ILIKE ${word} OR ${unaccentedSql(`${alias}.description`)} ILIKE ${word})`;
  };
  const conversation = (i: number, placeholder = named) =>
    `SELECT e.ticket_number FROM ticket_event e WHERE ${EVENT_SEARCH_SQL} ILIKE ${placeholder(i)}${notes}`;
  return {
    /** For a query builder (`:text0`…); `values` for SQL with `$1`… (the same order). */
    params: Object.fromEntries(patterns.map((pattern, i) => [`text${i}`, pattern])),
    values: patterns,
    fields,
    conversation,
    /**
     * The `i`th word checked on the ticket `t` at hand (a page walking the list's order). `OFFSET
     * 0` keeps the conversation's check to the ticket's own events: without it PostgreSQL may
     * read every event holding the word first (a hashed subplan), 0.36 s for a word in 100,000
     * events, where the page needs the few of 26 tickets.
     */
    heldBy: (i: number) =>
      `(${fields('t', i)} OR EXISTS (${conversation(i)} AND e.ticket_number = t.number OFFSET 0))`,
    /** The same as a set read through the indexes (a count, which reads every match). */
    heldAmong: (i: number) =>
      `t.number IN (SELECT f.number FROM ticket f WHERE ${fields('f', i)} UNION ${conversation(i)})`,
  };
}

/**
 * Tickets: registration (number + workflow), transitions as workflow Updates, and reads from the
 * read model. Client users only ever see their own organization's tickets; another
 * organization's ticket is NOT_FOUND, never FORBIDDEN (its existence is not revealed).
 */
@Injectable()
export class TicketsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarsService,
    private readonly workflows: TicketWorkflowClient,
    private readonly policies: SupportPoliciesService,
    private readonly ledger: HourLedgerService,
    private readonly config: AppConfig,
  ) {}

  /** A calendar edit reaches the running clocks of every open ticket on it (BUSINESS-TIME.md). */
  onModuleInit(): void {
    this.calendars.onChange(async (calendar) => {
      const open = await this.db
        .getRepository(TicketEntity)
        .createQueryBuilder('t')
        .select('t.number', 'number')
        .where('t.calendar_id = :id', { id: calendar.id })
        .andWhere('t.state NOT IN (:...terminal)', { terminal: TERMINAL_STATES })
        .getRawMany<{ number: string }>();
      for (const { number } of open) await this.workflows.calendarChanged(number, calendar.id);
    });
  }

  /** L3-04/L3-05: a client portal user registers a ticket, any time of day. */
  async register(user: AuthenticatedUser, input: RegisterTicketInput): Promise<TicketWithParts> {
    // The role the ticket is registered in, as a transition picks its actor's (L3-09/L3-11).
    const role = user.roles.find((r) => r === Role.CLIENT_USER || r === Role.CLIENT_APPROVER);
    if (!role) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'Only client portal users register tickets (L3-04)',
      );
    }
    const maxFiles = this.config.attachments.maxPerTicket;
    const announced = announcedFilesOf(input);
    if (announced.count > maxFiles) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `attachmentsToFollow must be at most ${maxFiles}, the files a ticket holds (ATTACHMENT_MAX_PER_TICKET)`,
      );
    }
    const requestId = input.requestId ?? null;
    if (requestId) {
      const earlier = await this.earlierRegistration(user, input, requestId);
      if (earlier) return earlier;
    }
    // L3-01: only clients with an active support policy (the refusal says why).
    const policy = await this.policies.assertCanRegisterTickets(user.organizationId);
    const calendar = await this.calendars.forOrganization(user.organizationId);
    const registeredAt = new Date();
    const year = Number(localDateOf(calendar.engine, registeredAt).slice(0, 4));
    let ticket: TicketEntity;
    try {
      ticket = await this.insertRegistration(
        user,
        input,
        announced,
        calendar.id,
        registeredAt,
        year,
        {
          progressCadenceMinutes: policy.progressCadenceMinutes,
          registrantRole: role,
        },
      );
    } catch (err) {
      // The same request, concurrently: its number is rolled back (gap-free), the first one wins.
      const earlier =
        requestId && isUniqueViolation(err, 'ux_ticket_registration_request')
          ? await this.earlierRegistration(user, input, requestId)
          : null;
      if (earlier) return earlier;
      throw err;
    }
    // The row is committed first: should the start fail, TicketStartReconciler starts it later.
    const start = ticketInputOf(ticket);
    // The workflow opens with the triage clock computed here, on the version this answer uses,
    // and the calendar window around it: its first task asks no local activity (issues 5/10).
    const opening = openingOf(start, calendar, registeredAt.getTime());
    const opened = openedView(start, opening.triage, start.registeredAt);
    // Its first projection marks the row started (`workflow_started_at`): no write here. Started
    // with the search attributes of the state it opens with: its first task upserts none.
    await this.workflows.start({ ...start, opening }, opened);
    return ticketFromView(opened);
  }

  /**
   * The ticket an earlier registration with this request ID made (a retry), started if its start
   * was missed; `VALIDATION_FAILED` when the ID was used for a different ticket; null if none.
   */
  private async earlierRegistration(
    user: AuthenticatedUser,
    input: RegisterTicketInput,
    requestId: string,
  ): Promise<TicketWithParts | null> {
    const row = await this.db
      .getRepository(TicketEntity)
      .findOneBy({ registrantId: user.id, registrationRequestId: requestId });
    if (!row) return null;
    if (
      row.category !== String(input.category) ||
      row.subject !== input.subject.trim() ||
      row.description !== input.description
    ) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `requestId ${requestId} already registered ticket ${row.number} with other content`,
      );
    }
    if (row.lastEventSeq > 0) return ticketFromEntity(row);
    const start = ticketInputOf(row);
    await this.workflows.start(start);
    return openingAnswer(start, await this.calendars.current(row.calendarId));
  }

  private insertRegistration(
    user: AuthenticatedUser,
    input: RegisterTicketInput,
    announced: AnnouncedFiles,
    calendarId: string,
    registeredAt: Date,
    year: number,
    terms: {
      readonly progressCadenceMinutes: number | null;
      readonly registrantRole: Role.CLIENT_USER | Role.CLIENT_APPROVER;
    },
  ): Promise<TicketEntity> {
    return this.db.transaction(async (tx) => {
      const { number, seq } = await allocateTicketNumber(tx, year);
      const row = tx.getRepository(TicketEntity).create({
        number,
        year,
        seq,
        workflowId: ticketWorkflowId(number),
        organizationId: user.organizationId,
        registrantId: user.id,
        calendarId,
        category: input.category,
        subject: input.subject.trim(),
        description: input.description,
        state: 'REGISTERED',
        slaStatus: 'ok',
        // L3-07: the client's cadence at registration is kept on the row, so a later start (a
        // retried registration, the reconciler) gives the workflow the same one; so is the role
        // the registrant registered in (the first projection replaces both with the workflow's).
        details: {
          ...(terms.progressCadenceMinutes === null
            ? {}
            : { progressCadenceMinutes: terms.progressCadenceMinutes }),
          registrantRole: terms.registrantRole,
        } as unknown as TicketEntity['details'],
        registeredAt,
        lastEventSeq: 0,
        updatedAt: registeredAt,
        registrationRequestId: input.requestId ?? null,
        attachmentsToFollow: announced.count,
        announcedFileNames: announced.names,
      });
      // An insert, never an upsert: should the counter ever lag the rows, the clash is refused
      // (primary key) instead of overwriting the ticket that holds the number.
      await tx.getRepository(TicketEntity).insert(row);
      return row;
    });
  }

  async get(user: AuthenticatedUser, number: string): Promise<TicketWithParts> {
    return ticketFromEntity(await this.visible(user, number));
  }

  async list(
    user: AuthenticatedUser,
    filter: TicketFilter = {},
    first = 25,
    after?: string,
    order: TicketOrder = TicketOrder.NEWEST,
  ): Promise<{
    items: TicketWithParts[];
    nextCursor: string | null;
    countAll: (atMost?: number) => Promise<number>;
  }> {
    const limit = Math.min(Math.max(first, 1), MAX_PAGE);
    const { key, dir, tie } = ORDER_KEYS[order];
    const cursor = after ? decodeTicketCursor(after, order) : undefined;
    // A text search: the tickets holding its rare words, read first, and its common words
    // checked on them (or on every ticket in the page's order, when no word is rare).
    const hits = filter.text ? await this.searchHits(user, filter.text) : null;
    if (hits?.among?.length === 0)
      return { items: [], nextCursor: null, countAll: () => Promise.resolve(0) };
    const q = this.filtered(user, filter, hits);
    if (cursor) {
      const [past, tiePast] = [dir === 'ASC' ? '>' : '<', tie === 'ASC' ? '>' : '<'];
      q.andWhere(
        `(${key} ${past} CAST(:key AS timestamptz) OR (${key} = CAST(:key AS timestamptz) AND t.number ${tiePast} :number))`,
        { key: cursor.key, number: cursor.number },
      );
    }
    // The sort key goes into the cursor as PostgreSQL holds it (microseconds: `updated_at` is
    // written by `now()`), so the next page starts exactly after it.
    const { entities, raw } = await q
      .addSelect(
        `CASE WHEN isfinite(${key}) THEN to_char(${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END`,
        'sort_key',
      )
      .orderBy(key, dir)
      .addOrderBy('t.number', tie)
      .limit(limit + 1)
      .getRawAndEntities<{ sort_key: string }>();
    const rows = entities.map((entity, i) => ({ entity, sortKey: raw[i].sort_key }));
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ticketFromEntity(row.entity)),
      nextCursor:
        rows.length > limit && last
          ? encodeTicketCursor({ order, key: last.sortKey, number: last.entity.number })
          : null,
      // Counted only when the caller asks for `totalCount` (one more query).
      countAll: (atMost?: number) => this.count(user, filter, hits, atMost),
    };
  }

  /**
   * How many tickets match `filter`; with `atMost`, at most `atMost + 1` (more than `atMost`),
   * each checked in turn until then: a search whose words are all common takes about 1 s to count
   * in full over 100,000 tickets, reading every match (docs/PERFORMANCE.md, session 46).
   */
  private async count(
    user: AuthenticatedUser,
    filter: TicketFilter,
    hits: SearchHits | null,
    atMost?: number,
  ): Promise<number> {
    if (atMost === undefined) return this.filtered(user, filter, hits, 'count').getCount();
    const matches = this.filtered(user, filter, hits, 'page')
      .select('1')
      .limit(atMost + 1);
    const [query, parameters] = matches.getQueryAndParameters();
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM (${query}) AS matches`,
      parameters,
    );
    return n;
  }

  /**
   * For each word of `text`, the tickets holding it in their fields and those with an event `user`
   * may read that holds it, when at most {@link SEARCH_HITS} tickets (events) do: the word is rare,
   * and the tickets holding every rare word are the search's candidates ({@link SearchHits}).
   * PostgreSQL cannot tell a rare word from a common one before reading (its trigram estimate is
   * the same 1 % for both), and the cheap plan for one is the slow plan for the other: measured
   * over 100,000 tickets, a word in one ticket of a thousand took 0.8 s walking the tickets in
   * order, and 4 ms from its events. A word too short for a trigram (under three letters) is
   * common here without a read: its read would scan every ticket. When no word is rare, a ticket
   * holding them all has them all in its fields or one of them in its conversation, and those sets
   * may still be small (below). Else the page walks the order: slow over many tickets when the
   * words are seldom together (docs/PERFORMANCE.md, session 46).
   */
  private async searchHits(user: AuthenticatedUser, text: string): Promise<SearchHits> {
    const { fields, conversation, values } = textSearchSql(user, text);
    const dollar = (i: number) => `$${i + 1}`;
    // Through the trigram indexes, never a scan: PostgreSQL prices `translate` as cheap and scans
    // the tickets in turn for a word in many of them, unaccenting each (93 ms to find 2,001 of a
    // word in one subject of ten over 100,000 tickets) where the index finds them in a few ms.
    const read = (sql: string, column: 'number' | 'ticket_number', params: string[]) =>
      this.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const rows = await tx.query<Record<typeof column, string>[]>(
          `${sql} LIMIT ${SEARCH_HITS + 1}`,
          params,
        );
        return rows.length > SEARCH_HITS ? null : rows.map((r) => r[column]);
      });
    const held = await Promise.all(
      values.map(async (pattern, i) => {
        if (pattern.replace(/^%|%$/g, '').length < 3)
          return { inFields: null, inConversation: null };
        const word = () => '$1';
        const [inFields, inConversation] = await Promise.all([
          read(`SELECT t.number FROM ticket t WHERE ${fields('t', i, word)}`, 'number', [pattern]),
          read(conversation(i, word), 'ticket_number', [pattern]),
        ]);
        return { inFields, inConversation };
      }),
    );
    const rare = held.flatMap(({ inFields, inConversation }) =>
      inFields && inConversation ? [new Set([...inFields, ...inConversation])] : [],
    );
    const every = [...values.keys()];
    if (rare.length) {
      return {
        among: [...rare[0]].filter((number) => rare.every((numbers) => numbers.has(number))),
        common: every.filter((i) => !(held[i].inFields && held[i].inConversation)),
      };
    }
    // No word is rare, yet each may be rare in the conversation («reporte ventas» in one subject
    // of ten each, both in one of a thousand). A ticket holding every word has them all in its
    // fields, or one of them in its conversation: those two sets, when both are small, are the
    // candidates (the fields' through one BitmapAnd of the words' trigram indexes).
    if (values.length > 1 && held.every(({ inConversation }) => inConversation)) {
      const inFields = await read(
        `SELECT t.number FROM ticket t WHERE ${every.map((i) => fields('t', i, dollar)).join(' AND ')}`,
        'number',
        values,
      );
      if (inFields)
        return {
          among: [...new Set([...inFields, ...held.flatMap((word) => word.inConversation ?? [])])],
          common: every,
        };
    }
    return { among: null, common: every };
  }

  /**
   * The tickets `user` may see that match `filter` (a client: its organization's only). A text
   * search's words: among its rare words' tickets when `hits` knows them ({@link searchHits}),
   * every other word checked on each of those, or on each ticket walking the order (`page`), or,
   * counting every ticket, read as a set through its indexes (`count`).
   */
  private filtered(
    user: AuthenticatedUser,
    filter: TicketFilter,
    hits: SearchHits | null = null,
    read: 'page' | 'count' = 'page',
  ) {
    const q = this.db.getRepository(TicketEntity).createQueryBuilder('t');
    const organizationId = isProviderStaff(user) ? filter.organizationId : user.organizationId;
    if (organizationId) q.andWhere('t.organization_id = :organizationId', { organizationId });
    if (filter.states?.length) q.andWhere('t.state IN (:...states)', { states: filter.states });
    if (filter.openOnly) q.andWhere('t.state NOT IN (:...terminal)', { terminal: TERMINAL_STATES });
    if (filter.awaitingAuthorization) {
      // The newest version is the one an approver may authorize (an estimate or a change order).
      q.andWhere(`t.details -> 'estimates' -> -1 ->> 'status' = 'SUBMITTED'`);
      q.andWhere('t.state NOT IN (:...terminal)', { terminal: TERMINAL_STATES });
    }
    // «Esperan mi respuesta» (L3-06/L3-07/L3-09): the same rule as the list's marker.
    if (filter.awaitingClient) q.andWhere(awaitsClientSql(user));
    // A requirement goes by its kind too («Requerimiento · Desarrollo»): every one is REQUIREMENT.
    if (filter.category === TicketClassification.REQUIREMENT)
      q.andWhere('t.classification = :category', { category: filter.category });
    else if (filter.category)
      q.andWhere(`${LIST_CATEGORY_SQL} = :category`, { category: filter.category });
    if (filter.assigneeId)
      q.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    // An SLA state is an open ticket's: an ended one has an outcome instead («Cumplido»), and its
    // row keeps the last state it had (QA S59: «En tiempo» listed closed tickets).
    if (filter.slaStatus) {
      q.andWhere('t.sla_status = :slaStatus', { slaStatus: filter.slaStatus });
      q.andWhere('t.state NOT IN (:...terminal)', { terminal: TERMINAL_STATES });
    }
    if (filter.text) {
      const { params, values, heldBy, heldAmong } = textSearchSql(user, filter.text);
      if (hits?.among) q.andWhere('t.number = ANY(:hits)', { hits: hits.among });
      // Checked on each ticket when only a few are (a page, or the rare words' tickets).
      const each = read === 'page' || Boolean(hits?.among);
      for (const i of hits?.common ?? values.keys())
        q.andWhere(each ? heldBy(i) : heldAmong(i), params);
    }
    return q;
  }

  /**
   * L3-07: whether a public reply by `user` now counts as a progress update, by the workflow's
   * own rule (`publicReplyCountsAsProgress`) over the read model. False for client users: they
   * never write staff replies. The clocks come with the ticket when it has them (a mutation's
   * answer), else from `clocksOf` (the request's batch, so a list reads them once).
   */
  async publicReplyCountsAsProgress(
    user: AuthenticatedUser,
    ticket: TicketWithParts,
    clocksOf: (ticketNumber: string) => Promise<ReplyProgressTicket['clocks']>,
  ): Promise<boolean> {
    if (!isProviderStaff(user)) return false;
    const clocks = ticket.clocks ?? (await clocksOf(ticket.number));
    return publicReplyCountsAsProgress({ state: ticket.state, clocks });
  }

  async timeline(ticket: TicketWithParts): Promise<TicketEventModel[]> {
    if (ticket.timeline) return ticket.timeline;
    const rows = await this.db
      .getRepository(TicketEventEntity)
      .find({ where: { ticketNumber: ticket.number }, order: { seq: 'ASC' } });
    return rows.map(eventFromEntity);
  }

  /** The transitions this user may try on the ticket now (the workflow still has the last word). */
  allowedActions(user: AuthenticatedUser, ticket: TicketWithParts): TransitionName[] {
    return (Object.keys(RULES) as TransitionName[]).filter((name) => {
      const rule = RULES[name];
      if (!user.roles.some((r) => (rule.roles as readonly string[]).includes(r))) return false;
      return availableFor(rule, {
        state: ticket.state as TicketView['state'],
        category: ticket.category,
        adminActions: ticket.adminActions,
        waitingFrom: ticket.waitingFrom as TicketView['waitingFrom'],
        assigneeId: ticket.assigneeId,
        estimates: ticket.estimates,
        remoteSession: ticket.remoteSession,
      });
    });
  }

  /** Runs one transition as a workflow Update on behalf of `user`. */
  async transition<A extends RequestBase>(
    user: AuthenticatedUser,
    number: string,
    name: TransitionName,
    definition: UpdateDefinition<TransitionResult, [A]>,
    payload: Payload<A>,
  ): Promise<TransitionOutcome> {
    const ticket = await timePart('access', () => this.visible(user, number));
    const rule = RULES[name];
    const role = user.roles.find((r) => (rule.roles as readonly string[]).includes(r));
    if (!role) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `Your role may not ${name} (allowed: ${rule.roles.join(', ')})`,
        { reason: 'ROLE_NOT_ALLOWED', action: name, allowedRoles: [...rule.roles] },
      );
    }
    await this.checkDates(ticket, name, payload);
    if (name === 'reassign') {
      await this.requireActiveAgent((payload as { agentId?: unknown }).agentId);
    }
    const requestId = payload.requestId ?? randomUUID();
    const args = { ...payload, requestId, actor: { userId: user.id, role } } as unknown as A;
    const result = await timePart('update', () =>
      this.workflows.update(number, definition, args),
    ).catch((err: unknown) => this.closedTicketRefusal(err, number));
    // The Update returns once its events are projected: the read model already has them, so no
    // workflow query (a second round trip through the server and the worker) is needed.
    const row = await timePart('read', () => this.ticketRow(number));
    if (!row) throw notFound('ticket', number, `Ticket ${number} not found`);
    return { ticket: ticketFromEntity(row), requestId, seq: result.seq };
  }

  /**
   * Dates a transition publishes are checked here, before the Update is sent (nothing is recorded
   * when refused; the workflow keeps its own checks): a remote session (L3-06) at most 90 days
   * ahead and inside the business hours of the ticket's calendar; a release-for-testing date
   * (L3-09) at most one year ahead (its business-time check stays in the workflow). A date too far
   * ahead is refused with the latest one the ticket's calendar accepts (`dateTooFarError`).
   */
  private async checkDates(
    ticket: TicketEntity,
    name: TransitionName,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const now = Date.now();
    if (name === 'setReleaseDate' && typeof payload.releaseDate === 'string') {
      const calendar = await this.calendars.current(ticket.calendarId);
      const refusal = releaseDateRefusal(calendar.engine, payload.releaseDate, 'releaseDate', now);
      if (refusal) throw refusal;
    }
    if (name === 'proposeRemoteSession' && typeof payload.at === 'string') {
      const at = payload.at;
      const instant = new Date(at);
      // A past date is the workflow's refusal ("not in the future"); only future ones are checked.
      if (instant.getTime() <= now) return;
      const calendar = await this.calendars.current(ticket.calendarId);
      const tooFar = remoteSessionTooFar(at, now);
      const duration = sessionDuration(payload.durationMinutes);
      if (tooFar) throw dateTooFarError(tooFar, calendar.engine, 'STARTS_INSIDE', duration);
      const refusal = businessDateRefusal(
        calendar.engine,
        at,
        'at',
        'STARTS_INSIDE',
        `La sesión remota ${at} está fuera del horario hábil del calendario «${calendar.name}» / ` +
          `remote session ${at} is outside the business hours of calendar "${calendarDisplayName(calendar.name, 'en')}"`,
      );
      if (refusal) throw refusal;
      // QA S63 #11: and it ends by the closing of the calendar's business hours (a duration out
      // of range is the workflow's own refusal).
      const ends =
        duration !== undefined &&
        sessionEndRefusal(
          calendar.engine,
          at,
          duration,
          `La sesión remota ${at} de ${duration} min terminaría después del cierre del horario hábil del calendario «${calendar.name}» / ` +
            `remote session ${at} for ${duration} min would end after the business hours of calendar "${calendarDisplayName(calendar.name, 'en')}" close`,
        );
      if (ends) throw ends;
    }
  }

  /**
   * A closed ticket's workflow has ended, so Temporal answers "not found"; but the ticket exists
   * (the caller just saw it in the read model): the transition is invalid, not the ticket unknown.
   * The read model may lag the workflow's end by a moment, so Temporal's own status counts too.
   */
  private async closedTicketRefusal(err: unknown, number: string): Promise<never> {
    if (!(err instanceof DomainError) || err.code !== ErrorCode.NOT_FOUND) throw err;
    const row = await this.db.getRepository(TicketEntity).findOneBy({ number });
    const closed = !!row && (isTicketEnded(row.state) || (await this.workflows.hasEnded(number)));
    if (!closed) throw err;
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `El ticket ${number} está cerrado / ticket ${number} is closed`,
      { reason: 'TICKET_CLOSED', state: row.state },
    );
  }

  /**
   * L3-12: provider staff log work on a ticket; its organization comes from the read model (never
   * from the caller). The ledger consumes the ticket's authorized estimate and refuses beyond it.
   */
  async logTime(user: AuthenticatedUser, input: LogTicketTimeInput): Promise<LogTimeResult> {
    if (!isProviderStaff(user)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only provider staff log time on tickets (L3-12)');
    }
    const ticket = await this.visible(user, input.number);
    return this.ledger.logTime({
      organizationId: ticket.organizationId,
      ticketNumber: ticket.number,
      date: input.date,
      hours: input.hours,
      description: input.description,
      agentId: user.id,
      agentTimeZone: user.timeZone,
      idempotencyKey: `ticket:${ticket.number}:time:${input.requestId ?? randomUUID()}`,
    });
  }

  /**
   * L3-12, L3-13: cancels a time entry logged by mistake with a reversal of its consumption (on a
   * ticket still at work its hours go back to the estimate's hold). The agent who logged it may,
   * while the ticket is open; managers and administrators may on any ticket, as on the ledger
   * screen. Answers the entry as listed now (reversed).
   */
  async reverseTimeEntry(user: AuthenticatedUser, input: ReverseTicketTimeEntryInput) {
    if (!isProviderStaff(user)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'Only provider staff correct time entries');
    }
    const ticket = await this.visible(user, input.number);
    const entry = await this.db
      .getRepository(TimeEntryEntity)
      .findOneBy({ id: input.timeEntryId, ticketNumber: ticket.number });
    if (!entry) {
      throw notFound(
        'time_entry',
        input.timeEntryId,
        `No time entry ${input.timeEntryId} on ${ticket.number}`,
      );
    }
    if (!hasAnyRole(user, [Role.MANAGER, Role.ADMIN])) {
      if (entry.agentId !== user.id) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          'An agent cancels only the time entries they logged; a manager cancels the others',
          { reason: 'NOT_YOUR_TIME_ENTRY' },
        );
      }
      assertTicketOpen(ticket.number, ticket.state, 'corrections of its time entries by agents');
    }
    await this.ledger.reverse({
      entryId: String(entry.ledgerEntryId),
      reason: input.reason,
      actorId: user.id,
      idempotencyKey: `ticket:${ticket.number}:time:${entry.id}:reverse:${input.requestId ?? randomUUID()}`,
    });
    const [listed] = await this.ledger.ticketTimeEntries(
      ticket.organizationId,
      ticket.number,
      entry.id,
    );
    return listed;
  }

  /**
   * The ticket's time entries, newest first (L3-12/L3-13): provider staff and the ticket's own
   * organization see them; the ticket itself is already NOT_FOUND for anyone else.
   */
  async timeEntries(user: AuthenticatedUser, ticket: { number: string; organizationId: string }) {
    if (!isProviderStaff(user) && ticket.organizationId !== user.organizationId) {
      throw notFound('ticket', ticket.number, `Ticket ${ticket.number} not found`);
    }
    return this.ledger.ticketTimeEntries(ticket.organizationId, ticket.number);
  }

  /** Hours charged to the client's package on the ticket so far (L3-12), seen as `timeEntries`. */
  async chargedHours(
    user: AuthenticatedUser,
    ticket: { number: string; organizationId: string },
  ): Promise<number> {
    if (!isProviderStaff(user) && ticket.organizationId !== user.organizationId) {
      throw notFound('ticket', ticket.number, `Ticket ${ticket.number} not found`);
    }
    return this.ledger.ticketChargedHours(ticket.organizationId, ticket.number);
  }

  /** Active agents of the provider, the candidates of automatic assignment (L3-07). */
  async agentIds(): Promise<string[]> {
    return (await this.agents()).map((a) => a.id);
  }

  /**
   * L3-07 automatic assignment's candidates: the active agents who can sign in. One invited who
   * has not chosen a password yet is left out (QA S50: a ticket went to someone invited minutes
   * before), unless every agent is such.
   */
  async automaticAgentIds(): Promise<string[]> {
    const rows = await this.activeAgentsQuery()
      .select('u.id', 'id')
      .addSelect(`u.id IN (${PENDING_INVITATION_USERS_SQL})`, 'pending')
      .getRawMany<{ id: string; pending: boolean }>();
    const ready = rows.filter((r) => !r.pending).map((r) => r.id);
    return ready.length > 0 ? ready : rows.map((r) => r.id);
  }

  /** Active provider agents by name, oldest first: who a ticket may be assigned to (L3-07). */
  async agents(): Promise<{ id: string; displayName: string; active: boolean }[]> {
    const agents = await this.activeAgentsQuery().select(['u.id', 'u.displayName']).getMany();
    return agents.map((a) => ({ id: a.id, displayName: a.displayName, active: true }));
  }

  /**
   * QA S62 #2: the «Agente» filter's choices: the active agents, then the inactive provider staff
   * still assigned open tickets (by name), whose tickets would otherwise be listed by nobody.
   */
  async agentFilterChoices(): Promise<{ id: string; displayName: string; active: boolean }[]> {
    const inactive = await this.db.query<{ id: string; displayName: string }[]>(
      `SELECT u.id, u.display_name AS "displayName" FROM app_user u
        WHERE u.organization_kind = $1 AND NOT u.active
          AND EXISTS (SELECT 1 FROM ticket t
                       WHERE t.assignee_id = u.id AND t.state <> ALL($2::text[]))
        ORDER BY u.display_name, u.id`,
      [OrganizationKind.PROVIDER, [...TERMINAL_STATES]],
    );
    return [...(await this.agents()), ...inactive.map((u) => ({ ...u, active: false }))];
  }

  /** The active provider agents, oldest first (L3-07). */
  private activeAgentsQuery() {
    return this.db
      .getRepository(AppUserEntity)
      .createQueryBuilder('u')
      .where(':role = ANY(u.roles)', { role: Role.AGENT })
      .andWhere('u.organization_kind = :kind', { kind: OrganizationKind.PROVIDER })
      .andWhere('u.active')
      .orderBy('u.created_at', 'ASC');
  }

  /**
   * L3-07: a ticket is handed only to an active provider AGENT (the read model references the
   * user); anything else is VALIDATION_FAILED before the Update is sent, so nothing is recorded.
   * `AGENT_NOT_ACTIVE`: the picker's list went stale (the agent was deactivated meanwhile).
   */
  async requireActiveAgent(agentId: unknown): Promise<void> {
    if (typeof agentId === 'string' && (await this.agentIds()).includes(agentId)) return;
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `El usuario ${String(agentId)} no es un agente activo del proveedor / ` +
        `agentId ${String(agentId)} is not an active provider agent`,
      { reason: 'AGENT_NOT_ACTIVE', field: 'agentId' },
    );
  }

  private ticketRead:
    { readonly sql: string; readonly columns: EntityColumns<TicketEntity> } | undefined;

  /**
   * The ticket's row by number, or null: read twice by every transition (the access check, the
   * answer after the Update) and by every ticket page, so one prepared statement filled from the
   * entity metadata (issues 5/10: TypeORM's `findOneBy` built the SQL and hydrated each time).
   */
  private async ticketRow(number: string): Promise<TicketEntity | null> {
    if (!this.ticketRead) {
      const columns = new EntityColumns<TicketEntity>(this.db.getMetadata(TicketEntity), 't');
      this.ticketRead = {
        sql: `SELECT ${columns.select} FROM ticket t WHERE t.number = $1`,
        columns,
      };
    }
    const [row] = await preparedQuery<Record<string, unknown>>(this.db, this.ticketRead.sql, [
      number,
    ]);
    return row ? this.ticketRead.columns.entity(row) : null;
  }

  private async visible(user: AuthenticatedUser, number: string): Promise<TicketEntity> {
    const ticket = await this.ticketRow(number);
    if (!ticket || (!isProviderStaff(user) && ticket.organizationId !== user.organizationId)) {
      throw notFound('ticket', number, `Ticket ${number} not found`);
    }
    return ticket;
  }
}

/**
 * L3-06: the minutes a proposed remote session lasts (the default when not given); undefined for a
 * duration the workflow refuses (not a whole number from 15 to 240), whose refusal answers.
 */
function sessionDuration(given: unknown): number | undefined {
  const d = given ?? REMOTE_SESSION_DEFAULT_MINUTES;
  return typeof d === 'number' &&
    Number.isInteger(d) &&
    d >= REMOTE_SESSION_MIN_MINUTES &&
    d <= REMOTE_SESSION_MAX_MINUTES
    ? d
    : undefined;
}

/**
 * The state a ticket's workflow opens with, computed here by the same pure functions and engine
 * on the same calendar version: `registerTicket` answers without waiting for the first task.
 */
function openingAnswer(start: TicketInput, calendar: CalendarLookupResult): TicketWithParts {
  const triage = computeClock(calendar.engine, calendar.version, openingTriageArgs(start));
  return ticketFromView(openedView(start, triage, start.registeredAt));
}

/**
 * `TicketInput.opening`: the opening triage computation and the window the workflow's local
 * activity would have answered with (`computationWindow` from the clock's start at `nowMs`).
 */
function openingOf(
  start: TicketInput,
  calendar: CalendarLookupResult & { readonly id: string },
  nowMs: number,
): TicketOpening {
  const args = openingTriageArgs(start);
  const { fromMs, toMs } = computationWindow(Date.parse(args.startedAt), nowMs);
  return {
    triage: computeClock(calendar.engine, calendar.version, args),
    window: businessWindow(calendar.engine, calendar.id, calendar.version, fromMs, toMs),
  };
}
