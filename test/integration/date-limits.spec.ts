import {
  addBusinessDays,
  BusinessCalendar,
  defaultMexicoCityCalendar,
  isBusinessTime,
  MEXICO_CITY_TIME_ZONE,
  nextBusinessMoment,
} from '../../src/business-time/engine';
import { DomainError } from '../../src/common/errors/domain-error';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { Role } from '../../src/identity/role.enum';
import { calendarToday, mexicoCityEveningDays, nextDay } from '../support/calendar-month';
import { gql } from '../support/integration-harness';
import { useWorldWithWorker } from '../support/world-with-worker';
import { ticketWorkflowsSettled } from '../support/ticket-workflows-settled';
import { TemporalClientService } from '../../src/temporal/temporal-client.service';
import { AURORA_ORG } from '../support/demo-contract';

// QA findings: a release date of 9 Dec 2126 was published and a remote session on a Sunday at
// 10:00 was proposed (both emailed), and an hour package dated 2030-01-01 counted at once. Each is
// now refused with VALIDATION_FAILED, a Spanish/English message, and nothing recorded; the
// sensible dates still go through. Real API, PostgreSQL, Temporal and worker.

const OWN = AURORA_ORG;
const OUTCOME = '{ ticket { state releaseDate remoteSessionAt } }';

interface Answer {
  data: Record<string, { ticket: { state: string; releaseDate: string | null } }> | null;
  code: unknown;
  message: string;
}

const DAY_MS = 86_400_000;

