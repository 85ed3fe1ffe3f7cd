import { registeredBy, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-09 client testing (QA S60 #4): the client reported failures on a release. The approver who
// authorized the work (and the registrant and participants, when someone else reported them)
// heard nothing: only the agent was told. Written for whoever else its release reached; the
// reporter gets no copy of their own report (renderEmail).

export const testingFeedbackTemplates: TemplateFamily<'FAILURES_REPORTED'> = {
  FAILURES_REPORTED: (e, ctx) => {
    const reporter = ctx.names.get(e.reporterId) ?? ctx.t('su organización', 'your organization');
    // «(registrado por …)» unless the reporter is the one who registered it (named already).
    const by = e.reporterId === e.ticket.registrantId ? '' : registeredBy(e.ticket, ctx);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t(
          `Fallas reportadas en la entrega ${e.release}`,
          `Failures reported on release ${e.release}`,
        ),
      ),
      heading: ctx.t(
        `${reporter} reportó fallas en la entrega ${e.release} del ticket ${e.ticket.number}${by}.`,
        `${reporter} reported failures on release ${e.release} of ticket ${e.ticket.number}${by}.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Reportó', 'Reported by'), reporter],
            [ctx.t('Entrega', 'Release'), String(e.release)],
          ],
        },
        { kind: 'quote', label: ctx.t('Fallas', 'Failures'), text: e.text },
        {
          kind: 'paragraph',
          text: ctx.t(
            `El ticket volvió a desarrollo: corregiremos las fallas y le avisaremos cuando la entrega ${e.release + 1} esté lista para sus pruebas.`,
            `The ticket is back in development: we will fix the failures and let you know when release ${e.release + 1} is ready for your testing.`,
          ),
        },
      ],
    };
  },
};
