import { DomainError } from '../../src/common/errors/domain-error';
import { HourLedgerService } from '../../src/contracts/hour-ledger.service';
import { otherReason, ticketEndedReason } from '../../src/contracts/hour-ledger-reason';
import { toFact } from '../../src/contracts/ledger-rows';
import { foldLedger } from '../../src/contracts/ledger-rules';
import { SupportPoliciesService } from '../../src/contracts/support-policies.service';
import { HourLedgerEntryEntity } from '../../src/contracts/hour-ledger-entry.entity';
import { Role } from '../../src/identity/role.enum';
import { calendarMonth, calendarToday } from '../support/calendar-month';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { MONTHLY_STATEMENT, type MonthlyStatementView } from '../support/monthly-statement';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';
import { TULUM_ORG } from '../support/demo-contract';

// L3-01, L3-03, L3-12, L3-13, L3-16, L3-18: support policies and the prepaid-hours ledger, through
// the real API over HTTP on real PostgreSQL. The ticket workflow's activities will call
// reserve/release on HourLedgerService directly, so those steps use the running app's service.

const POLICY_FIELDS =
  'id status monthlyFee currency startDate canRegisterTickets registrationBlockedReason odooAdminLogin odooAdminMissing';
const UPSERT = `mutation ($input: UpsertSupportPolicyInput!) { upsertSupportPolicy(input: $input) { ${POLICY_FIELDS} } }`;
const SET_STATUS = `mutation ($input: SetSupportPolicyStatusInput!) { setSupportPolicyStatus(input: $input) { ${POLICY_FIELDS} } }`;
const ODOO_ADMIN = `mutation ($input: RecordOdooAdminUserInput!) { recordOdooAdminUser(input: $input) { ${POLICY_FIELDS} } }`;
const POLICY = `query ($organizationId: ID!) { supportPolicy(organizationId: $organizationId) {
  ${POLICY_FIELDS} history { kind fromStatus toStatus reason actorId at } } }`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) {
  id hours ledgerEntryId balance { purchased available } } }`;
const BALANCE = `query ($organizationId: ID!) { hourBalance(organizationId: $organizationId) {
  purchased consumed adjustments balance reserved available
  reservations { ticketNumber estimateVersion reservedHours consumedHours } } }`;
const LOG_TIME = `mutation ($input: LogTimeInput!) { logTime(input: $input) {
  id hours chargedHours ticketNumber balance { available reserved consumed } } }`;
const NO_CHARGE = `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) {
  ticketNumber noCharge reason releasedHours reservedHours } }`;
const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id kind hours } }`;
const REVERSE = `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) {
  id kind hours reversesEntryId } }`;
const STATEMENT = `query ($organizationId: ID!, $first: Int, $after: String) {
  hourStatement(organizationId: $organizationId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind hours ticketNumber reason balanceAfter availableAfter } } } }`;

interface Balance {
  purchased: number;
  consumed: number;
  adjustments: number;
  balance: number;
  reserved: number;
  available: number;
  reservations: { ticketNumber: string; reservedHours: number }[];
}

/** Numbers that no registered ticket has: only the ledger service (as the workflow calls it) sees them. */
const UNREGISTERED = (n: number) => `L3-2026-${String(n).padStart(6, '0')}`;
/**
 * Today in the clients' calendar zone (the default calendar's): the day of an adjustment, and of
 * work logged (L3-12: a later work date is refused, and at 18:00 there UTC is on the next day).
 */
const today = calendarToday();
const month = today.slice(0, 7);

