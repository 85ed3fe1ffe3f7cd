import { subjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// Comments (L3-11): a provider's client-visible reply on the ticket. Internal notes never reach
// a template; the client answers on the platform, on the ticket.

export const commentTemplates: TemplateFamily<'COMMENT_ADDED'> = {
  COMMENT_ADDED: (e, ctx) => {
    const author = ctx.names.get(e.authorId) ?? ctx.t('Soporte L3', 'L3 support');
    return {
      subject: subjectLine(
        e.ticket.number,
        `${ctx.t('Nuevo comentario', 'New comment')}: ${e.ticket.subject}`,
      ),
      heading: ctx.t(
        `${author} comentó en su ticket ${e.ticket.number}.`,
        `${author} commented on your ticket ${e.ticket.number}.`,
      ),
      blocks: [{ kind: 'quote', label: ctx.t('Comentario', 'Comment'), text: e.text }],
    };
  },
};
