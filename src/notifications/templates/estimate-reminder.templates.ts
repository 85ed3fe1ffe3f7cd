import { ticketSubjectLine } from './email-content';
import { approvalAction, mayAuthorize, shortfallBlocks, whoAuthorizes } from './estimate.templates';
import type { TemplateFamily } from './template-types';

// L3-09 approval wait: no provider SLA, but the registrant and the organization's approvers are
// reminded that the submitted estimate (L3-12: or change order) still waits for its written
// authorization on the ticket.

export const estimateReminderTemplates: TemplateFamily<
  'ESTIMATE_REMINDER' | 'CHANGE_ORDER_REMINDER'
> = {
  ESTIMATE_REMINDER: (e, ctx) => ({
    subject: ticketSubjectLine(
      e.ticket,
      ctx.t(
        `Recordatorio ${e.reminder} de ${e.limit}: estimación v${e.estimateVersion} por autorizar`,
        `Reminder ${e.reminder} of ${e.limit}: estimate v${e.estimateVersion} awaits authorization`,
      ),
    ),
    heading: ctx.t(
      `La estimación v${e.estimateVersion} del ticket ${e.ticket.number} sigue esperando ${awaited(e, ctx)}.`,
      `Estimate v${e.estimateVersion} of ticket ${e.ticket.number} is still waiting for ${awaited(e, ctx)}.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Horas estimadas', 'Estimated hours'), ctx.dates.hours(e.hours)],
          [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
          [ctx.t('Enviada', 'Submitted'), ctx.dates.instant(e.submittedAt)],
        ],
      },
      { kind: 'quote', label: ctx.t('Alcance', 'Scope'), text: e.scope },
      ...shortfallBlocks(e, ctx),
      {
        kind: 'paragraph',
        text: mayAuthorize(e, ctx)
          ? ctx.t(
              'Para autorizarla, un aprobador de su organización debe escribir la autorización en el ticket; también puede rechazarla o pedir una nueva estimación. Mientras tanto el trabajo no inicia.',
              'To authorize it, an approver of your organization must write the authorization on the ticket; you may also reject it or ask for a new estimate. Until then the work does not start.',
            )
          : ctx.t(
              `Debe autorizarla por escrito en el ticket ${whoAuthorizes(e, ctx)}, que también puede rechazarla o pedir una nueva estimación. Mientras tanto el trabajo no inicia.`,
              `${capitalized(whoAuthorizes(e, ctx))} must authorize it in writing on the ticket, or reject it or ask for a new estimate. Until then the work does not start.`,
            ),
      },
      ...approvalAction(e, ctx),
    ],
  }),

  CHANGE_ORDER_REMINDER: (e, ctx) => {
    const n = (hours: number): string => ctx.dates.number(hours);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t(
          `Recordatorio: orden de cambio por autorizar, +${n(e.additionalHours)} h (v${e.estimateVersion})`,
          `Reminder: change order awaits authorization, +${n(e.additionalHours)} h (v${e.estimateVersion})`,
        ),
      ),
      heading: ctx.t(
        `La orden de cambio v${e.estimateVersion} del ticket ${e.ticket.number} (${n(e.additionalHours)} h adicionales a las ya autorizadas) sigue esperando ${awaited(e, ctx)}.`,
        `Change order v${e.estimateVersion} of ticket ${e.ticket.number} (${n(e.additionalHours)} h on top of the authorized ones) is still waiting for ${awaited(e, ctx)}.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [
              ctx.t('Horas adicionales', 'Additional hours'),
              `+${ctx.dates.hours(e.additionalHours)}`,
            ],
            [
              ctx.t('Total autorizado con la orden', 'Authorized total with the order'),
              ctx.dates.hours(e.hours),
            ],
            [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
            [ctx.t('Enviada', 'Submitted'), ctx.dates.instant(e.submittedAt)],
            [
              ctx.t('Recordatorio', 'Reminder'),
              ctx.t(`${e.reminder} de ${e.limit}`, `${e.reminder} of ${e.limit}`),
            ],
          ],
        },
        { kind: 'quote', label: ctx.t('Motivo y alcance', 'Reason and scope'), text: e.scope },
        ...shortfallBlocks(e, ctx),
        {
          kind: 'paragraph',
          text: mayAuthorize(e, ctx)
            ? ctx.t(
                'Para autorizarla, un aprobador de su organización debe escribir la autorización en el ticket; también puede rechazarla. Mientras tanto el trabajo sigue dentro de las horas ya autorizadas.',
                'To authorize it, an approver of your organization must write the authorization on the ticket; you may also reject it. Until then the work goes on within the hours already authorized.',
              )
            : ctx.t(
                `Debe autorizarla por escrito en el ticket ${whoAuthorizes(e, ctx)}, que también puede rechazarla. Mientras tanto el trabajo sigue dentro de las horas ya autorizadas.`,
                `${capitalized(whoAuthorizes(e, ctx))} must authorize it in writing on the ticket, or reject it. Until then the work goes on within the hours already authorized.`,
              ),
        },
        ...approvalAction(e, ctx),
      ],
    };
  },
};

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Whose written authorization a reminder waits for: the reader's, or their organization's. */
function awaited(
  e: Parameters<typeof mayAuthorize>[0],
  ctx: Parameters<typeof mayAuthorize>[1],
): string {
  return mayAuthorize(e, ctx)
    ? ctx.t('su autorización por escrito', 'your written authorization')
    : ctx.t(
        'la autorización por escrito de su organización',
        "your organization's written authorization",
      );
}
