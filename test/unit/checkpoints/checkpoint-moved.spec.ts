import { nextCheckpointAt } from '../../../src/checkpoints/checkpoint-schedule';
import { Locale } from '../../../src/identity/locale.enum';
import type { CheckpointMovedEvent } from '../../../src/notifications/notification-event';
import { renderCheckpointMovedEmail } from '../../../src/notifications/templates/checkpoint.templates';
import { RENDER_OPTIONS, sampleRecipient } from '../fixtures/sample-email';

// L3-15 (with L3-11): a checkpoint staff move tells the people its agenda goes to, «Punto de
// control movido: del … al …», each side with its own footer.

const ZONE = 'America/Mexico_City';

describe('nextCheckpointAt (the session a move moves from)', () => {
  // Cadence: Tue 3 Feb 2026, then every 14 days, at 10:00 Mexico City (16:00Z).
  const next = (now: string) => nextCheckpointAt(ZONE, '2026-02-03', '10:00', new Date(now));

  it('is the anchor while it is ahead, then every 14 days', () => {
    expect(next('2026-01-20T12:00:00Z').toISOString()).toBe('2026-02-03T16:00:00.000Z');
    // The same day before 10:00, and at 10:00 sharp: still that session.
    expect(next('2026-02-17T15:00:00Z').toISOString()).toBe('2026-02-17T16:00:00.000Z');
    expect(next('2026-02-17T16:00:00Z').toISOString()).toBe('2026-02-17T16:00:00.000Z');
    // After it: two weeks later, never the next Tuesday.
    expect(next('2026-02-17T16:01:00Z').toISOString()).toBe('2026-03-03T16:00:00.000Z');
    expect(next('2026-02-24T16:00:00Z').toISOString()).toBe('2026-03-03T16:00:00.000Z');
  });
});

describe('«Punto de control movido» email', () => {
  const event: CheckpointMovedEvent = {
    type: 'CHECKPOINT_MOVED',
    eventKey: 'checkpoint-moved-org-aurora:2026-02-10T18:00:00.000Z',
    occurredAt: '2026-02-10T18:00:00.000Z',
    organizationId: 'org-aurora',
    organizationName: 'Comercializadora Aurora',
    from: '2026-02-17T16:00:00.000Z', // Tue 17 Feb, 10:00 Mexico City
    to: '2026-02-19T17:30:00.000Z', // Thu 19 Feb, 11:30
    movedById: 'u-manager',
  };
  const options = { ...RENDER_OPTIONS, names: new Map([['u-manager', 'Gerardo Gerente']]) };
  const approver = sampleRecipient(Locale.ES_MX, {
    email: 'aprobador@aurora.example',
    displayName: 'Arturo Aprobador',
    timeZone: ZONE,
    side: 'CLIENT',
  });

  it('says from when to when, who moved it, with the client footer (es-MX)', () => {
    const email = renderCheckpointMovedEmail(event, approver, options);
    expect(email.subject).toMatch(
      /^Punto de control movido: del mar 17 de feb, 10:00\sa\.\s?m\. al jue 19 de feb, 11:30\sa\.\s?m\. \(Comercializadora Aurora\)$/,
    );
    expect(email.text).toContain(
      'Gerardo Gerente movió la sesión de seguimiento quincenal de Comercializadora Aurora.',
    );
    expect(email.text).toMatch(
      /Antes: martes, 17 de febrero de 2026, 10:00\s?a\.\s?m\. \(hora de la Ciudad de México\)/,
    );
    expect(email.text).toMatch(
      /Ahora: jueves, 19 de febrero de 2026, 11:30\s?a\.\s?m\. \(hora de la Ciudad de México\)/,
    );
    expect(email.text).toContain('Ver los puntos de control: https://soporte.example/checkpoints');
    expect(email.text).toContain('Si la nueva fecha no le conviene, indíquelo en la plataforma');
    expect(email.text).not.toContain('comente en el ticket');
    expect(email.attachments).toEqual([]);
  });

  it('in English for staff, with the staff footer', () => {
    const email = renderCheckpointMovedEmail(
      event,
      { ...approver, email: 'manager@becken.example', locale: Locale.EN, side: 'STAFF' },
      options,
    );
    expect(email.subject).toMatch(
      /^Checkpoint moved: from Tue, Feb 17, 10:00\sAM to Thu, Feb 19, 11:30\sAM \(Comercializadora Aurora\)$/,
    );
    expect(email.text).toContain('Gerardo Gerente moved the biweekly checkpoint session');
    expect(email.text).toContain('This email is automatic: replies by email are not read.');
    expect(email.text).not.toContain('If the new date does not suit you');
  });

  // QA S60b #3 (BUSINESS-TIME.md): the session is at a wall time of the client's calendar; a
  // reader in another zone also reads it there, as the ticket emails give deadlines.
  it('gives a Bogotá client’s session in its calendar’s time to a Mexico City manager', () => {
    const bogota = { ...options, calendarTimeZone: 'America/Bogota' };
    const manager = { ...approver, email: 'gerente@becken.example', side: 'STAFF' as const };
    const { text } = renderCheckpointMovedEmail(event, manager, bogota);
    expect(text).toMatch(
      /Antes: martes, 17 de febrero de 2026, 10:00\s?a\.\s?m\. \(hora de la Ciudad de México\)\nHora del cliente: martes, 17 de febrero de 2026, 11:00\s?a\.\s?m\. \(hora de Colombia\)\n/,
    );
    expect(text).toMatch(
      /Ahora: jueves, 19 de febrero de 2026, 11:30\s?a\.\s?m\. \(hora de la Ciudad de México\)\nHora del cliente: jueves, 19 de febrero de 2026, 12:30\s?p\.\s?m\. \(hora de Colombia\)\n/,
    );
    // A client approver in Mexico City reads it «Hora de su empresa»; one in Bogotá, once.
    expect(renderCheckpointMovedEmail(event, approver, bogota).text).toContain(
      'Hora de su empresa: jueves, 19 de febrero de 2026',
    );
    const inBogota = { ...approver, timeZone: 'America/Bogota' };
    const own = renderCheckpointMovedEmail(event, inBogota, bogota).text;
    expect(own).not.toContain('Hora de su empresa');
    expect(own).toMatch(/Ahora: jueves, 19 de febrero de 2026, 12:30\s?p\.\s?m\./);
    // The client's calendar in the reader's own zone: nothing added.
    const mexico = { ...options, calendarTimeZone: ZONE };
    expect(renderCheckpointMovedEmail(event, manager, mexico).text).not.toContain(
      'Hora del cliente',
    );
  });
});
