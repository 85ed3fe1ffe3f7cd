import { calendarTimeRows } from './calendar-time';
import { type TemplateContext, ticketSubjectLine } from './email-content';
import { mayAuthorize, whoAuthorizes } from './estimate.templates';
import type { TemplateFamily } from './template-types';

// L3-09 (issue W2): the client's answer to an estimate other than its authorization. A rejection
// or a re-estimate request sends the requirement back to diagnosis; the registrant and the
// organization's approvers learn of it as they learn of an authorization (L3-11).

export const estimateFeedbackTemplates: TemplateFamily<
  'ESTIMATE_REJECTED' | 'REESTIMATE_REQUESTED'
> = {
  ESTIMATE_REJECTED: (e, ctx) => {
    const approver = ctx.names.get(e.approverId) ?? ctx.t('un aprobador', 'an approver');
    // L3-12: a rejected change order leaves the requirement as it was, within its authorized hours.
    const what = e.changeOrder
      ? ctx.t(`la orden de cambio v${e.estimateVersion}`, `change order v${e.estimateVersion}`)
      : ctx.t(`la estimación v${e.estimateVersion}`, `estimate v${e.estimateVersion}`);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        e.changeOrder
          ? ctx.t(
              `Orden de cambio v${e.estimateVersion} rechazada`,
              `Change order v${e.estimateVersion} rejected`,
            )
          : ctx.t(
              `Estimación v${e.estimateVersion} rechazada`,
              `Estimate v${e.estimateVersion} rejected`,
            ),
      ),
      // The approver's own copy is a receipt of their decision, not news of themselves.
      heading:
        ctx.recipientId === e.approverId
          ? ctx.t(
              `Registramos su rechazo de ${what} del ticket ${e.ticket.number}.`,
              `We recorded your rejection of ${what} of ticket ${e.ticket.number}.`,
            )
          : ctx.t(
              `${approver} rechazó ${what} del ticket ${e.ticket.number}.`,
              `${approver} rejected ${what} of ticket ${e.ticket.number}.`,
            ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Rechazó', 'Rejected by'), approver],
            [ctx.t('Versión', 'Version'), String(e.estimateVersion)],
            ...newEstimateBy(e.diagnosisDeadline, ctx),
          ],
        },
        { kind: 'quote', label: ctx.t('Motivo', 'Reason'), text: e.reason },
        {
          kind: 'paragraph',
          text: e.changeOrder
            ? ctx.t(
                'No se reservaron horas adicionales. El trabajo sigue dentro de las horas ya autorizadas.',
                'No additional hours were reserved. The work goes on within the hours already authorized.',
              )
            : ctx.t(
                'No se reservaron horas. Revisaremos el requerimiento y le enviaremos una nueva estimación.',
                'No hours were reserved. We will review the requirement and send you a new estimate.',
              ),
        },
      ],
    };
  },

  REESTIMATE_REQUESTED: (e, ctx) => {
    const requester = ctx.names.get(e.requesterId) ?? ctx.t('su organización', 'your organization');
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t(
          // QA S52: «Nueva estimación solicitada (v1)» read as a new v1 being asked for. QA S60
          // #9: the English says the version as the Spanish does, and as the agent's email does.
          `Reestimación solicitada para la v${e.estimateVersion}`,
          `Re-estimate requested for v${e.estimateVersion}`,
        ),
      ),
      // The requester's own copy is a receipt of their request, as a rejection's is (QA S18).
      heading:
        ctx.recipientId === e.requesterId
          ? ctx.t(
              `Registramos su solicitud de una nueva estimación del ticket ${e.ticket.number}.`,
              `We recorded your request for a new estimate of ticket ${e.ticket.number}.`,
            )
          : ctx.t(
              `${requester} pidió una nueva estimación del ticket ${e.ticket.number}.`,
              `${requester} asked for a new estimate of ticket ${e.ticket.number}.`,
            ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Solicitó', 'Requested by'), requester],
            [ctx.t('Estimación revisada', 'Estimate reviewed'), `v${e.estimateVersion}`],
            ...newEstimateBy(e.diagnosisDeadline, ctx),
          ],
        },
        { kind: 'quote', label: ctx.t('Motivo', 'Reason'), text: e.reason },
        {
          kind: 'paragraph',
          // QA S60 #6: a registrant who is not an approver cannot authorize it: they read whose
          // authorization it goes to (named, as the estimate's own email does).
          text: mayAuthorize(e, ctx)
            ? ctx.t(
                'La estimación anterior ya no puede autorizarse. Le enviaremos una nueva estimación para su autorización.',
                'The earlier estimate can no longer be authorized. We will send you a new estimate for your authorization.',
              )
            : ctx.t(
                `La estimación anterior ya no puede autorizarse. Enviaremos una nueva estimación, que debe autorizar por escrito ${whoAuthorizes(e, ctx)}.`,
                `The earlier estimate can no longer be authorized. We will send a new estimate, which ${whoAuthorizes(e, ctx)} must authorize in writing.`,
              ),
        },
      ],
    };
  },
};

/** L3-08/L3-09 (QA S53): by when the new estimate comes, when the diagnosis clock restarted. */
function newEstimateBy(
  deadline: string | undefined,
  ctx: TemplateContext,
): (readonly [string, string])[] {
  return deadline
    ? [
        [ctx.t('Nueva estimación a más tardar', 'New estimate by'), ctx.dates.instant(deadline)],
        ...calendarTimeRows(ctx, deadline),
      ]
    : [];
}
