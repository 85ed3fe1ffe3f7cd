import {
  type Block,
  type NamedEmail,
  renderNamedEmail,
  ticketSubjectLine,
} from '../notifications/templates/email-content';
import {
  type EmailRecipient,
  ticketEmailContext,
  type RenderOptions,
} from '../notifications/templates/render-email';
import { RATING_CHANGE_WINDOW_DAYS, ratingUrl, SCORE_MAX, SCORE_MIN } from './satisfaction-rules';

/** What the client's rating reminder says. */
export interface RatingReminderEmailInput {
  readonly ticket: { readonly number: string; readonly subject: string };
  /** When the ticket was closed. */
  readonly closedAt: Date;
}

/**
 * L3-11, client side: the registrant of a CLOSED ticket who has not rated it is asked once more,
 * a few business days after the closure, in their language and time zone («usted»), with the link
 * to the rating on the ticket page, through the layout every email uses.
 */
export function renderRatingReminderEmail(
  input: RatingReminderEmailInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const ctx = ticketEmailContext(recipient, options, input.ticket.number);
  const t = (es: string, en: string): string => ctx.t(es, en);
  const closedAt = ctx.dates.instant(input.closedAt.toISOString());
  const blocks: Block[] = [
    { kind: 'facts', rows: [[t('Asunto', 'Subject'), input.ticket.subject]] },
    {
      kind: 'paragraph',
      text: t(
        `Su opinión nos ayuda a mejorar: califique la atención del ${SCORE_MIN} al ${SCORE_MAX} en la plataforma y, si lo desea, deje un comentario. Podrá cambiar su calificación durante ${RATING_CHANGE_WINDOW_DAYS} días.`,
        `Your opinion helps us improve: rate the support from ${SCORE_MIN} to ${SCORE_MAX} on the platform and, if you wish, leave a comment. You can change your rating for ${RATING_CHANGE_WINDOW_DAYS} days.`,
      ),
    },
    {
      kind: 'action',
      label: t('Calificar la atención', 'Rate the support'),
      href: ratingUrl(ctx.ticketUrl),
    },
    {
      kind: 'paragraph',
      text: t(
        'Este es el único recordatorio que le enviaremos sobre este ticket.',
        'This is the only reminder we will send you about this ticket.',
      ),
    },
  ];
  return renderNamedEmail(
    'satisfaction/rating-reminder.v1',
    {
      subject: ticketSubjectLine(
        input.ticket,
        t(
          'Recordatorio: ¿cómo calificaría la atención?',
          'Reminder: how would you rate the support?',
        ),
      ),
      heading: t(
        `El ticket ${input.ticket.number} se cerró el ${closedAt}. ¿Cómo calificaría la atención?`,
        `Ticket ${input.ticket.number} was closed on ${closedAt}. How would you rate the support?`,
      ),
      blocks,
      // The ticket is closed: no "reply on the ticket" guidance, only the link (and the automatic line).
      link: {
        label: t('Ver el ticket', 'Open the ticket'),
        href: ctx.ticketUrl,
      },
    },
    ctx,
  );
}
