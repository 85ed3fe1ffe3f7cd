import { subjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-07 closure: a resolved ticket waits for the client to confirm it or reopen it. When the
// client has not answered, the registrant is told the date the ticket will close by itself.

export const autoCloseTemplates: TemplateFamily<'AUTO_CLOSE_REMINDER'> = {
  AUTO_CLOSE_REMINDER: (e, ctx) => ({
    subject: subjectLine(
      e.ticket.number,
      ctx.t(
        `Se cerrará el ${ctx.dates.shortWhen(e.closeAt)} si no responde`,
        `Closes on ${ctx.dates.shortWhen(e.closeAt)} unless you answer`,
      ),
    ),
    heading: ctx.t(
      `Resolvimos el ticket ${e.ticket.number} y aún no nos confirma si quedó resuelto.`,
      `We resolved ticket ${e.ticket.number} and you have not told us yet whether it is solved.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Resuelto', 'Resolved'), ctx.dates.instant(e.resolvedAt)],
          [ctx.t('Cierre automático', 'Automatic closure'), ctx.dates.instant(e.closeAt)],
        ],
      },
      {
        kind: 'paragraph',
        text: ctx.t(
          'Confirme la solución en el ticket, o reábralo y díganos qué falta. Si no responde, el ticket se cerrará automáticamente en la fecha indicada.',
          'Confirm the resolution on the ticket, or reopen it and tell us what is missing. If you do not answer, the ticket closes automatically on that date.',
        ),
      },
      { kind: 'action', label: ctx.t('Ver el ticket', 'View the ticket'), href: ctx.ticketUrl },
    ],
  }),
};
