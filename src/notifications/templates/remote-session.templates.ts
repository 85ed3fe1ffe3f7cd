import type { NotificationTicket, RemoteSessionEntry } from '../notification-event';
import {
  calendarTimeClause,
  calendarTimeRows,
  instantInSentence,
  rangeInSentence,
} from './calendar-time';
import {
  type Block,
  type CalendarEntry,
  type TemplateContext,
  ticketSubjectLine,
} from './email-content';
import type { TemplateFamily } from './template-types';

// L3-06 remote sessions in the recipient's calendar (RFC 5546): one entry per ticket
// (`<number>#remote-session`), which the proposal adds (STATUS:TENTATIVE), the client's
// confirmation settles (STATUS:CONFIRMED, QA S62 #9), a re-proposal moves, and a decline or the
// ticket's cancellation takes out (METHOD:CANCEL). QA S60b #6: the decline left it there.
// QA S63 #4: a proposal after a declined or withdrawn one is a new entry
// (`<number>#remote-session#<proposal>`): calendars keep a cancelled UID cancelled.

/** The calendar entry of a ticket's remote session (`<number>-remote-session.ics`). */
export const REMOTE_SESSION_ENTRY = 'remote-session';

/** Where a remote session stands, as its calendar entry says it (STATUS). */
export type SessionStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/**
 * The calendar entry of a ticket's remote session: its time, link (LOCATION) and note; `status`
 * TENTATIVE while the client has not confirmed it (QA S62 #9: a proposal read «confirmed» in the
 * client's calendar), CANCELLED to take it out of the recipient's calendar.
 */
export function remoteSessionCalendar(
  session: Pick<RemoteSessionEntry, 'at' | 'durationMinutes' | 'link' | 'note' | 'calendarEntry'>,
  ticket: Pick<NotificationTicket, 'number' | 'subject'>,
  ctx: TemplateContext,
  status: SessionStatus = 'CONFIRMED',
): CalendarEntry {
  return {
    name: REMOTE_SESSION_ENTRY,
    ...(session.calendarEntry !== undefined
      ? { uidName: `${REMOTE_SESSION_ENTRY}#${session.calendarEntry}` }
      : {}),
    start: { at: new Date(session.at), durationMinutes: session.durationMinutes },
    summary: ctx.t(
      `Sesión remota — ${ticket.number}: ${ticket.subject}`,
      `Remote session — ${ticket.number}: ${ticket.subject}`,
    ),
    description: [session.link, session.note, ctx.ticketUrl].filter(Boolean).join('\n\n'),
    ...(session.link ? { location: session.link } : {}),
    ...(status === 'CANCELLED' ? { cancelled: true } : {}),
    ...(status === 'TENTATIVE' ? { tentative: true } : {}),
  };
}

/**
 * L3-06: a remote session as its emails state it: `label` and its time range (with the client
 * calendar's time when it reads otherwise), its duration, and «Unirse a la sesión» when it has a
 * link. The proposal's email and the confirmation's (QA S62 #9) say it alike.
 */
