import { Locale } from '../../../src/identity/locale.enum';
import type {
  ClientActivity,
  NotificationEvent,
} from '../../../src/notifications/notification-event';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import { NAMED_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-11: every client-visible event renders in the recipient's language, with the ticket link,
// the "reply on the platform" guidance, escaped user text and dates in the recipient's zone.

const EVENTS = sampleEventsOf({ subject: 'Factura no timbra' });
const TICKET = EVENTS.TICKET_REGISTERED.ticket;
const OPTIONS = NAMED_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX);
const EN = sampleRecipient(Locale.EN, {
  email: 'user@aurora.example',
  displayName: 'Una User',
  timeZone: 'Asia/Tokyo',
});
const EMAILED = Object.values(EVENTS).filter((e) => e.type !== 'INTERNAL_NOTE');

function render(event: NotificationEvent, recipient: EmailRecipient) {
  const email = renderEmail(event, recipient, OPTIONS);
  if (!email) throw new Error(`${event.type} rendered no email`);
  return email;
}

describe('L3-11 email templates', () => {
  it('quotes in English quotes in English emails (QA S16: «Progress cadence»)', () => {
    const spanishQuotes = EMAILED.map((e) => [e.type, render(e, EN).text] as const).filter(
      ([, text]) => /[«»]/.test(text),
    );
    expect(spanishQuotes).toEqual([]);
  });

  it.each(EMAILED.map((e) => [e.type, e] as const))(
    '%s renders in es-MX and en with link and reply guidance',
    (_type, event) => {
      const es = render(event, ES);
      const en = render(event, EN);
      const link = 'https://soporte.example/tickets/L3-2026-000123';
      for (const email of [es, en]) {
        expect(email.subject.startsWith('[L3-2026-000123] ')).toBe(true);
        expect(email.text).toContain(link);
        expect(email.html).toContain(`href="${link}`);
        expect(email.template).toBe(`${event.type}.v1`);
      }
      expect(es.locale).toBe(Locale.ES_MX);
      expect(en.locale).toBe(Locale.EN);
      expect(es.text).toContain('Hola, Úrsula Usuaria:');
      // SLA warnings and provider notices are for staff: a staff footer, not the client's
      // guidance; a closed or cancelled ticket takes no comments: a new ticket instead.
      const staff = event.type.startsWith('SLA_') || event.type.startsWith('PROVIDER_');
      const ended = event.type === 'CLOSED' || event.type === 'CANCELLED';
      expect(es.text.includes('comente en el ticket')).toBe(!staff && !ended);
      expect(es.text.includes('registre un ticket nuevo')).toBe(ended);
      expect(es.html).toContain('las respuestas por correo no se leen');
      expect(en.text).toContain('Hello Una User,');
      expect(en.text.includes('comment on the ticket')).toBe(!staff && !ended);
      expect(en.html).toContain('replies by email are not read');
      expect(es.subject).not.toBe(en.subject);
      expect(es.html).toMatch(/^<!doctype html><html lang="es-MX">/);
      expect(en.html).toMatch(/^<!doctype html><html lang="en">/);
    },
  );

  it('gives subjects in each language', () => {
    expect(render(EVENTS.TICKET_REGISTERED, ES).subject).toBe(
      '[L3-2026-000123] Ticket registrado: Factura no timbra',
    );
    expect(render(EVENTS.TICKET_REGISTERED, EN).subject).toBe(
      '[L3-2026-000123] Ticket registered: Factura no timbra',
    );
    expect(render(EVENTS.ESTIMATE_SUBMITTED, ES).subject).toBe(
      '[L3-2026-000123] Estimación por autorizar: 12.5 h (v1) — Factura no timbra',
    );
    expect(render(EVENTS.SLA_BREACHED, EN).subject).toBe(
      '[L3-2026-000123] SLA breached: Triage — Factura no timbra',
    );
    expect(render(EVENTS.ASSIGNED, EN).subject).toBe(
      '[L3-2026-000123] Ticket assigned to Alex Agent: Factura no timbra',
    );
  });

  it('escapes user text in HTML: no tags, no attribute break-out', () => {
    const evil = `<script>alert("x")</script> & 'quotes' "double"`;
    const event: NotificationEvent = {
      ...EVENTS.PROGRESS_UPDATE,
      ticket: { ...TICKET, subject: `<img src=x onerror="alert(1)">` },
      text: evil,
    };
    const email = render(event, { ...ES, displayName: `<b>Mallory</b>` });
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>Mallory');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('&amp; &#39;quotes&#39; &quot;double&quot;');
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // The plain-text part keeps the text as written (it is not markup).
    expect(email.text).toContain(`> ${evil}`);
  });

  it('keeps subjects on one line (no header injection from user text)', () => {
    const event: NotificationEvent = {
      ...EVENTS.TICKET_REGISTERED,
      ticket: { ...TICKET, subject: 'Hola\r\nBcc: victim@example.com' },
    };
    const { subject } = render(event, ES);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('[L3-2026-000123] Ticket registrado: Hola Bcc: victim@example.com');
  });

  it('quotes the written authorization verbatim, with who, when and the version', () => {
    const statement = 'Autorizo la estimación v1 por 12.5 horas.\nFirma: A. Aprobador';
    const email = render({ ...EVENTS.AUTHORIZATION_RECORDED, statement }, ES);
    expect(email.text).toContain(
      '> Autorizo la estimación v1 por 12.5 horas.\n> Firma: A. Aprobador',
    );
    expect(email.html).toContain(`white-space:pre-wrap">${statement}</blockquote>`);
    expect(email.text).toContain('Autorizó: Arturo Aprobador');
    expect(email.text).toContain('Versión: 1');
    expect(email.text).toMatch(
      /Fecha: jueves, 5 de febrero de 2026, 10:10.*\(hora de la Ciudad de México\)/,
    );
    expect(email.text).toContain('Arturo Aprobador autorizó por escrito la estimación v1');
  });

  it('tells the authorized hours, and gives the approver a receipt of their own authorization (QA, L3-12)', () => {
    const authorized = { ...EVENTS.AUTHORIZATION_RECORDED, hours: 12 };
    expect(render(authorized, ES).text).toContain('Horas autorizadas: 12');
    const own = render(authorized, { ...ES, id: 'u-approver', displayName: 'Arturo Aprobador' });
    expect(own.text).toContain(
      'Registramos su autorización por escrito de la estimación v1 del ticket L3-2026-000123.',
    );
    expect(own.text).not.toContain('Arturo Aprobador autorizó');
    // A change order names itself and its additional hours.
    const change = render({ ...authorized, estimateVersion: 2, additionalHours: 4, hours: 16 }, EN);
    expect(change.text).toContain('authorized change order v2 (+4 h) of ticket');
    expect(change.text).toContain('Additional hours: +4');
    expect(change.text).toContain('Authorized hours: 16');
  });

  it('a rejected change order says the work goes on within the authorized hours, not that a new estimate comes (L3-12)', () => {
    const rejected = { ...EVENTS.ESTIMATE_REJECTED, estimateVersion: 3, changeOrder: true };
    const es = render(rejected, ES);
    expect(es.subject).toBe('[L3-2026-000123] Orden de cambio v3 rechazada: Factura no timbra');
    expect(es.text).toContain('rechazó la orden de cambio v3 del ticket');
    expect(es.text).toContain('El trabajo sigue dentro de las horas ya autorizadas.');
    expect(es.text).not.toContain('nueva estimación');
    // An estimate's rejection keeps its own words.
    expect(render(EVENTS.ESTIMATE_REJECTED, ES).text).toContain(
      'le enviaremos una nueva estimación',
    );
  });

  it("the rejecting approver's own copy is a receipt, not news of themselves (QA, L3-09/L3-12)", () => {
    const rejected = { ...EVENTS.ESTIMATE_REJECTED, estimateVersion: 3, changeOrder: true };
    const own = render(rejected, { ...ES, id: 'u-approver', displayName: 'Arturo Aprobador' });
    expect(own.text).toContain(
      'Registramos su rechazo de la orden de cambio v3 del ticket L3-2026-000123.',
    );
    expect(own.text).not.toContain('Arturo Aprobador rechazó');
    expect(own.text).toContain('No se reservaron horas adicionales.');
    const ownEn = render(EVENTS.ESTIMATE_REJECTED, { ...EN, id: 'u-approver' });
    expect(ownEn.text).toContain('We recorded your rejection of estimate v1 of ticket');
    // Everyone else still reads who rejected it.
    expect(render(rejected, { ...ES, id: 'u-registrant' }).text).toContain(
      'Arturo Aprobador rechazó la orden de cambio v3 del ticket',
    );
  });

  it("the approver's own copy of a re-estimate request is a receipt too (QA S18, L3-09)", () => {
    const own = render(EVENTS.REESTIMATE_REQUESTED, {
      ...ES,
      id: 'u-approver',
      displayName: 'Arturo Aprobador',
    });
    expect(own.text).toContain(
      'Registramos su solicitud de una nueva estimación del ticket L3-2026-000123.',
    );
    expect(own.text).not.toContain('Arturo Aprobador pidió');
    const ownEn = render(EVENTS.REESTIMATE_REQUESTED, { ...EN, id: 'u-approver' });
    expect(ownEn.text).toContain('We recorded your request for a new estimate of ticket');
    expect(render(EVENTS.REESTIMATE_REQUESTED, { ...ES, id: 'u-registrant' }).text).toContain(
      'Arturo Aprobador pidió una nueva estimación del ticket',
    );
    // QA S52: «Nueva estimación solicitada (v1)» read as a new v1 being asked for.
    expect(own.subject).toMatch(/Reestimación solicitada para la v\d+/);
    // QA S60 #9: the English names the version too, in the agent's words.
    expect(ownEn.subject).toMatch(/Re-estimate requested for v\d+/);
    // L3-08/L3-09 (QA S53): by when the new estimate comes, when the diagnosis clock restarted.
    expect(own.text).not.toContain('Nueva estimación a más tardar');
    const dated = { ...EVENTS.REESTIMATE_REQUESTED, diagnosisDeadline: '2026-02-13T00:00:00.000Z' };
    expect(render(dated, ES).text).toContain(
      'Nueva estimación a más tardar: jueves, 12 de febrero de 2026, 6:00 p.m.',
    );
    expect(
      render({ ...EVENTS.ESTIMATE_REJECTED, diagnosisDeadline: dated.diagnosisDeadline }, EN).text,
    ).toContain('New estimate by: ');
  });

  it('L3-09 (QA S18): the release email names the ticket, what was delivered and the two answers the ticket offers', () => {
    const released = { ...EVENTS.RELEASED_FOR_TESTING, note: 'Listo en la base de pruebas.' };
    const es = render(released, ES);
    expect(es.text).toContain(
      'El ticket L3-2026-000123 está listo para sus pruebas: Factura no timbra',
    );
    expect(es.text).toContain('Lo que entregamos:\n> Listo en la base de pruebas.');
    expect(es.text).toContain(
      'Pruebe la entrega y, en el ticket, acéptela o reporte las fallas que encuentre.',
    );
    const en = render(released, EN);
    expect(en.text).toContain('Ticket L3-2026-000123 is ready for your testing: Factura no timbra');
    expect(en.text).toContain('What we delivered:\n> Listo en la base de pruebas.');
    expect(en.text).toContain(
      'Test the release and, on the ticket, accept it or report the failures you find.',
    );
  });

  it("L3-08 (QA S18): a requirement's classification says by when the diagnosis comes, and the agent's note", () => {
    const classified = {
      ...EVENTS.CLASSIFIED,
      diagnosisDeadline: '2026-02-10T00:00:00.000Z',
      note: 'Es un reporte nuevo en Ventas.',
    };
    const es = render(classified, ES);
    expect(es.text).toMatch(
      /Diagnóstico a más tardar: lunes, 9 de febrero de 2026, 6:00\sp\.\s?m\./,
    );
    expect(es.text).toContain('Nota:\n> Es un reporte nuevo en Ventas.');
    const en = render(classified, { ...EN, timeZone: 'America/Mexico_City' });
    expect(en.text).toMatch(/Diagnosis by: Monday, February 9, 2026 at 6:00\sPM/);
    expect(render(EVENTS.CLASSIFIED, ES).text).not.toContain('Diagnóstico a más tardar');
  });

  it("L3-07: a problem's classification says by when the first update comes, each update by when the next", () => {
    const classified = {
      ...EVENTS.CLASSIFIED,
      classification: 'PROBLEM' as const,
      progressDeadline: '2026-02-10T00:00:00.000Z',
    };
    expect(render(classified, ES).text).toMatch(
      /Primer avance a más tardar: lunes, 9 de febrero de 2026, 6:00\sp\.\s?m\./,
    );
    expect(render(classified, { ...EN, timeZone: 'America/Mexico_City' }).text).toMatch(
      /First update by: Monday, February 9, 2026 at 6:00\sPM/,
    );
    const update = { ...EVENTS.PROGRESS_UPDATE, nextUpdateBy: '2026-02-10T00:00:00.000Z' };
    expect(render(update, ES).text).toMatch(
      /> .*\n\nPróximo avance a más tardar: lunes, 9 de febrero de 2026, 6:00\sp\.\s?m\./,
    );
    expect(render(update, { ...EN, timeZone: 'America/Mexico_City' }).text).toMatch(
      /Next update by: Monday, February 9, 2026 at 6:00\sPM/,
    );
    const reply = { ...EVENTS.COMMENT_ADDED, nextUpdateBy: '2026-02-10T00:00:00.000Z' };
    expect(render(reply, ES).text).toMatch(/Próximo avance a más tardar: lunes, 9 de febrero/);
    expect(render(EVENTS.COMMENT_ADDED, ES).text).not.toContain('Próximo avance');
    // Without the date (an email queued before it was recorded) the row is left out.
    expect(render(EVENTS.PROGRESS_UPDATE, ES).text).not.toContain('Próximo avance');
    expect(render(EVENTS.CLASSIFIED, ES).text).not.toContain('Primer avance');
  });

  it('a classification names the agent who got the ticket: one email, not two (QA, L3-07)', () => {
    const email = render({ ...EVENTS.CLASSIFIED, agentId: 'u-agent' }, ES);
    expect(email.text).toContain('Le atenderá: Alex Agent');
    expect(render(EVENTS.CLASSIFIED, ES).text).not.toContain('Le atenderá');
  });

  it('formats dates in the recipient time zone, naming the zone', () => {
    // 2026-02-03T22:30Z is 16:30 in Mexico City and 07:30 the next day in Tokyo.
    const es = render(EVENTS.TICKET_REGISTERED, ES);
    const en = render(EVENTS.TICKET_REGISTERED, EN);
    expect(es.text).toMatch(
      /martes, 3 de febrero de 2026, 4:30\sp\.\s?m\. \(hora de la Ciudad de México\)/,
    );
    expect(en.text).toMatch(/Wednesday, February 4, 2026 at 7:30\sAM \(Japan Standard Time\)/);
    const enMx = render(EVENTS.TICKET_REGISTERED, { ...EN, timeZone: 'America/Mexico_City' });
    expect(enMx.text).toMatch(/Tuesday, February 3, 2026 at 4:30\sPM \(Mexico City time\)/);
  });

  it("QA S18 (L3-06): the registrant's English email says by when the ticket is attended to", () => {
    // «Attended by: Monday…» read as who attended it, not when.
    const en = render(EVENTS.TICKET_REGISTERED, EN);
    expect(en.text).toContain('We will attend to it by: Wednesday, February 4, 2026 at 7:30');
    expect(en.text).not.toContain('Attended by');
    expect(render(EVENTS.TICKET_REGISTERED, ES).text).toContain(
      'Atención a más tardar: martes, 3 de febrero de 2026',
    );
  });

  it('shows calendar dates as they are, whatever the zone', () => {
    const en = render(EVENTS.RELEASE_DATE_SET, EN);
    expect(en.text).toContain('Release for testing: Tuesday, February 10, 2026');
    const es = render(EVENTS.DATE_ADJUSTED, ES);
    expect(es.text).toContain('Antes: martes, 10 de febrero de 2026');
    expect(es.text).toContain('Ahora: jueves, 12 de febrero de 2026');
  });

  it("L3-19, BUSINESS-TIME.md: a date a calendar change moved is told with both dates and the change, in the history's words", () => {
    const es = render(EVENTS.DEADLINE_MOVED, ES);
    expect(es.subject).toBe(
      '[L3-2026-000123] Nuevo plazo de atención inicial: 4 feb 2026, 4:30 p.m. — Factura no timbra',
    );
    expect(es.text).toContain(
      'Un cambio en el calendario de días hábiles movió el plazo de atención inicial del ticket L3-2026-000123.',
    );
    expect(es.text).toContain('Antes: martes, 3 de febrero de 2026, 4:30 p.m.');
    expect(es.text).toContain('Ahora: miércoles, 4 de febrero de 2026, 4:30 p.m.');
    expect(es.text).toContain(
      'El cambio (calendario «Aurora CDMX»):\n> Se agregó el día festivo «Aniversario de Aurora» (mar, 3 de feb de 2026)',
    );
    expect(es.text).toContain('«¿Por qué esta fecha?» muestra el cálculo completo');
    const en = render(EVENTS.DEADLINE_MOVED, EN);
    expect(en.subject).toContain('New initial response deadline: ');
    expect(en.text).toContain(
      'The change (calendar “Aurora CDMX”):\n> The holiday “Aniversario de Aurora” (Tue, Feb 3, 2026) was added',
    );
    // The automatic closure (L3-07) says what the new date means; several changes, one per line.
    const closing = render(
      {
        ...EVENTS.DEADLINE_MOVED,
        moved: 'AUTO_CLOSE',
        changes: [
          ...EVENTS.DEADLINE_MOVED.changes!,
          { ...EVENTS.DEADLINE_MOVED.changes![0], kind: 'WEEK_CHANGED', date: null, name: null },
        ],
      },
      ES,
    );
    expect(closing.subject).toContain('Nueva fecha de cierre automático: 4 feb 2026');
    expect(closing.text).toContain('movió la fecha de cierre automático del ticket');
    expect(closing.text).toContain('se cerrará automáticamente en la nueva fecha');
    expect(closing.text).toContain(
      'Los cambios (calendario «Aurora CDMX»):\n> Se agregó el día festivo «Aniversario de Aurora» (mar, 3 de feb de 2026)\n> Cambió el horario semanal',
    );
    // No change known (an event recorded without versions): no empty quote.
    const unnamed = render({ ...EVENTS.DEADLINE_MOVED, changes: undefined }, ES);
    expect(unnamed.text).not.toContain('El cambio');
    expect(unnamed.text).toContain('Ahora: miércoles, 4 de febrero de 2026, 4:30 p.m.');
  });

  it("QA S51 (L3-09, L3-11): the release date's email quotes the agent's note; a closure by the client labels its words as its note", () => {
    const dated = render(
      { ...EVENTS.RELEASE_DATE_SET, note: 'Entregaremos en staging para sus pruebas.' },
      ES,
    );
    expect(dated.text).toContain('Nota:\n> Entregaremos en staging para sus pruebas.');
    expect(render(EVENTS.RELEASE_DATE_SET, ES).text).not.toContain('Nota:');

    const accepted = { ...EVENTS.CLOSED, outcome: 'ACCEPTED' as const, reason: 'Funciona.' };
    expect(render(accepted, ES).text).toContain('Nota del cliente:\n> Funciona.');
    expect(render(accepted, ES).text).not.toContain('Motivo:');
    expect(render(accepted, EN).text).toContain("Client's note:\n> Funciona.");
    const outOfScope = { ...EVENTS.CLOSED, outcome: 'OUT_OF_SCOPE' as const, reason: 'Hardware.' };
    expect(render(outOfScope, ES).text).toContain('Motivo:\n> Hardware.');
  });

  it('falls back to es-MX and Mexico City for an unknown locale or zone', () => {
    const email = render(EVENTS.TICKET_REGISTERED, {
      ...ES,
      locale: 'fr',
      timeZone: 'Mars/Olympus',
    });
    expect(email.locale).toBe(Locale.ES_MX);
    expect(email.text).toContain('(hora de la Ciudad de México)');
  });

  it('links the estimate to its authorization page', () => {
    const email = render(EVENTS.ESTIMATE_SUBMITTED, EN);
    expect(email.text).toContain(
      'Review and authorize: https://soporte.example/tickets/L3-2026-000123/estimaciones/1',
    );
  });

  it('attaches an .ics only to events with a date', () => {
    const withIcs = EMAILED.filter((e) => render(e, ES).attachments.length > 0).map((e) => e.type);
    expect(withIcs.sort()).toEqual([
      'DATE_ADJUSTED',
      'RELEASE_DATE_SET',
      // QA S60b #6: a declined session's email takes it out of the calendar.
      'REMOTE_SESSION_CANCELLED',
      // QA S62 #9: a confirmed session settles the entry the proposal added.
      'REMOTE_SESSION_CONFIRMED',
      'REMOTE_SESSION_PROPOSED',
      // QA S62: so does a session staff withdrew.
      'REMOTE_SESSION_WITHDRAWN',
    ]);
    const [ics] = render(EVENTS.REMOTE_SESSION_PROPOSED, ES).attachments;
    expect(ics).toMatchObject({
      filename: 'L3-2026-000123-remote-session.ics',
      contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    });
  });

  it('L3-09: reminds in Spanish first (English for English users) that the estimate awaits authorization', () => {
    const es = render(EVENTS.ESTIMATE_REMINDER, ES);
    expect(es.subject).toContain('Recordatorio 2 de 5: estimación v1 por autorizar');
    expect(es.text).toContain('sigue esperando su autorización por escrito');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123/estimaciones/1');
    const en = render(EVENTS.ESTIMATE_REMINDER, EN);
    expect(en.subject).toContain('Reminder 2 of 5: estimate v1 awaits authorization');
    expect(en.attachments).toEqual([]);
  });

  it('L3-12: reminds in Spanish first (English for English users) that a change order awaits authorization, with its hours and reason', () => {
    const es = render(EVENTS.CHANGE_ORDER_REMINDER, ES);
    expect(es.subject).toBe(
      '[L3-2026-000123] Recordatorio: orden de cambio por autorizar, +6.5 h (v2) — Factura no timbra',
    );
    expect(es.text).toContain(
      'La orden de cambio v2 del ticket L3-2026-000123 (6.5 h adicionales a las ya autorizadas) sigue esperando su autorización por escrito.',
    );
    expect(es.text).toContain('El cliente pidió además el filtro por sucursal.');
    expect(es.text).toContain('1 de 5');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123/estimaciones/2');
    const en = render(EVENTS.CHANGE_ORDER_REMINDER, EN);
    expect(en.subject).toContain('Reminder: change order awaits authorization, +6.5 h (v2)');
    expect(en.text).toContain('the work goes on within the hours already authorized');
    expect(en.attachments).toEqual([]);
  });

  it('L3-09: reminds in Spanish first (English for English users) that a release waits for the client testing: what, since when, how to decide, which reminder', () => {
    const es = render(EVENTS.TESTING_REMINDER, ES);
    expect(es.subject).toBe(
      '[L3-2026-000123] Recordatorio: entrega en pruebas esperando su revisión — Factura no timbra',
    );
    expect(es.text).toContain(
      'La entrega del ticket L3-2026-000123 está lista para sus pruebas y sigue esperando su revisión.',
    );
    // What was released: the subject, the authorized scope, the release's note and which release.
    expect(es.text).toContain('Factura no timbra');
    expect(es.text).toContain('Reporte de ventas por canal con filtros por fecha.');
    expect(es.text).toContain('Corregimos el total por zona.');
    expect(es.text).toContain('2, con las correcciones de las fallas que reportó');
    // Since when, in the recipient's zone (2026-02-02T23:30Z is 17:30 in Mexico City).
    expect(es.text).toContain(
      'lunes, 2 de febrero de 2026, 5:30 p.m. (hora de la Ciudad de México)',
    );
    expect(es.text).toContain('acéptela si funciona como se acordó o reporte las fallas');
    expect(es.text).toContain('el ticket no se cierra sin su aceptación');
    expect(es.text).toContain('2 de 3');
    expect(es.html).toContain('href="https://soporte.example/tickets/L3-2026-000123"');
    expect(es.html).toContain('Aceptar o reportar fallas');
    const en = render(EVENTS.TESTING_REMINDER, EN);
    expect(en.subject).toBe(
      '[L3-2026-000123] Reminder: release in testing awaiting your review — Factura no timbra',
    );
    expect(en.text).toContain('accept it if it works as agreed or report the failures you find');
    // 2026-02-02T23:30Z is 3 Feb, 08:30 in Tokyo.
    expect(en.text).toContain('February 3, 2026');
    expect(en.text).toContain('2 of 3');
    expect(en.attachments).toEqual([]);
    // A first release without a note: neither the release number nor a note is shown.
    const first = render(
      { ...EVENTS.TESTING_REMINDER, release: 1, note: undefined, scope: undefined, reminder: 1 },
      ES,
    );
    expect(first.text).not.toContain('Nota de la entrega');
    expect(first.text).not.toContain('correcciones');
    expect(first.text).not.toContain('Alcance autorizado');
    expect(first.text).toContain('1 de 3');
  });

  it('L3-07: the resolution and its reminder name the automatic closure in the recipient zone', () => {
    const resolved = render(EVENTS.RESOLVED, ES);
    // 2026-02-10T00:00Z is 9 Feb, 18:00 in Mexico City.
    expect(resolved.text).toContain(
      'se cerrará automáticamente el lunes, 9 de febrero de 2026, 6:00 p.m. (hora de la Ciudad de México)',
    );
    const es = render(EVENTS.AUTO_CLOSE_REMINDER, ES);
    expect(es.subject).toContain('Se cerrará el');
    expect(es.text).toContain('aún no nos confirma si quedó resuelto');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    const en = render(EVENTS.AUTO_CLOSE_REMINDER, EN);
    expect(en.text).toContain('the ticket closes automatically on that date');
    const closed = render({ ...EVENTS.CLOSED, outcome: 'AUTO_CLOSED' }, ES);
    expect(closed.text).toContain('cerrado automáticamente');
  });

  it('L3-06: an information request says no deadline runs and a comment answers it (no "paused" clock)', () => {
    const es = render(EVENTS.INFO_REQUESTED, ES);
    expect(es.text).toContain('no corre ningún plazo de atención');
    expect(es.text).toContain('un comentario basta');
    expect(es.text).not.toContain('en pausa');
    const en = render(EVENTS.INFO_REQUESTED, EN);
    expect(en.text).toContain('While we wait for your reply, no service deadline runs.');
    expect(en.text).toContain('Reply on the ticket (a comment is enough)');
    expect(en.text).toContain('a new 8-business-hour deadline starts');
    expect(en.text).not.toContain('paused');
  });

  it('L3-07/L3-08: a wait on the client says the clock is paused and resumes with the time left', () => {
    const progress = { ...EVENTS.INFO_REQUESTED, pausedClock: 'progress' } as const;
    const es = render(progress, ES);
    expect(es.subject).toBe(
      '[L3-2026-000123] Esperamos su respuesta para continuar: Factura no timbra',
    );
    expect(es.text).toContain('Lo que necesitamos:');
    expect(es.text).toContain(
      'Mientras esperamos su respuesta, el plazo de avance periódico de su ticket queda en pausa.',
    );
    expect(es.text).toContain('el plazo se reanuda con el tiempo que le quedaba');
    expect(es.text).not.toContain('nuevo plazo de 8 horas');
    const en = render(progress, EN);
    expect(en.subject).toBe('[L3-2026-000123] We need your reply to continue: Factura no timbra');
    expect(en.text).toContain('To continue with ticket L3-2026-000123 we need your reply.');
    expect(en.text).toContain(
      'While we wait for your reply, the progress-update clock of your ticket is paused. Reply on the ticket',
    );
    expect(en.text).toContain('the clock resumes with the time it had left');
    expect(en.text).not.toContain('8-business-hour');
    const diagnosis = render({ ...EVENTS.INFO_REQUESTED, pausedClock: 'diagnosis' }, ES);
    expect(diagnosis.text).toContain(
      'el plazo de 5 días hábiles para el diagnóstico de su requerimiento queda en pausa',
    );
    expect(diagnosis.text).not.toContain('nuevo plazo');
  });

  it('L3-06/L3-07/L3-11: an answer staff recorded tells the registrant who, how it came and what it did', () => {
    const es = render(EVENTS.CLIENT_ANSWER_RECORDED, ES);
    expect(es.subject).toBe('[L3-2026-000123] Registramos su respuesta: Factura no timbra');
    expect(es.text).toContain(
      'Alex Agent registró en el ticket L3-2026-000123 la respuesta que nos dio por teléfono.',
    );
    expect(es.text).toContain('Por teléfono: usan Odoo 17 Enterprise en odoo.sh.');
    expect(es.text).toContain('empieza un nuevo plazo de 8 horas hábiles');
    expect(es.text).toContain('corríjalo con un comentario en el ticket');
    const en = render(
      { ...EVENTS.CLIENT_ANSWER_RECORDED, channel: 'WHATSAPP', answered: 'WAITING' },
      EN,
    );
    expect(en.subject).toBe('[L3-2026-000123] We recorded your reply: Factura no timbra');
    expect(en.text).toContain(
      'Alex Agent recorded on ticket L3-2026-000123 the reply you gave us by WhatsApp.',
    );
    expect(en.text).toContain('Reply recorded:');
    expect(en.text).toContain('With this reply we continue working on your ticket');
    expect(en.text).toContain('continues with the time it had left');
    expect(en.text).not.toContain('8-business-hour');
  });

  it("L3-06..L3-09: SLA warnings name the clock in words and the ticket's subject, the client, the assignee and the deadline, with a staff footer", () => {
    const names = new Map([...OPTIONS.names, ['org-aurora', 'Comercializadora Aurora']]);
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const atRisk = { ...EVENTS.SLA_AT_RISK, clock: 'progress' } as const;
    const es = renderEmail(atRisk, agent, { ...OPTIONS, names })!;
    expect(es.subject).toBe('[L3-2026-000123] SLA en riesgo: Avance periódico — Factura no timbra');
    expect(es.text).toContain(
      'El plazo «Avance periódico» del ticket L3-2026-000123 está cerca de vencer.',
    );
    expect(es.text).toContain('Cliente: Comercializadora Aurora');
    expect(es.text).toContain('Asignado a: Alex Agent');
    // 2026-02-03T22:30Z is 16:30 in Mexico City.
    expect(es.text).toContain('Vence: martes, 3 de febrero de 2026, 4:30 p.m.');
    expect(es.text).not.toContain('(L3-07)');
    expect(es.text).not.toContain('comente en el ticket');
    expect(es.text).toContain('Este correo es automático: las respuestas por correo no se leen.');
    expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    const en = renderEmail(atRisk, { ...agent, locale: Locale.EN }, { ...OPTIONS, names })!;
    expect(en.subject).toBe('[L3-2026-000123] SLA at risk: Progress cadence — Factura no timbra');
    expect(en.text).toContain('Assigned to: Alex Agent');
    expect(en.text).not.toContain('comment on the ticket');
    // Unassigned (triage): said so; breached reads «Venció».
    const breached = renderEmail({ ...EVENTS.SLA_BREACHED, assigneeId: null }, agent, {
      ...OPTIONS,
      names,
    })!;
    expect(breached.subject).toBe(
      '[L3-2026-000123] SLA incumplido: Atención inicial — Factura no timbra',
    );
    expect(breached.text).toContain(
      'El plazo «Atención inicial» del ticket L3-2026-000123 venció.',
    );
    expect(breached.text).toContain('Asignado a: Sin asignar');
    expect(breached.text).toContain('Venció: martes, 3 de febrero de 2026, 4:30 p.m.');
  });

  it('L3-11: a closed, out-of-scope or cancelled ticket says to register a new ticket naming it, not to comment', () => {
    for (const event of [
      EVENTS.CLOSED,
      { ...EVENTS.CLOSED, outcome: 'OUT_OF_SCOPE' as const },
      EVENTS.CANCELLED,
    ]) {
      const es = render(event, ES);
      expect(es.text).toContain(
        'Este ticket ya no admite comentarios. Si necesita algo más sobre este tema, registre un ticket nuevo en la plataforma de soporte y mencione el número L3-2026-000123.',
      );
      expect(es.text).not.toContain('comente en el ticket');
      expect(es.text).toContain('https://soporte.example/tickets/L3-2026-000123');
      const en = render(event, EN);
      expect(en.text).toContain(
        'register a new ticket on the support platform and mention number L3-2026-000123',
      );
      expect(en.text).not.toContain('comment on the ticket');
    }
  });

  it('L3-11 provider side: a new ticket and a client comment, Spanish first, for the agents', () => {
    const names = new Map([
      ['org-aurora', 'Comercializadora Aurora'],
      ['u-registrant', 'Úrsula Usuaria'],
    ]);
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const opened = renderEmail(EVENTS.PROVIDER_NEW_TICKET, agent, { ...OPTIONS, names })!;
    expect(opened.subject).toBe(
      '[L3-2026-000123] Nuevo ticket de Comercializadora Aurora: Factura no timbra',
    );
    expect(opened.text).toContain('Registró: Úrsula Usuaria');
    expect(opened.text).toContain('Categoría: Incidente');
    // QA S43: the clock counts in business hours only (registered at night, from the opening).
    expect(opened.text).toContain(
      'El plazo de atención inicial (8 horas hábiles) corre desde el registro, en horario hábil',
    );
    expect(opened.text).not.toContain('ya corre');
    // In English, the staff's name of that clock (QA S55: «Attend by», «attention clock»).
    const openedEn = renderEmail(
      EVENTS.PROVIDER_NEW_TICKET,
      { ...agent, locale: Locale.EN },
      { ...OPTIONS, names },
    )!;
    expect(openedEn.text).toMatch(/^Triage by: /m);
    expect(openedEn.text).toContain(
      'The triage clock (8 business hours) runs from registration, during business hours',
    );
    const comment = renderEmail(
      EVENTS.PROVIDER_CLIENT_ACTIVITY,
      { ...agent, locale: Locale.EN },
      {
        ...OPTIONS,
        names,
      },
    )!;
    expect(comment.subject).toBe('[L3-2026-000123] Client comment: Factura no timbra');
    expect(comment.text).toContain('Úrsula Usuaria commented on ticket L3-2026-000123.');
    expect(comment.text).toContain('> Adjunto la póliza con la que falla el timbrado.');
    expect(comment.text).toContain('https://soporte.example/tickets/L3-2026-000123');
    // The client's words to an information request are a reply, as the web app says.
    const info = renderEmail(
      { ...EVENTS.PROVIDER_CLIENT_ACTIVITY, activity: 'INFO_PROVIDED' as const },
      { ...agent, locale: Locale.EN },
      { ...OPTIONS, names },
    )!;
    expect(info.text).toContain('replied to the information request of ticket L3-2026-000123.');
    expect(info.text).toContain('Reply:\n> Adjunto la póliza con la que falla el timbrado.');
  });

  // QA S57: the agent's email after a client's answer did not say the paused clock runs again.
  it('L3-06…L3-08 provider side: a client answer says which clock runs again, and when it is due', () => {
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const text = (
      activity: 'INFO_PROVIDED' | 'CLIENT_REPLIED' | 'COMMENT',
      answerClock: { kind: 'triage' | 'progress' | 'diagnosis'; deadline: string | null },
      locale = Locale.ES_MX,
    ) =>
      renderEmail(
        { ...EVENTS.PROVIDER_CLIENT_ACTIVITY, activity, answerClock, clockTargetDays: 5 },
        { ...agent, locale },
        OPTIONS,
      )!.text;
    const due = '2026-03-03T17:00:00.000Z';
    expect(text('INFO_PROVIDED', { kind: 'triage', deadline: due })).toContain(
      'El plazo de atención inicial (8 horas hábiles) empieza de nuevo con la respuesta, en horario hábil: vence el martes, 3 de marzo de 2026, 11:00 a.m. (hora de la Ciudad de México).',
    );
    expect(text('INFO_PROVIDED', { kind: 'triage', deadline: due }, Locale.EN)).toContain(
      'The triage clock (8 business hours) starts over with the reply, during business hours: due Tuesday, March 3, 2026 at 11:00 AM (Mexico City time).',
    );
    expect(text('CLIENT_REPLIED', { kind: 'progress', deadline: due })).toContain(
      'El plazo de avance periódico se reanudó con el tiempo que le quedaba: vence el martes, 3 de marzo de 2026, 11:00 a.m. (hora de la Ciudad de México).',
    );
    expect(text('CLIENT_REPLIED', { kind: 'diagnosis', deadline: due }, Locale.EN)).toContain(
      'The diagnosis clock (5 business days) resumed with the time it had left: due Tuesday, March 3, 2026 at 11:00 AM (Mexico City time).',
    );
    // A clock with nothing running (breached before the wait) is said to resume, with no date.
    expect(text('CLIENT_REPLIED', { kind: 'progress', deadline: null })).toContain(
      'El plazo de avance periódico se reanudó con el tiempo que le quedaba.',
    );
    const comment = renderEmail(EVENTS.PROVIDER_CLIENT_ACTIVITY, agent, OPTIONS)!.text;
    expect(comment).not.toMatch(/reanudó|empieza de nuevo/);
  });

  it("L3-09 provider side (QA S18): a re-estimate request quotes the reason, and the approver's note apart", () => {
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const names = new Map([['u-approver', 'Arturo Aprobador']]);
    const asked = {
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'REESTIMATE_REQUESTED' as const,
      actorId: 'u-approver',
      estimateVersion: 2,
      text: 'Cotícelo sin la exportación a Excel.',
      note: 'Lo vemos en el punto de control.',
    };
    const es = renderEmail(asked, agent, { ...OPTIONS, names })!;
    expect(es.text).toContain('Motivo:\n> Cotícelo sin la exportación a Excel.');
    expect(es.text).toContain('Nota:\n> Lo vemos en el punto de control.');
    const en = renderEmail(asked, { ...agent, locale: Locale.EN }, { ...OPTIONS, names })!;
    expect(en.text).toContain('Reason:\n> Cotícelo sin la exportación a Excel.');
    expect(en.text).toContain('Note:\n> Lo vemos en el punto de control.');
  });

  it('L3-06/L3-07 provider side: the assigned agent reads who recorded the client answer, and the answer', () => {
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const names = new Map([['u-manager', 'Gina Gerente']]);
    const recorded = {
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'ANSWER_RECORDED' as const,
      actorId: 'u-manager',
      text: 'Ya mandó el XML por correo.',
    };
    const es = renderEmail(recorded, agent, { ...OPTIONS, names })!;
    expect(es.subject).toBe('[L3-2026-000123] Respuesta del cliente registrada: Factura no timbra');
    expect(es.text).toContain(
      'Gina Gerente registró la respuesta que el cliente dio fuera del portal en el ticket L3-2026-000123.',
    );
    expect(es.text).toContain('> Ya mandó el XML por correo.');
    const en = renderEmail(recorded, { ...agent, locale: Locale.EN }, { ...OPTIONS, names })!;
    expect(en.subject).toBe("[L3-2026-000123] Client's reply recorded: Factura no timbra");
    expect(en.text).toContain(
      'Gina Gerente recorded the reply the client gave off the portal on ticket L3-2026-000123.',
    );
    expect(en.text).toContain("Client's reply:\n> Ya mandó el XML por correo.");
  });

  it('L3-08/L3-09 provider side (QA S18): a client decision tells the agent the next step and its clock', () => {
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const names = new Map([['u-approver', 'Arturo Aprobador']]);
    const email = (activity: ClientActivity, locale = Locale.ES_MX) =>
      renderEmail(
        { ...EVENTS.PROVIDER_CLIENT_ACTIVITY, activity, actorId: 'u-approver' },
        { ...agent, locale },
        { ...OPTIONS, names },
      )!.text;
    expect(email('ESTIMATE_AUTHORIZED')).toContain(
      'Publique la fecha de entrega para pruebas: el plazo de programación (2 días hábiles) corre desde la autorización, en horario hábil.',
    );
    expect(email('ESTIMATE_AUTHORIZED', Locale.EN)).toContain(
      'Publish the release date for testing: the scheduling clock (2 business days) runs from the authorization, in business hours.',
    );
    for (const back of ['ESTIMATE_REJECTED', 'REESTIMATE_REQUESTED'] as const) {
      expect(email(back)).toContain(
        'El requerimiento volvió a diagnóstico: envíe una nueva estimación; el plazo de diagnóstico (5 días hábiles) corre de nuevo.',
      );
    }
    expect(email('FAILURES_REPORTED', Locale.EN)).toContain(
      'The ticket is back in development: fix the failures and release it for testing again.',
    );
    // A change order's decision and a comment ask nothing new of the clocks.
    expect(email('CHANGE_ORDER_REJECTED')).not.toContain('plazo');
    expect(email('COMMENT')).not.toContain('plazo');
  });

  it('L3-11 provider side: the Spanish heading contracts «de el ticket» to «del ticket» (QA S16)', () => {
    // QA S16: the agent read «Arturo Aprobador rechazó la estimación de el ticket L3-2026-000002.»
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const names = new Map([['u-approver', 'Arturo Aprobador']]);
    const activities = [
      'COMMENT',
      'INFO_PROVIDED',
      'CLIENT_REPLIED',
      'ESTIMATE_AUTHORIZED',
      'ESTIMATE_REJECTED',
      'CHANGE_ORDER_AUTHORIZED',
      'CHANGE_ORDER_REJECTED',
      'REESTIMATE_REQUESTED',
      'FAILURES_REPORTED',
      'DELIVERY_ACCEPTED',
      'RESOLUTION_CONFIRMED',
      'REOPENED',
      'CANCELLED',
    ] as const;
    const headings = activities.map((activity) => {
      const event = { ...EVENTS.PROVIDER_CLIENT_ACTIVITY, activity, actorId: 'u-approver' };
      return renderEmail(event, agent, { ...OPTIONS, names })!.text;
    });
    for (const text of headings) expect(text).not.toMatch(/\bde el\b/);
    expect(headings[activities.indexOf('ESTIMATE_REJECTED')]).toContain(
      'Arturo Aprobador rechazó la estimación del ticket L3-2026-000123.',
    );
    expect(headings[activities.indexOf('INFO_PROVIDED')]).toContain(
      'Arturo Aprobador respondió la solicitud de información del ticket L3-2026-000123.',
    );
    expect(headings[activities.indexOf('COMMENT')]).toContain(
      'Arturo Aprobador comentó en el ticket L3-2026-000123.',
    );
  });

  it('L3-07 provider side: a reassignment names who assigned it, to whom, and the note', () => {
    const names = new Map([
      ['u-agent', 'Alex Agent'],
      ['u-mgr', 'Gerardo Gerente'],
    ]);
    const event = { ...EVENTS.PROVIDER_ASSIGNED, assigneeId: 'u-agent', actorId: 'u-mgr' };
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const es = renderEmail(event, agent, { ...OPTIONS, names })!;
    expect(es.subject).toBe('[L3-2026-000123] Ticket asignado a Alex Agent: Factura no timbra');
    expect(es.text).toContain('Gerardo Gerente asignó el ticket L3-2026-000123 a Alex Agent.');
    expect(es.text).toContain('> Alex conoce el diario de Ventas.');
    const en = renderEmail(event, { ...agent, locale: Locale.EN }, { ...OPTIONS, names })!;
    expect(en.text).toContain('Gerardo Gerente assigned ticket L3-2026-000123 to Alex Agent.');
  });

  it('L3-07 provider side: a first assignment says who chose the agent, or that it was automatic', () => {
    const names = new Map([
      ['u-agent', 'Alex Agent'],
      ['u-mgr', 'Gerardo Gerente'],
    ]);
    const base = { ...EVENTS.PROVIDER_ASSIGNED, assigneeId: 'u-agent', note: undefined };
    const agent = { ...ES, email: 'agente@becken.example', displayName: 'Alex Agent' };
    const automatic = { ...base, actorId: null, initial: 'AUTOMATIC' as const };
    const es = renderEmail(automatic, agent, { ...OPTIONS, names })!;
    expect(es.subject).toBe('[L3-2026-000123] Ticket asignado a Alex Agent: Factura no timbra');
    expect(es.text).toContain(
      'El ticket L3-2026-000123 se asignó automáticamente a Alex Agent (el agente con menos carga).',
    );
    expect(es.text).toContain('El ticket se clasificó como problema');
    const en = renderEmail(automatic, { ...agent, locale: Locale.EN }, { ...OPTIONS, names })!;
    expect(en.text).toContain(
      'Ticket L3-2026-000123 was assigned to Alex Agent automatically (the least-loaded agent).',
    );
    const named = { ...base, actorId: 'u-mgr', initial: 'NAMED' as const };
    expect(renderEmail(named, agent, { ...OPTIONS, names })!.text).toContain(
      'Gerardo Gerente asignó el ticket L3-2026-000123 a Alex Agent.',
    );
    // L3-08: a requirement's agent is told to diagnose and estimate, not that it is a problem.
    const requirement = { ...automatic, classification: 'REQUIREMENT' as const };
    const text = renderEmail(requirement, agent, { ...OPTIONS, names })!.text;
    expect(text).toContain('El ticket se clasificó como requerimiento');
    expect(text).not.toContain('problema');
  });

  it('renders no email for an internal note', () => {
    expect(renderEmail(EVENTS.INTERNAL_NOTE, ES, OPTIONS)).toBeNull();
  });
});
