import { calendarToday } from '../support/calendar-month';
import { databaseFingerprint } from '../support/database-fingerprint';
import { useLedgerWorld } from '../support/world-with-worker';

// L3-03, L3-13 (QA S17): the monthly fee's and an hour package's currency is an ISO 4217 code. A
// typo such as «MNX» (for MXN) used to be stored, and every statement then read «MNX 18,500.00»;
// the API now refuses it with VALIDATION_FAILED naming the field and writes nothing.

const UPSERT = `mutation ($input: UpsertSupportPolicyInput!) {
  upsertSupportPolicy(input: $input) { currency } }`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) {
  purchaseHourPackage(input: $input) { currency } }`;

describe('currency codes are ISO 4217 (L3-03, L3-13)', () => {
  const { world, ok, refused } = useLedgerWorld('currency-codes');
  let organizationId: string;
  const policy = (currency: string) => ({
    organizationId,
    monthlyFee: 18500,
    currency,
    startDate: '2026-01-01',
  });
  const purchase = (currency: string, reference: string) => ({
    organizationId,
    hours: 5,
    // A day that has come in the client's calendar zone, not UTC's (L3-03).
    purchasedOn: calendarToday(),
    reference,
    price: 1000,
    currency,
  });

  beforeAll(() => {
    organizationId = world.orgIds['comercializadora-aurora'];
  });

  it.each([
    ['the policy', UPSERT, () => policy('MNX')],
    ['an hour package', PURCHASE, () => purchase('MNX', 'F-MNX')],
    ['an hour package (not three letters)', PURCHASE, () => purchase('PESOS', 'F-PESOS')],
  ])(
    'refuses an unknown code on %s: VALIDATION_FAILED naming currency, nothing written',
    async (_l, q, input) => {
      const before = await databaseFingerprint(world.db);
      const error = await refused(q, input());
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.violations).toEqual([
        expect.objectContaining({ path: 'currency', constraint: 'isCurrency' }),
      ]);
      expect(await databaseFingerprint(world.db)).toEqual(before);
    },
  );

  it('accepts MXN and USD on the policy and on a package', async () => {
    for (const currency of ['USD', 'MXN']) {
      const { upsertSupportPolicy } = await ok<{ upsertSupportPolicy: { currency: string } }>(
        UPSERT,
        { input: policy(currency) },
      );
      expect(upsertSupportPolicy.currency).toBe(currency);
      const { purchaseHourPackage } = await ok<{ purchaseHourPackage: { currency: string } }>(
        PURCHASE,
        { input: purchase(currency, `F-${currency}`) },
      );
      expect(purchaseHourPackage.currency).toBe(currency);
    }
    const stored = await world.db.query<{ currency: string }[]>(
      `SELECT currency FROM hour_package
        WHERE organization_id = $1 AND reference IN ('F-MXN', 'F-USD') ORDER BY reference`,
      [organizationId],
    );
    expect(stored.map((r) => r.currency)).toEqual(['MXN', 'USD']);
  });
});
