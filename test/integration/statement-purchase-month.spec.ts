import { Role } from '../../src/identity/role.enum';
import { calendarMonth } from '../support/calendar-month';
import { demoContract, TULUM_ORG } from '../support/demo-contract';
import { gql } from '../support/integration-harness';
import { MONTHLY_STATEMENT, type MonthlyStatementView } from '../support/monthly-statement';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-13, L3-03 (QA S18): «Mis horas» in November read «Horas compradas 0 h» beside a list that
// showed the demo package bought on 2026-01-01. The statement counts a purchase in the month of
// its purchase date and only there: that month's hoursPurchased and movements have it, the next
// month opens with it in its balance and lists no purchase. Read through the real API, by the
// client user as «Mis horas» reads it and by the provider's manager. The demo package is the one
// the demo world seeds (its day, hours and reference), so a change to the seed changes what is
// expected.

const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) { purchaseHourPackage(input: $input) { id ledgerEntryId } }`;
const REVERSE = `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`;

describe('a purchase in the monthly statement: its month, not the next (L3-13, L3-03)', () => {
  let world: SeededWorld;

  beforeAll(async () => {
    world = await createSeededWorld('statement-purchase');
  });
  afterAll(async () => {
    await world?.close();
  });

  async function statementOf(
    organizationId: string,
    month: string,
    as: Record<string, string>,
  ): Promise<MonthlyStatementView> {
    const { body } = await gql<{ monthlyStatement: MonthlyStatementView }>(
      world.api,
      MONTHLY_STATEMENT,
      { organizationId, month },
      as,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.monthlyStatement;
  }

  it("the demo package is its purchase month's purchase; the next month and this month list none", async () => {
    const aurora = world.orgIds['comercializadora-aurora'];
    const { hours, month, since, reference } = demoContract('comercializadora-aurora');
    const [year, monthNumber] = month.split('-').map(Number);
    const next = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 7);
    expect(calendarMonth() > month).toBe(true);
    const client = world.bearer(Role.CLIENT_USER);
    const bought = await statementOf(aurora, month, client);
    expect(bought).toMatchObject({
      openingBalance: 0,
      hoursPurchased: hours,
      closingBalance: hours,
    });
    expect(bought.movements).toEqual([
      expect.objectContaining({
        kind: 'PURCHASE',
        date: since,
        hours,
        packageReference: reference,
      }),
    ]);
    for (const later of [next, calendarMonth()]) {
      const statement = await statementOf(aurora, later, client);
      expect(statement).toMatchObject({ month: later, hoursPurchased: 0, hoursAdjusted: 0 });
      // The package is in the balance the month opens with, not among its movements.
      expect(statement.openingBalance).toBe(statement.closingBalance + statement.hoursConsumed);
      expect(statement.movements.filter((m) => m.kind === 'PURCHASE')).toEqual([]);
    }
    // Nothing was consumed in a fresh world: the next month opens at the purchase month's close.
    expect((await statementOf(aurora, next, client)).openingBalance).toBe(hours);
  });

  it("a package bought on a month's last day is that month's hoursPurchased, not the next month's", async () => {
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const manager = world.bearer(Role.MANAGER);
    const before = await statementOf(tulum, '2026-03', manager);
    const bought = await gql(
      world.api,
      PURCHASE,
      {
        input: {
          organizationId: tulum,
          hours: 12.5,
          price: 11_000,
          purchasedOn: '2026-03-31',
          reference: 'FAC-T-2026-03',
        },
      },
      manager,
    );
    expect(bought.body.errors).toBeUndefined();

    const march = await statementOf(tulum, '2026-03', manager);
    expect(march.hoursPurchased).toBe(before.hoursPurchased + 12.5);
    expect(march.closingBalance).toBe(before.closingBalance + 12.5);
    expect(march.movements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'PURCHASE',
          date: '2026-03-31',
          hours: 12.5,
          packageReference: 'FAC-T-2026-03',
        }),
      ]),
    );
    const april = await statementOf(tulum, '2026-04', manager);
    expect(april).toMatchObject({ hoursPurchased: 0, openingBalance: march.closingBalance });
    expect(april.movements.filter((m) => m.kind === 'PURCHASE')).toEqual([]);
    // The client's own statement says the same.
    const client = world.bearer(Role.CLIENT_USER, TULUM_ORG);
    expect(await statementOf(tulum, '2026-03', client)).toEqual(march);
  });

  it('shows the client what a package cost, and its reversal taking the price back (L3-03)', async () => {
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const manager = world.bearer(Role.MANAGER);
    const bought = await gql<{ purchaseHourPackage: { ledgerEntryId: string } }>(
      world.api,
      PURCHASE,
      {
        input: {
          organizationId: tulum,
          hours: 5,
          price: 4250.5,
          currency: 'USD',
          purchasedOn: '2026-05-12',
          reference: 'FAC-USD-2026-05',
        },
      },
      manager,
    );
    expect(bought.body.errors).toBeUndefined();
    const reversed = await gql(
      world.api,
      REVERSE,
      {
        input: {
          entryId: bought.body.data!.purchaseHourPackage.ledgerEntryId,
          reason: 'Factura capturada en el cliente equivocado',
        },
      },
      manager,
    );
    expect(reversed.body.errors).toBeUndefined();

    const client = world.bearer(Role.CLIENT_USER, TULUM_ORG);
    const may = await statementOf(tulum, '2026-05', client);
    expect(may.movements).toEqual([
      expect.objectContaining({
        kind: 'PURCHASE',
        packageReference: 'FAC-USD-2026-05',
        hours: 5,
        amount: 4250.5,
        amountCurrency: 'USD',
      }),
    ]);
    // The reversal is dated the day it was made: this month.
    const now = await statementOf(tulum, calendarMonth(), client);
    expect(now.movements.filter((m) => m.packageReference === 'FAC-USD-2026-05')).toEqual([
      expect.objectContaining({
        kind: 'REVERSAL',
        reversedKind: 'PURCHASE',
        hours: -5,
        amount: -4250.5,
        amountCurrency: 'USD',
      }),
    ]);
    // QA S57: the reversed purchase is netted out of the month's purchases, as the balance panel's
    // «Compradas» nets it; the month's adjustments are the other manual movements.
    const sumOf = (ms: typeof now.movements) => ms.reduce((total, m) => total + m.hours, 0);
    const aboutPurchase = (m: (typeof now.movements)[number]) =>
      m.kind === 'PURCHASE' || m.reversedKind === 'PURCHASE';
    expect(now.hoursPurchased).toBeCloseTo(sumOf(now.movements.filter(aboutPurchase)), 2);
    expect(now.hoursPurchased).toBeLessThanOrEqual(-5);
    expect(now.hoursAdjusted).toBeCloseTo(sumOf(now.movements.filter((m) => !aboutPurchase(m))), 2);
    expect(
      now.openingBalance + now.hoursPurchased - now.hoursConsumed + now.hoursAdjusted,
    ).toBeCloseTo(now.closingBalance, 2);
    // Only a purchase and a purchase's reversal carry an amount.
    for (const m of [...may.movements, ...now.movements]) {
      const aboutPurchase = m.kind === 'PURCHASE' || m.reversedKind === 'PURCHASE';
      expect([m.kind, m.amount !== null, m.amountCurrency !== null]).toEqual([
        m.kind,
        aboutPurchase,
        aboutPurchase,
      ]);
    }
    // The worded CSV the client downloads has the amounts in their columns (Importe, Moneda).
    const csv = async (month: string) => {
      const res = await fetch(`${world.api.url}/statements/${tulum}/${month}.csv?lang=es-MX`, {
        headers: client,
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    expect(await csv('2026-05')).toMatch(
      /\r\nCompra de paquete,FAC-USD-2026-05,,,,4250\.5,USD,2026-05-12,5,,/,
    );
    expect(await csv(calendarMonth())).toMatch(
      /\r\nReverso de una compra,FAC-USD-2026-05,,,,-4250\.5,USD,\d{4}-\d{2}-\d{2},-5,Factura capturada en el cliente equivocado,/,
    );
  });

  it('names the first month with anything to state: the policy start, moved back by an earlier package; none for a new client (L3-13; QA)', async () => {
    const tulum = world.orgIds['grupo-industrial-tulum'];
    const manager = world.bearer(Role.MANAGER);
    const [{ start }] = await world.db.query<{ start: string }[]>(
      `SELECT to_char(start_date, 'YYYY-MM') AS start FROM support_policy WHERE organization_id = $1`,
      [tulum],
    );
    const since = demoContract('grupo-industrial-tulum').month;
    const seeded = start < since ? start : since;
    // Whatever month is asked, the answer is the same.
    for (const month of [calendarMonth(), '2026-03']) {
      expect((await statementOf(tulum, month, manager)).firstMonth).toBe(seeded);
    }
    const bought = await gql(
      world.api,
      PURCHASE,
      {
        input: {
          organizationId: tulum,
          hours: 2,
          price: 1_800,
          purchasedOn: '2025-07-15',
          reference: 'FAC-T-2025-07',
        },
      },
      manager,
    );
    expect(bought.body.errors).toBeUndefined();
    expect((await statementOf(tulum, calendarMonth(), manager)).firstMonth).toBe('2025-07');
    // The client reads the same.
    const client = world.bearer(Role.CLIENT_USER, TULUM_ORG);
    expect((await statementOf(tulum, calendarMonth(), client)).firstMonth).toBe('2025-07');

    const created = await gql<{ createOrganization: { id: string } }>(
      world.api,
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { name: 'Sin Movimientos, S.A.' } },
      world.bearer(Role.ADMIN),
    );
    expect(created.body.errors).toBeUndefined();
    const fresh = await statementOf(
      created.body.data!.createOrganization.id,
      calendarMonth(),
      manager,
    );
    expect(fresh).toMatchObject({ firstMonth: null, monthlyFee: null, closingBalance: 0 });
  });
});
