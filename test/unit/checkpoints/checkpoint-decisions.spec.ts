import { Locale } from '../../../src/identity/locale.enum';
import type { CheckpointDecisionsEvent } from '../../../src/notifications/notification-event';
import { renderCheckpointDecisionsEmail } from '../../../src/notifications/templates/checkpoint.templates';
import { RENDER_OPTIONS, sampleRecipient } from '../fixtures/sample-email';

// L3-15 (with L3-10, L3-11): the decisions recorded against a checkpoint agenda reach its
// audience, «Decisiones del punto de control del …»: the notes as written, each reprioritised
// ticket with its subject and its position in the client's queue before and after, who recorded
// them, and the agenda's link; each side its own footer, es-MX and English.

const ZONE = 'America/Mexico_City';

describe('«Decisiones del punto de control» email', () => {
  const event: CheckpointDecisionsEvent = {
    type: 'CHECKPOINT_DECISIONS',
    eventKey: 'checkpoint-decision-d-1',
    occurredAt: '2026-02-17T17:05:00.000Z', // Tue 17 Feb, 11:05 Mexico City
    checkpoint: {
      id: 'cp-1',
      organizationId: 'org-aurora',
      organizationName: 'Comercializadora Aurora',
      scheduledFor: '2026-02-17T16:00:00.000Z', // Tue 17 Feb, 10:00
      periodEnd: '2026-02-17T16:00:05.000Z',
    },
    notes: 'Priorizar la integración con paquetería.\nRevisar capacidad en marzo.',
    priorities: [
      {
        number: 'L3-2026-000003',
        subject: 'Integración con paquetería',
        position: 1,
        previousPosition: 3,
      },
      {
        number: 'L3-2026-000002',
        subject: 'Reporte de cobranza',
        position: 2,
        previousPosition: 2,
      },
    ],
    recordedById: 'u-approver',
    recordedByRole: 'CLIENT_APPROVER',
  };
  const options = { ...RENDER_OPTIONS, names: new Map([['u-approver', 'Arturo Aprobador']]) };
  const manager = sampleRecipient(Locale.ES_MX, {
    email: 'gerente@becken.example',
    displayName: 'Gerardo Gerente',
    timeZone: ZONE,
    side: 'STAFF',
  });

  it('lists the decisions, the new positions and who recorded them (es-MX)', () => {
    const email = renderCheckpointDecisionsEmail(event, manager, options);
    expect(email.template).toBe('CHECKPOINT_DECISIONS.v1');
    expect(email.locale).toBe(Locale.ES_MX);
    expect(email.subject).toBe(
      'Decisiones del punto de control del 17 feb 2026 (Comercializadora Aurora)',
    );
    expect(email.text).toContain(
      'Arturo Aprobador registró las decisiones de la sesión de seguimiento de Comercializadora Aurora.',
    );
    expect(email.text).toContain('Registradas por: Arturo Aprobador (aprobador del cliente)');
    expect(email.text).toMatch(/Sesión: martes, 17 de febrero de 2026, 10:00\s?a\.\s?m\./);
    expect(email.text).toContain(
      'Decisiones:\n> Priorizar la integración con paquetería.\n> Revisar capacidad en marzo.',
    );
    // The queue by the web app's word for it («cola»), not «fila de trabajo» (QA S15).
    expect(email.text).toContain('Nuevo orden de la cola del cliente (2)');
    expect(email.text).toContain('1. L3-2026-000003: Integración con paquetería (antes: 3)');
    expect(email.text).toContain('2. L3-2026-000002: Reporte de cobranza (sin cambio de posición)');
    expect(email.text).toContain('Ver la agenda: https://soporte.example/checkpoints/cp-1');
    // Staff footer: no client guidance; the notes are escaped in the HTML.
    expect(email.text).toContain('Este correo es automático');
    expect(email.text).not.toContain('indíquelo en la plataforma');
    expect(email.html).toContain('Priorizar la integración con paquetería.');
    expect(email.attachments).toEqual([]);
  });

  it('in English for a client approver, with the client footer; no priorities said so', () => {
    const email = renderCheckpointDecisionsEmail(
      {
        ...event,
        priorities: [],
        recordedById: 'u-manager',
        recordedByRole: 'MANAGER',
        checkpoint: { ...event.checkpoint, scheduledFor: null },
      },
      sampleRecipient(Locale.EN, {
        email: 'approver@aurora.example',
        displayName: 'Ann Approver',
        timeZone: ZONE,
        side: 'CLIENT',
      }),
      { ...options, names: new Map([['u-manager', 'Gerardo Gerente']]) },
    );
    expect(email.locale).toBe(Locale.EN);
    expect(email.subject).toBe('Checkpoint decisions of Feb 17, 2026 (Comercializadora Aurora)');
    expect(email.text).toContain(
      'Gerardo Gerente recorded the decisions of the checkpoint session of Comercializadora Aurora.',
    );
    expect(email.text).toContain('Recorded by: Gerardo Gerente (support manager)');
    expect(email.text).toMatch(/Session: On request, agenda of /);
    expect(email.text).toContain('The client’s queue order did not change.');
    expect(email.text).toContain('Open the agenda: https://soporte.example/checkpoints/cp-1');
    expect(email.text).toContain(
      'If anything does not reflect what was agreed, say so on the support platform.',
    );
    expect(email.text).not.toMatch(/L3-\d\d\b/);
  });
});
