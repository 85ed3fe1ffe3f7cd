import { attachedFilesBlocks } from './attachment.templates';
import { byReader, type TemplateContext, ticketSubjectLine } from './email-content';
import { nextUpdateFacts } from './delivery.templates';
import type { TemplateFamily } from './template-types';

// Comments (L3-11): a provider's client-visible reply on the ticket. Internal notes never reach
// a template; the client answers on the platform, on the ticket. An answer the client gave off
// the portal and staff recorded in their name is told to them too (L3-06/L3-07/L3-08).

/** How the answer reached staff, in the words of the email («por teléfono»). */
function channelWords(channel: string, ctx: TemplateContext): string {
  switch (channel) {
    case 'PHONE':
      return ctx.t('por teléfono', 'by phone');
    case 'WHATSAPP':
      return ctx.t('por WhatsApp', 'by WhatsApp');
    case 'EMAIL':
      return ctx.t('por correo electrónico', 'by email');
    case 'MEETING':
      return ctx.t('en una reunión', 'in a meeting');
    default:
      return ctx.t('por otro medio', 'through another channel');
  }
}

export const commentTemplates: TemplateFamily<'COMMENT_ADDED' | 'CLIENT_ANSWER_RECORDED'> = {
  COMMENT_ADDED: (e, ctx) => {
    const author = ctx.names.get(e.authorId) ?? ctx.t('Soporte L3', 'L3 support');
    return {
      subject: ticketSubjectLine(e.ticket, ctx.t('Nuevo comentario', 'New comment')),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `${author} comentó en su ticket ${e.ticket.number}.`,
          `${author} commented on your ticket ${e.ticket.number}.`,
        ],
        [
          `${author} comentó en el ticket ${e.ticket.number}.`,
          `${author} commented on ticket ${e.ticket.number}.`,
        ],
      ),
      blocks: [
        { kind: 'quote', label: ctx.t('Comentario', 'Comment'), text: e.text },
        // L3-11: the files that came with it.
        ...attachedFilesBlocks(e.files, ctx),
        ...nextUpdateFacts(e.nextUpdateBy, ctx),
      ],
    };
  },
  CLIENT_ANSWER_RECORDED: (e, ctx) => {
    const staff = ctx.names.get(e.recordedById) ?? ctx.t('Soporte L3', 'L3 support');
    const channel = channelWords(e.channel, ctx);
    // The answer speaks for the registrant: anyone else reads whose it is.
    const whose =
      ctx.names.get(e.ticket.registrantId) ??
      ctx.t('quien registró el ticket', 'the ticket’s registrant');
    const recorded = byReader(
      e.ticket,
      ctx,
      ['Registramos su respuesta', 'We recorded your reply'],
      [`Registramos la respuesta de ${whose}`, `We recorded the reply from ${whose}`],
    );
    const ticket = byReader(
      e.ticket,
      ctx,
      ['su ticket', 'your ticket'],
      ['el ticket', 'the ticket'],
    );
    return {
      subject: ticketSubjectLine(e.ticket, recorded),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `${staff} registró en el ticket ${e.ticket.number} la respuesta que nos dio ${channel}.`,
          `${staff} recorded on ticket ${e.ticket.number} the reply you gave us ${channel}.`,
        ],
        [
          `${staff} registró en el ticket ${e.ticket.number} la respuesta que nos dio ${whose} ${channel}.`,
          `${staff} recorded on ticket ${e.ticket.number} the reply ${whose} gave us ${channel}.`,
        ],
      ),
      blocks: [
        { kind: 'quote', label: ctx.t('Respuesta registrada', 'Reply recorded'), text: e.text },
        {
          kind: 'paragraph',
          text:
            e.answered === 'INFO'
              ? ctx.t(
                  `Con esta respuesta la información queda entregada: empieza un nuevo plazo de 8 horas hábiles para atender ${ticket}.`,
                  `With this reply the information is delivered: a new 8-business-hour deadline to attend ${ticket} starts.`,
                )
              : ctx.t(
                  `Con esta respuesta seguimos trabajando en ${ticket}; el plazo que estaba en pausa continúa con el tiempo que le quedaba.`,
                  `With this reply we continue working on ${ticket}; the deadline that was paused continues with the time it had left.`,
                ),
        },
        {
          kind: 'paragraph',
          text: byReader(
            e.ticket,
            ctx,
            [
              'Si algo no corresponde con lo que nos dijo, corríjalo con un comentario en el ticket.',
              'If anything differs from what you told us, correct it with a comment on the ticket.',
            ],
            [
              'Si algo no corresponde con lo que se nos dijo, corríjalo con un comentario en el ticket.',
              'If anything differs from what we were told, correct it with a comment on the ticket.',
            ],
          ),
        },
      ],
    };
  },
};