describe('Contracts and prepaid hours (L3-01, L3-03, L3-12, L3-13, L3-16, L3-18)', () => {
  let world: SeededWorld;
  let ledger: HourLedgerService;
  let policies: SupportPoliciesService;
  let aurora: string;
  let tulum: string;
  let users: Record<string, string>;
  /** Aurora's tickets registered through the API (L3-05); `T(1)` is the first. */
  const registered: string[] = [];
  const T = (n: number) => {
    const number = registered[n - 1];
    if (!number) throw new Error(`ticket ${n} is not registered yet`);
    return number;
  };
  const manager = () => world.bearer(Role.MANAGER);
  const agent = () => world.bearer(Role.AGENT);

  const count = async (table: string) =>
    Number((await world.db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const rowCounts = async () =>
    Promise.all(
      [
        'hour_ledger_entry',
        'hour_package',
        'time_entry',
        'support_policy',
        'support_policy_event',
        'ticket_billing',
        'ticket_billing_event',
      ].map(count),
    );
  const balanceOf = async (organizationId: string, headers = manager()) => {
    const { body } = await gql<{ hourBalance: Balance }>(
      world.api,
      BALANCE,
      { organizationId },
      headers,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.hourBalance;
  };
  const reserve = (
    organizationId: string,
    ticketNumber: string,
    estimateVersion: number,
    hours: number,
    idempotencyKey = `ticket-${ticketNumber}:estimate-${estimateVersion}`,
  ) =>
    ledger.reserveForEstimate({
      organizationId,
      ticketNumber,
      estimateVersion,
      hours,
      category: 'DEVELOPMENT',
      actorId: users['aprobador@aurora.example'],
      idempotencyKey,
    });
  const rejection = async (promise: Promise<unknown>): Promise<DomainError> => {
    try {
      await promise;
    } catch (err) {
      if (err instanceof DomainError) return err;
      throw err;
    }
    throw new Error('expected a DomainError');
  };
  const activePolicy = (organizationId: string) =>
    gql(
      world.api,
      UPSERT,
      { input: { organizationId, monthlyFee: 15000, startDate: '2026-01-01' } },
      manager(),
    );

  beforeAll(async () => {
    // A task queue no worker polls: the registered tickets' workflows wait, the read model holds them.
    world = await createSeededWorld(
      'contracts',
      { TEMPORAL_TASK_QUEUE: `contracts-${process.pid}-${Date.now()}` },
      false,
    );
    ledger = world.api.app.get(HourLedgerService);
    policies = world.api.app.get(SupportPoliciesService);
    aurora = world.orgIds['comercializadora-aurora'];
    tulum = world.orgIds['grupo-industrial-tulum'];
    const rows = await world.db.query<{ id: string; email: string }[]>(
      'SELECT id, email FROM app_user',
    );
    users = Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });
  afterAll(async () => {
    await world?.close();
  });

  describe('support policy lifecycle (L3-01, L3-03, L3-16)', () => {
    it('refuses tickets for a client without a policy, saying why', async () => {
      const err = await rejection(policies.assertCanRegisterTickets(tulum));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toMatchObject({ reason: 'NO_ACTIVE_POLICY', policyStatus: null });
      expect(err.message).toMatch(/Grupo Industrial Tulum has no support policy/);
    });

    it('creates an ACTIVE policy with its monthly fee; the missing Odoo admin is flagged', async () => {
      const { body } = await gql<{ upsertSupportPolicy: Record<string, unknown> }>(
        world.api,
        UPSERT,
        { input: { organizationId: tulum, monthlyFee: 12500.5, startDate: '2026-01-15' } },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.upsertSupportPolicy).toMatchObject({
        status: 'ACTIVE',
        monthlyFee: 12500.5,
        currency: 'MXN',
        startDate: '2026-01-15',
        canRegisterTickets: true,
        odooAdminMissing: true,
      });
      await expect(policies.assertCanRegisterTickets(tulum)).resolves.toMatchObject({
        status: 'ACTIVE',
      });
    });

    it('records the Odoo admin user kept for the provider (L3-16)', async () => {
      const { body } = await gql<{ recordOdooAdminUser: Record<string, unknown> }>(
        world.api,
        ODOO_ADMIN,
        { input: { organizationId: tulum, login: 'becken-admin@tulum.example' } },
        world.bearer(Role.ADMIN),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.recordOdooAdminUser).toMatchObject({
        odooAdminLogin: 'becken-admin@tulum.example',
        odooAdminMissing: false,
      });

      // Saved again unchanged: nothing is written, no second history line, the same confirmation.
      const stored = () =>
        world.db.query<{ events: number; confirmed_at: Date }[]>(
          `SELECT (SELECT count(*)::int FROM support_policy_event e WHERE e.policy_id = p.id) AS events,
                  p.odoo_admin_confirmed_at AS confirmed_at
             FROM support_policy p WHERE p.organization_id = $1`,
          [tulum],
        );
      const [before] = await stored();
      const again = await gql<{ recordOdooAdminUser: Record<string, unknown> }>(
        world.api,
        ODOO_ADMIN,
        { input: { organizationId: tulum, login: ' becken-admin@tulum.example ' } },
        world.bearer(Role.ADMIN),
      );
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.recordOdooAdminUser).toMatchObject({ odooAdminMissing: false });
      expect(await stored()).toEqual([before]);
    });

    it('suspends (tickets refused with the date and reason), reactivates, ends and renews', async () => {
      const set = (status: string, reason: string) =>
        gql<{ setSupportPolicyStatus: Record<string, unknown> }>(
          world.api,
          SET_STATUS,
          { input: { organizationId: tulum, status, reason } },
          manager(),
        );
      // The change is dated on the day it is made in Tulum's calendar zone (the default
      // calendar's, Mexico City; from 18:00 there UTC is on the next day): the day before or after
      // the call, as the spec's module-level `today` is hours old when the suite runs across
      // midnight there.
      const stampedOn = async <T>(change: () => Promise<T>): Promise<[T, string[]]> => {
        const before = calendarToday();
        const result = await change();
        return [result, [before, calendarToday()]];
      };
      const [suspended, suspendedOn] = await stampedOn(() => set('SUSPENDED', 'factura vencida'));
      expect(suspended.body.data!.setSupportPolicyStatus).toMatchObject({
        status: 'SUSPENDED',
        canRegisterTickets: false,
      });
      const err = await rejection(policies.assertCanRegisterTickets(tulum));
      expect(err.details).toMatchObject({ reason: 'NO_ACTIVE_POLICY', policyStatus: 'SUSPENDED' });
      expect(suspendedOn).toContain(err.details!.since);
      expect(err.message).toContain(
        `suspended since ${String(err.details!.since)} (factura vencida)`,
      );
      // The policy's own reason, shown on its page, names the same day.
      expect(suspended.body.data!.setSupportPolicyStatus.registrationBlockedReason).toBe(
        err.message,
      );

      expect((await set('ACTIVE', 'pagada')).body.errors).toBeUndefined();
      const [endedSet, endedOn] = await stampedOn(() => set('ENDED', 'fin del contrato'));
      expect(endedSet.body.errors).toBeUndefined();
      const ended = await rejection(policies.assertCanRegisterTickets(tulum));
      expect(endedOn).toContain(ended.details!.since);
      expect(ended.message).toContain(
        `ended on ${String(ended.details!.since)} (fin del contrato)`,
      );

      const before = await rowCounts();
      const invalid = await set('SUSPENDED', 'no');
      expect(invalid.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
      expect(await rowCounts()).toEqual(before);

      expect((await set('ACTIVE', 'renovación 2026')).body.errors).toBeUndefined();
      await expect(policies.assertCanRegisterTickets(tulum)).resolves.toBeDefined();
    });

    it('keeps an auditable history the client can read: who, when, from → to, why', async () => {
      const { body } = await gql<{
        supportPolicy: { history: { kind: string; fromStatus: string; toStatus: string }[] } & {
          history: { reason: string | null; actorId: string | null }[];
        };
      }>(world.api, POLICY, { organizationId: tulum }, world.bearer(Role.CLIENT_USER, TULUM_ORG));
      expect(body.errors).toBeUndefined();
      const history = body.data!.supportPolicy.history;
      expect(history.map((h) => `${h.kind}:${h.fromStatus ?? ''}->${h.toStatus ?? ''}`)).toEqual([
        'CREATED:->ACTIVE',
        'ODOO_ADMIN_RECORDED:->',
        'STATUS_CHANGED:ACTIVE->SUSPENDED',
        'STATUS_CHANGED:SUSPENDED->ACTIVE',
        'STATUS_CHANGED:ACTIVE->ENDED',
        'STATUS_CHANGED:ENDED->ACTIVE',
      ]);
      expect(history[2]).toMatchObject({
        reason: 'factura vencida',
        actorId: users['gerente@becken.example'],
      });
      // Append-only in the database too.
      await expect(world.db.query('DELETE FROM support_policy_event')).rejects.toThrow(
        /append-only/,
      );
    });

    it("hides another client's policy (NOT_FOUND) and lets only provider admins/managers change it", async () => {
      const hidden = await gql(
        world.api,
        POLICY,
        { organizationId: tulum },
        world.bearer(Role.CLIENT_USER),
      );
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      for (const role of [Role.CLIENT_APPROVER, Role.AGENT]) {
        const before = await rowCounts();
        const { body } = await gql(
          world.api,
          UPSERT,
          { input: { organizationId: aurora, monthlyFee: 1, startDate: '2026-01-01' } },
          world.bearer(role),
        );
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await rowCounts()).toEqual(before);
      }
    });
  });

  describe('purchase → reserve → log time → release (L3-03, L3-12, L3-13)', () => {
    beforeAll(async () => {
      expect((await activePolicy(aurora)).body.errors).toBeUndefined();
      for (let i = 0; i < 5; i++) {
        const { body } = await gql<{ registerTicket: { number: string } }>(
          world.api,
          `mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }`,
          {
            input: {
              category: 'DEVELOPMENT',
              subject: `Reporte ${i + 1}`,
              description: 'Un reporte de ventas por zona.',
            },
          },
          world.bearer(Role.CLIENT_USER),
        );
        expect(body.errors).toBeUndefined();
        registered.push(body.data!.registerTicket.number);
      }
    });

    it('a purchased package adds hours that are available at once', async () => {
      const { body } = await gql<{ purchaseHourPackage: { hours: number; balance: Balance } }>(
        world.api,
        PURCHASE,
        {
          input: {
            organizationId: aurora,
            hours: 20,
            purchasedOn: today,
            reference: 'FAC-2026-0042',
            price: 18000,
          },
        },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.purchaseHourPackage.balance).toMatchObject({
        purchased: 20,
        available: 20,
      });
      expect(await balanceOf(aurora)).toMatchObject({
        purchased: 20,
        consumed: 0,
        reserved: 0,
        available: 20,
      });
    });

    it('an authorized estimate reserves its hours; a retry with the same key changes nothing', async () => {
      const first = await reserve(aurora, T(1), 1, 6);
      expect(first).toMatchObject({ reservedHours: 6, releasedHours: 0, replayed: false });
      const rows = await count('hour_ledger_entry');
      const retry = await reserve(aurora, T(1), 1, 6);
      expect(retry).toMatchObject({ reservedHours: 6, replayed: true });
      expect(await count('hour_ledger_entry')).toBe(rows);
      expect(await balanceOf(aurora)).toMatchObject({
        reserved: 6,
        available: 14,
        balance: 20,
        reservations: [{ ticketNumber: T(1), reservedHours: 6 }],
      });
    });

    it('logged time consumes the reservation', async () => {
      const { body } = await gql<{ logTime: { chargedHours: number; balance: Balance } }>(
        world.api,
        LOG_TIME,
        {
          input: {
            ticketNumber: T(1),
            organizationId: aurora,
            date: today,
            hours: 2.5,
            description: 'Ajuste del reporte de ventas',
          },
        },
        agent(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.logTime.chargedHours).toBe(2.5);
      expect(await balanceOf(aurora)).toMatchObject({
        consumed: 2.5,
        reserved: 3.5,
        balance: 17.5,
        available: 14,
      });
    });

    it('refuses time beyond the authorized estimate (a change order is needed), writing nothing', async () => {
      const before = await rowCounts();
      const { body } = await gql(
        world.api,
        LOG_TIME,
        {
          input: {
            ticketNumber: T(1),
            organizationId: aurora,
            date: today,
            hours: 4,
            description: 'Más trabajo',
          },
        },
        agent(),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
        remainingHours: 3.5,
        excessHours: 0.5,
      });
      expect(body.errors?.[0]?.message).toMatch(/change order/);
      expect(await rowCounts()).toEqual(before);
    });

    it('a newer estimate version replaces the previous reservation atomically', async () => {
      const result = await reserve(aurora, T(1), 2, 8);
      // 8 h authorized in total, 2.5 h already consumed: 5.5 h held; the old 3.5 h released.
      expect(result).toMatchObject({ reservedHours: 5.5, releasedHours: 3.5 });
      expect(await balanceOf(aurora)).toMatchObject({
        reserved: 5.5,
        available: 12,
        reservations: [{ ticketNumber: T(1), estimateVersion: 2, reservedHours: 5.5 }],
      });
      const stale = await rejection(reserve(aurora, T(1), 1, 6, 'another-key'));
      expect(stale.details).toMatchObject({ reason: 'STALE_ESTIMATE_VERSION' });
    });

    it('refuses an estimate larger than the available hours, with the shortfall', async () => {
      const before = await rowCounts();
      const err = await rejection(reserve(aurora, T(2), 1, 12.5));
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toMatchObject({
        reason: 'INSUFFICIENT_HOURS',
        availableHours: 12,
        shortfallHours: 0.5,
      });
      expect(await rowCounts()).toEqual(before);
    });

    it('on close, releases exactly the unused reservation (once)', async () => {
      const released = await ledger.releaseUnusedReservation({
        ticketNumber: T(1),
        reason: ticketEndedReason('CLOSED'),
        idempotencyKey: `ticket-${T(1)}:close`,
      });
      expect(released.releasedHours).toBe(5.5);
      const retry = await ledger.releaseUnusedReservation({
        ticketNumber: T(1),
        reason: ticketEndedReason('CLOSED'),
        idempotencyKey: `ticket-${T(1)}:close`,
      });
      expect(retry).toMatchObject({ releasedHours: 5.5, replayed: true });
      const again = await ledger.releaseUnusedReservation({
        ticketNumber: T(1),
        reason: otherReason('closed twice'),
        idempotencyKey: `ticket-${T(1)}:close-2`,
      });
      expect(again.releasedHours).toBe(0);
      expect(await balanceOf(aurora)).toMatchObject({
        purchased: 20,
        consumed: 2.5,
        reserved: 0,
        balance: 17.5,
        available: 17.5,
        reservations: [],
      });
    });

    it('a release that found nothing held leaves its key free: the ended run, asking again with it, gives back what was held since', async () => {
      // The ticket workflow's cancellation releases with the ended run's key; a waived ticket has
      // nothing held then. Staff un-waiving it at that moment hold its estimate again, and the
      // ended run's call with the same key must give that back (L3-12), not replay the empty one.
      const key = `ticket-${T(4)}:release`;
      const release = () =>
        ledger.releaseUnusedReservation({
          ticketNumber: T(4),
          reason: ticketEndedReason('CANCELLED'),
          idempotencyKey: key,
        });
      expect(await release()).toMatchObject({ releasedHours: 0, replayed: false });
      await reserve(aurora, T(4), 1, 3);
      expect((await balanceOf(aurora)).reserved).toBe(3);
      expect(await release()).toMatchObject({ releasedHours: 3, replayed: false });
      expect(await release()).toMatchObject({ releasedHours: 3, replayed: true });
      expect((await balanceOf(aurora)).reserved).toBe(0);
    });
  });

  describe('no-charge tickets (L3-18)', () => {
    it.each([
      ['setTicketNoCharge', NO_CHARGE, { noCharge: true, reason: 'gratis' }],
      ['logTime', LOG_TIME, { date: today, hours: 1, description: 'Análisis' }],
    ])(
      '%s on an unregistered ticket answers NOT_FOUND and writes nothing (L3-18, L3-12)',
      async (_name, mutation, extra) => {
        const before = await rowCounts();
        const { body } = await gql(
          world.api,
          mutation,
          { input: { ticketNumber: UNREGISTERED(999_999), organizationId: aurora, ...extra } },
          agent(),
        );
        expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(await rowCounts()).toEqual(before);
      },
    );

    it('only provider staff may waive a ticket (FORBIDDEN for clients), nothing written', async () => {
      for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
        const before = await rowCounts();
        const { body } = await gql(
          world.api,
          NO_CHARGE,
          {
            input: { ticketNumber: T(3), organizationId: aurora, noCharge: true, reason: 'gratis' },
          },
          world.bearer(role),
        );
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await rowCounts()).toEqual(before);
      }
    });

    it('waiving releases the hold; time on a waived ticket is logged but consumes nothing', async () => {
      await reserve(aurora, T(3), 1, 4);
      expect((await balanceOf(aurora)).available).toBe(13.5);
      const { body } = await gql<{ setTicketNoCharge: { releasedHours: number } }>(
        world.api,
        NO_CHARGE,
        {
          input: {
            ticketNumber: T(3),
            organizationId: aurora,
            noCharge: true,
            reason: 'Duda básica de primer nivel',
          },
        },
        agent(),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.setTicketNoCharge.releasedHours).toBe(4);
      const before = await balanceOf(aurora);
      expect(before).toMatchObject({ reserved: 0, available: 17.5 });

      const logged = await gql<{ logTime: { hours: number; chargedHours: number } }>(
        world.api,
        LOG_TIME,
        {
          input: {
            ticketNumber: T(3),
            organizationId: aurora,
            date: today,
            hours: 3,
            description: 'Explicación del flujo de compras',
          },
        },
        agent(),
      );
      expect(logged.body.errors).toBeUndefined();
      expect(logged.body.data!.logTime).toMatchObject({ hours: 3, chargedHours: 0 });
      expect(await balanceOf(aurora)).toEqual(before);
      const [row] = await world.db.query<{ kind: string; hours: string }[]>(
        `SELECT kind, hours FROM hour_ledger_entry WHERE ticket_number = $1 ORDER BY id DESC LIMIT 1`,
        [T(3)],
      );
      expect(row).toEqual({ kind: 'CONSUMPTION', hours: '0.00' });
      expect(
        await world.db.query(
          'SELECT no_charge, reason FROM ticket_billing_event WHERE ticket_number = $1',
          [T(3)],
        ),
      ).toEqual([{ no_charge: true, reason: 'Duda básica de primer nivel' }]);
    });
  });

  describe('corrections are reversals; the ledger is append-only (L3-13)', () => {
    it('reverses an adjustment with a REVERSAL entry, once', async () => {
      const adjusted = await gql<{ adjustHours: { id: string; hours: number } }>(
        world.api,
        ADJUST,
        { input: { organizationId: aurora, hours: 1.5, reason: 'Cortesía por retraso' } },
        manager(),
      );
      expect(adjusted.body.errors).toBeUndefined();
      expect((await balanceOf(aurora)).available).toBe(19);
      const reversed = await gql<{ reverseHourEntry: Record<string, unknown> }>(
        world.api,
        REVERSE,
        { input: { entryId: adjusted.body.data!.adjustHours.id, reason: 'Capturada por error' } },
        manager(),
      );
      expect(reversed.body.errors).toBeUndefined();
      expect(reversed.body.data!.reverseHourEntry).toMatchObject({
        kind: 'REVERSAL',
        hours: -1.5,
        reversesEntryId: adjusted.body.data!.adjustHours.id,
      });
      expect(await balanceOf(aurora)).toMatchObject({ adjustments: 0, available: 17.5 });
      const twice = await gql(
        world.api,
        REVERSE,
        { input: { entryId: adjusted.body.data!.adjustHours.id, reason: 'otra vez' } },
        manager(),
      );
      expect(twice.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_REVERSED',
      });
    });

    it('refuses an adjustment that would make the available hours negative', async () => {
      const before = await rowCounts();
      const { body } = await gql(
        world.api,
        ADJUST,
        { input: { organizationId: aurora, hours: -18, reason: 'Demasiado' } },
        manager(),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({
        reason: 'INSUFFICIENT_HOURS',
        shortfallHours: 0.5,
      });
      expect(await rowCounts()).toEqual(before);
    });

    it.each([
      ['UPDATE', `UPDATE hour_ledger_entry SET hours = 100 WHERE kind = 'PURCHASE'`],
      ['DELETE', 'DELETE FROM hour_ledger_entry'],
      ['TRUNCATE', 'TRUNCATE hour_ledger_entry CASCADE'],
      ['UPDATE of a time entry', 'UPDATE time_entry SET charged_hours = 0'],
      ['DELETE of a package', 'DELETE FROM hour_package'],
    ])('the database refuses %s', async (_label, sql) => {
      const before = await rowCounts();
      await expect(world.db.query(sql)).rejects.toThrow(/append-only/);
      expect(await rowCounts()).toEqual(before);
    });

    it('has no expiry anywhere (L3-13)', async () => {
      const columns = await world.db.query<{ table_name: string; column_name: string }[]>(
        `SELECT table_name, column_name FROM information_schema.columns
          WHERE table_name IN ('hour_package', 'hour_ledger_entry', 'support_policy')`,
      );
      expect(columns.length).toBeGreaterThan(20);
      expect(columns.filter((c) => /expir|valid_until|valid_to/i.test(c.column_name))).toEqual([]);
    });
  });

  describe('concurrent authorizations never overdraw (L3-12)', () => {
    it('10 parallel 6 h reservations on a 20 h balance: exactly 3 succeed, available never negative', async () => {
      // A client of its own, so this test stands alone.
      const created = await gql<{ createOrganization: { id: string } }>(
        world.api,
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Concurrencia SA' } },
        world.bearer(Role.ADMIN),
      );
      const client = created.body.data!.createOrganization.id;
      expect((await activePolicy(client)).body.errors).toBeUndefined();
      const { body } = await gql(
        world.api,
        PURCHASE,
        {
          input: {
            organizationId: client,
            hours: 20,
            purchasedOn: today,
            reference: 'FAC-C-1',
            price: 18000,
          },
        },
        manager(),
      );
      expect(body.errors).toBeUndefined();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => reserve(client, UNREGISTERED(100 + i), 1, 6)),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(ok).toHaveLength(3);
      expect(refused).toHaveLength(7);
      for (const r of refused) {
        expect(r.reason).toBeInstanceOf(DomainError);
        expect((r.reason as DomainError).details).toMatchObject({
          reason: 'INSUFFICIENT_HOURS',
          shortfallHours: 4,
        });
      }
      expect(await balanceOf(client)).toMatchObject({ purchased: 20, reserved: 18, available: 2 });
      // Every prefix of the ledger, as committed, keeps available ≥ 0.
      const entries = await world.db
        .getRepository(HourLedgerEntryEntity)
        .find({ where: { organizationId: client }, order: { id: 'ASC' } });
      for (let i = 1; i <= entries.length; i++) {
        expect(foldLedger(entries.slice(0, i).map(toFact)).available).toBeGreaterThanOrEqual(0);
      }
    });
  });

  describe('access (L3-03: both visible to the client, only to the client)', () => {
    it('shows a client its own balance, statement and monthly statement', async () => {
      const own = world.bearer(Role.CLIENT_USER);
      expect((await balanceOf(aurora, own)).available).toBe(17.5);
      const statement = await gql(world.api, STATEMENT, { organizationId: aurora }, own);
      expect(statement.body.errors).toBeUndefined();
      const monthly = await gql(
        world.api,
        MONTHLY_STATEMENT,
        { organizationId: aurora, month },
        own,
      );
      expect(monthly.body.errors).toBeUndefined();
    });

    it.each([
      ['hourBalance', BALANCE, {}],
      ['hourStatement', STATEMENT, {}],
      ['monthlyStatement', MONTHLY_STATEMENT, { month }],
      ['supportPolicy', POLICY, {}],
    ])("answers NOT_FOUND for another client's %s", async (name, query, extra) => {
      const other = world.bearer(Role.CLIENT_USER, TULUM_ORG);
      const { body } = await gql(world.api, query, { organizationId: aurora, ...extra }, other);
      expect((body.data as Record<string, unknown> | null | undefined)?.[name] ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('answers NOT_FOUND for the provider organization or an unknown one', async () => {
      for (const organizationId of [world.orgIds.becken, '00000000-0000-4000-8000-00000000abcd']) {
        const { body } = await gql(world.api, BALANCE, { organizationId }, manager());
        expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
    });

    it.each([
      [Role.CLIENT_USER, 'purchaseHourPackage'],
      [Role.AGENT, 'purchaseHourPackage'],
      [Role.CLIENT_APPROVER, 'logTime'],
    ])('refuses %s on %s with FORBIDDEN', async (role, op) => {
      const before = await rowCounts();
      const { body } =
        op === 'logTime'
          ? await gql(
              world.api,
              LOG_TIME,
              {
                input: {
                  ticketNumber: T(1),
                  organizationId: aurora,
                  date: today,
                  hours: 1,
                  description: 'x',
                },
              },
              world.bearer(role),
            )
          : await gql(
              world.api,
              PURCHASE,
              {
                input: {
                  organizationId: aurora,
                  hours: 5,
                  purchasedOn: today,
                  reference: 'x',
                  price: 1,
                },
              },
              world.bearer(role),
            );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      for (const [query, variables] of [
        [BALANCE, { organizationId: aurora }],
        [
          NO_CHARGE,
          { input: { ticketNumber: T(1), organizationId: aurora, noCharge: true, reason: 'x' } },
        ],
      ] as const) {
        const { body } = await gql(world.api, query, variables);
        expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('input validation: VALIDATION_FAILED, nothing written', () => {
    const purchase = (over: Record<string, unknown>) => ({
      organizationId: aurora,
      hours: 5,
      purchasedOn: '2026-03-02',
      reference: 'FAC-9',
      price: 100,
      ...over,
    });
    it.each([
      ['hours 0', PURCHASE, () => ({ input: purchase({ hours: 0 }) })],
      ['negative hours', PURCHASE, () => ({ input: purchase({ hours: -2 }) })],
      ['hours with 3 decimals', PURCHASE, () => ({ input: purchase({ hours: 1.234 }) })],
      ['an impossible date', PURCHASE, () => ({ input: purchase({ purchasedOn: '2026-02-30' }) })],
      ['a lower-case currency', PURCHASE, () => ({ input: purchase({ currency: 'mxn' }) })],
      [
        'a malformed organization ID',
        PURCHASE,
        () => ({ input: purchase({ organizationId: 'x' }) }),
      ],
      [
        'a blank reason',
        ADJUST,
        () => ({ input: { organizationId: aurora, hours: 1, reason: '   ' } }),
      ],
      [
        'a 501-character reason',
        ADJUST,
        () => ({ input: { organizationId: aurora, hours: 1, reason: 'x'.repeat(501) } }),
      ],
      [
        '0 hours adjusted',
        ADJUST,
        () => ({ input: { organizationId: aurora, hours: 0, reason: 'x' } }),
      ],
      [
        'a malformed ticket number',
        LOG_TIME,
        () => ({
          input: {
            ticketNumber: 'T-1',
            organizationId: aurora,
            date: today,
            hours: 1,
            description: 'x',
          },
        }),
      ],
      [
        'time in the future',
        LOG_TIME,
        () => ({
          input: {
            ticketNumber: T(1),
            organizationId: aurora,
            date: '2999-01-01',
            hours: 1,
            description: 'x',
          },
        }),
      ],
      [
        'a negative monthly fee',
        UPSERT,
        () => ({ input: { organizationId: aurora, monthlyFee: -1, startDate: '2026-01-01' } }),
      ],
      [
        'an empty status reason',
        SET_STATUS,
        () => ({ input: { organizationId: aurora, status: 'SUSPENDED', reason: '' } }),
      ],
      [
        'a waiver without reason',
        NO_CHARGE,
        () => ({
          input: { ticketNumber: T(5), organizationId: aurora, noCharge: true, reason: '' },
        }),
      ],
      [
        'a malformed month',
        MONTHLY_STATEMENT,
        () => ({ organizationId: aurora, month: '2026-13' }),
      ],
      ['a page of 0', STATEMENT, () => ({ organizationId: aurora, first: 0 })],
      ['a foreign cursor', STATEMENT, () => ({ organizationId: aurora, after: 'bm9wZQ' })],
    ])('rejects %s', async (_label, query, variables) => {
      const before = await rowCounts();
      const { body } = await gql(
        world.api,
        query,
        variables(),
        query === LOG_TIME || query === NO_CHARGE ? agent() : manager(),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('statements (L3-03)', () => {
    it('pages through the ledger newest first with running balances', async () => {
      const page = (after?: string) =>
        gql<{
          hourStatement: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: { id: string; kind: string; availableAfter: number } }[];
          };
        }>(world.api, STATEMENT, { organizationId: aurora, first: 4, after }, manager());
      const seen: { id: string; kind: string; availableAfter: number }[] = [];
      let after: string | undefined;
      for (;;) {
        const { body } = await page(after);
        expect(body.errors).toBeUndefined();
        seen.push(...body.data!.hourStatement.edges.map((e) => e.node));
        if (!body.data!.hourStatement.pageInfo.hasNextPage) break;
        after = body.data!.hourStatement.pageInfo.endCursor!;
      }
      const total = await world.db.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM hour_ledger_entry WHERE organization_id = $1',
        [aurora],
      );
      expect(seen).toHaveLength(Number(total[0].n));
      const ids = seen.map((s) => Number(s.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(seen[seen.length - 1]).toMatchObject({ kind: 'PURCHASE', availableAfter: 20 });
      expect(seen[0].availableAfter).toBe(17.5);
    });

    it('gives the monthly statement with fee, hours per ticket, waived hours and the same as CSV', async () => {
      const { body } = await gql<{
        monthlyStatement: Record<string, unknown> & { csv: string };
      }>(world.api, MONTHLY_STATEMENT, { organizationId: aurora, month }, manager());
      expect(body.errors).toBeUndefined();
      expect(body.data!.monthlyStatement).toMatchObject({
        month,
        monthlyFee: 15000,
        currency: 'MXN',
        hoursPurchased: 20,
        hoursConsumed: 2.5,
        hoursWaived: 3,
        tickets: [
          { ticketNumber: T(1), hoursLogged: 2.5, hoursCharged: 2.5, hoursWaived: 0 },
          { ticketNumber: T(3), hoursLogged: 3, hoursCharged: 0, hoursWaived: 3 },
        ],
      });
      const csv = body.data!.monthlyStatement.csv.split('\n');
      expect(csv.slice(0, 6)).toEqual([
        'line,reference,hours_logged,hours_charged,hours_waived,amount,currency,date,hours,reason,by',
        `MONTHLY_FEE,${month},,,,15000.00,MXN,,,,`,
        `TICKET,${T(1)},2.50,2.50,0.00,,,,,,`,
        `TICKET,${T(3)},3.00,0.00,3.00,,,,,,`,
        `TOTAL,${month},5.50,2.50,3.00,15000.00,MXN,,,,`,
        `OPENING_BALANCE,${month},,,,,,${month}-01,0.00,,`,
      ]);
      // L3-13 (QA S16): then the purchase, the adjustment and its reversal (all dated today in the
      // client's calendar zone, whose month this is), and the closing balance: 0 + 20 − 2.5 ± 0 =
      // 17.5.
      expect(csv.at(-1)).toBe('');
      expect(csv.at(-2)).toMatch(
        new RegExp(`^CLOSING_BALANCE,${month},,,,,,${month}-\\d\\d,17\\.50,,$`),
      );
      const moved = csv.slice(6, -2).map((line) => {
        const [code, reference, , , , , , date, hours] = line.split(',');
        return { code, reference, date, hours };
      });
      expect(moved).toEqual(
        expect.arrayContaining([
          { code: 'PURCHASE', reference: 'FAC-2026-0042', date: today, hours: '20.00' },
          {
            code: 'ADJUSTMENT',
            reference: expect.any(String),
            date: today,
            hours: '1.50',
          },
          {
            code: 'REVERSAL_OF_ADJUSTMENT',
            reference: expect.any(String),
            date: today,
            hours: '-1.50',
          },
        ]),
      );
      expect(moved).toHaveLength(3);
    });

    it('downloads the monthly statement as a CSV file, with the same access rules', async () => {
      const { body } = await gql<{ monthlyStatement: { csv: string } }>(
        world.api,
        MONTHLY_STATEMENT,
        { organizationId: aurora, month },
        manager(),
      );
      const url = `${world.api.url}/statements/${aurora}/${month}.csv`;
      const own = await fetch(url, { headers: world.bearer(Role.CLIENT_USER) });
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(own.headers.get('content-disposition')).toContain(
        `estado-de-cuenta-comercializadora-aurora-${month}.csv`,
      );
      // QA S15: in words, like the web app's file, in the caller's language (Spanish here), with
      // the BOM and CRLF a spreadsheet opens as it is; numbers stay numbers. No API codes.
      // L3-13 (QA S16): then the balance lines: opening, the month's purchases, adjustments and
      // reversals, closing (their exact words: the next describe and the unit test).
      const balanceLines = (first: string, last: string) => [
        `${first},${month},,,,,,${month}-01,0,,`,
        ...Array.from(
          { length: ownText.trimEnd().split('\r\n').length - 8 },
          (_, i) => ownText.trimEnd().split('\r\n')[7 + i],
        ),
        ownText
          .trimEnd()
          .split('\r\n')
          .at(-1)!
          .replace(/^[^,]+/, last),
      ];
      const ownText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await own.arrayBuffer());
      const spanish = [
        'Concepto,Referencia,Horas registradas,Horas cobradas,Horas sin cargo,Importe,Moneda,Fecha,Horas,Motivo,Realizado por',
        // QA S53: the client it is for.
        'Cliente,Comercializadora Aurora,,,,,,,,,',
        `Cuota mensual,${month},,,,15000,MXN,,,,`,
        `Ticket,${T(1)},2.5,2.5,0,,,,,,`,
        `Ticket,${T(3)},3,0,3,,,,,,`,
        `Total,${month},5.5,2.5,3,15000,MXN,,,,`,
        ...balanceLines('Saldo inicial', 'Saldo final'),
      ];
      expect(ownText.trimEnd().split('\r\n').at(-1)).toMatch(
        new RegExp(`^Saldo final,${month},,,,,,${month}-\\d\\d,17\\.5,,$`),
      );
      const english = [
        'Line,Reference,Hours logged,Hours charged,Hours free of charge,Amount,Currency,Date,Hours,Reason,By',
        'Client,Comercializadora Aurora,,,,,,,,,',
        `Monthly fee,${month},,,,15000,MXN,,,,`,
        `Ticket,${T(1)},2.5,2.5,0,,,,,,`,
        `Ticket,${T(3)},3,0,3,,,,,,`,
        `Total,${month},5.5,2.5,3,15000,MXN,,,,`,
        ...balanceLines('Opening balance', 'Closing balance').map((line) =>
          line
            .replace(/^Compra de paquete,/, 'Package purchase,')
            .replace(/^Ajuste manual,/, 'Manual adjustment,')
            .replace(/^Reverso de un ajuste,/, 'Reversal of an adjustment,'),
        ),
      ];
      const file = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;
      expect(ownText).toBe(file(spanish));
      expect(ownText).not.toMatch(/MONTHLY_FEE|TOTAL|TICKET|hours_logged/);
      // The GraphQL field keeps its codes for programs.
      expect(body.data!.monthlyStatement.csv).toContain(`MONTHLY_FEE,${month}`);

      // `?lang=en` (or es) chooses the language, whoever asks.
      const asked = async (query: string, headers = manager()) => {
        const res = await fetch(`${url}${query}`, { headers });
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
        return { status: res.status, text, name: res.headers.get('content-disposition') };
      };
      expect(await asked('?lang=en')).toMatchObject({
        status: 200,
        text: file(english),
        name: expect.stringContaining(`monthly-statement-comercializadora-aurora-${month}.csv`),
      });
      expect((await asked('?lang=es')).text).toBe(file(spanish));
      // Without it, the caller's own language: a manager whose account reads English (set as
      // they would, so their next request has it: the session check may keep the caller).
      const setLocale = async (locale: string) => {
        const { body } = await gql<{ updateMyPreferences: { locale: string } }>(
          world.api,
          `mutation ($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { locale } }`,
          { input: { locale } },
          manager(),
        );
        expect(body.data?.updateMyPreferences.locale).toBe(locale);
      };
      await setLocale('EN');
      try {
        expect(await asked('')).toMatchObject({
          text: file(english),
          name: expect.stringContaining(`monthly-statement-comercializadora-aurora-${month}.csv`),
        });
        expect((await asked('?lang=es')).text).toBe(file(spanish));
      } finally {
        await setLocale('ES_MX');
      }
      // Another language is a typed refusal (400), as is `lang` given twice.
      for (const query of ['?lang=fr', '?lang=', '?lang=es&lang=en', '?lang=constructor']) {
        const refused = await fetch(`${url}${query}`, { headers: manager() });
        expect([query, refused.status]).toEqual([query, 400]);
        expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const other = await fetch(url, {
        headers: world.bearer(Role.CLIENT_USER, TULUM_ORG),
      });
      expect(other.status).toBe(404);
      expect((await fetch(url)).status).toBe(401);
      const badMonth = await fetch(`${world.api.url}/statements/${aurora}/2026-13.csv`, {
        headers: manager(),
      });
      expect(badMonth.status).toBe(400);
    });

    it('keeps the fee in force that month after the terms change: no new fee for past months (L3-03)', async () => {
      const raised = await gql(
        world.api,
        UPSERT,
        { input: { organizationId: aurora, monthlyFee: 18000, startDate: '2026-01-01' } },
        manager(),
      );
      expect(raised.body.errors).toBeUndefined();
      const feeOf = async (m: string) => {
        const { body } = await gql<{ monthlyStatement: { monthlyFee: number; csv: string } }>(
          world.api,
          MONTHLY_STATEMENT,
          { organizationId: aurora, month: m },
          manager(),
        );
        expect(body.errors).toBeUndefined();
        return body.data!.monthlyStatement;
      };
      // This month began before the change, and so did every earlier month since the start date.
      // The calendar's month (Mexico City): from 00:00 to 06:00 UTC on the 1st, UTC's is the next.
      const thisMonth = today.slice(0, 7);
      for (const m of [thisMonth, '2026-01']) {
        const statement = await feeOf(m);
        expect(statement.monthlyFee).toBe(15000);
        expect(statement.csv).toContain(`MONTHLY_FEE,${m},,,,15000.00,MXN`);
      }
      // The next month is billed at the new fee.
      const [y, mo] = thisMonth.split('-').map(Number);
      const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
      expect((await feeOf(next)).monthlyFee).toBe(18000);
    });
  });

  describe('the monthly statement lists every movement and adds up (L3-13, L3-03; QA S16)', () => {
    // Tulum has a policy and no hours yet: a package last month, then this month a −2.5 h
    // adjustment and a +1 h one reversed, through the API's own mutations. Months and dates are
    // counted in the client's calendar zone (the default calendar's, Mexico City).
    const shift = (m: string, by: number) => {
      const [y, mo] = m.split('-').map(Number);
      return new Date(Date.UTC(y, mo - 1 + by, 1)).toISOString().slice(0, 7);
    };
    const thisMonth = calendarMonth();
    const [lastMonth, nextMonth] = [shift(thisMonth, -1), shift(thisMonth, 1)];
    const statementOf = async (m: string, headers = manager()) => {
      const { body } = await gql<{ monthlyStatement: MonthlyStatementView }>(
        world.api,
        MONTHLY_STATEMENT,
        { organizationId: tulum, month: m },
        headers,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.monthlyStatement;
    };
    const adds = (s: MonthlyStatementView) =>
      Math.round((s.openingBalance + s.hoursPurchased - s.hoursConsumed + s.hoursAdjusted) * 100) /
      100;
    let adjustmentId: string;
    let courtesyId: string;
    let reversalId: string;

    beforeAll(async () => {
      const bought = await gql(
        world.api,
        PURCHASE,
        {
          input: {
            organizationId: tulum,
            hours: 10,
            purchasedOn: `${lastMonth}-03`,
            reference: 'FAC-T-2026-7',
            price: 9000,
          },
        },
        manager(),
      );
      expect(bought.body.errors).toBeUndefined();
      const adjust = async (hours: number, reason: string) => {
        const { body } = await gql<{ adjustHours: { id: string } }>(
          world.api,
          ADJUST,
          { input: { organizationId: tulum, hours, reason } },
          manager(),
        );
        expect(body.errors).toBeUndefined();
        return body.data!.adjustHours.id;
      };
      adjustmentId = await adjust(-2.5, 'Horas de capacitación cargadas de más');
      courtesyId = await adjust(1, 'Cortesía');
      const reversed = await gql<{ reverseHourEntry: { id: string } }>(
        world.api,
        REVERSE,
        { input: { entryId: courtesyId, reason: 'Cortesía duplicada, se retira' } },
        manager(),
      );
      expect(reversed.body.errors).toBeUndefined();
      reversalId = reversed.body.data!.reverseHourEntry.id;
    });

    it("shows this month's adjustment, the reversal and the balances that add up", async () => {
      const [author] = await world.db.query<{ display_name: string }[]>(
        `SELECT u.display_name FROM hour_ledger_entry e JOIN app_user u ON u.id = e.created_by
          WHERE e.id = $1`,
        [adjustmentId],
      );
      const statement = await statementOf(thisMonth);
      expect(statement).toMatchObject({
        month: thisMonth,
        timeZone: 'America/Mexico_City',
        openingBalance: 10,
        hoursPurchased: 0,
        hoursConsumed: 0,
        hoursAdjusted: -2.5,
        closingBalance: 7.5,
      });
      expect(adds(statement)).toBe(statement.closingBalance);
      expect(statement.movements).toEqual([
        {
          entryId: adjustmentId,
          date: today,
          kind: 'ADJUSTMENT',
          reversedKind: null,
          hours: -2.5,
          ticketNumber: null,
          packageReference: null,
          amount: null,
          amountCurrency: null,
          reason: 'Horas de capacitación cargadas de más',
          createdByName: author.display_name,
        },
        expect.objectContaining({ entryId: courtesyId, kind: 'ADJUSTMENT', hours: 1 }),
        expect.objectContaining({
          entryId: reversalId,
          kind: 'REVERSAL',
          reversedKind: 'ADJUSTMENT',
          hours: -1,
          reason: 'Cortesía duplicada, se retira',
        }),
      ]);
      // The closing balance is the balance the client reads today.
      expect((await balanceOf(tulum)).balance).toBe(statement.closingBalance);
      // The GraphQL CSV (codes, for programs) has the same lines.
      expect(statement.csv.split('\n')).toEqual(
        expect.arrayContaining([
          'line,reference,hours_logged,hours_charged,hours_waived,amount,currency,date,hours,reason,by',
          `OPENING_BALANCE,${thisMonth},,,,,,${thisMonth}-01,10.00,,`,
          `ADJUSTMENT,${adjustmentId},,,,,,${today},-2.50,Horas de capacitación cargadas de más,${author.display_name}`,
          `REVERSAL_OF_ADJUSTMENT,${reversalId},,,,,,${today},-1.00,"Cortesía duplicada, se retira",${author.display_name}`,
          expect.stringMatching(
            new RegExp(`^CLOSING_BALANCE,${thisMonth},,,,,,${thisMonth}-\\d\\d,7\\.50,,$`),
          ),
        ]),
      );
    });

    it('last month lists the purchase; next month opens at the closing balance, without the adjustment', async () => {
      const last = await statementOf(lastMonth);
      expect(last).toMatchObject({ openingBalance: 0, hoursPurchased: 10, closingBalance: 10 });
      expect(last.movements).toEqual([
        expect.objectContaining({
          kind: 'PURCHASE',
          date: `${lastMonth}-03`,
          hours: 10,
          packageReference: 'FAC-T-2026-7',
          // L3-03: what the package cost, visible to the client with it.
          amount: 9000,
          amountCurrency: 'MXN',
          reason: null,
        }),
      ]);
      expect(last.csv.split('\n')).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(`^PURCHASE,FAC-T-2026-7,,,,9000\\.00,MXN,${lastMonth}-03,10\\.00,,`),
          ),
        ]),
      );
      const next = await statementOf(nextMonth);
      expect(next).toMatchObject({
        openingBalance: 7.5,
        hoursAdjusted: 0,
        closingBalance: 7.5,
        movements: [],
      });
      expect(adds(last)).toBe(last.closingBalance);
      expect(adds(next)).toBe(next.closingBalance);
    });

    it('the worded CSV download lists the adjustment and the balances, in Spanish and English', async () => {
      const url = `${world.api.url}/statements/${tulum}/${thisMonth}.csv`;
      const text = async (lang: string) => {
        const res = await fetch(`${url}?lang=${lang}`, { headers: manager() });
        expect(res.status).toBe(200);
        return new TextDecoder('utf-8', { ignoreBOM: true })
          .decode(await res.arrayBuffer())
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split('\r\n');
      };
      const spanish = await text('es');
      expect(spanish[0]).toBe(
        'Concepto,Referencia,Horas registradas,Horas cobradas,Horas sin cargo,Importe,Moneda,Fecha,Horas,Motivo,Realizado por',
      );
      expect(spanish).toEqual(
        expect.arrayContaining([
          `Saldo inicial,${thisMonth},,,,,,${thisMonth}-01,10,,`,
          expect.stringMatching(
            new RegExp(
              `^Ajuste manual,,,,,,,${today},-2\\.5,Horas de capacitación cargadas de más,.+$`,
            ),
          ),
          expect.stringMatching(new RegExp(`^Reverso de un ajuste,,,,,,,${today},-1,`)),
          expect.stringMatching(
            new RegExp(`^Saldo final,${thisMonth},,,,,,${thisMonth}-\\d\\d,7\\.5,,$`),
          ),
        ]),
      );
      expect(spanish.join('\n')).not.toMatch(/ADJUSTMENT|REVERSAL|OPENING_BALANCE|L3-\d\d/);
      const english = await text('en');
      expect(english).toEqual(
        expect.arrayContaining([
          `Opening balance,${thisMonth},,,,,,${thisMonth}-01,10,,`,
          expect.stringMatching(new RegExp(`^Manual adjustment,,,,,,,${today},-2\\.5,`)),
          expect.stringMatching(new RegExp(`^Reversal of an adjustment,,,,,,,${today},-1,`)),
        ]),
      );
    });

    it("the client reads its own organization's statement, the same; another client's is NOT_FOUND", async () => {
      const own = world.bearer(Role.CLIENT_USER, TULUM_ORG);
      const asManager = await statementOf(thisMonth);
      expect(await statementOf(thisMonth, own)).toEqual(asManager);
      const other = await gql(
        world.api,
        MONTHLY_STATEMENT,
        { organizationId: tulum, month: thisMonth },
        world.bearer(Role.CLIENT_USER),
      );
      expect(other.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(other.body.data?.monthlyStatement ?? null).toBeNull();
    });
  });
  describe('charging a waived ticket again (L3-18, L3-12) on the real ticket workflow', () => {
    // Its own world with the worker running: the estimate is authorized through the workflow (its
    // activity reserves the hours) and the ticket's read model shows it, as in production.
    const live = useWorldWithWorker('contracts-unwaive');
    let org: string;
    const staff = () => live.bearer(Role.MANAGER);
    const run = async <T>(query: string, input: object, headers = staff()) => {
      const { body } = await gql<T>(live.api, query, { input }, headers);
      return { data: body.data, error: body.errors?.[0] };
    };
    const balance = async () => {
      const { body } = await gql<{ hourBalance: Balance }>(
        live.api,
        BALANCE,
        { organizationId: org },
        staff(),
      );
      return body.data!.hourBalance;
    };
    const tables = () =>
      Promise.all(
        ['hour_ledger_entry', 'time_entry', 'ticket_billing', 'ticket_billing_event'].map(
          async (t) =>
            (await live.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${t}`))[0].n,
        ),
      );
    const logHours = (ticketNumber: string, hours: number) =>
      run<{ logTime: { chargedHours: number } }>(
        LOG_TIME,
        { ticketNumber, organizationId: org, date: today, hours, description: 'Desarrollo' },
        live.bearer(Role.AGENT),
      );
    const setNoCharge = (ticketNumber: string, noCharge: boolean, reason: string) =>
      run<{
        setTicketNoCharge: { noCharge: boolean; releasedHours: number; reservedHours: number };
      }>(
        NO_CHARGE,
        { ticketNumber, organizationId: org, noCharge, reason },
        live.bearer(Role.AGENT),
      );
    const transition = async (mutation: string, type: string, input: object, role: Role) => {
      const r = await run<Record<string, { ticket: { state: string } }>>(
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
        input,
        live.bearer(role),
      );
      expect(r.error).toBeUndefined();
      return r.data![mutation].ticket.state;
    };

    beforeAll(() => {
      org = live.orgIds['comercializadora-aurora'];
    });

    it('holds the authorized estimate again (less the hours charged), so time logged afterwards is charged; short of hours it is refused and nothing changes', async () => {
      const number = await registerTicket(live, { subject: 'Conector de pagos' });
      await transition(
        'classifyTicket',
        'ClassifyTicketInput',
        { number, classification: 'REQUIREMENT', requirementKind: 'DEVELOPMENT' },
        Role.AGENT,
      );
      await transition(
        'submitEstimate',
        'SubmitEstimateInput',
        { number, hours: 6, scope: 'Conector' },
        Role.AGENT,
      );
      const state = await transition(
        'authorizeEstimate',
        'AuthorizeEstimateInput',
        { number, estimateVersion: 1, statement: 'Autorizo 6 h.' },
        Role.CLIENT_APPROVER,
      );
      expect(state).toBe('SCHEDULING');
      // The authorization reserved 6 h and the read model shows the authorized estimate.
      await eventually(balance, (b) => b.reservations.some((r) => r.ticketNumber === number));
      await eventually(
        () =>
          live.db.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM ticket, jsonb_array_elements(details -> 'estimates') e
              WHERE number = $1 AND e ->> 'status' = 'AUTHORIZED'`,
            [number],
          ),
        ([{ n }]) => n === 1,
      );
      expect((await logHours(number, 1.5)).data!.logTime.chargedHours).toBe(1.5);
      const start = await balance();
      expect(start.reservations).toEqual([
        expect.objectContaining({ ticketNumber: number, reservedHours: 4.5 }),
      ]);

      // Waived: the 4.5 h held are given back; time logged now is kept and charges nothing.
      const waived = await setNoCharge(number, true, 'Falla de nuestro conector');
      expect(waived.data!.setTicketNoCharge).toMatchObject({
        releasedHours: 4.5,
        reservedHours: 0,
      });
      expect((await logHours(number, 1)).data!.logTime.chargedHours).toBe(0);
      expect(await balance()).toMatchObject({
        consumed: start.consumed,
        available: start.available + 4.5,
        reservations: [],
      });

      // The client spends its hours elsewhere: 2 h available, 4.5 h needed.
      const available = (await balance()).available;
      const spent = await run<{ adjustHours: { id: string } }>(ADJUST, {
        organizationId: org,
        hours: -(available - 2),
        reason: 'Horas usadas en otra póliza',
      });
      expect(spent.error).toBeUndefined();
      const before = await tables();
      const short = await setNoCharge(number, false, 'Sí se cobra');
      expect(short.error?.extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        reason: 'INSUFFICIENT_HOURS',
        availableHours: 2,
        shortfallHours: 2.5,
      });
      expect(await tables()).toEqual(before);
      expect(
        await live.db.query('SELECT no_charge FROM ticket_billing WHERE ticket_number = $1', [
          number,
        ]),
      ).toEqual([{ no_charge: true }]);

      // With the hours back, charging it again holds the 4.5 h left of the 6 h authorized.
      const back = await run(REVERSE, {
        entryId: spent.data!.adjustHours.id,
        reason: 'Capturada por error',
      });
      expect(back.error).toBeUndefined();
      const charged = await setNoCharge(number, false, 'Sí se cobra');
      expect(charged.error).toBeUndefined();
      expect(charged.data!.setTicketNoCharge).toMatchObject({
        noCharge: false,
        releasedHours: 0,
        reservedHours: 4.5,
      });
      expect(await balance()).toMatchObject({
        available: start.available,
        reservations: [{ ticketNumber: number, estimateVersion: 1, reservedHours: 4.5 }],
      });
      // Time logged now is charged against the estimate again, up to what is left of it.
      expect((await logHours(number, 2)).data!.logTime.chargedHours).toBe(2);
      const over = await logHours(number, 3);
      expect(over.error?.extensions).toMatchObject({
        reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
        remainingHours: 2.5,
      });
      // Charging a ticket that is already charged holds nothing more.
      const again = await setNoCharge(number, false, 'Se confirma el cobro');
      expect(again.data!.setTicketNoCharge.reservedHours).toBe(0);
      expect((await balance()).reservations).toEqual([
        expect.objectContaining({ ticketNumber: number, reservedHours: 2.5 }),
      ]);
    });
  });
});
