import { byReader, registeredBy, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-09 client testing: the contract gives the client no deadline to test a release and the
// provider no SLA there, so nothing is decided for the client; but while the release waits, the
// registrant and the approvers who authorized the work are reminded that it is ready for them.

export const testingReminderTemplates: TemplateFamily<'TESTING_REMINDER'> = {
  TESTING_REMINDER: (e, ctx) => {
    const by = registeredBy(e.ticket, ctx);
    const rows: (readonly [string, string])[] = [[ctx.t('Asunto', 'Subject'), e.ticket.subject]];
    if (e.scope) rows.push([ctx.t('Alcance autorizado', 'Authorized scope'), e.scope]);
    rows.push([ctx.t('En pruebas desde', 'In testing since'), ctx.dates.instant(e.releasedAt)]);
    if (e.release > 1) {
      rows.push([
        ctx.t('Entrega', 'Release'),
        byReader(
          e.ticket,
          ctx,
          [
            `${e.release}, con las correcciones de las fallas que reportó`,
            `${e.release}, with the fixes for the failures you reported`,
          ],
          [
            `${e.release}, con las correcciones de las fallas reportadas`,
            `${e.release}, with the fixes for the reported failures`,
          ],
        ),
      ]);
    }
    rows.push([
      ctx.t('Recordatorio', 'Reminder'),
      ctx.t(`${e.reminder} de ${e.limit}`, `${e.reminder} of ${e.limit}`),
    ]);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t(
          'Recordatorio: entrega en pruebas esperando su revisión',
          'Reminder: release in testing awaiting your review',
        ),
      ),
      heading: ctx.t(
        `La entrega del ticket ${e.ticket.number}${by} está lista para sus pruebas y sigue esperando su revisión.`,
        `The release of ticket ${e.ticket.number}${by} is ready for your testing and still awaiting your review.`,
      ),
      blocks: [
        { kind: 'facts', rows },
        ...(e.note
          ? [
              {
                kind: 'quote' as const,
                label: ctx.t('Nota de la entrega', 'Release note'),
                text: e.note,
              },
            ]
          : []),
        {
          kind: 'paragraph',
          text: `${ctx.t(
            'Pruebe la entrega y, en el ticket, acéptela si funciona como se acordó o reporte las fallas que encuentre para que la corrijamos.',
            'Test the release and, on the ticket, accept it if it works as agreed or report the failures you find so we can fix them.',
          )} ${byReader(
            e.ticket,
            ctx,
            [
              'La decisión es suya: el ticket no se cierra sin su aceptación.',
              'The decision is yours: the ticket does not close without your acceptance.',
            ],
            [
              'La decisión es de su organización: el ticket no se cierra sin su aceptación.',
              'The decision is your organization’s: the ticket does not close without its acceptance.',
            ],
          )}`,
        },
        {
          kind: 'action',
          label: ctx.t('Aceptar o reportar fallas', 'Accept or report failures'),
          href: ctx.ticketUrl,
        },
      ],
    };
  },
};
