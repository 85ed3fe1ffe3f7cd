import { calendarToday } from '../support/calendar-month';
import { type CaughtMail, sentExactly as sentOnce } from '../support/caught-mail';
import { demoContract, hoursEsMX, literally } from '../support/demo-contract';
import { useWorldWithWorker, worldCalls } from '../support/world-with-worker';

// L3-03, L3-11, L3-13 over real GraphQL on the real stack (PostgreSQL, Temporal dev server, the
// worker's email dispatcher, the SMTP catcher): a package bought, a manual «Ajustar horas» entry
// and a reversal each email the client's approvers exactly once, in Spanish (usted), with the
// hours available after the entry; a repeated request with the same idempotency key sends
// nothing more; the client's plain users hear of the account's hours through «Mis horas», not
// by email.

const AURORA = 'comercializadora-aurora';
/** The hours of the package the demo world seeds for Aurora, available before these tests. */
const SEEDED = demoContract(AURORA).hours;
const APPROVER = 'aprobador@aurora.example';
const EMAIL_TYPE = 'HOURS_CHANGED';
/** A purchase date that has come: today in Aurora's calendar zone, not UTC's (L3-03). */
const today = calendarToday();

const PURCHASE = `mutation ($input: PurchaseHourPackageInput!) {
  purchaseHourPackage(input: $input) { ledgerEntryId balance { available } }
}`;
const ADJUST = `mutation ($input: AdjustHoursInput!) { adjustHours(input: $input) { id } }`;
const REVERSE = `mutation ($input: ReverseHourEntryInput!) { reverseHourEntry(input: $input) { id } }`;

interface OutboxRow {
  event_key: string;
  recipient_address: string;
  status: string;
  message_id: string;
  subject: string;
  text: string;
}
describe('The client hears of their hours (L3-03, L3-11, L3-13)', () => {
  const world = useWorldWithWorker('hour-change-emails');
  let aurora = '';
  beforeAll(() => {
    aurora = world.orgIds[AURORA];
  });

  const { ok } = worldCalls(world);

  const rows = () =>
    world.db.query<OutboxRow[]>(
      `SELECT event_key, recipient_address, status, message_id, subject, text
         FROM email_outbox WHERE event_type = $1 ORDER BY created_at, id`,
      [EMAIL_TYPE],
    );

  /** Once `count` hour emails are SENT: they are exactly `count`, each caught once, to the approver. */
  async function sentExactly(count: number): Promise<CaughtMail[]> {
    const mails = await sentOnce(rows, count);
    for (const mail of mails) expect(mail.to).toEqual([APPROVER]);
    return mails;
  }

  let purchaseEntryId = '';

  it('L3-03: a package bought emails the approvers once with the balance after; the same key again sends nothing', async () => {
    const input = {
      organizationId: aurora,
      hours: 20,
      purchasedOn: today,
      reference: 'FAC-2026-118',
      price: 19_000,
      idempotencyKey: 'hour-emails-purchase-1',
    };
    const first = await ok<{
      purchaseHourPackage: { ledgerEntryId: string; balance: { available: number } };
    }>(PURCHASE, { input });
    purchaseEntryId = first.purchaseHourPackage.ledgerEntryId;
    expect(first.purchaseHourPackage.balance.available).toBe(SEEDED + 20);
    await ok(PURCHASE, { input });

    const [mail] = await sentExactly(1);
    expect(mail.subject).toBe('Se agregaron 20 h a su saldo de horas (paquete FAC-2026-118)');
    expect(mail.text).toContain(
      `Se agregaron 20 h a su saldo (paquete FAC-2026-118). Saldo disponible: ${hoursEsMX(SEEDED + 20)}.`,
    );
    expect(mail.text).toContain('Hola, Arturo Aprobador:');
    // L3-03: what the package cost, as the monthly statement shows it.
    expect(mail.text).toContain('Importe del paquete: $19,000.00 MXN');
    expect(mail.text).toContain('/mis-horas');
    const [row] = await rows();
    expect(row.event_key).toBe(`hours-changed:${aurora}:${purchaseEntryId}`);
  });

  it('L3-13: a manual adjustment emails its reason and the balance after, once', async () => {
    const input = {
      organizationId: aurora,
      hours: 2.5,
      reason: 'Cortesía por la migración del módulo de ventas',
      idempotencyKey: 'hour-emails-adjust-1',
    };
    await ok(ADJUST, { input });
    await ok(ADJUST, { input });

    const mails = await sentExactly(2);
    expect(mails[1].subject).toBe('Ajuste de horas: se agregaron 2.5 h a su saldo');
    expect(mails[1].text).toContain(
      `Se agregaron 2.5 h a su saldo por un ajuste manual. Saldo disponible: ${hoursEsMX(SEEDED + 22.5)}.`,
    );
    expect(mails[1].text).toContain('> Cortesía por la migración del módulo de ventas');
  });

  it('L3-13: a reversal emails what it reversed, its reason and the balance after, once', async () => {
    const input = {
      entryId: purchaseEntryId,
      reason: 'Factura FAC-2026-118 cancelada',
      idempotencyKey: 'hour-emails-reverse-1',
    };
    await ok(REVERSE, { input });
    await ok(REVERSE, { input });

    const mails = await sentExactly(3);
    expect(mails[2].subject).toBe('Corrección de horas: se descontaron 20 h de su saldo');
    expect(mails[2].text).toMatch(
      new RegExp(
        `Se revirtió la compra del paquete FAC-2026-118 \\(.+\\): se descontaron 20 h de su saldo\\. Saldo disponible: ${literally(hoursEsMX(SEEDED + 2.5))}\\.`,
      ),
    );
    expect(mails[2].text).toContain('> Factura FAC-2026-118 cancelada');
    // L3-03 (QA S57): what the reversed package cost, as its purchase email said it.
    expect(mails[2].text).toContain('Importe del paquete revertido: $19,000.00 MXN');
    expect(mails[2].text).toContain('Movimiento: −20 h');
    // Nobody but the approver: the client's plain user and the provider get none of these.
    expect(new Set((await rows()).map((r) => r.recipient_address))).toEqual(new Set([APPROVER]));
  });
});
