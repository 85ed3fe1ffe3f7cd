import { Role } from '../../src/identity/role.enum';
import { caughtAtLeast, subjectHas } from '../support/caught-mail';
import { ticketJourneys } from '../support/ticket-journeys';
import { registerTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-08 (QA S18) on the real stack: the registrant's «Ticket clasificado» email for a requirement
// says by when the diagnosis comes (the deadline of the diagnosis clock the classification
// started, in the client's calendar zone) and quotes the agent's note, read from the SMTP catcher.

describe("a requirement's classification email (L3-08, L3-11)", () => {
  const world = useWorldWithWorker('classified-email');

  it('names the diagnosis deadline and the agent note, once', async () => {
    const number = await registerTicket(world, { subject: 'Reporte de comisiones' });
    await ticketJourneys(world).act(
      Role.AGENT,
      'classifyTicket',
      {
        number,
        classification: 'REQUIREMENT',
        requirementKind: 'DEVELOPMENT',
        note: 'Es un reporte nuevo en Ventas.',
      },
      'ClassifyTicketInput',
    );
    const mails = await caughtAtLeast(
      1,
      subjectHas(number, 'Ticket clasificado'),
      'usuario@aurora.example',
    );
    const [deadline] = await world.db.query<{ deadline: Date }[]>(
      `SELECT deadline FROM ticket_clock WHERE ticket_number = $1 AND kind = 'diagnosis'`,
      [number],
    );
    expect(mails).toHaveLength(1);
    const day = new Intl.DateTimeFormat('es-MX', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'America/Mexico_City',
    }).format(deadline.deadline);
    expect(mails[0].text).toContain(`Diagnóstico a más tardar: `);
    expect(mails[0].text).toContain(day);
    expect(mails[0].text).toContain('Nota:\n> Es un reporte nuevo en Ventas.');
  });

  // L3-07: a problem's registrant learns by when the first update comes, and with each update by
  // when the next one does (the progress clock's deadline, in the client's calendar zone).
  it("a problem's classification and its progress update say when the next update is due", async () => {
    const number = await registerTicket(world, { subject: 'No timbra la factura' });
    const journeys = ticketJourneys(world);
    await journeys.act(
      Role.AGENT,
      'classifyTicket',
      { number, classification: 'PROBLEM' },
      'ClassifyTicketInput',
    );
    const progressDay = async () => {
      const [clock] = await world.db.query<{ deadline: Date }[]>(
        `SELECT deadline FROM ticket_clock
          WHERE ticket_number = $1 AND kind = 'progress' AND status = 'RUNNING'`,
        [number],
      );
      return new Intl.DateTimeFormat('es-MX', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'America/Mexico_City',
      }).format(clock.deadline);
    };
    const [classified] = await caughtAtLeast(
      1,
      subjectHas(number, 'Ticket clasificado'),
      'usuario@aurora.example',
    );
    expect(classified.text).toMatch(
      new RegExp(`Primer avance a más tardar: [^\\n]*${await progressDay()}`),
    );

    await journeys.act(
      Role.AGENT,
      'addProgressUpdate',
      { number, note: 'Reproducido en pruebas.' },
      'TicketActionInput',
    );
    const updates = await caughtAtLeast(
      1,
      subjectHas(number, 'Avance del ticket'),
      'usuario@aurora.example',
    );
    expect(updates).toHaveLength(1);
    expect(updates[0].text).toContain('> Reproducido en pruebas.');
    expect(updates[0].text).toMatch(
      new RegExp(`Próximo avance a más tardar: [^\\n]*${await progressDay()}`),
    );
  });
});
