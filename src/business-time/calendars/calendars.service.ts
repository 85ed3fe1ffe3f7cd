import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { RELEASE_DATE_STATES, TERMINAL_STATES } from '../../../workflows/ticket/ticket.contract';
import { DomainError, ErrorCode, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../identity/unique-violation';
import {
  AppUserEntity,
  type AuthenticatedUser,
  isProviderStaff,
  OrganizationEntity,
  OrganizationKind,
} from '../../identity';
import {
  BusinessCalendar,
  type CalendarDefinition,
  type CalendarIssue,
  findCalendarIssues,
  type Holiday,
  type TimeInterval,
} from '../engine';
import { BusinessCalendarVersionEntity } from './business-calendar-version.entity';
import { BusinessCalendarEntity } from './business-calendar.entity';
import type { CalendarChangeDetail } from './calendar-change';
import { compileDefinition, GENERATED_HOLIDAY_SOURCES } from './holiday-sources';

/** A calendar version ready for the engine. */
export interface CompiledCalendar {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly organizationId: string | null;
  readonly isDefault: boolean;
  readonly stored: CalendarDefinition;
  readonly holidaySources: readonly string[];
  readonly engine: BusinessCalendar;
}

export interface CalendarContent {
  readonly definition: CalendarDefinition;
  readonly holidaySources: readonly string[];
}

/** An edit's result: the new content, maybe a new name, and what changed as data. */
export type EditedContent = CalendarContent & {
  name?: string;
  details?: readonly CalendarChangeDetail[];
};

/** What runs in a calendar edit's transaction: `before` and `after` the edit's new version. */
export type CalendarEditListener = (
  tx: EntityManager,
  before: CompiledCalendar,
  after: CompiledCalendar,
) => Promise<void>;

/** A stored calendar version with its calendar's unversioned columns. */
interface StoredVersionRow {
  readonly name: string;
  readonly organizationId: string | null;
  readonly isDefault: boolean;
  readonly definition: CalendarDefinition;
  readonly holidaySources: string[];
}

const CACHE_LIMIT = 256;

/**
 * Versioned business calendars in PostgreSQL. Every edit validates the whole resulting calendar
 * with the engine first, then writes a new immutable version under a row lock; nothing is written
 * when validation fails.
 */
@Injectable()
export class CalendarsService {
  /** Compiled engine calendars by `id:version`; versions are immutable, so entries never go stale. */
  private readonly compiled = new Map<string, CompiledCalendar>();
  /** {@link atVersion}'s reads under way by `id:version`, so each missing version is read once. */
  private readonly loading = new Map<string, Promise<CompiledCalendar>>();
  /** Told after every committed create or edit (e.g. running SLA clocks recompute their deadlines). */
  private readonly changeListeners: ((calendar: CompiledCalendar) => Promise<void>)[] = [];
  private readonly logger = new Logger(CalendarsService.name);

  /**
   * Run inside every edit's transaction, after the new version is written: what must be recorded
   * with the change or not at all (e.g. emails queued in the transactional outbox). A listener's
   * failure rolls the edit back.
   */
  private readonly editListeners: CalendarEditListener[] = [];

  onChange(listener: (calendar: CompiledCalendar) => Promise<void>): void {
    this.changeListeners.push(listener);
  }

  /** `listener` runs in each edit's transaction, with the versions before and after it. */
  onEditInTransaction(listener: CalendarEditListener): void {
    this.editListeners.push(listener);
  }

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The calendar with `id`, or the default calendar, at its current version. With `manager`, read
   * in that transaction (no second connection while the caller holds one).
   */
  async current(id?: string | null, manager?: EntityManager): Promise<CompiledCalendar> {
    const repo = (manager ?? this.db.manager).getRepository(BusinessCalendarEntity);
    const row = id
      ? await repo.findOneBy({ id: assertUuid(id) })
      : await repo.findOneBy({ isDefault: true });
    if (!row)
      throw notFound('calendar', id ?? '(default)', `Calendar ${id ?? '(default)'} not found`);
    return this.compile(row, manager);
  }

  /**
   * The calendar `id` compiled at `version`, never another version: a cache read without a query
   * when that version is compiled (a list that already read each row's calendar version, e.g. the
   * SLA board), else one query for it from the stored versions, which is then cached (a restarted
   * or second API instance starts cold). Concurrent callers asking for the same missing version
   * share that query. NOT_FOUND when the calendar has no such version.
   */
  async atVersion(id: string, version: number): Promise<CompiledCalendar> {
    const key = `${id}:${version}`;
    const hit = this.compiled.get(key);
    if (hit) return hit;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.loadVersion(id, version).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private async loadVersion(id: string, version: number): Promise<CompiledCalendar> {
    // The calendar row and the version in one round trip: name and ownership are not versioned.
    const [row] = await this.db.query<StoredVersionRow[]>(
      `SELECT c.name, c.organization_id AS "organizationId", c.is_default AS "isDefault",
              v.definition, v.holiday_sources AS "holidaySources"
         FROM business_calendar_version v JOIN business_calendar c ON c.id = v.calendar_id
        WHERE v.calendar_id = $1 AND v.version = $2`,
      [assertUuid(id), version],
    );
    // `calendar`, the entity clients already word; the message names the version.
    if (!row) throw notFound('calendar', id, `Calendar ${id} has no version ${version}`);
    return this.remember({ id, version, ...row });
  }

  /** The calendar that governs an organization's SLA clocks: its own, else the default. */
  async forOrganization(
    organizationId: string,
    manager?: EntityManager,
  ): Promise<CompiledCalendar> {
    const own = await (manager ?? this.db.manager)
      .getRepository(BusinessCalendarEntity)
      .findOneBy({ organizationId });
    return own ? this.compile(own, manager) : this.current(null, manager);
  }

  /**
   * The calendar a ticket's clocks count on: its own (`ticket.calendar_id`), or for a ticket not
   * in the read model its client's ({@link forOrganization}). Current version, compiled once per
   * version; read in `manager`'s transaction when given.
   */
  async forTicket(
    ticketNumber: string,
    clientOrgId: string,
    manager?: EntityManager,
  ): Promise<CompiledCalendar> {
    const [ticket] = await (manager ?? this.db.manager).query<{ calendar_id: string }[]>(
      'SELECT calendar_id FROM ticket WHERE number = $1',
      [ticketNumber],
    );
    return ticket
      ? this.current(ticket.calendar_id, manager)
      : this.forOrganization(clientOrgId, manager);
  }

  /**
   * The zone of the calendar ticket `ticketNumber` counts on at its current version, in one
   * statement without compiling it (an email per event asks it, issues 5/10); a ticket not in the
   * read model yet: its client's calendar's (`forTicket`).
   */
  async timeZoneOfTicket(
    ticketNumber: string,
    clientOrgId: string,
    manager?: EntityManager,
  ): Promise<string> {
    const [row] = await (manager ?? this.db.manager).query<{ zone: string }[]>(
      `SELECT v.definition ->> 'timeZone' AS zone FROM ticket t
         JOIN business_calendar c ON c.id = t.calendar_id
         JOIN business_calendar_version v ON v.calendar_id = c.id AND v.version = c.current_version
        WHERE t.number = $1`,
      [ticketNumber],
    );
    if (row) return row.zone;
    return (await this.forTicket(ticketNumber, clientOrgId, manager)).engine.timeZone;
  }

  /**
   * The zone of the calendar client `organizationId`'s tickets count on (its own, else the
   * default) at its current version, in one statement without compiling it: what the checkpoint
   * emails (L3-15) give the session's time in for the client.
   */
  async timeZoneOfOrganization(organizationId: string, manager?: EntityManager): Promise<string> {
    const [row] = await (manager ?? this.db.manager).query<{ zone: string }[]>(
      `SELECT v.definition ->> 'timeZone' AS zone FROM business_calendar c
         JOIN business_calendar_version v ON v.calendar_id = c.id AND v.version = c.current_version
        WHERE c.organization_id = $1 OR c.is_default
        ORDER BY c.organization_id IS NULL
        LIMIT 1`,
      [organizationId],
    );
    if (!row) throw notFound('calendar', '(default)', 'Calendar (default) not found');
    return row.zone;
  }

  /** Calendars the caller may see: provider staff all; client users the default and their own. */
  async list(user: AuthenticatedUser): Promise<CompiledCalendar[]> {
    const repo = this.db.getRepository(BusinessCalendarEntity);
    const rows = isProviderStaff(user)
      ? await repo.find({ order: { isDefault: 'DESC', name: 'ASC' } })
      : await repo.find({
          where: [{ isDefault: true }, { organizationId: user.organizationId }],
          order: { isDefault: 'DESC', name: 'ASC' },
        });
    return Promise.all(rows.map((row) => this.compile(row)));
  }

  /** The calendar `id` (at `version`, else its current one) if the caller may see it. */
  async getVisible(
    id: string,
    user: AuthenticatedUser,
    version?: number | null,
  ): Promise<CompiledCalendar> {
    const calendar = version == null ? await this.current(id) : await this.atVersion(id, version);
    const visible =
      isProviderStaff(user) ||
      calendar.isDefault ||
      calendar.organizationId === user.organizationId;
    // Another organization's calendar does not exist, as far as this caller can tell.
    if (!visible) throw notFound('calendar', id, `Calendar ${id} not found`);
    return calendar;
  }

  async versions(id: string): Promise<BusinessCalendarVersionEntity[]> {
    return this.db
      .getRepository(BusinessCalendarVersionEntity)
      .find({ where: { calendarId: id }, order: { version: 'DESC' } });
  }

  /** Display names of the users who changed calendars, by user ID (unknown IDs are left out). */
  async userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await this.db
      .getRepository(AppUserEntity)
      .find({ select: { id: true, displayName: true }, where: { id: In(wanted) } });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  }

  /**
   * Whom a change of `calendar` reaches: its client (or, for the default, every client without a
   * calendar of its own) and every client with open tickets on it — a ticket keeps the calendar it
   * was registered with, so a client given its own calendar still has tickets here (QA S53: «rige a
   * 1 cliente y a 4 tickets abiertos», 2 of them another client's); its open tickets; and the
   * release dates published on it still ahead (L3-19), which a holiday or a closed day leaves on a
   * day without business time until the agent adjusts them. The confirmations name the first
   * clients reached (QA S54: they only counted them).
   */
  async usage(calendar: CompiledCalendar): Promise<CalendarUsage> {
    const [{ clients, names, tickets }] = await this.db.query<
      { clients: number; names: string[]; tickets: number }[]
    >(
      `WITH reached AS (
         SELECT o.id FROM organization o
          WHERE $3 AND o.kind = 'CLIENT'
            AND NOT EXISTS (SELECT 1 FROM business_calendar c WHERE c.organization_id = o.id)
         UNION SELECT $4::uuid WHERE $4::uuid IS NOT NULL
         UNION SELECT t.organization_id FROM ticket t
          WHERE t.calendar_id = $1 AND t.state <> ALL($2))
       SELECT (SELECT count(*)::int FROM reached) AS clients,
              ARRAY(SELECT o.name FROM reached r JOIN organization o ON o.id = r.id
                     ORDER BY o.name LIMIT $5) AS names,
              (SELECT count(*)::int FROM ticket
                WHERE calendar_id = $1 AND state <> ALL($2)) AS tickets`,
      [
        calendar.id,
        [...TERMINAL_STATES],
        calendar.isDefault,
        calendar.organizationId,
        USAGE_CLIENTS_NAMED,
      ],
    );
    const deliveries = await this.db.query<{ number: string; release_date: Date }[]>(
      `SELECT number, release_date FROM ticket
        WHERE calendar_id = $1 AND state = ANY($2) AND release_date > now()
        ORDER BY release_date, number`,
      [calendar.id, [...RELEASE_DATE_STATES]],
    );
    return {
      clients,
      clientNames: names,
      openTickets: tickets,
      publishedDeliveries: deliveries.map((d) => ({
        ticketNumber: d.number,
        releaseDate: d.release_date,
      })),
    };
  }

  async create(
    input: { name: string; organizationId?: string | null; content: CalendarContent },
    actor: AuthenticatedUser,
  ): Promise<CompiledCalendar> {
    validateContent(input.content);
    const created = await this.db.transaction(async (tx) => {
      let client: string | undefined;
      if (input.organizationId) {
        const org = await tx
          .getRepository(OrganizationEntity)
          .findOneBy({ id: assertUuid(input.organizationId, 'Organization') });
        if (!org)
          throw notFound(
            'organization',
            input.organizationId,
            `Organization ${input.organizationId} not found`,
          );
        if (org.kind !== OrganizationKind.CLIENT) {
          throw new DomainError(
            ErrorCode.VALIDATION_FAILED,
            'Only client organizations have their own calendar',
          );
        }
        const taken = await tx
          .getRepository(BusinessCalendarEntity)
          .countBy({ organizationId: org.id });
        if (taken) throw calendarTaken(org.name);
        client = org.name;
      }
      const row = await tx
        .getRepository(BusinessCalendarEntity)
        .save({
          name: requireText(input.name, 'name'),
          organizationId: input.organizationId ?? null,
          isDefault: false,
          currentVersion: 1,
        })
        .catch((err: unknown) => {
          // Another creation for the client committed after the count above: the same answer.
          if (isUniqueViolation(err, 'uq_business_calendar_org')) {
            throw calendarTaken(client ?? '');
          }
          throw nameTakenOr(err, input.name);
        });
      await tx.getRepository(BusinessCalendarVersionEntity).insert({
        calendarId: row.id,
        version: 1,
        definition: input.content.definition,
        holidaySources: [...input.content.holidaySources],
        change: 'created',
        changedBy: actor.id,
      });
      return this.compile(row, tx);
    });
    // A client's new calendar replaces the default for it (e.g. its checkpoint Schedule's zone).
    await this.notifyChange(created);
    return created;
  }

  /**
   * Applies `mutate` to the calendar's current content and stores the result as the next version.
   * Concurrent edits serialise on the calendar row, so no edit is lost.
   */
  async edit(
    id: string,
    actor: AuthenticatedUser,
    change: string,
    mutate: (current: CalendarContent, row: BusinessCalendarEntity) => EditedContent,
  ): Promise<CompiledCalendar> {
    const edited = await this.editInTransaction(id, actor, change, mutate);
    await this.notifyChange(edited);
    return edited;
  }

  /**
   * After a committed create or edit: every listener hears of it, in registration order. A
   * listener's failure (Temporal away) is logged and neither fails the committed change, which a
   * retry would apply twice, nor keeps the next listeners from hearing of it; each has its own
   * catch-up (the open tickets' `CalendarChangeReconciler`, the checkpoint Schedules' retry).
   */
  private async notifyChange(calendar: CompiledCalendar): Promise<void> {
    for (const listener of this.changeListeners) {
      await listener(calendar).catch((err: unknown) =>
        this.logger.warn(
          `calendar ${calendar.id} v${calendar.version} committed; a listener failed, its sweep catches up: ${String(err)}`,
        ),
      );
    }
  }

  private async editInTransaction(
    id: string,
    actor: AuthenticatedUser,
    change: string,
    mutate: (current: CalendarContent, row: BusinessCalendarEntity) => EditedContent,
  ): Promise<CompiledCalendar> {
    return this.db.transaction(async (tx) => {
      const row = await tx
        .getRepository(BusinessCalendarEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: assertUuid(id) })
        .getOne();
      if (!row) throw notFound('calendar', id, `Calendar ${id} not found`);
      const current = await tx
        .getRepository(BusinessCalendarVersionEntity)
        .findOneByOrFail({ calendarId: row.id, version: row.currentVersion });
      const next = mutate(
        { definition: current.definition, holidaySources: current.holidaySources },
        row,
      );
      validateContent(next);
      const version = row.currentVersion + 1;
      await tx.getRepository(BusinessCalendarVersionEntity).insert({
        calendarId: row.id,
        version,
        definition: next.definition,
        holidaySources: [...next.holidaySources],
        change,
        details: next.details ? [...next.details] : null,
        changedBy: actor.id,
      });
      await tx
        .getRepository(BusinessCalendarEntity)
        .update(
          { id: row.id },
          {
            currentVersion: version,
            ...(next.name ? { name: requireText(next.name, 'name') } : {}),
          },
        )
        .catch((err: unknown) => {
          throw nameTakenOr(err, next.name ?? row.name);
        });
      const edited = await this.compile(
        { ...row, currentVersion: version, name: next.name ?? row.name },
        tx,
      );
      if (this.editListeners.length > 0) {
        const before = await this.compile(row, tx);
        for (const listener of this.editListeners) await listener(tx, before, edited);
      }
      return edited;
    });
  }

  async addHoliday(
    id: string,
    holiday: Holiday,
    actor: AuthenticatedUser,
  ): Promise<CompiledCalendar> {
    return this.edit(
      id,
      actor,
      `holiday added: ${holiday.date} ${holiday.name} (${holiday.source})`,
      (c) => {
        const generated = compileDefinition(
          { ...c.definition, holidays: [] },
          c.holidaySources,
        ).holidays;
        const clash = [...generated, ...c.definition.holidays].find((h) => h.date === holiday.date);
        if (clash) {
          throw new DomainError(
            ErrorCode.VALIDATION_FAILED,
            `${holiday.date} is already a holiday: ${clash.name} (${clash.source})`,
            {
              reason: 'DUPLICATE_HOLIDAY',
              date: holiday.date,
              issues: [
                { code: 'DUPLICATE_HOLIDAY', path: 'holiday.date', message: 'already a holiday' },
              ],
            },
          );
        }
        return {
          ...c,
          definition: { ...c.definition, holidays: [...c.definition.holidays, holiday] },
          details: [{ kind: 'HOLIDAY_ADDED', ...holiday }],
        };
      },
    );
  }

  async removeHoliday(
    id: string,
    date: string,
    actor: AuthenticatedUser,
  ): Promise<CompiledCalendar> {
    return this.edit(id, actor, `holiday removed: ${date}`, (c) => {
      const removed = c.definition.holidays.find((h) => h.date === date);
      if (!removed) {
        throw notFound(
          'holiday',
          date,
          `No holiday entered on ${date} (generated holidays are removed by turning their source off)`,
        );
      }
      const holidays = c.definition.holidays.filter((h) => h.date !== date);
      const { name, source } = removed;
      return {
        ...c,
        definition: { ...c.definition, holidays },
        details: [{ kind: 'HOLIDAY_REMOVED', date, name, source }],
      };
    });
  }

  async setOverride(
    id: string,
    override: { date: string; intervals: TimeInterval[]; reason: string },
    actor: AuthenticatedUser,
  ): Promise<CompiledCalendar> {
    const hours = override.intervals.map((i) => `${i.start}–${i.end}`).join(', ') || 'closed';
    return this.edit(
      id,
      actor,
      `override ${override.date}: ${hours} (${override.reason})`,
      (c) => ({
        ...c,
        definition: {
          ...c.definition,
          overrides: [...c.definition.overrides.filter((o) => o.date !== override.date), override],
        },
        details: [{ kind: 'HOURS_SET', ...override }],
      }),
    );
  }

  async removeOverride(
    id: string,
    date: string,
    actor: AuthenticatedUser,
  ): Promise<CompiledCalendar> {
    return this.edit(id, actor, `override removed: ${date}`, (c) => {
      const removed = c.definition.overrides.find((o) => o.date === date);
      if (!removed) throw notFound('override', date, `No override on ${date}`);
      const overrides = c.definition.overrides.filter((o) => o.date !== date);
      const { intervals, reason } = removed;
      return {
        ...c,
        definition: { ...c.definition, overrides },
        details: [{ kind: 'HOURS_REMOVED', date, intervals, reason: reason ?? '' }],
      };
    });
  }

  private async compile(
    row: BusinessCalendarEntity,
    tx?: EntityManager,
  ): Promise<CompiledCalendar> {
    const key = `${row.id}:${row.currentVersion}`;
    const hit = this.compiled.get(key);
    if (hit) return { ...hit, name: row.name };
    const version = await (tx ?? this.db.manager)
      .getRepository(BusinessCalendarVersionEntity)
      .findOneByOrFail({ calendarId: row.id, version: row.currentVersion });
    return this.remember({
      id: row.id,
      name: row.name,
      version: row.currentVersion,
      organizationId: row.organizationId,
      isDefault: row.isDefault,
      definition: version.definition,
      holidaySources: version.holidaySources,
    });
  }

  /** Compiles a stored version for the engine and caches it by `id:version`. */
  private remember(stored: StoredVersionRow & { id: string; version: number }): CompiledCalendar {
    const compiled: CompiledCalendar = {
      id: stored.id,
      name: stored.name,
      version: stored.version,
      organizationId: stored.organizationId,
      isDefault: stored.isDefault,
      stored: stored.definition,
      holidaySources: stored.holidaySources,
      engine: new BusinessCalendar(compileDefinition(stored.definition, stored.holidaySources)),
    };
    if (this.compiled.size >= CACHE_LIMIT) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(`${stored.id}:${stored.version}`, compiled);
    return compiled;
  }
}

