import { calendarTimeRows } from './calendar-time';
import { byReader, registeredBy, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-07 closure: a resolved ticket waits for the client to confirm it or reopen it. When the
// client has not answered, the registrant (and the ticket's participants, who may answer as well)
// are told the date the ticket will close by itself.

export const autoCloseTemplates: TemplateFamily<'AUTO_CLOSE_REMINDER'> = {
  AUTO_CLOSE_REMINDER: (e, ctx) => {
    const closes = ctx.dates.shortWhen(e.closeAt);
    const by = registeredBy(e.ticket, ctx);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        byReader(
          e.ticket,
          ctx,
          [`Se cerrará el ${closes} si no responde`, `Closes on ${closes} unless you answer`],
          [
            `Se cerrará el ${closes} si nadie responde`,
            `Closes on ${closes} unless someone answers`,
          ],
        ),
      ),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `Resolvimos el ticket ${e.ticket.number} y aún no nos confirma si quedó resuelto.`,
          `We resolved ticket ${e.ticket.number} and you have not told us yet whether it is solved.`,
        ],
        [
          `Resolvimos el ticket ${e.ticket.number}${by} y aún nadie nos confirma si quedó resuelto.`,
          `We resolved ticket ${e.ticket.number}${by} and nobody has told us yet whether it is solved.`,
        ],
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Resuelto', 'Resolved'), ctx.dates.instant(e.resolvedAt)],
            [ctx.t('Cierre automático', 'Automatic closure'), ctx.dates.instant(e.closeAt)],
            ...calendarTimeRows(ctx, e.closeAt),
          ],
        },
        {
          kind: 'paragraph',
          text: `${ctx.t(
            'Confirme la solución en el ticket, o reábralo y díganos qué falta.',
            'Confirm the resolution on the ticket, or reopen it and tell us what is missing.',
          )} ${byReader(
            e.ticket,
            ctx,
            [
              'Si no responde, el ticket se cerrará automáticamente en la fecha indicada.',
              'If you do not answer, the ticket closes automatically on that date.',
            ],
            [
              'Si nadie responde, el ticket se cerrará automáticamente en la fecha indicada.',
              'If nobody answers, the ticket closes automatically on that date.',
            ],
          )}`,
        },
        { kind: 'action', label: ctx.t('Ver el ticket', 'View the ticket'), href: ctx.ticketUrl },
      ],
    };
  },
};
