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
import { RATING_CHANGE_WINDOW_DAYS, SCORE_MAX } from './satisfaction-rules';

/** What the managers' low-rating email says. */
export interface LowRatingEmailInput {
  readonly ticket: { readonly number: string; readonly subject: string };
  readonly organizationName: string;
  readonly score: number;
  readonly comment: string | null;
  /** When this score was given (the first rating or a change of it). */
  readonly ratedAt: Date;
  readonly ratedByName: string;
  readonly assigneeName: string | null;
}

/**
 * L3-11, provider side: a client rated a closed ticket low (≤ 2 of 5). Written for a provider
 * manager in their language and time zone, through the layout every email uses (escaped HTML,
 * plain-text twin), with the ticket link; the client's comment is quoted verbatim.
 */
export function renderLowRatingEmail(
  input: LowRatingEmailInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const ctx = ticketEmailContext(recipient, options, input.ticket.number);
  const t = (es: string, en: string): string => ctx.t(es, en);
  const score = t(`${input.score} de ${SCORE_MAX}`, `${input.score} of ${SCORE_MAX}`);
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        [t('Asunto', 'Subject'), input.ticket.subject],
        [t('Cliente', 'Client'), input.organizationName],
        [t('Calificación', 'Rating'), score],
        [t('Calificó', 'Rated by'), input.ratedByName],
        [t('Fecha', 'Date'), ctx.dates.instant(input.ratedAt.toISOString())],
        [t('Agente asignado', 'Assigned agent'), input.assigneeName ?? t('Sin asignar', 'None')],
      ],
    },
    input.comment
      ? { kind: 'quote', label: t('Comentario del cliente', 'Client comment'), text: input.comment }
      : {
          kind: 'paragraph',
          text: t('El cliente no dejó comentario.', 'The client left no comment.'),
        },
    {
      kind: 'paragraph',
      text: t(
        `Revise el ticket y, si conviene, comuníquese con el cliente. El cliente puede cambiar su calificación durante ${RATING_CHANGE_WINDOW_DAYS} días; este aviso se envía una sola vez por calificación.`,
        `Review the ticket and, where it helps, get in touch with the client. The client may change the rating for ${RATING_CHANGE_WINDOW_DAYS} days; this notice is sent once per rating.`,
      ),
    },
  ];
  return renderNamedEmail(
    'satisfaction/low-rating.v1',
    {
      subject: ticketSubjectLine(
        input.ticket,
        t(
          `Calificación baja (${score}) de ${input.organizationName}`,
          `Low rating (${score}) from ${input.organizationName}`,
        ),
      ),
      heading: t(
        `${input.ratedByName} (${input.organizationName}) calificó con ${score} la atención del ticket ${input.ticket.number}.`,
        `${input.ratedByName} (${input.organizationName}) rated the support on ticket ${input.ticket.number} ${score}.`,
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
