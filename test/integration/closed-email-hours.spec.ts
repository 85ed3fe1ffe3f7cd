import { Role } from '../../src/identity/role.enum';
import { type CaughtMail, caughtAtLeast, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { ticketJourneys } from '../support/ticket-journeys';
import { useWorldWithWorker } from '../support/world-with-worker';

// L3-09, L3-12/L3-13 (QA S18) on the real stack: «Ticket cerrado» tells the registrant the hours
// the ticket charged to the package and, when the authorized reservation was larger, the hours
// that went back, the same numbers the ledger holds; a problem's closure tells its charged hours,
// and one without charged time says nothing of hours.

describe('«Ticket cerrado» says the hours charged and given back (L3-09, L3-12/L3-13)', () => {
  const world = useWorldWithWorker('closed-email-hours');

  const { act, logTime, markNoCharge, problemInAnalysis, requirementInDevelopment } =
    ticketJourneys(world);

  /** The «Ticket cerrado» email the registrant received (the SMTP catcher), exactly once. */
  const receivedClosedMail = async (number: string): Promise<CaughtMail> => {
    const mails = await caughtAtLeast(
      1,
      (m) => subjectHas(number, 'Ticket cerrado')(m) && m.to.includes('usuario@aurora.example'),
    );
    expect(mails).toHaveLength(1);
    return mails[0];
  };

  it('an accepted requirement: 9.5 h charged of 12 reserved, 2.5 h back, as the ledger says', async () => {
    const number = await requirementInDevelopment({
      subject: 'Reporte de cobranza',
      hours: 12,
      statement: 'Autorizo 12 horas.',
      projected: true,
    });
    await logTime(number, 9.5);
    await act(Role.AGENT, 'releaseForTesting', { number });
    await act(Role.CLIENT_USER, 'acceptDelivery', { number });

    const mail = await receivedClosedMail(number);
    expect(mail.text).toContain('Horas cargadas a su paquete: 9.5 h');
    expect(mail.text).toContain('Se devuelven 2.5 h no usadas a su paquete.');
    // The ledger's own entries: 9.5 h consumed and, when the run ended, 2.5 h released.
    const ledger = await caughtLedger(number);
    expect(ledger).toEqual({ CONSUMPTION: -9.5, RESERVATION: 12, RESERVATION_RELEASE: -2.5 });
  });

  it('a confirmed no-charge problem says its hours worked, none charged; one without time says nothing of hours (L3-18)', async () => {
    const worked = await problemInAnalysis();
    const quiet = await problemInAnalysis();
    // A problem's time goes on a no-charge ticket (no estimate is authorized for it).
    await markNoCharge(worked, { role: Role.AGENT, reason: 'Falla de nuestro desarrollo' });
    await logTime(worked, 1.5);
    for (const number of [worked, quiet]) {
      await act(Role.AGENT, 'resolveTicket', { number, note: 'Corregido el certificado.' });
      await act(Role.CLIENT_USER, 'confirmResolution', { number });
    }
    const mail = await receivedClosedMail(worked);
    expect(mail.text).toContain('Horas cargadas a su paquete: 0 h');
    expect(mail.text).toContain('Horas trabajadas: 1.5 h');
    expect(mail.text).not.toContain('no usada');
    const none = await receivedClosedMail(quiet);
    expect(none.text).not.toMatch(/Horas cargadas|Horas trabajadas|no usadas?|paquete/);
  });

  /** The ticket's ledger entries summed by kind, once the ended run released what was left. */
  const caughtLedger = async (number: string): Promise<Record<string, number>> =>
    eventually(
      async () =>
        Object.fromEntries(
          (
            await world.db.query<{ kind: string; hours: string }[]>(
              `SELECT kind, sum(hours) AS hours FROM hour_ledger_entry
                WHERE ticket_number = $1 GROUP BY kind`,
              [number],
            )
          ).map((r) => [r.kind, Number(r.hours)]),
        ),
      (byKind: Record<string, number>) => 'RESERVATION_RELEASE' in byKind,
    );
});
