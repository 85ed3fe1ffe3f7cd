import { randomUUID } from 'node:crypto';
import { authenticatedUserOf } from '../../src/identity/authenticated-user';
import { AppUserEntity } from '../../src/identity/app-user.entity';
import { TicketEntity } from '../../src/tickets/ticket.entity';
import { TicketsService } from '../../src/tickets/tickets.service';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issues 5/10: every transition reads its ticket's row twice (the access check, the answer after
// the Update), as one prepared statement filled from the entity metadata. It must give the very
// entity TypeORM's `findOneBy` gives, every column (nulls, timestamps, jsonb) included, and keep
// the access rule (L3-04: another organization's ticket is NOT_FOUND, as a missing one).

describe('TicketsService: the ticket row read by number', () => {
  let world: SeededWorld;
  let tickets: TicketsService;
  const numbers = ['L3-2099-900001', 'L3-2099-900002'];

  beforeAll(async () => {
    world = await createSeededWorld('ticket_read');
    tickets = world.api.app.get(TicketsService);
    const [registrant] = await world.db.query<{ id: string; organization_id: string }[]>(
      `SELECT id, organization_id FROM app_user WHERE 'CLIENT_USER' = ANY(roles) ORDER BY email LIMIT 1`,
    );
    const [calendar] = await world.db.query<{ id: string }[]>(
      'SELECT id FROM business_calendar LIMIT 1',
    );
    const [agent] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE 'AGENT' = ANY(roles) LIMIT 1`,
    );
    const base = {
      year: 2099,
      organizationId: registrant.organization_id,
      registrantId: registrant.id,
      calendarId: calendar.id,
      category: 'PROBLEM',
      subject: 'Facturación «urgente»',
      description: 'No timbra',
      slaStatus: 'ON_TRACK',
      registeredAt: new Date('2099-01-05T15:00:00.123Z'),
      lastEventSeq: 4,
      updatedAt: new Date('2099-01-05T16:00:00.456Z'),
    };
    await world.db.getRepository(TicketEntity).insert([
      {
        ...base,
        number: numbers[0],
        seq: 900001,
        workflowId: `ticket:${numbers[0]}`,
        state: 'IN_ANALYSIS',
        classification: 'PROBLEM',
        requirementKind: null,
        assigneeId: agent.id,
        releaseDate: new Date('2099-01-09T18:30:00.000Z'),
        closureOutcome: null,
        nextDeadline: new Date('2099-01-05T19:00:00.789Z'),
        details: { note: 'x', nested: { list: [1, 2] } } as never,
        workflowStartedAt: new Date('2099-01-05T15:00:00.200Z'),
        registrationRequestId: randomUUID(),
        attachmentsToFollow: 2,
      },
      {
        ...base,
        number: numbers[1],
        seq: 900002,
        workflowId: `ticket:${numbers[1]}`,
        state: 'REGISTERED',
        classification: null,
        requirementKind: null,
        assigneeId: null,
        releaseDate: null,
        closureOutcome: null,
        nextDeadline: null,
        details: {},
        workflowStartedAt: null,
        registrationRequestId: null,
      },
    ]);
  });
  afterAll(async () => {
    await world?.close();
  });

  const staff = async () =>
    authenticatedUserOf(
      await world.db.getRepository(AppUserEntity).findOneOrFail({
        where: {
          email: world.seed.credentials.find((c) => c.roles.includes('AGENT' as never))!.email,
        },
        relations: { organization: true },
      }),
    );

  it('gives each ticket as TypeORM does, every column', async () => {
    for (const number of numbers) {
      const row = await tickets['ticketRow'](number);
      expect(row).toBeInstanceOf(TicketEntity);
      expect(row).toEqual(await world.db.getRepository(TicketEntity).findOneBy({ number }));
    }
    const full = await tickets['ticketRow'](numbers[0]);
    expect(full?.releaseDate).toEqual(new Date('2099-01-09T18:30:00.000Z'));
    expect(full?.details).toEqual({ note: 'x', nested: { list: [1, 2] } });
    expect(full?.attachmentsToFollow).toBe(2);
    expect(await tickets['ticketRow']('L3-2099-999999')).toBeNull();
  });

  it('L3-04: staff read any ticket; a client of another organization gets NOT_FOUND, as for a missing one', async () => {
    const agent = await staff();
    expect((await tickets.get(agent, numbers[0])).number).toBe(numbers[0]);
    const [outsider] = await world.db.query<{ id: string }[]>(
      `SELECT u.id FROM app_user u WHERE 'CLIENT_USER' = ANY(u.roles) AND u.organization_id <> $1 LIMIT 1`,
      [(await tickets['ticketRow'](numbers[0]))!.organizationId],
    );
    const other = authenticatedUserOf(
      await world.db
        .getRepository(AppUserEntity)
        .findOneOrFail({ where: { id: outsider.id }, relations: { organization: true } }),
    );
    for (const number of [numbers[0], 'L3-2099-999999']) {
      await expect(tickets.get(other, number)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
