import type { NotificationTicket, RemoteSessionEntry } from '../notification-event';
import { calendarTimeRows } from './calendar-time';
import {
  type Block,
  type CalendarEntry,
  type TemplateContext,
  ticketSubjectLine,
} from './email-content';
import type { TemplateFamily } from './template-types';

// L3-06 remote sessions in the recipient's calendar (RFC 5546): one entry per ticket
// (`<number>#remote-session`), which the proposal adds, a re-proposal moves, and a decline or
// the ticket's cancellation takes out (METHOD:CANCEL). QA S60b #6: the decline left it there.
// QA S63 #4: a proposal after a declined or withdrawn one is a new entry
// (`<number>#remote-session#<proposal>`): calendars keep a cancelled UID cancelled.

/**
 * The calendar entry of a ticket's remote session: its time, link (LOCATION) and note; `cancelled`
 * takes it out of the recipient's calendar.
 */
export function remoteSessionCalendar(
  session: Pick<RemoteSessionEntry, 'at' | 'durationMinutes' | 'link' | 'note' | 'calendarEntry'>,
  ticket: Pick<NotificationTicket, 'number' | 'subject'>,
  ctx: TemplateContext,
  cancelled = false,
): CalendarEntry {
  return {
    name: 'remote-session',
    ...(session.calendarEntry !== undefined
      ? { uidName: `remote-session#${session.calendarEntry}` }
      : {}),
    start: { at: new Date(session.at), durationMinutes: session.durationMinutes },
    summary: ctx.t(
      `Sesión remota — ${ticket.number}: ${ticket.subject}`,
      `Remote session — ${ticket.number}: ${ticket.subject}`,
    ),
    description: [session.link, session.note, ctx.ticketUrl].filter(Boolean).join('\n\n'),
    ...(session.link ? { location: session.link } : {}),
    ...(cancelled ? { cancelled: true } : {}),
  };
}

/**
 * L3-06 (QA S62): whether this recipient's email cancelling `session` carries its METHOD:CANCEL:
 * their calendar holds it (`heldBy`), or the email predates `heldBy` (every recipient's did).
 */
export function holdsSession(session: RemoteSessionEntry, ctx: TemplateContext): boolean {
  return (
    !session.heldBy || (ctx.recipientId !== undefined && session.heldBy.includes(ctx.recipientId))
  );
}

/**
 * «La sesión remota del … queda cancelada; el archivo adjunto la quita de su calendario.», or
 * without the file for a recipient whose calendar never held it (QA S62).
 */
export function sessionCancelledParagraph(
  session: RemoteSessionEntry,
  ctx: TemplateContext,
): Block {
  const when = ctx.dates.range(session.at, session.durationMinutes);
  return {
    kind: 'paragraph',
    text: holdsSession(session, ctx)
      ? ctx.t(
          `La sesión remota del ${when} queda cancelada; el archivo adjunto (.ics) la quita de su calendario.`,
          `The remote session of ${when} is cancelled; the attached file (.ics) removes it from your calendar.`,
        )
      : ctx.t(
          `La sesión remota del ${when} queda cancelada.`,
          `The remote session of ${when} is cancelled.`,
        ),
  };
}

/**
 * The METHOD:CANCEL of `session` for this recipient: only when their calendar holds it (QA S62:
 * an approver or a participant added after the invitation got a cancellation of nothing).
 */
export function sessionCancellation(
  session: RemoteSessionEntry,
  ticket: Pick<NotificationTicket, 'number' | 'subject'>,
  ctx: TemplateContext,
): CalendarEntry[] {
  return holdsSession(session, ctx) ? [remoteSessionCalendar(session, ticket, ctx, true)] : [];
}

/** «[L3-…] Sesión remota cancelada: <fecha>» of a declined or withdrawn session. */
function sessionCancelledSubject(
  e: { readonly ticket: NotificationTicket; readonly session: RemoteSessionEntry },
  ctx: TemplateContext,
): string {
  return ticketSubjectLine(
    e.ticket,
    `${ctx.t('Sesión remota cancelada', 'Remote session cancelled')}: ${ctx.dates.shortInstant(e.session.at)}`,
  );
}

