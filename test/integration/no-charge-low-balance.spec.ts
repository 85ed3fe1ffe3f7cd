import { Role } from '../../src/identity/role.enum';
import { outboxRowsOf, sentExactly } from '../support/caught-mail';
import { demoContract, hoursEsMX, lowBalanceThreshold } from '../support/demo-contract';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker, worldCalls } from '../support/world-with-worker';

// L3-13 with L3-18 and L3-12 over real GraphQL on the real stack (PostgreSQL, Temporal dev server,
// the worker's email dispatcher, the SMTP catcher): a no-charge ticket charged again holds its
// authorized estimate again (TicketBillingService → HourLedgerService.balanceAfter). When that
// takes the client's available hours under the warning threshold (10 % of the hours purchased or
// 5 h, whichever is larger) its approvers and the provider managers are warned once, like any
// other ledger write; charging another ticket again while already low warns no more. The client
// starts with the package the demo world seeds; the balance is set against its threshold.

const AURORA = 'comercializadora-aurora';
const SEEDED = demoContract(AURORA).hours;
const THRESHOLD = lowBalanceThreshold(SEEDED);
const APPROVER = 'aprobador@aurora.example';
const MANAGER = 'gerente@becken.example';
const EMAIL_TYPE = 'HOURS_LOW_BALANCE';

const NO_CHARGE = `mutation ($input: SetTicketNoChargeInput!) {
  setTicketNoCharge(input: $input) { noCharge releasedHours reservedHours }
}`;
const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`;
const BALANCE = `query ($organizationId: ID!) {
  hourBalance(organizationId: $organizationId) { available lowBalanceThreshold lowBalance }
}`;

describe('Low-balance warning when a no-charge ticket is charged again (L3-13, L3-18, L3-12)', () => {
  const world = useWorldWithWorker('no-charge-low-balance');
  let aurora = '';
  beforeAll(() => {
    aurora = world.orgIds[AURORA];
  });

  const { ok } = worldCalls(world);
  const balance = async () =>
    (
      await ok<{
        hourBalance: { available: number; lowBalanceThreshold: number; lowBalance: boolean };
      }>(BALANCE, { organizationId: aurora }, Role.CLIENT_USER)
    ).hourBalance;
  const setNoCharge = async (ticketNumber: string, noCharge: boolean, reason: string) =>
    (
      await ok<{ setTicketNoCharge: { releasedHours: number; reservedHours: number } }>(
        NO_CHARGE,
        { input: { organizationId: aurora, ticketNumber, noCharge, reason } },
        Role.AGENT,
      )
    ).setTicketNoCharge;
  const rows = outboxRowsOf(world, EMAIL_TYPE);

  /** A requirement estimated at `hours` and authorized in writing (its hours reserved, L3-12). */
  const { scheduledRequirement } = ticketJourneys(world);
  const authorizedRequirement = (hours: number) =>
    scheduledRequirement({
      subject: `Reporte de ${hours} h`,
      hours,
      scope: 'Reporte de ventas',
      statement: `Autorizo ${hours} horas.`,
      projected: true,
    });

  let first = '';
  let second = '';

  it('two authorized requirements made no-charge give their hours back; the balance sits just above the threshold', async () => {
    first = await authorizedRequirement(3);
    second = await authorizedRequirement(1);
    expect((await balance()).available).toBe(SEEDED - 4);
    expect(await setNoCharge(first, true, 'Incluido en la cuota mensual.')).toMatchObject({
      releasedHours: 3,
    });
    expect(await setNoCharge(second, true, 'Incluido en la cuota mensual.')).toMatchObject({
      releasedHours: 1,
    });
    await ok(ADJUST, {
      input: {
        organizationId: aurora,
        // 2 h above the threshold once both gave their hours back.
        hours: THRESHOLD + 2 - SEEDED,
        reason: 'Consumo previo registrado a mano',
        idempotencyKey: 'recharge-low-1',
      },
    });
    expect(await balance()).toEqual({
      available: THRESHOLD + 2,
      lowBalanceThreshold: THRESHOLD,
      lowBalance: false,
    });
    expect(await rows()).toEqual([]);
  });

  it('charging one again holds its 3 h, under the threshold: one warning each to the approver and the manager', async () => {
    expect(await setNoCharge(first, false, 'Resultó desarrollo a la medida.')).toMatchObject({
      reservedHours: 3,
    });
    expect(await balance()).toEqual({
      available: THRESHOLD - 1,
      lowBalanceThreshold: THRESHOLD,
      lowBalance: true,
    });

    // Each caught once by the SMTP catcher, one crossing (one event key) for both recipients.
    const mails = await sentExactly(rows, 2);
    const all = await rows();
    expect(new Set(all.map((r) => r.event_key)).size).toBe(1);
    expect(all.map((r) => r.recipient_address).sort()).toEqual([APPROVER, MANAGER].sort());
    const client = mails[all.findIndex((r) => r.recipient_address === APPROVER)];
    const staff = mails[all.findIndex((r) => r.recipient_address === MANAGER)];
    expect(client.subject).toBe(
      `Su saldo de horas está bajo: quedan ${hoursEsMX(THRESHOLD - 1)} disponibles`,
    );
    expect(staff.subject).toBe(
      `Comercializadora Aurora: saldo de horas bajo (${hoursEsMX(THRESHOLD - 1)} disponibles)`,
    );
  });

  it('charging the other again while already low warns no more', async () => {
    expect(await setNoCharge(second, false, 'También era desarrollo.')).toMatchObject({
      reservedHours: 1,
    });
    expect(await balance()).toEqual({
      available: THRESHOLD - 2,
      lowBalanceThreshold: THRESHOLD,
      lowBalance: true,
    });
    // The warning is queued in the ledger's own transaction: none more now means none at all.
    expect(await rows()).toHaveLength(2);
    await sentExactly(rows, 2);
  });
});
