import { subjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-09 approval wait: no provider SLA, but the registrant and the organisation's approvers are
// reminded that the submitted estimate still waits for its written authorization on the ticket.

export const estimateReminderTemplates: TemplateFamily<'ESTIMATE_REMINDER'> = {
  ESTIMATE_REMINDER: (e, ctx) => ({
    subject: subjectLine(
      e.ticket.number,
      ctx.t(
        `Recordatorio ${e.reminder} de ${e.limit}: estimación v${e.estimateVersion} por autorizar`,
        `Reminder ${e.reminder} of ${e.limit}: estimate v${e.estimateVersion} awaits authorization`,
      ),
    ),
    heading: ctx.t(
      `La estimación v${e.estimateVersion} del ticket ${e.ticket.number} sigue esperando su autorización por escrito.`,
      `Estimate v${e.estimateVersion} of ticket ${e.ticket.number} is still waiting for your written authorization.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Horas estimadas', 'Estimated hours'), ctx.dates.number(e.hours)],
          [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
          [ctx.t('Enviada', 'Submitted'), ctx.dates.instant(e.submittedAt)],
        ],
      },
      { kind: 'quote', label: ctx.t('Alcance', 'Scope'), text: e.scope },
      {
        kind: 'paragraph',
        text: ctx.t(
          'Para autorizarla, un aprobador de su organización debe escribir la autorización en el ticket; también puede rechazarla o pedir una nueva estimación. Mientras tanto el trabajo no inicia.',
          'To authorize it, an approver of your organisation must write the authorization on the ticket; you may also reject it or ask for a new estimate. Until then the work does not start.',
        ),
      },
      {
        kind: 'action',
        label: ctx.t('Revisar y autorizar', 'Review and authorize'),
        href: `${ctx.ticketUrl}/estimates/${e.estimateVersion}`,
      },
    ],
  }),
};
