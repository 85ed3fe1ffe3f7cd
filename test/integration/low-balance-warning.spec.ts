import { Role } from '../../src/identity/role.enum';
import { calendarToday } from '../support/calendar-month';
import { type CaughtMail, outboxRowsOf, sentExactly as sentOnce } from '../support/caught-mail';
import { demoContract, hoursEsMX, lowBalanceThreshold } from '../support/demo-contract';
import { useWorldWithWorker, worldCalls } from '../support/world-with-worker';

// L3-12, L3-13 over real GraphQL on the real stack (PostgreSQL, Temporal dev server, the worker's
// email dispatcher, the SMTP catcher): when a client's available hours fall under the warning
// threshold (10 % of the hours purchased or 5 h, whichever is larger) its approvers and the
// provider managers are emailed once per crossing: staying low sends no more; a top-up and a new
// crossing emails again. `hourBalance.lowBalance` is what «Mis horas» shows its notice from. The
// client starts with the package the demo world seeds; each step is set against its threshold.

const AURORA = 'comercializadora-aurora';
const SEEDED = demoContract(AURORA).hours;
const THRESHOLD = lowBalanceThreshold(SEEDED);
const TOP_UP = 20;
const TOPPED_UP_THRESHOLD = lowBalanceThreshold(SEEDED + TOP_UP);
const APPROVER = 'aprobador@aurora.example';
const MANAGER = 'gerente@becken.example';
const EMAIL_TYPE = 'HOURS_LOW_BALANCE';
/** A purchase date that has come: today in Aurora's calendar zone, not UTC's (L3-03). */
const today = calendarToday();

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
    expect(await balance()).toEqual({
      available: SEEDED,
      lowBalanceThreshold: THRESHOLD,
      lowBalance: false,
    });
    const low = THRESHOLD - 1;
    await adjust(low - SEEDED, 'low-1');
    await adjust(low - SEEDED, 'low-1'); // a double click: the same entry, no second warning
    expect(await balance()).toEqual({
      available: low,
      lowBalanceThreshold: THRESHOLD,
      lowBalance: true,
    });

    const mails = await sentExactly(2);
    const all = await rows();
    expect(all.map((r) => r.recipient_address).sort()).toEqual([APPROVER, MANAGER].sort());
    const client = mails[all.findIndex((r) => r.recipient_address === APPROVER)];
    const staff = mails[all.findIndex((r) => r.recipient_address === MANAGER)];
    expect(client.subject).toBe(
      `Su saldo de horas está bajo: quedan ${hoursEsMX(low)} disponibles`,
    );
    expect(client.text).toContain(
      `Sus horas disponibles bajaron a ${hoursEsMX(low)}, por debajo del aviso de ${hoursEsMX(THRESHOLD)}.`,
    );
    expect(client.text).toContain('/mis-horas');
    expect(staff.subject).toBe(
      `Comercializadora Aurora: saldo de horas bajo (${hoursEsMX(low)} disponibles)`,
    );
    expect(staff.text).toContain('/contratos');
  });

  it('staying low sends no more warnings', async () => {
    await adjust(-1, 'low-2');
    expect((await balance()).available).toBe(THRESHOLD - 2);
    await sentExactly(2);
  });

  it('a top-up lifts it; a new crossing emails again', async () => {
    await ok(PURCHASE, {
      input: {
        organizationId: aurora,
        hours: TOP_UP,
        purchasedOn: today,
        reference: 'FAC-2026-200',
        price: 19_000,
        idempotencyKey: 'low-topup',
      },
    });
    // More hours purchased raise the threshold; what is available now is above it.
    const toppedUp = THRESHOLD - 2 + TOP_UP;
    expect(await balance()).toEqual({
      available: toppedUp,
      lowBalanceThreshold: TOPPED_UP_THRESHOLD,
      lowBalance: false,
    });
    const lowAgain = TOPPED_UP_THRESHOLD - 0.5;
    await adjust(lowAgain - toppedUp, 'low-3');
    expect(await balance(Role.CLIENT_APPROVER)).toEqual({
      available: lowAgain,
      lowBalanceThreshold: TOPPED_UP_THRESHOLD,
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
        `Comercializadora Aurora: saldo de horas bajo (${hoursEsMX(lowAgain)} disponibles)`,
        `Su saldo de horas está bajo: quedan ${hoursEsMX(lowAgain)} disponibles`,
      ].sort(),
    );
    expect(new Set((await rows()).map((r) => r.event_key)).size).toBe(2);
  });
});
