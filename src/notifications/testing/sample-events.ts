import {
  attachmentEventKey,
  ticketEventKey,
  type NotificationEvent,
  type NotificationEventType,
  type NotificationTicket,
} from '../notification-event';

/**
 * One realistic event of every type for a ticket, keyed by type; event keys are
 * `ticket-<number>:<seq>` in lifecycle order. For tests and template previews.
 */
export function sampleEvents(
  ticket: NotificationTicket,
  people: { readonly agentId: string; readonly approverId: string },
): { readonly [T in NotificationEventType]: Extract<NotificationEvent, { type: T }> } {
  let seq = 0;
  const base = () => ({
    eventKey: ticketEventKey(ticket.number, ++seq),
    occurredAt: new Date(Date.UTC(2026, 1, 2, 15, seq)).toISOString(),
    ticket,
  });
  return {
    TICKET_REGISTERED: {
      ...base(),
      type: 'TICKET_REGISTERED',
      triageDeadline: '2026-02-03T22:30:00.000Z',
    },
    INFO_REQUESTED: { ...base(), type: 'INFO_REQUESTED', question: '¿Qué versión de Odoo usan?' },
    REMOTE_SESSION_PROPOSED: {
      ...base(),
      type: 'REMOTE_SESSION_PROPOSED',
      at: '2026-02-04T17:00:00.000Z',
      durationMinutes: 45,
      note: 'Por Google Meet',
    },
    CLASSIFIED: {
      ...base(),
      type: 'CLASSIFIED',
      classification: 'REQUIREMENT',
      requirementKind: 'DEVELOPMENT',
    },
    ASSIGNED: { ...base(), type: 'ASSIGNED', agentId: people.agentId },
    PROGRESS_UPDATE: {
      ...base(),
      type: 'PROGRESS_UPDATE',
      text: 'Reproducimos el error en staging.',
    },
    ESTIMATE_SUBMITTED: {
      ...base(),
      type: 'ESTIMATE_SUBMITTED',
      estimateVersion: 1,
      hours: 12.5,
      scope: 'Reporte de ventas por canal con filtros por fecha.',
    },
    AUTHORIZATION_RECORDED: {
      ...base(),
      type: 'AUTHORIZATION_RECORDED',
      estimateVersion: 1,
      statement: 'Autorizo la estimación v1 por 12.5 horas.',
      approverId: people.approverId,
      authorizedAt: '2026-02-05T16:10:00.000Z',
    },
    RELEASE_DATE_SET: { ...base(), type: 'RELEASE_DATE_SET', releaseDate: '2026-02-10' },
    DATE_ADJUSTED: {
      ...base(),
      type: 'DATE_ADJUSTED',
      subjectDate: 'RELEASE_DATE',
      oldDate: '2026-02-10',
      newDate: '2026-02-12',
      reason: 'El cliente priorizó otro ticket.',
    },
    RELEASED_FOR_TESTING: {
      ...base(),
      type: 'RELEASED_FOR_TESTING',
      note: 'Disponible en staging.',
    },
    RESOLVED: {
      ...base(),
      type: 'RESOLVED',
      resolution: 'Se corrigió la regla de impuestos.',
      autoCloseAt: '2026-02-10T00:00:00.000Z',
    },
    CLOSED: { ...base(), type: 'CLOSED', outcome: 'ACCEPTED' },
    AUTO_CLOSE_REMINDER: {
      ...base(),
      type: 'AUTO_CLOSE_REMINDER',
      resolvedAt: '2026-02-03T17:00:00.000Z',
      closeAt: '2026-02-10T00:00:00.000Z',
    },
    CANCELLED: { ...base(), type: 'CANCELLED', reason: 'Duplicado de otro ticket.' },
    SLA_AT_RISK: {
      ...base(),
      type: 'SLA_AT_RISK',
      clock: 'triage',
      deadline: '2026-02-03T22:30:00.000Z',
    },
    SLA_BREACHED: {
      ...base(),
      type: 'SLA_BREACHED',
      clock: 'triage',
      deadline: '2026-02-03T22:30:00.000Z',
    },
    COMMENT_ADDED: {
      ...base(),
      type: 'COMMENT_ADDED',
      text: '¿Puede compartir la póliza con la que falla el timbrado?',
      authorId: people.agentId,
    },
    INTERNAL_NOTE: {
      ...base(),
      type: 'INTERNAL_NOTE',
      text: 'El cliente suele tardar en responder.',
    },
    ADMIN_ACTION_EXECUTED: {
      ...base(),
      type: 'ADMIN_ACTION_EXECUTED',
      action: 'BACKUP',
      details: 'Respaldo completo de producción antes de la migración.',
      executedAt: '2026-02-02T16:30:00.000Z',
    },
    DEVELOPMENT_STARTED: {
      ...base(),
      type: 'DEVELOPMENT_STARTED',
      releaseDate: '2026-02-16T23:00:00.000Z',
    },
    ESTIMATE_REJECTED: {
      ...base(),
      type: 'ESTIMATE_REJECTED',
      estimateVersion: 1,
      reason: 'Excede el presupuesto del trimestre.',
      approverId: people.approverId,
    },
    REESTIMATE_REQUESTED: {
      ...base(),
      type: 'REESTIMATE_REQUESTED',
      estimateVersion: 1,
      reason: 'Quiten el filtro por canal; solo fechas.',
      requesterId: people.approverId,
    },
    ESTIMATE_REMINDER: {
      ...base(),
      type: 'ESTIMATE_REMINDER',
      estimateVersion: 1,
      hours: 12.5,
      scope: 'Reporte de ventas por canal con filtros por fecha.',
      submittedAt: '2026-02-02T15:05:00.000Z',
      reminder: 2,
      limit: 5,
    },
    PROVIDER_NEW_TICKET: {
      ...base(),
      type: 'PROVIDER_NEW_TICKET',
      category: 'INCIDENT',
      triageDeadline: '2026-02-03T22:30:00.000Z',
    },
    PROVIDER_CLIENT_ACTIVITY: {
      ...base(),
      type: 'PROVIDER_CLIENT_ACTIVITY',
      activity: 'COMMENT',
      actorId: ticket.registrantId,
      assigneeId: people.agentId,
      text: 'Adjunto la póliza con la que falla el timbrado.',
    },
    PROVIDER_ASSIGNED: {
      ...base(),
      type: 'PROVIDER_ASSIGNED',
      assigneeId: people.agentId,
      previousAssigneeId: null,
      actorId: people.agentId,
      note: 'Alex conoce el diario de Ventas.',
    },
    PROVIDER_DELIVERY_AT_RISK: {
      ...base(),
      type: 'PROVIDER_DELIVERY_AT_RISK',
      releaseDate: '2026-02-10T00:00:00.000Z',
      plannedDate: '2026-02-13T00:00:00.000Z',
      slipBusinessDays: 3,
      cause: 'CAPACITY_CHANGED',
      hoursPerBusinessDay: 2,
      position: 2,
      assigneeId: people.agentId,
    },
    ATTACHMENT_ADDED: {
      ...base(),
      eventKey: attachmentEventKey('5f0c2a4e-1d3b-4c6a-9e8f-7a6b5c4d3e2f', 'client'),
      type: 'ATTACHMENT_ADDED',
      attachmentId: '5f0c2a4e-1d3b-4c6a-9e8f-7a6b5c4d3e2f',
      fileName: 'bitacora-timbrado.log',
      mediaType: 'text/plain',
      sizeBytes: 2_457_600,
      uploaderId: people.agentId,
    },
  };
}
