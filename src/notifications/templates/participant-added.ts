import { type NamedEmail, renderNamedEmail, ticketSubjectLine } from './email-content';
import { type EmailRecipient, ticketEmailContext, type RenderOptions } from './render-email';

/** The outbox's event type of a client user made a ticket's participant by someone else (L3-11). */
export const PARTICIPANT_ADDED_EMAIL_TYPE = 'PARTICIPANT_ADDED';

/**
 * One email per add that changed something: keyed by its `ticket_participant_change` row, so a
 * retried request queues nothing and a re-add after a removal is a new email.
 */
export function participantAddedEventKey(ticketNumber: string, changeId: string): string {
  return `participant-added:${ticketNumber}:${changeId}`;
}

export interface ParticipantAddedInput {
  readonly ticketNumber: string;
  readonly ticketSubject: string;
  /** Who added them: provider staff or the ticket's registrant. */
  readonly byName: string;
  readonly at: Date;
}

/**
 * L3-11 (S19): a client user someone else made a participant of a ticket is told so, in their
 * language (usted) and time zone: which ticket, who added them and when, that they will receive
 * its updates as its registrant does, and that «Dejar de seguir» on the ticket stops them.
 */
export function renderParticipantAddedEmail(
  input: ParticipantAddedInput,
  recipient: EmailRecipient,
  options: RenderOptions,
): NamedEmail {
  const ctx = ticketEmailContext(recipient, options, input.ticketNumber);
  const t = (es: string, en: string): string => ctx.t(es, en);
  return renderNamedEmail(
    'tickets/participant-added.v1',
    {
      subject: ticketSubjectLine(
        { number: input.ticketNumber, subject: input.ticketSubject },
        t('Se le agregó como participante', 'You were added as a participant'),
      ),
      heading: t(
        `${input.byName} le agregó como participante del ticket ${input.ticketNumber}.`,
        `${input.byName} added you as a participant of ticket ${input.ticketNumber}.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [t('Ticket', 'Ticket'), input.ticketNumber],
            [t('Asunto', 'Subject'), input.ticketSubject],
            [t('Fecha', 'Date'), ctx.dates.instant(input.at.toISOString())],
          ],
        },
        {
          kind: 'paragraph',
          text: t(
            'A partir de ahora recibirá por correo las actualizaciones de este ticket, como quien lo registró. Si no desea recibirlas, entre al ticket y elija «Dejar de seguir».',
            'From now on you will receive this ticket’s updates by email, as its registrant does. If you do not want them, open the ticket and choose “Unfollow”.',
          ),
        },
      ],
    },
    ctx,
  );
}