describe('Dates out of range are refused (L3-06 remote session, L3-09 release date, L3-12/13 packages)', () => {
  const world = useWorldWithWorker('date_limits');

  const mutate = async (role: Role, name: string, type: string, input: object, org?: string) => {
    const { body } = await gql<Answer['data']>(
      world.api,
      `mutation ($input: ${type}!) { ${name}(input: $input) ${name === 'purchaseHourPackage' ? '{ id }' : OUTCOME} }`,
      { input },
      world.bearer(role, org),
    );
    return {
      data: body.data?.[name] ?? null,
      code: body.errors?.[0]?.extensions?.code,
      message: body.errors?.[0]?.message ?? '',
      latest: body.errors?.[0]?.extensions?.latest as string | undefined,
      extensions: body.errors?.[0]?.extensions,
    };
  };
  const act = async (role: Role, name: string, type: string, input: object) => {
    const answer = await mutate(role, name, type, input);
    if (!answer.data) throw new Error(`${name}: ${answer.message}`);
    return answer;
  };
  const register = async (): Promise<string> => {
    const { body } = await gql<{ registerTicket: { number: string } }>(
      world.api,
      `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
      {
        input: { category: 'DEVELOPMENT', subject: 'Reporte de cobranza', description: 'Por mes.' },
      },
      world.bearer(Role.CLIENT_USER, OWN),
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.registerTicket.number;
  };
  /** L3-09: a requirement whose estimate the approver authorized, waiting for its release date. */
  const authorizedRequirement = async (): Promise<string> => {
    const number = await register();
    await act(Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', {
      number,
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    });
    await act(Role.AGENT, 'submitEstimate', 'SubmitEstimateInput', {
      number,
      hours: 2,
      scope: 'Reporte',
    });
    await act(Role.CLIENT_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
      number,
      estimateVersion: 1,
      statement: 'Autorizo la estimación v1.',
    });
    return number;
  };
  // The workflow logs its own events (registration, clocks) after the mutation answers: count
  // only once it is idle, so a refusal is measured against a log nothing else is writing.
  const settledEvents = async (number: string) => {
    await ticketWorkflowsSettled(world.db, world.api.app.get(TemporalClientService).client);
    return events(number);
  };
  const events = async (number: string) =>
    (
      await world.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
        [number],
      )
    )[0].n;

  it('L3-06: a remote session on a Sunday, at night or beyond 90 days is refused; the latest start the refusal names is proposed', async () => {
    const number = await register();
    const before = await settledEvents(number);
    let latest: string | undefined;
    for (const [at, words] of [
      [mexicoCity(1, 0, 10), ['fuera del horario hábil', 'outside the business hours']],
      [mexicoCity(1, 3, 22), ['fuera del horario hábil', 'outside the business hours']],
      [mexicoCity(95, 2, 10), ['más de 90 días', 'more than 90 days ahead']],
    ] as const) {
      const refused = await mutate(
        Role.AGENT,
        'proposeRemoteSession',
        'ProposeRemoteSessionInput',
        {
          number,
          at,
        },
      );
      expect({ at, code: refused.code, data: refused.data }).toEqual({
        at,
        code: 'VALIDATION_FAILED',
        data: null,
      });
      // QA S52: a date outside business hours says the next business time, what to pick instead.
      if (words[0] === 'fuera del horario hábil') {
        expect(refused.extensions).toMatchObject({
          reason: 'OUTSIDE_BUSINESS_TIME',
          field: 'at',
          value: at,
          nextBusinessTime: nextBusinessMoment(calendar(), new Date(at)).toISOString(),
        });
      }
      // Spanish first, then English.
      expect(refused.message.indexOf(words[0])).toBeGreaterThanOrEqual(0);
      expect(refused.message.indexOf(words[1])).toBeGreaterThan(refused.message.indexOf(words[0]));
      latest ??= refused.latest;
    }
    expect(await events(number)).toBe(before);

    // The "90 days" refusal names the latest start the calendar accepts: business time within the
    // horizon (not the horizon itself, often a night or a weekend), and no more than a weekend and
    // a holiday before it.
    const at = latest!;
    expect(isBusinessTime(calendar(), new Date(at))).toBe(true);
    expect(Date.parse(at)).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);
    expect(Date.parse(at)).toBeGreaterThan(Date.now() + 85 * DAY_MS);
    const proposed = await act(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number,
      at,
    });
    expect(proposed.data!.ticket.state).toBe('REMOTE_SESSION_PROPOSED');
    expect(await events(number)).toBeGreaterThan(before);
  });

  it('L3-06 (QA S63 #11): a remote session that would end after the closing is refused with the closing and what fits; nothing recorded; the shorter session goes through', async () => {
    const number = await register();
    const before = await settledEvents(number);
    // Half an hour before the closing of the second business day ahead, for 90 min.
    const closing = addBusinessDays(calendar(), new Date(), 2);
    const at = new Date(closing.getTime() - 30 * 60_000).toISOString();
    expect(isBusinessTime(calendar(), new Date(at))).toBe(true);
    const refused = await mutate(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number,
      at,
      durationMinutes: 90,
    });
    expect([refused.code, refused.data]).toEqual(['VALIDATION_FAILED', null]);
    expect(refused.extensions).toMatchObject({
      reason: 'ENDS_AFTER_CLOSING',
      field: 'durationMinutes',
      value: at,
      durationMinutes: 90,
      closesAt: closing.toISOString(),
      maxDurationMinutes: 30,
      latestStart: new Date(closing.getTime() - 90 * 60_000).toISOString(),
    });
    // Spanish first, then English.
    const es = refused.message.indexOf('terminaría después del cierre del horario hábil');
    expect(es).toBeGreaterThanOrEqual(0);
    expect(refused.message.indexOf('would end after the business hours')).toBeGreaterThan(es);
    // The default hour too.
    const hour = await mutate(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number,
      at,
    });
    expect(hour.extensions).toMatchObject({ reason: 'ENDS_AFTER_CLOSING', durationMinutes: 60 });
    expect(await events(number)).toBe(before);

    // What the refusal says fits goes through: the same start for 30 min.
    const proposed = await act(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number,
      at,
      durationMinutes: 30,
    });
    expect(proposed.data!.ticket.state).toBe('REMOTE_SESSION_PROPOSED');
  });

  it('L3-09/L3-19: a release date more than a year ahead is refused, set or adjusted; the latest date the refusal names is published', async () => {
    const number = await authorizedRequirement();
    const before = await settledEvents(number);
    const century = '2126-12-09T17:00:00.000Z';
    const refused = await mutate(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
      number,
      releaseDate: century,
    });
    expect([refused.code, refused.data]).toEqual(['VALIDATION_FAILED', null]);
    expect(refused.message).toMatch(/más de un año.* \/ .*more than one year ahead/);
    expect(await events(number)).toBe(before);

    // The refusal names the latest date the ticket's calendar accepts, and that date is published.
    const latest = refused.latest!;
    expect(Date.parse(latest)).toBeLessThanOrEqual(Date.now() + 366 * DAY_MS);
    expect(Date.parse(latest)).toBeGreaterThan(Date.now() + 360 * DAY_MS);
    const set = await act(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
      number,
      releaseDate: latest,
    });
    expect(set.data!.ticket).toMatchObject({ state: 'RELEASE_DATE_SET', releaseDate: latest });
    const published = await events(number);

    const moved = await mutate(Role.AGENT, 'adjustReleaseDate', 'AdjustReleaseDateInput', {
      number,
      newDate: century,
      reason: 'Prioridad del cliente',
    });
    expect([moved.code, moved.data]).toEqual(['VALIDATION_FAILED', null]);
    expect(moved.message).toMatch(/más de un año.* \/ .*more than one year ahead/);
    // Named again on the adjustment (a moment later: the same closing, or a later instant).
    expect(Date.parse(moved.latest!)).toBeGreaterThanOrEqual(Date.parse(latest));
    expect(await events(number)).toBe(published);

    const near = addBusinessDays(calendar(), new Date(), 3).toISOString();
    const adjusted = await act(Role.AGENT, 'adjustReleaseDate', 'AdjustReleaseDateInput', {
      number,
      newDate: near,
      reason: 'Prioridad del cliente',
    });
    expect(adjusted.data!.ticket).toMatchObject({ state: 'RELEASE_DATE_SET', releaseDate: near });
  });

  it('L3-06/L3-09: a date on a holiday is refused naming it, set, adjusted or proposed; nothing recorded (QA S51)', async () => {
    // Noon in Mexico City on the demo calendar's next holiday (LFT art. 74) two or more days ahead.
    const engine = BusinessCalendar.from(calendar());
    let noon = Date.parse(`${calendarToday()}T18:00:00.000Z`) + 2 * DAY_MS;
    while (!engine.dayPlan(engine.localDayOf(noon)).holiday) noon += DAY_MS;
    const holiday = engine.dayPlan(engine.localDayOf(noon)).holiday!;
    const onTheHoliday = new Date(noon).toISOString();
    const onHoliday = (answer: Awaited<ReturnType<typeof mutate>>, field: string) => {
      expect([answer.code, answer.data]).toEqual(['VALIDATION_FAILED', null]);
      expect(answer.extensions).toMatchObject({
        reason: 'ON_HOLIDAY',
        field,
        value: onTheHoliday,
        date: holiday.date,
        holiday: holiday.name,
        holidaySource: holiday.source,
        // And what to pick instead (QA S52).
        nextBusinessTime: nextBusinessMoment(calendar(), new Date(onTheHoliday)).toISOString(),
      });
    };

    const session = await register();
    const sessionEvents = await settledEvents(session);
    const proposed = await mutate(Role.AGENT, 'proposeRemoteSession', 'ProposeRemoteSessionInput', {
      number: session,
      at: onTheHoliday,
    });
    // A remote session is at most 90 days ahead, checked first (no LFT holiday falls between
    // 1 May and 16 September).
    if (noon - Date.now() < 89 * DAY_MS) onHoliday(proposed, 'at');
    else expect(proposed.extensions).toMatchObject({ reason: 'DATE_TOO_FAR', field: 'at' });
    expect(await events(session)).toBe(sessionEvents);

    const number = await authorizedRequirement();
    const before = await settledEvents(number);
    onHoliday(
      await mutate(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
        number,
        releaseDate: onTheHoliday,
      }),
      'releaseDate',
    );
    expect(await events(number)).toBe(before);

    const near = addBusinessDays(calendar(), new Date(), 2).toISOString();
    await act(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', { number, releaseDate: near });
    const published = await settledEvents(number);
    onHoliday(
      await mutate(Role.AGENT, 'adjustReleaseDate', 'AdjustReleaseDateInput', {
        number,
        newDate: onTheHoliday,
        reason: 'Prioridad del cliente',
      }),
      'newDate',
    );
    expect(await events(number)).toBe(published);
  });

  it('L3-09/L3-19: a release date on a Sunday or at night is refused with the next business time, set or adjusted; nothing recorded (QA S52)', async () => {
    const number = await authorizedRequirement();
    const before = await settledEvents(number);
    const outside = (answer: Awaited<ReturnType<typeof mutate>>, field: string, value: string) => {
      expect([answer.code, answer.data]).toEqual(['VALIDATION_FAILED', null]);
      expect(answer.extensions).toMatchObject({
        reason: 'OUTSIDE_BUSINESS_TIME',
        field,
        value,
        nextBusinessTime: nextBusinessMoment(calendar(), new Date(value)).toISOString(),
      });
    };
    const sunday = mexicoCity(2, 0, 10);
    outside(
      await mutate(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
        number,
        releaseDate: sunday,
      }),
      'releaseDate',
      sunday,
    );
    expect(await events(number)).toBe(before);

    const near = addBusinessDays(calendar(), new Date(), 2).toISOString();
    await act(Role.AGENT, 'setReleaseDate', 'SetReleaseDateInput', { number, releaseDate: near });
    const published = await settledEvents(number);
    const night = mexicoCity(3, 3, 22);
    outside(
      await mutate(Role.AGENT, 'adjustReleaseDate', 'AdjustReleaseDateInput', {
        number,
        newDate: night,
        reason: 'Prioridad del cliente',
      }),
      'newDate',
      night,
    );
    expect(await events(number)).toBe(published);
  });

  it('L3-12/L3-13: a package dated after today is refused and the balance stays; today counts', async () => {
    const organizationId = world.orgIds['comercializadora-aurora'];
    const packages = async () =>
      (
        await world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM hour_package WHERE organization_id = $1',
          [organizationId],
        )
      )[0].n;
    const before = await packages();
    const input = { organizationId, hours: 10, reference: 'F-2030', price: 1000 };
    const refused = await mutate(Role.ADMIN, 'purchaseHourPackage', 'PurchaseHourPackageInput', {
      ...input,
      purchasedOn: '2030-01-01',
    });
    expect([refused.code, refused.data]).toEqual(['VALIDATION_FAILED', null]);
    expect(refused.message).toMatch(/posterior a hoy.* \/ .*after today/);
    expect(await packages()).toBe(before);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format();
    const bought = await mutate(Role.ADMIN, 'purchaseHourPackage', 'PurchaseHourPackageInput', {
      ...input,
      purchasedOn: today,
    });
    expect(bought.code).toBeUndefined();
    expect(await packages()).toBe(before + 1);
  });

  it('L3-03/L3-13: a purchase date after today in the client’s calendar zone is refused at a Mexico City evening, nothing written; a manager east of it may date their own today', async () => {
    const organizationId = world.orgIds['comercializadora-aurora'];
    const ledger = world.api.app.get(HourLedgerService);
    const [{ id: actorId }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'gerente@becken.example'`,
    );
    /** Aurora's packages and ledger entries. */
    const written = async () =>
      (
        await world.db.query<{ n: number }[]>(
          `SELECT ((SELECT count(*) FROM hour_package WHERE organization_id = $1)
                 + (SELECT count(*) FROM hour_ledger_entry WHERE organization_id = $1))::int AS n`,
          [organizationId],
        )
      )[0].n;
    // Aurora counts on the default calendar (Mexico City, UTC−6): at its last 20:00 already past,
    // UTC is on the next day, which the old rule (the later of Mexico City's and UTC's) took.
    const { evening, day, tomorrow, dayAfter } = mexicoCityEveningDays();
    let request = 0;
    const buyAt = (purchasedOn: string, actorTimeZone: string) =>
      ledger.purchasePackage(
        {
          organizationId,
          hours: 1,
          purchasedOn,
          reference: `F-${purchasedOn}`,
          price: 100,
          actorId,
          actorTimeZone,
          idempotencyKey: `date-limits:evening:${(request += 1)}`,
        },
        evening,
      );
    const refusal = async (purchasedOn: string, actorTimeZone: string) => {
      const before = await written();
      const err = await buyAt(purchasedOn, actorTimeZone).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(await written()).toBe(before);
      return err instanceof DomainError ? [err.code, err.details] : err;
    };
    const afterToday = (today: string) => ['VALIDATION_FAILED', { field: 'purchasedOn', today }];

    // A manager in the calendar's zone: neither the day after tomorrow nor tomorrow has come.
    expect(await refusal(dayAfter, MEXICO_CITY_TIME_ZONE)).toEqual(afterToday(day));
    expect(await refusal(tomorrow, MEXICO_CITY_TIME_ZONE)).toEqual(afterToday(day));
    expect((await buyAt(day, MEXICO_CITY_TIME_ZONE)).hourPackage.purchasedOn).toBe(day);
    // In Tokyo it is 11:00 the next morning: that day is the manager's today, the one after is not.
    expect((await buyAt(tomorrow, 'Asia/Tokyo')).hourPackage.purchasedOn).toBe(tomorrow);
    expect(await refusal(dayAfter, 'Asia/Tokyo')).toEqual(afterToday(tomorrow));

    // Through the API, on the real clock, as the demo manager (Mexico City): tomorrow is refused.
    const before = await written();
    const refused = await mutate(Role.MANAGER, 'purchaseHourPackage', 'PurchaseHourPackageInput', {
      organizationId,
      hours: 1,
      reference: 'F-mañana',
      price: 100,
      purchasedOn: nextDay(calendarToday(), 1),
    });
    expect([refused.code, refused.data]).toEqual(['VALIDATION_FAILED', null]);
    expect(await written()).toBe(before);
  });
});

function calendar() {
  const year = new Date().getUTCFullYear();
  return defaultMexicoCityCalendar(year, year + 1);
}

/**
 * The first `weekday` (0 = Sunday) at least `daysAhead` days from now, at `hour`:00 in Mexico City
 * (fixed UTC−6 since 2022-10-30, BUSINESS-TIME.md).
 */
function mexicoCity(daysAhead: number, weekday: number, hour: number): string {
  const local = new Date(Date.now() + daysAhead * 86_400_000 - 6 * 3_600_000);
  while (local.getUTCDay() !== weekday) local.setUTCDate(local.getUTCDate() + 1);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  return new Date(Date.UTC(y, m, d, hour + 6)).toISOString();
}