export const remoteSessionTemplates: TemplateFamily<
  'REMOTE_SESSION_CANCELLED' | 'REMOTE_SESSION_WITHDRAWN'
> = {
  // QA S60b #6: who declined reads it as theirs; the registrant's colleagues on the ticket (who
  // got the same invitation) read who declined.
  REMOTE_SESSION_CANCELLED: (e, ctx) => {
    const own = ctx.recipientId === undefined || ctx.recipientId === e.declinedById;
    const who = ctx.names.get(e.declinedById) ?? ctx.t('El cliente', 'The client');
    return {
      subject: sessionCancelledSubject(e, ctx),
      heading: own
        ? ctx.t(
            `Registramos que no puede asistir a la sesión remota del ticket ${e.ticket.number}.`,
            `We recorded that you cannot attend the remote session of ticket ${e.ticket.number}.`,
          )
        : ctx.t(
            `${who} indicó que no puede asistir a la sesión remota del ticket ${e.ticket.number}.`,
            `${who} said they cannot attend the remote session of ticket ${e.ticket.number}.`,
          ),
      blocks: [
        sessionCancelledParagraph(e.session, ctx),
        { kind: 'quote', label: ctx.t('Motivo', 'Reason'), text: e.reason },
        ...(e.suggestedAt
          ? [
              {
                kind: 'facts' as const,
                rows: [
                  [
                    ctx.t('Horario sugerido', 'Suggested time'),
                    ctx.dates.instant(e.suggestedAt),
                  ] as [string, string],
                  ...calendarTimeRows(ctx, e.suggestedAt),
                ],
              },
            ]
          : []),
        {
          kind: 'paragraph',
          text: ctx.t(
            'El equipo de soporte le propondrá otro horario o le escribirá en el ticket.',
            'The support team will propose another time or write to you on the ticket.',
          ),
        },
      ],
      calendar: sessionCancellation(e.session, e.ticket, ctx),
    };
  },

  // L3-06 (QA S62): staff withdrew the pending session (the issue was fixed before it, say). The
  // client's side reads that nothing is asked of them; staff who held it, that it left their
  // calendar; who withdrew it reads it as theirs; who proposed it (QA S63 #12), why they are told.
  REMOTE_SESSION_WITHDRAWN: (e, ctx) => {
    const n = e.ticket.number;
    const own = ctx.recipientId !== undefined && ctx.recipientId === e.withdrawnById;
    const proposer = !own && ctx.recipientId !== undefined && ctx.recipientId === e.proposedById;
    const who = ctx.names.get(e.withdrawnById) ?? ctx.t('El equipo de soporte', 'The support team');
    return {
      subject: sessionCancelledSubject(e, ctx),
      heading: own
        ? ctx.t(
            `Retiró la sesión remota del ticket ${n}.`,
            `You withdrew the remote session of ticket ${n}.`,
          )
        : ctx.t(
            `${who} retiró la sesión remota del ticket ${n}.`,
            `${who} withdrew the remote session of ticket ${n}.`,
          ),
      blocks: [
        sessionCancelledParagraph(e.session, ctx),
        ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
        ...(proposer
          ? [
              {
                kind: 'paragraph' as const,
                text: ctx.t(
                  'Le avisamos porque usted propuso esta sesión.',
                  'You are told because you proposed this session.',
                ),
              },
            ]
          : []),
        ...(ctx.staff
          ? []
          : [
              {
                kind: 'paragraph' as const,
                text: ctx.t(
                  'No necesita hacer nada: el equipo de soporte sigue con el ticket y le escribirá en él.',
                  'Nothing is needed from you: the support team carries on with the ticket and will write to you on it.',
                ),
              },
            ]),
      ],
      calendar: sessionCancellation(e.session, e.ticket, ctx),
    };
  },
};
