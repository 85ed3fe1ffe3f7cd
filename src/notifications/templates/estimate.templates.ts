import { subjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// Estimates and their written authorization (L3-08, L3-09); sent to the registrant and the
// organisation's approvers.

export const estimateTemplates: TemplateFamily<'ESTIMATE_SUBMITTED' | 'AUTHORIZATION_RECORDED'> = {
  ESTIMATE_SUBMITTED: (e, ctx) => ({
    subject: subjectLine(
      e.ticket.number,
      ctx.t(
        `Estimación por autorizar: ${ctx.dates.number(e.hours)} h (v${e.estimateVersion})`,
        `Estimate to authorize: ${ctx.dates.number(e.hours)} h (v${e.estimateVersion})`,
      ),
    ),
    heading: ctx.t(
      `Enviamos la estimación del ticket ${e.ticket.number} para su autorización.`,
      `We sent the estimate for ticket ${e.ticket.number} for your authorization.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Horas estimadas', 'Estimated hours'), ctx.dates.number(e.hours)],
          [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
        ],
      },
      { kind: 'quote', label: ctx.t('Alcance', 'Scope'), text: e.scope },
      {
        kind: 'paragraph',
        text: ctx.t(
          'Las horas se cargarán a su paquete prepagado. Para autorizar, un aprobador de su organización debe escribir la autorización en el ticket.',
          'The hours will be charged to your prepaid package. To authorize, an approver of your organisation must write the authorization on the ticket.',
        ),
      },
      {
        kind: 'action',
        label: ctx.t('Revisar y autorizar', 'Review and authorize'),
        href: `${ctx.ticketUrl}/estimates/${e.estimateVersion}`,
      },
    ],
  }),

  AUTHORIZATION_RECORDED: (e, ctx) => {
    const approver = ctx.names.get(e.approverId) ?? ctx.t('un aprobador', 'an approver');
    return {
      subject: subjectLine(
        e.ticket.number,
        ctx.t(
          `Estimación v${e.estimateVersion} autorizada`,
          `Estimate v${e.estimateVersion} authorized`,
        ),
      ),
      heading: ctx.t(
        `${approver} autorizó por escrito la estimación v${e.estimateVersion} del ticket ${e.ticket.number}.`,
        `${approver} authorized estimate v${e.estimateVersion} of ticket ${e.ticket.number} in writing.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Autorizó', 'Authorized by'), approver],
            [ctx.t('Fecha', 'When'), ctx.dates.instant(e.authorizedAt)],
            [ctx.t('Versión de la estimación', 'Estimate version'), String(e.estimateVersion)],
          ],
        },
        {
          kind: 'quote',
          label: ctx.t('Autorización escrita', 'Written authorization'),
          text: e.statement,
        },
        {
          kind: 'paragraph',
          text: ctx.t(
            'En un máximo de 2 días hábiles publicaremos la fecha estimada de entrega para sus pruebas.',
            'Within 2 business days we will publish the estimated release date for your testing.',
          ),
        },
      ],
    };
  },
};
