import { calendarTimeRows } from './calendar-time';
import { byReader, registeredBy, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// Work the provider carries out for the client (issue W2): an odoo.sh administration action
// executed at the client's request (L3-17) and the start of an authorized development (L3-09).

export const executionTemplates: TemplateFamily<'ADMIN_ACTION_EXECUTED' | 'DEVELOPMENT_STARTED'> = {
  ADMIN_ACTION_EXECUTED: (e, ctx) => {
    const action = {
      BACKUP: ctx.t('respaldo', 'backup'),
      RESTORE: ctx.t('restauración', 'restore'),
      BRANCH_CONFIGURATION: ctx.t('configuración de ramas', 'branch configuration'),
      OTHER: ctx.t('otra acción administrativa', 'other administrative action'),
    }[e.action];
    const by = registeredBy(e.ticket, ctx);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Acción realizada en odoo.sh', 'Action done on odoo.sh')}: ${action}`,
      ),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `Nuestro equipo realizó en su odoo.sh la acción que pidió en el ticket ${e.ticket.number}.`,
          `Our team carried out on your odoo.sh the action you requested in ticket ${e.ticket.number}.`,
        ],
        [
          `Nuestro equipo realizó en su odoo.sh la acción pedida en el ticket ${e.ticket.number}${by}.`,
          `Our team carried out on your odoo.sh the action requested in ticket ${e.ticket.number}${by}.`,
        ],
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Acción', 'Action'), action],
            [ctx.t('Realizada', 'Done at'), ctx.dates.instant(e.executedAt)],
          ],
        },
        { kind: 'quote', label: ctx.t('Detalle', 'Details'), text: e.details },
        {
          kind: 'paragraph',
          text: ctx.t(
            'Mientras el soporte esté activo, solo nuestro equipo administra su odoo.sh, siempre a petición suya. Si algo no es lo que esperaba, coméntelo en el ticket.',
            'While support is active, only our team administers your odoo.sh, always at your request. If something is not what you expected, comment on the ticket.',
          ),
        },
      ],
    };
  },

  DEVELOPMENT_STARTED: (e, ctx) => ({
    subject: ticketSubjectLine(e.ticket, ctx.t('Desarrollo iniciado', 'Development started')),
    heading: ctx.t(
      `Iniciamos el desarrollo del ticket ${e.ticket.number}: ${e.ticket.subject}`,
      `We started the development of ticket ${e.ticket.number}: ${e.ticket.subject}`,
    ),
    blocks: [
      ...(e.releaseDate
        ? [
            {
              kind: 'facts' as const,
              rows: [
                [
                  ctx.t('Entrega para pruebas', 'Release for testing'),
                  ctx.dates.when(e.releaseDate),
                ] as [string, string],
                ...calendarTimeRows(ctx, e.releaseDate),
              ],
            },
          ]
        : []),
      ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
      {
        kind: 'paragraph',
        text: ctx.t(
          'Le avisaremos cuando la entrega esté lista para sus pruebas.',
          'We will let you know when the release is ready for your testing.',
        ),
      },
    ],
  }),
};