export function sessionBlocks(
  label: string,
  session: Pick<RemoteSessionEntry, 'at' | 'durationMinutes' | 'link'>,
  ctx: TemplateContext,
): Block[] {
  const { at, durationMinutes, link } = session;
  return [
    {
      kind: 'paragraph',
      text: `${label}: ${rangeInSentence(ctx, at, durationMinutes)}`,
    },
    {
      kind: 'facts',
      rows: [[ctx.t('Duración', 'Duration'), `${ctx.dates.number(durationMinutes)} min`]],
    },
    ...(link
      ? [
          {
            kind: 'action' as const,
            label: ctx.t('Unirse a la sesión', 'Join the session'),
            href: link,
          },
        ]
      : []),
  ];
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
  // QA S65 #3: the company calendar's time too, as the proposal gives it (reader in Bogotá,
  // calendar in Mexico City).
  const clause = calendarTimeClause(ctx, session.at, { minutes: session.durationMinutes });
  const when = `${ctx.dates.range(session.at, session.durationMinutes)}${clause}${clause ? ',' : ''}`;
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
  return holdsSession(session, ctx)
    ? [remoteSessionCalendar(session, ticket, ctx, 'CANCELLED')]
    : [];
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

/** What staff do within the new triage clock, after a withdrawal or after the client's decline. */
export type NewTriageCause = 'WITHDRAWN' | 'DECLINED';

const NEW_TRIAGE_NEXT: Record<NewTriageCause, readonly [string, string]> = {
  WITHDRAWN: [
    'Clasifíquelo, pida la información en el ticket o proponga otra sesión.',
    'Classify it, ask for the information on the ticket or propose another session.',
  ],
  DECLINED: [
    'Proponga otro horario, pida la información en el ticket o clasifíquelo.',
    'Propose another time, ask for the information on the ticket or classify it.',
  ],
};

/**
 * L3-06: a remote session withdrawn in triage (QA S63 #5) or declined by the client (S64) puts the
 * ticket back in «Registrado» with a new 8-business-hour triage clock, due `deadline`: staff read
 * when it is due and what to do within it (`cause`), the client as the registration told them
 * («a más tardar»), each in their zone with the client calendar's time when it reads otherwise.
 * Without `deadline` (a staff email queued before it was carried), the same words undated.
 */
export function newTriageParagraph(
  deadline: string | undefined,
  ctx: TemplateContext,
  cause: NewTriageCause,
): Block {
  if (deadline === undefined) {
    // Queued before the deadline was carried: staff read what to do, undated.
    const [es, en] = NEW_TRIAGE_NEXT[cause].map((s) => s[0].toLowerCase() + s.slice(1));
    return {
      kind: 'paragraph',
      text: ctx.t(
        `El ticket volvió a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: ${es}`,
        `The ticket is back in “Registered” with a new 8-business-hour triage clock: ${en}`,
      ),
    };
  }
  const due = instantInSentence(ctx, deadline);
  return {
    kind: 'paragraph',
    text: ctx.staff
      ? ctx.t(
          `El ticket volvió a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: vence el ${due}. ${NEW_TRIAGE_NEXT[cause][0]}`,
          `The ticket is back in “Registered” with a new 8-business-hour triage clock: due ${due}. ${NEW_TRIAGE_NEXT[cause][1]}`,
        )
      : ctx.t(
          `El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: lo atenderemos a más tardar el ${due}.`,
          `The ticket is back in “Registered” with a new 8-business-hour response term: we will attend to it by ${due}.`,
        ),
  };
}

export const remoteSessionTemplates: TemplateFamily<
  'REMOTE_SESSION_CONFIRMED' | 'REMOTE_SESSION_CANCELLED' | 'REMOTE_SESSION_WITHDRAWN'
> = {
  // QA S62 #9: the client's side that got the proposal (its entry TENTATIVE) reads that it is
  // confirmed, and its calendar entry says so: the same UID, a higher SEQUENCE, STATUS:CONFIRMED.
  // Who confirmed reads it as theirs; their colleagues on the ticket, who confirmed.
  REMOTE_SESSION_CONFIRMED: (e, ctx) => {
    const n = e.ticket.number;
    const own = ctx.recipientId === undefined || ctx.recipientId === e.confirmedById;
    const who = ctx.names.get(e.confirmedById) ?? ctx.t('El cliente', 'The client');
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Sesión remota confirmada', 'Remote session confirmed')}: ${ctx.dates.shortInstant(e.session.at)}`,
      ),
      heading: own
        ? ctx.t(
            `Confirmó la sesión remota del ticket ${n}.`,
            `You confirmed the remote session of ticket ${n}.`,
          )
        : ctx.t(
            `${who} confirmó la sesión remota del ticket ${n}.`,
            `${who} confirmed the remote session of ticket ${n}.`,
          ),
      blocks: [
        ...sessionBlocks(
          ctx.t('Sesión remota confirmada', 'Remote session confirmed'),
          e.session,
          ctx,
        ),
        {
          kind: 'paragraph',
          text: ctx.t(
            'El archivo adjunto (.ics) la marca como confirmada en su calendario. Si después no puede asistir, indíquelo en el ticket.',
            'The attached file (.ics) marks it as confirmed in your calendar. If you later cannot attend, say so on the ticket.',
          ),
        },
      ],
      calendar: remoteSessionCalendar(e.session, e.ticket, ctx),
    };
  },

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
        // S64: the new triage clock the decline started, and when it is due.
        ...(e.triageDeadline ? [newTriageParagraph(e.triageDeadline, ctx, 'DECLINED')] : []),
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
            `Usted retiró la sesión remota del ticket ${n}.`,
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
        ...(e.triageDeadline ? [newTriageParagraph(e.triageDeadline, ctx, 'WITHDRAWN')] : []),
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
