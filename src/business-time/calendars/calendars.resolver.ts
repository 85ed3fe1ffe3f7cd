import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type AuthenticatedUser, CurrentUser, isProviderStaff, Role, Roles } from '../../identity';
import { MX_LFT_74, type CalendarDefinition, type IsoWeekday, type TimeInterval } from '../engine';
import {
  CalendarDateArgs,
  CalendarHolidayInput,
  CalendarOverrideInput,
  CreateCalendarInput,
  UpdateCalendarInput,
  type WeekdayScheduleInput,
} from './calendar.inputs';
import {
  CalendarHolidayModel,
  CalendarModel,
  CalendarUsageModel,
  CalendarVersionModel,
  type WeekdayScheduleModel,
} from './calendar.model';
import { updateChanges } from './calendar-change';
import { changeModels } from './calendar-change.model';
import { CalendarsService, type CompiledCalendar } from './calendars.service';
import { compileDefinition } from './holiday-sources';

/** Business calendars: everyone signed in reads what they may see; managers and admins edit. */
@Resolver(() => CalendarModel)
export class CalendarsResolver {
  constructor(private readonly service: CalendarsService) {}

  @Query(() => [CalendarModel], {
    description: 'Provider staff: all; client users: default + own.',
  })
  async calendars(@CurrentUser() user: AuthenticatedUser): Promise<CalendarModel[]> {
    return (await this.service.list(user)).map(toModel);
  }

  @Query(() => CalendarModel)
  async calendar(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description:
        'A past version, e.g. the one a deadline or clock explanation names (NOT_FOUND if it never existed); the current one when left out.',
    })
    version?: number | null,
  ): Promise<CalendarModel> {
    return toModel(await this.service.getVisible(id, user, version));
  }

  @ResolveField(() => [CalendarHolidayModel], {
    description: 'Holidays of a year (generated and entered), in date order, at this version.',
  })
  async holidays(
    @Parent() calendar: CalendarModel,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<CalendarHolidayModel[]> {
    // The parent's version, not the current one: a past version (or an edit committed since the
    // parent was read) must not show another version's holidays. A cache read almost always.
    const compiled = await this.service.atVersion(calendar.id, calendar.version);
    const prefix = `${year}-`;
    return compileDefinition(compiled.stored, compiled.holidaySources)
      .holidays.filter((h) => h.date.startsWith(prefix))
      .map((h) => ({ ...h }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  @ResolveField(() => [CalendarVersionModel], { description: 'Every version, newest first.' })
  async versions(@Parent() calendar: CalendarModel): Promise<CalendarVersionModel[]> {
    const rows = await this.service.versions(calendar.id);
    const names = await this.service.userNames(rows.map((r) => r.changedBy));
    return rows.map((r) => ({
      version: r.version,
      change: r.change,
      changedBy: r.changedBy,
      changedByName: (r.changedBy && names.get(r.changedBy)) ?? null,
      changedAt: r.changedAt,
      details: r.details
        ? changeModels(r.details, {
            version: r.version,
            calendarName: calendar.name,
            changedAt: r.changedAt,
          })
        : null,
    }));
  }

  @ResolveField(() => CalendarUsageModel, {
    nullable: true,
    description:
      'Provider staff: the clients and open tickets a change reaches (null for clients).',
  })
  async usage(
    @Parent() calendar: CalendarModel,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarUsageModel | null> {
    if (!isProviderStaff(user)) return null;
    return this.service.usage(await this.service.current(calendar.id));
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel)
  async createCalendar(
    @Args('input') input: CreateCalendarInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    const created = await this.service.create(
      {
        name: input.name,
        organizationId: input.organizationId,
        content: {
          definition: {
            timeZone: input.timeZone,
            weekly: toWeekly(input.weekly),
            holidays: [],
            overrides: [],
          },
          holidaySources: input.mexicoLft74Holidays ? [MX_LFT_74] : [],
        },
      },
      user,
    );
    return toModel(created);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel, {
    description: 'Changes name, time zone, week or generated holidays.',
  })
  async updateCalendar(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateCalendarInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    // The log names each changed field; a switched holiday source also says on or off.
    const changed = Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (typeof v === 'boolean' ? `${k}=${v ? 'on' : 'off'}` : k))
      .join(', ');
    const log = `updated: ${changed || 'nothing'}`;
    const updated = await this.service.edit(id, user, log, (c, row) => {
      const holidaySources =
        input.mexicoLft74Holidays === undefined
          ? c.holidaySources
          : input.mexicoLft74Holidays
            ? [...new Set([...c.holidaySources, MX_LFT_74])]
            : c.holidaySources.filter((s) => s !== MX_LFT_74);
      const definition: CalendarDefinition = {
        ...c.definition,
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
        ...(input.weekly ? { weekly: toWeekly(input.weekly) } : {}),
      };
      const next = { definition, holidaySources, name: input.name };
      return { ...next, details: updateChanges({ ...c, name: row.name }, next) };
    });
    return toModel(updated);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel, {
    description: 'Adds a holiday (election day, bank day, client day…).',
  })
  async addCalendarHoliday(
    @Args('calendarId', { type: () => ID }) calendarId: string,
    @Args('holiday') holiday: CalendarHolidayInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    return toModel(await this.service.addHoliday(calendarId, { ...holiday }, user));
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel)
  async removeCalendarHoliday(
    @Args() { calendarId, date }: CalendarDateArgs,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    return toModel(await this.service.removeHoliday(calendarId, date, user));
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel, {
    description: "Sets a date's own hours (half day, worked Saturday, closed).",
  })
  async setCalendarOverride(
    @Args('calendarId', { type: () => ID }) calendarId: string,
    @Args('override') override: CalendarOverrideInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    const intervals: TimeInterval[] = override.intervals.map(({ start, end }) => ({ start, end }));
    return toModel(
      await this.service.setOverride(
        calendarId,
        { date: override.date, intervals, reason: override.reason },
        user,
      ),
    );
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Mutation(() => CalendarModel)
  async removeCalendarOverride(
    @Args() { calendarId, date }: CalendarDateArgs,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CalendarModel> {
    return toModel(await this.service.removeOverride(calendarId, date, user));
  }
}

function toWeekly(input: WeekdayScheduleInput[]): CalendarDefinition['weekly'] {
  const weekly: Partial<Record<IsoWeekday, TimeInterval[]>> = {};
  for (const day of input) {
    const key = day.weekday as IsoWeekday;
    // A weekday listed twice is a mistake the engine's overlap check will name.
    weekly[key] = [
      ...(weekly[key] ?? []),
      ...day.intervals.map(({ start, end }) => ({ start, end })),
    ];
  }
  return weekly;
}

function toModel(c: CompiledCalendar): CalendarModel {
  const weekly: WeekdayScheduleModel[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
    weekday,
    intervals: (c.stored.weekly[weekday] ?? []).map((i) => ({ ...i })),
  }));
  return {
    id: c.id,
    name: c.name,
    version: c.version,
    isDefault: c.isDefault,
    organizationId: c.organizationId,
    timeZone: c.stored.timeZone,
    weekly,
    holidaySources: [...c.holidaySources],
    overrides: c.stored.overrides.map((o) => ({
      date: o.date,
      intervals: o.intervals.map((i) => ({ ...i })),
      reason: o.reason,
    })),
  };
}
