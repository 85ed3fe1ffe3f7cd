import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { insertReadModelClock, insertReadModelTicket } from '../support/read-model-ticket';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { createWeekdayCalendar, tomorrowInMexicoCity } from '../support/weekday-calendar';

// QA S51 (BUSINESS-TIME.md, L3-06): a ticket registered on a Saturday read «Corriendo» until
// Monday, while its clock used none of its time. A running clock outside business time now says
// when it counts again (`SlaClock.countsFrom`); one inside it, and a paused one, say nothing.
// Deterministic whatever the hour the test runs: one calendar open only tomorrow (Mexico City,
// 10:00–12:00, no holidays), one open around the clock.

interface Clock {
  kind: string;
  status: string;
  countsFrom: string | null;
}

describe('SlaClock.countsFrom', () => {
  let world: SeededWorld;
  const offHours = 'L3-2024-874001';
  const aroundTheClock = 'L3-2024-874002';
  const tomorrow = tomorrowInMexicoCity();

  beforeAll(async () => {
    world = await createSeededWorld('clock_counts_from');
    const onlyTomorrow = await createWeekdayCalendar(world, 'Solo mañana', '10:00', '12:00', {
      weekdays: [tomorrow.weekday],
      mexicoLft74Holidays: false,
    });
    const always = await createWeekdayCalendar(world, 'Siempre', '00:00', '24:00', {
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      timeZone: 'UTC',
      mexicoLft74Holidays: false,
    });
    await insertReadModelTicket(world.db, offHours, onlyTomorrow, 'Fuera de horario');
    await insertReadModelClock(world.db, offHours, 'triage', 'RUNNING');
    await insertReadModelClock(world.db, offHours, 'progress', 'PAUSED');
    await insertReadModelTicket(world.db, aroundTheClock, always, 'Siempre en horario');
    await insertReadModelClock(world.db, aroundTheClock, 'triage', 'RUNNING');
  });
  afterAll(async () => {
    await world?.close();
  });

  const read = async (number: string, role = Role.CLIENT_USER) => {
    const { body } = await gql<{ ticket: { clocks: Clock[] } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { clocks { kind status countsFrom } } }`,
      { number },
      world.bearer(role),
    );
    expect(body.errors).toBeUndefined();
    return body.data!.ticket.clocks;
  };

  it('a running clock outside business time counts from the next opening; a paused one does not say', async () => {
    // Tomorrow 10:00 in Mexico City is 16:00 UTC.
    const opening = `${tomorrow.date}T16:00:00.000Z`;
    expect(await read(offHours)).toEqual([
      { kind: 'triage', status: 'RUNNING', countsFrom: opening },
      { kind: 'progress', status: 'PAUSED', countsFrom: null },
    ]);
    // Staff read the same.
    expect((await read(offHours, Role.AGENT))[0].countsFrom).toBe(opening);
  });

  // QA S52: the SLA board said «Corriendo» where the ticket page said «Fuera de horario hábil».
  it('the SLA board gives its running clocks the same', async () => {
    const { body } = await gql<{
      slaTimers: { ticketNumber: string; clock: Clock }[];
    }>(
      world.api,
      `{ slaTimers(filter: { runningOnly: true first: 200 }) { ticketNumber clock { kind status countsFrom } } }`,
      {},
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const ours = body
      .data!.slaTimers.filter((t) => [offHours, aroundTheClock].includes(t.ticketNumber))
      .map((t) => [t.ticketNumber, t.clock.kind, t.clock.countsFrom]);
    expect(ours).toEqual(
      expect.arrayContaining([
        [offHours, 'triage', `${tomorrow.date}T16:00:00.000Z`],
        [offHours, 'progress', null],
        [aroundTheClock, 'triage', null],
      ]),
    );
    expect(ours).toHaveLength(3);
  });

  it('a running clock inside business time counts now: no date', async () => {
    expect(await read(aroundTheClock)).toEqual([
      { kind: 'triage', status: 'RUNNING', countsFrom: null },
    ]);
  });
});