/** Rejects a calendar the engine would refuse, listing every issue; nothing is written. */
function validateContent(content: CalendarContent): void {
  const unknown = content.holidaySources.filter((s) => !GENERATED_HOLIDAY_SOURCES[s]);
  const issues: CalendarIssue[] = unknown.map((s) => ({
    code: 'INVALID_SHAPE',
    path: 'holidaySources',
    message: `unknown generated holiday source ${s}`,
  }));
  if (!unknown.length)
    issues.push(
      ...findCalendarIssues(compileDefinition(content.definition, content.holidaySources)),
    );
  if (issues.length) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `Invalid calendar: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  }
}

function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new DomainError(ErrorCode.VALIDATION_FAILED, `${field} must not be empty`);
  return text;
}

/** A malformed ID cannot name anything: NOT_FOUND, like an unknown one. */
function assertUuid(id: string, what = 'Calendar'): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw notFound(what.toLowerCase(), id, `${what} ${id} not found`);
  }
  return id;
}

/**
 * Two calendars never share a name, whatever its case (`uq_business_calendar_name`): CONFLICT
 * `CALENDAR_NAME_TAKEN` with the name asked for; any other error is `err` itself.
 */
function nameTakenOr(err: unknown, name: string): unknown {
  if (!isUniqueViolation(err, 'uq_business_calendar_name')) return err;
  return new DomainError(ErrorCode.CONFLICT, `A calendar named ${name.trim()} already exists`, {
    reason: 'CALENDAR_NAME_TAKEN',
    name: name.trim(),
  });
}

function calendarTaken(organization: string): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    `Organization ${organization} already has a calendar`,
    {
      reason: 'CALENDAR_TAKEN',
      organization,
    },
  );
}

/** How many of the clients a calendar change reaches its confirmation names (QA S54). */
export const USAGE_CLIENTS_NAMED = 5;

/** {@link CalendarsService.usage}: whom a change of a calendar reaches. */
export interface CalendarUsage {
  readonly clients: number;
  /** Up to {@link USAGE_CLIENTS_NAMED} of those clients' names, alphabetically. */
  readonly clientNames: string[];
  readonly openTickets: number;
  readonly publishedDeliveries: { ticketNumber: string; releaseDate: Date }[];
}
