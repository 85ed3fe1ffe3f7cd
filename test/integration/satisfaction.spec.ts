import type { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import type { AuthenticatedUser } from '../../src/identity/authenticated-user';
import { OrganizationKind } from '../../src/identity/organization-kind.enum';
import { Role } from '../../src/identity/role.enum';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { SatisfactionService } from '../../src/satisfaction/satisfaction.service';
import { type CaughtMail, caughtOnceEach } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { racingDb } from '../support/racing-db';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';
import { AURORA_ORG, TULUM_ORG } from '../support/demo-contract';

// Customer satisfaction of closed tickets over real GraphQL on the real stack (PostgreSQL,
// Temporal dev server, the real worker and its email dispatcher, the SMTP catcher). Tickets are
// closed through the L3-07 problem path (classify → resolve → the client confirms). A client user
// of the ticket's organization rates a CLOSED ticket 1–5 and may change it for 14 days; staff see
// the rating; a rating of 2 or less emails the provider's managers once (L3-11); the closure
// email invites the rating; managers read the summary per organization and month.

const AURORA = AURORA_ORG;
const TULUM = TULUM_ORG;
const ENGLISH_MANAGER = 'manager-en@becken.example';

const RATE = `mutation ($input: RateTicketInput!) {
  rateTicket(input: $input) {
    ticketNumber score comment ratedAt updatedAt ratedById ratedByName ratedByRole changeableUntil
  }
}`;
const SATISFACTION = `query ($number: String!) {
  ticket(number: $number) {
    number
    satisfaction {
      score comment ratedAt updatedAt ratedByName ratedByRole
      changes { score comment at byName byRole }
    }
  }
}`;
const STATS = 'ratings averageScore satisfiedPercent responseRate { ratable rated percent }';
const SUMMARY = `query ($organizationId: ID, $from: String!, $to: String!, $lowest: Int) {
  satisfactionSummary(organizationId: $organizationId, from: $from, to: $to, lowest: $lowest) {
    fromMonth toMonth
    overall { ${STATS} }
    organizations {
      organizationId organizationName
      total { ${STATS} }
      months { month ${STATS} }
      lowest { ticketNumber subject score comment ratedByName }
    }
  }
}`;

interface Rating {
  ticketNumber: string;
  score: number;
  comment: string | null;
  ratedAt: string;
  updatedAt: string;
  ratedById: string;
  ratedByName: string | null;
  ratedByRole: string | null;
  changeableUntil: string;
}
interface GqlError {
  message: string;
  extensions?: Record<string, unknown>;
}
interface OutboxRow {
  event_type: string;
  recipient_address: string;
  status: string;
  message_id: string;
  subject: string;
  text: string;
}
describe('Customer satisfaction of closed tickets (L3-07 closure, L3-11)', () => {
  const world = useWorldWithWorker('satisfaction');

  beforeAll(async () => {
    // A second manager who reads English: the low-rating email goes to every manager, each in
    // their language.
    const { body } = await gql(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds.becken,
          email: ENGLISH_MANAGER,
          displayName: 'Morgan Manager',
          roles: ['MANAGER'],
          locale: 'EN',
          temporaryPassword: 'temporal-password-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
  });

  async function transition(
    role: Role,
    mutation: string,
    input: Record<string, unknown>,
    organization?: string,
    inputType = 'TicketActionInput',
  ): Promise<string> {
    const { body } = await gql<Record<string, { ticket: { state: string } }>>(
      world.api,
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ticket { state } } }`,
      { input },
      world.bearer(role, organization),
    );
    expect(body.errors).toBeUndefined();
    return body.data![mutation].ticket.state;
  }

  /** A problem ticket of `organization` driven to CLOSED: classified, resolved, confirmed. */
  async function closedTicket(subject: string, organization = AURORA): Promise<string> {
    const number = await registerProjectedTicket(
      world,
      { category: 'INCIDENT', subject, description: `${subject}: detalle.` },
      organization,
    );
    await transition(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'PROBLEM' },
      undefined,
      'ClassifyTicketInput',
    );
    await transition(Role.AGENT, 'resolveTicket', { number, note: 'Corregido.' });
    expect(await transition(Role.CLIENT_USER, 'confirmResolution', { number }, organization)).toBe(
      'CLOSED',
    );
    return number;
  }

  async function rate(
    role: Role,
    input: Record<string, unknown>,
    organization?: string,
  ): Promise<{ rating?: Rating; error?: GqlError }> {
    const { body } = await gql<{ rateTicket: Rating }>(
      world.api,
      RATE,
      { input },
      world.bearer(role, organization),
    );
    return { rating: body.data?.rateTicket, error: body.errors?.[0] };
  }

  const stored = async (number: string) =>
    (
      await world.db.query<{ score: number; comment: string | null; rated_at: Date }[]>(
        'SELECT score, comment, rated_at FROM ticket_satisfaction WHERE ticket_number = $1',
        [number],
      )
    )[0];

  it('a client user rates a closed ticket, another user of its organization changes it within 14 days, and staff see it', async () => {
    const number = await closedTicket('Rating: timbrado');
    const first = await rate(Role.CLIENT_USER, {
      number,
      score: 5,
      comment: '  Excelente atención.  ',
    });
    expect(first.error).toBeUndefined();
    expect(first.rating).toMatchObject({
      ticketNumber: number,
      score: 5,
      comment: 'Excelente atención.',
      ratedByName: 'Úrsula Usuaria',
    });
    // The role the client rated in, shown on the history's line as a workflow event's role.
    expect(first.rating!.ratedByRole).toBe(Role.CLIENT_USER);
    const ratedAt = Date.parse(first.rating!.ratedAt);
    expect(Date.parse(first.rating!.changeableUntil) - ratedAt).toBe(14 * 86_400_000);

    const changed = await rate(Role.CLIENT_APPROVER, { number, score: 4, comment: '   ' });
    expect(changed.error).toBeUndefined();
    // The window counts from the first rating; a blank comment is none.
    expect(changed.rating).toMatchObject({
      score: 4,
      comment: null,
      ratedByName: 'Arturo Aprobador',
    });
    expect(changed.rating!.ratedByRole).toBe(Role.CLIENT_APPROVER);
    expect(changed.rating!.ratedAt).toBe(first.rating!.ratedAt);
    expect(Date.parse(changed.rating!.updatedAt)).toBeGreaterThanOrEqual(ratedAt);

    // Given again unchanged (a retried request): nothing new on record.
    expect((await rate(Role.CLIENT_APPROVER, { number, score: 4 })).error).toBeUndefined();

    for (const role of [Role.AGENT, Role.MANAGER, Role.CLIENT_USER]) {
      const { body } = await gql<{ ticket: { satisfaction: Rating | null } }>(
        world.api,
        SATISFACTION,
        { number },
        world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.ticket.satisfaction).toMatchObject({
        score: 4,
        comment: null,
        ratedByName: 'Arturo Aprobador',
        // Every score given stays on record, oldest first.
        changes: [
          { score: 5, comment: 'Excelente atención.', byName: 'Úrsula Usuaria' },
          { score: 4, comment: null, byName: 'Arturo Aprobador' },
        ],
      });
      // Each score with the role it was given in (staff and the client read the same).
      expect(body.data!.ticket.satisfaction).toMatchObject({
        ratedByRole: Role.CLIENT_APPROVER,
        changes: [{ byRole: Role.CLIENT_USER }, { byRole: Role.CLIENT_APPROVER }],
      });
    }
    const rows = await world.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ticket_satisfaction WHERE ticket_number = $1',
      [number],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a change 14 days after the first rating is refused with its reason, and nothing changes', async () => {
    const number = await closedTicket('Rating: ventana');
    expect((await rate(Role.CLIENT_USER, { number, score: 3 })).error).toBeUndefined();

    // Still inside the window after 13 days.
    await world.db.query(
      `UPDATE ticket_satisfaction SET rated_at = now() - interval '13 days',
              updated_at = now() - interval '13 days' WHERE ticket_number = $1`,
      [number],
    );
    expect((await rate(Role.CLIENT_USER, { number, score: 2 })).error).toBeUndefined();

    await world.db.query(
      `UPDATE ticket_satisfaction SET rated_at = now() - interval '14 days 1 minute',
              updated_at = now() - interval '14 days' WHERE ticket_number = $1`,
      [number],
    );
    const before = await stored(number);
    const late = await rate(Role.CLIENT_USER, { number, score: 5, comment: 'Mejor' });
    expect(late.rating).toBeUndefined();
    expect(late.error?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'RATING_WINDOW_CLOSED',
      windowDays: 14,
      ratedAt: before.rated_at.toISOString(),
    });
    expect(await stored(number)).toEqual(before);
    expect(before.score).toBe(2);
  });

  it('only client users of the ticket organization rate, only a CLOSED ticket; refusals store nothing', async () => {
    const closed = await closedTicket('Rating: permisos');
    for (const role of [Role.AGENT, Role.MANAGER, Role.ADMIN]) {
      const { error } = await rate(role, { number: closed, score: 5 });
      expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    }
    // Another organization's ticket does not exist for it; nor does an unknown number.
    const foreign = await rate(Role.CLIENT_USER, { number: closed, score: 1 }, TULUM);
    expect(foreign.error?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_FOUND',
      entity: 'ticket',
      id: closed,
    });
    const unknown = await rate(Role.CLIENT_USER, { number: 'L3-2099-999999', score: 5 });
    expect(unknown.error?.extensions?.code).toBe('NOT_FOUND');
    const { body: hidden } = await gql(
      world.api,
      SATISFACTION,
      { number: closed },
      world.bearer(Role.CLIENT_USER, TULUM),
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await stored(closed)).toBeUndefined();

    // An open ticket, and a cancelled one (ended, but not CLOSED).
    const open = await registerProjectedTicket(world, { subject: 'Rating: abierto' });
    const openRating = await rate(Role.CLIENT_USER, { number: open, score: 5 });
    expect(openRating.error?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'WRONG_STATE',
      action: 'rateTicket',
      state: 'REGISTERED',
    });
    expect(
      await transition(Role.CLIENT_USER, 'cancelTicket', { number: open, note: 'Ya no aplica' }),
    ).toBe('CANCELLED');
    const cancelled = await rate(Role.CLIENT_USER, { number: open, score: 5 });
    expect(cancelled.error?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'WRONG_STATE',
      state: 'CANCELLED',
    });
    expect(await stored(open)).toBeUndefined();
  });

  it('bad input (score 0, 6 or 4.5, comment over 2000 characters) is VALIDATION_FAILED and changes nothing', async () => {
    const number = await closedTicket('Rating: datos');
    const refusals: [Record<string, unknown>, string | undefined][] = [
      [{ number, score: 0 }, 'min'],
      [{ number, score: 6 }, 'max'],
      [{ number, score: 4.5 }, undefined],
      [{ number, score: 4, comment: 'x'.repeat(2001) }, 'maxLength'],
      [{ number: 'ticket-1', score: 4 }, 'matches'],
    ];
    const check = async () => {
      for (const [input, constraint] of refusals) {
        const { error, rating } = await rate(Role.CLIENT_USER, input);
        expect(rating).toBeUndefined();
        expect(error?.extensions?.code).toBe('VALIDATION_FAILED');
        if (constraint) {
          expect(error?.extensions?.violations).toEqual(
            expect.arrayContaining([expect.objectContaining({ constraint })]),
          );
        }
      }
    };
    await check();
    expect(await stored(number)).toBeUndefined();

    // 2000 characters is the limit, not past it; then the same refusals leave that rating alone.
    const longest = 'á'.repeat(2000);
    expect(
      (await rate(Role.CLIENT_USER, { number, score: 4, comment: longest })).error,
    ).toBeUndefined();
    const before = await stored(number);
    await check();
    expect(await stored(number)).toEqual(before);
    expect(before).toMatchObject({ score: 4, comment: longest });
  });

  it('the summary gives per organization and month the count, average, % satisfied, the response rate (L3-11) and the lowest ratings', async () => {
    // A known set, moved to months no other test rates or closes in: Aurora 5 (March), 4 and 1
    // (April); Tulum 2 and 3 (April). A1 is closed at 20:00 and rated at 21:00 on 31 March in
    // Mexico City, the tickets' calendar zone: a March closure and rating, though UTC's date is
    // already 1 April. Closures without a rating count in the response rate only.
    const ratings: [string, string, number | null, string | null, string, string][] = [
      [AURORA, 'Resumen A1', 5, null, '2025-04-01T02:00:00Z', '2025-04-01T03:00:00Z'],
      [AURORA, 'Resumen A2', 4, 'Bien', '2025-04-01T12:00:00Z', '2025-04-02T12:00:00Z'],
      [AURORA, 'Resumen A3', 1, 'Tardaron mucho', '2025-04-18T12:00:00Z', '2025-04-20T12:00:00Z'],
      [AURORA, 'Resumen A4', null, null, '2025-04-21T12:00:00Z', ''],
      [TULUM, 'Resumen T1', 2, 'Regular', '2025-04-04T12:00:00Z', '2025-04-05T12:00:00Z'],
      [TULUM, 'Resumen T2', 3, null, '2025-04-06T11:00:00Z', '2025-04-06T12:00:00Z'],
      [TULUM, 'Resumen T3', null, null, '2025-04-07T12:00:00Z', ''],
      [TULUM, 'Resumen T4', null, null, '2025-04-08T12:00:00Z', ''],
      // Closed in May: outside the period.
      [TULUM, 'Resumen T5', null, null, '2025-05-01T12:00:00Z', ''],
    ];
    const numbers: string[] = [];
    for (const [organization, subject, score, comment, closedAt, at] of ratings) {
      const number = await closedTicket(subject, organization);
      await world.db.query(
        `UPDATE ticket SET details = jsonb_set(details, '{closure,at}', to_jsonb($2::text))
          WHERE number = $1`,
        [number, closedAt],
      );
      numbers.push(number);
      if (score === null) continue;
      const { error } = await rate(Role.CLIENT_USER, { number, score, comment }, organization);
      expect(error).toBeUndefined();
      await world.db.query(
        'UPDATE ticket_satisfaction SET rated_at = $2, updated_at = $2 WHERE ticket_number = $1',
        [number, at],
      );
    }
    const [, a2, a3, , t1, t2] = numbers;
    const aurora = world.orgIds['comercializadora-aurora'];
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const { body } = await gql<{ satisfactionSummary: Record<string, unknown> }>(
      world.api,
      SUMMARY,
      { from: '2025-03', to: '2025-04', lowest: 2 },
      world.bearer(Role.MANAGER),
    );
    expect(body.errors).toBeUndefined();
    const auroraSummary = {
      organizationId: aurora,
      organizationName: AURORA,
      total: {
        ratings: 3,
        averageScore: 3.33,
        satisfiedPercent: 66.7,
        responseRate: { ratable: 4, rated: 3, percent: 75 },
      },
      months: [
        {
          month: '2025-03',
          ratings: 1,
          averageScore: 5,
          satisfiedPercent: 100,
          responseRate: { ratable: 1, rated: 1, percent: 100 },
        },
        {
          month: '2025-04',
          ratings: 2,
          averageScore: 2.5,
          satisfiedPercent: 50,
          responseRate: { ratable: 3, rated: 2, percent: 66.7 },
        },
      ],
      lowest: [
        {
          ticketNumber: a3,
          subject: 'Resumen A3',
          score: 1,
          comment: 'Tardaron mucho',
          ratedByName: 'Úrsula Usuaria',
        },
        {
          ticketNumber: a2,
          subject: 'Resumen A2',
          score: 4,
          comment: 'Bien',
          ratedByName: 'Úrsula Usuaria',
        },
      ],
    };
    expect(body.data!.satisfactionSummary).toEqual({
      fromMonth: '2025-03',
      toMonth: '2025-04',
      overall: {
        ratings: 5,
        averageScore: 3,
        satisfiedPercent: 40,
        responseRate: { ratable: 8, rated: 5, percent: 62.5 },
      },
      organizations: [
        auroraSummary,
        {
          organizationId: tulum,
          organizationName: TULUM,
          total: {
            ratings: 2,
            averageScore: 2.5,
            satisfiedPercent: 0,
            responseRate: { ratable: 4, rated: 2, percent: 50 },
          },
          months: [
            {
              month: '2025-04',
              ratings: 2,
              averageScore: 2.5,
              satisfiedPercent: 0,
              responseRate: { ratable: 4, rated: 2, percent: 50 },
            },
          ],
          lowest: [
            {
              ticketNumber: t1,
              subject: 'Resumen T1',
              score: 2,
              comment: 'Regular',
              ratedByName: 'Tomás Usuario',
            },
            {
              ticketNumber: t2,
              subject: 'Resumen T2',
              score: 3,
              comment: null,
              ratedByName: 'Tomás Usuario',
            },
          ],
        },
      ],
    });

    // One organization, and one month: March has only A1.
    const { body: march } = await gql<{ satisfactionSummary: { overall: unknown } }>(
      world.api,
      SUMMARY,
      { organizationId: aurora, from: '2025-03', to: '2025-03' },
      world.bearer(Role.MANAGER),
    );
    expect(march.data!.satisfactionSummary.overall).toEqual({
      ratings: 1,
      averageScore: 5,
      satisfiedPercent: 100,
      responseRate: { ratable: 1, rated: 1, percent: 100 },
    });

    // May: T5's closure alone, unrated: Tulum is listed with 0 of 1 answered and no ratings.
    const { body: may } = await gql<{ satisfactionSummary: Record<string, unknown> }>(
      world.api,
      SUMMARY,
      { organizationId: tulum, from: '2025-05', to: '2025-05' },
      world.bearer(Role.MANAGER),
    );
    expect(may.data!.satisfactionSummary).toMatchObject({
      overall: {
        ratings: 0,
        averageScore: null,
        responseRate: { ratable: 1, rated: 0, percent: 0 },
      },
      organizations: [{ organizationName: TULUM, months: [{ month: '2025-05' }], lowest: [] }],
    });

    // A client user reads only its own organization (the default); another one is NOT_FOUND.
    const { body: own } = await gql<{ satisfactionSummary: { organizations: unknown[] } }>(
      world.api,
      SUMMARY,
      { from: '2025-03', to: '2025-04', lowest: 2 },
      world.bearer(Role.CLIENT_APPROVER),
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.satisfactionSummary.organizations).toEqual([auroraSummary]);
    const { body: other } = await gql(
      world.api,
      SUMMARY,
      { organizationId: tulum, from: '2025-03', to: '2025-04' },
      world.bearer(Role.CLIENT_USER),
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'organization',
    });

    // Agents do not read it; a reversed or malformed range is refused.
    const { body: agent } = await gql(
      world.api,
      SUMMARY,
      { from: '2025-03', to: '2025-04' },
      world.bearer(Role.AGENT),
    );
    expect(agent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const range of [
      { from: '2025-05', to: '2025-04' },
      { from: '2025-13', to: '2025-14' },
    ]) {
      const { body: bad } = await gql(world.api, SUMMARY, range, world.bearer(Role.MANAGER));
      expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    }
  });

  /** The ticket's outbox rows of `type`, once `count` of them are SENT. */
  const sent = (number: string, type: string, count: number) =>
    eventually(
      () =>
        world.db.query<OutboxRow[]>(
          `SELECT event_type, recipient_address, status, message_id, subject, text
             FROM email_outbox WHERE ticket_number = $1 AND event_type = $2
            ORDER BY recipient_address`,
          [number, type],
        ),
      (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
    );

  /** Each row arrived exactly once at the SMTP catcher, about ticket `number`; those emails. */
  async function deliveredOnce(number: string, rows: OutboxRow[]): Promise<CaughtMail[]> {
    const mails = await caughtOnceEach(rows);
    for (const mail of mails) expect(mail.subject).toContain(`[${number}]`);
    return mails;
  }

  it('the closure email invites the rating, with the link to it (L3-11)', async () => {
    const number = await closedTicket('Rating: invitación');
    const [closed] = await sent(number, 'CLOSED', 1);
    expect(closed.recipient_address).toBe('usuario@aurora.example');
    expect(closed.text).toContain('¿Cómo calificaría la atención?');
    expect(closed.text).toContain(`/tickets/${number}#calificar`);
  });

  it('a rating of 2 or less emails every provider manager once, in their language; changing it sends nothing more', async () => {
    const low = await closedTicket('Rating: baja');
    expect(
      (
        await rate(Role.CLIENT_USER, {
          number: low,
          score: 2,
          comment: 'Nadie respondió <pronto>.',
        })
      ).error,
    ).toBeUndefined();
    const rows = await sent(low, 'SATISFACTION_LOW', 2);
    expect(rows.map((r) => r.recipient_address)).toEqual([
      'gerente@becken.example',
      ENGLISH_MANAGER,
    ]);
    const mails = await deliveredOnce(low, rows);
    const to = (address: string) => mails.find((m) => m.to.includes(address))!;
    expect(to('gerente@becken.example').subject).toBe(
      `[${low}] Calificación baja (2 de 5) de ${AURORA}: Rating: baja`,
    );
    expect(to('gerente@becken.example').text).toContain('Nadie respondió <pronto>.');
    expect(to('gerente@becken.example').text).toContain('Calificó: Úrsula Usuaria');
    expect(to('gerente@becken.example').text).toContain(`/tickets/${low}`);
    expect(to(ENGLISH_MANAGER).subject).toBe(
      `[${low}] Low rating (2 of 5) from ${AURORA}: Rating: baja`,
    );

    // Changed to 1, then to 2 again: the same rating, told once.
    expect((await rate(Role.CLIENT_USER, { number: low, score: 1 })).error).toBeUndefined();
    expect((await rate(Role.CLIENT_APPROVER, { number: low, score: 2 })).error).toBeUndefined();

    // A rating that starts high and is changed to low is told once too; a 3 tells nobody.
    const changed = await closedTicket('Rating: cambia a baja');
    expect((await rate(Role.CLIENT_USER, { number: changed, score: 5 })).error).toBeUndefined();
    expect((await rate(Role.CLIENT_USER, { number: changed, score: 1 })).error).toBeUndefined();
    const neutral = await closedTicket('Rating: neutral');
    expect((await rate(Role.CLIENT_USER, { number: neutral, score: 3 })).error).toBeUndefined();
    const changedRows = await sent(changed, 'SATISFACTION_LOW', 2);
    expect(changedRows.map((r) => r.subject)).toContain(
      `[${changed}] Calificación baja (1 de 5) de ${AURORA}: Rating: cambia a baja`,
    );
    await deliveredOnce(changed, changedRows);

    const counts = await world.db.query<{ ticket_number: string; n: number }[]>(
      `SELECT ticket_number, count(*)::int AS n FROM email_outbox
        WHERE event_type = 'SATISFACTION_LOW' AND ticket_number = ANY($1)
        GROUP BY 1 ORDER BY 1`,
      [[low, changed, neutral]],
    );
    expect(counts).toEqual(
      [
        { ticket_number: low, n: 2 },
        { ticket_number: changed, n: 2 },
      ].sort((a, b) => a.ticket_number.localeCompare(b.ticket_number)),
    );
    // The catcher still holds exactly one copy of each low-rating email of the first ticket.
    await deliveredOnce(low, rows);
  });

  it('the summary reads one snapshot: a rating committed while it reads is in its ratings and its response rate, or in neither (L3-11)', async () => {
    // Closed in June 2024, a month no other test closes or rates in.
    const number = await closedTicket('Resumen en carrera', TULUM);
    await world.db.query(
      `UPDATE ticket SET details = jsonb_set(details, '{closure,at}', to_jsonb($2::text))
        WHERE number = $1`,
      [number, '2024-06-10T12:00:00Z'],
    );
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const [rater] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organization_id = $1 ORDER BY email LIMIT 1`,
      [tulum],
    );
    const [manager] = await world.db.query<
      { id: string; email: string; organization_id: string }[]
    >(
      `SELECT id, email, organization_id FROM app_user WHERE 'MANAGER' = ANY (roles)
        ORDER BY email LIMIT 1`,
    );
    const caller: AuthenticatedUser = {
      id: manager.id,
      email: manager.email,
      organizationId: manager.organization_id,
      organizationKind: OrganizationKind.PROVIDER,
      roles: [Role.MANAGER],
      locale: 'es-MX',
      timeZone: 'America/Mexico_City',
    };
    const app = world.api.app;
    const summaryOf = (db: DataSource) =>
      new SatisfactionService(db, app.get(AppConfig), app.get(NotificationsService)).summary(
        caller,
        { organizationId: tulum, from: '2024-06', to: '2024-06', lowest: 0 },
      );
    // The client's rating commits on another connection right after the summary's first read.
    const raced = await summaryOf(
      racingDb(world.db, () =>
        world.db.query(
          `INSERT INTO ticket_satisfaction (ticket_number, score, rated_by, rated_at, updated_at)
           VALUES ($1, 4, $2, '2024-06-11T12:00:00Z', '2024-06-11T12:00:00Z')`,
          [number, rater.id],
        ),
      ),
    );
    const [during] = raced.organizations;
    expect(during.total.responseRate.ratable).toBe(1);
    expect(during.total.responseRate.rated).toBe(during.total.ratings);
    // Committed: the next summary counts it on both sides.
    const [after] = (await summaryOf(world.db)).organizations;
    expect(after.total).toMatchObject({ ratings: 1, responseRate: { ratable: 1, rated: 1 } });
  });
});
