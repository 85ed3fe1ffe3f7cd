import { Role } from '../../src/identity/role.enum';
import { type CaughtMail, outboxRowsOf, sentExactly as sentOnce } from '../support/caught-mail';
import { useWorldWithWorker, worldCalls } from '../support/world-with-worker';

// L3-12, L3-13 over real GraphQL on the real stack (PostgreSQL, Temporal dev server, the worker's
// email dispatcher, the SMTP catcher): when a client's available hours fall under the warning
// threshold (10 % of the hours purchased or 5 h, whichever is larger) its approvers and the
// provider managers are emailed once per crossing: staying low sends no more; a top-up and a new
// crossing emails again. `hourBalance.lowBalance` is what «Mis horas» shows its notice from.

const AURORA = 'comercializadora-aurora';
const APPROVER = 'aprobador@aurora.example';
const MANAGER = 'gerente@becken.example';
const EMAIL_TYPE = 'HOURS_LOW_BALANCE';
const today = new Date().toISOString().slice(0, 10);

const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`;
const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) {
  purchaseHourPackage(input: $input) { id }
}`;
const BALANCE = `query ($organizationId: ID!) {
  hourBalance(organizationId: $organizationId) { available lowBalanceThreshold lowBalance }
}`;

interface Balance {
  available: number;
  lowBalanceThreshold: number;
  lowBalance: boolean;
}

describe('Low hour balance warning (L3-12, L3-13)', () => {
  const world = useWorldWithWorker('low-balance-warning');
  let aurora = '';
  beforeAll(() => {
    aurora = world.orgIds[AURORA];
  });

  const { ok } = worldCalls(world);
  const adjust = (hours: number, key: string) =>
    ok(ADJUST, {
      input: {
        organizationId: aurora,
        hours,
        reason: 'Horas de prueba del aviso',
        idempotencyKey: key,
      },
    });
  const balance = async (role = Role.CLIENT_USER) =>
    (await ok<{ hourBalance: Balance }>(BALANCE, { organizationId: aurora }, role)).hourBalance;

  const rows = outboxRowsOf(world, EMAIL_TYPE);

  /** Once `count` warnings are SENT: exactly `count`, each caught once by the SMTP catcher. */
  const sentExactly = (count: number): Promise<CaughtMail[]> => sentOnce(rows, count);

  it('a crossing under the threshold emails the approvers and the managers once', async () => {
    // The demo contract holds 40 h: the threshold is max(10 % of 40 h, 5 h) = 5 h.
    expect(await balance()).toEqual({ available: 40, lowBalanceThreshold: 5, lowBalance: false });
    await adjust(-36, 'low-1');
    await adjust(-36, 'low-1'); // a double click: the same entry, no second warning
    expect(await balance()).toEqual({ available: 4, lowBalanceThreshold: 5, lowBalance: true });

    const mails = await sentExactly(2);
    const all = await rows();
    expect(all.map((r) => r.recipient_address).sort()).toEqual([APPROVER, MANAGER].sort());
    const client = mails[all.findIndex((r) => r.recipient_address === APPROVER)];
    const staff = mails[all.findIndex((r) => r.recipient_address === MANAGER)];
    expect(client.subject).toBe('Su saldo de horas está bajo: quedan 4 h disponibles');
    expect(client.text).toContain(
      'Sus horas disponibles bajaron a 4 h, por debajo del aviso de 5 h.',
    );
    expect(client.text).toContain('/mis-horas');
    expect(staff.subject).toBe('Comercializadora Aurora: saldo de horas bajo (4 h disponibles)');
    expect(staff.text).toContain('/contratos');
  });

  it('staying low sends no more warnings', async () => {
    await adjust(-1, 'low-2');
    expect((await balance()).available).toBe(3);
    await sentExactly(2);
  });

  it('a top-up lifts it; a new crossing emails again', async () => {
    await ok(PURCHASE, {
      input: {
        organizationId: aurora,
        hours: 20,
        purchasedOn: today,
        reference: 'FAC-2026-200',
        price: 19_000,
        idempotencyKey: 'low-topup',
      },
    });
    // 60 h purchased: the threshold is 6 h; 23 h available is above it.
    expect(await balance()).toEqual({ available: 23, lowBalanceThreshold: 6, lowBalance: false });
    await adjust(-17.5, 'low-3');
    expect(await balance(Role.CLIENT_APPROVER)).toEqual({
      available: 5.5,
      lowBalanceThreshold: 6,
      lowBalance: true,
    });
    const mails = await sentExactly(4);
    expect(
      mails
        .slice(2)
        .map((m) => m.subject)
        .sort(),
    ).toEqual(
      [
        'Comercializadora Aurora: saldo de horas bajo (5.5 h disponibles)',
        'Su saldo de horas está bajo: quedan 5.5 h disponibles',
      ].sort(),
    );
    expect(new Set((await rows()).map((r) => r.event_key)).size).toBe(2);
  });
});
