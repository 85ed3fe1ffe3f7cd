import { RATING_CHANGE_WINDOW_DAYS, ratingUrl } from '../../satisfaction/satisfaction-rules';
import type { CancelledEvent, ClosedEvent } from '../notification-event';
import { calendarTimeRows, instantInSentence } from './calendar-time';
import { isDateOnly } from './format';
import {
  type Block,
  type CalendarEntry,
  type EmailContent,
  ticketSubjectLine,
  type TemplateContext,
} from './email-content';
import { sessionCancellation, sessionCancelledParagraph } from './remote-session.templates';
import type { TemplateFamily } from './template-types';

// Delivery and closure (L3-07, L3-09, L3-19): progress, release date, testing, resolution,
// closure, cancellation, adjusted dates.

export const deliveryTemplates: TemplateFamily<
  | 'PROGRESS_UPDATE'
  | 'RELEASE_DATE_SET'
  | 'RELEASED_FOR_TESTING'
  | 'RESOLVED'
  | 'CLOSED'
  | 'CANCELLED'
  | 'DATE_ADJUSTED'
> = {
  PROGRESS_UPDATE: (e, ctx) => ({
    subject: ticketSubjectLine(e.ticket, ctx.t('Avance del ticket', 'Progress update')),
    heading: ctx.t(
      `Avance del ticket ${e.ticket.number}: ${e.ticket.subject}`,
      `Progress on ticket ${e.ticket.number}: ${e.ticket.subject}`,
    ),
    blocks: [
      { kind: 'quote', label: ctx.t('Avance', 'Progress'), text: e.text },
      ...nextUpdateFacts(e.nextUpdateBy, ctx),
    ],
  }),

  RELEASE_DATE_SET: (e, ctx) => ({
    subject: ticketSubjectLine(
      e.ticket,
      `${ctx.t('Fecha de entrega para pruebas', 'Release date for testing')}: ${ctx.dates.shortWhen(e.releaseDate)}`,
    ),
    heading: ctx.t(
      `Publicamos la fecha estimada de entrega para pruebas del ticket ${e.ticket.number}.`,
      `We published the estimated release date for testing of ticket ${e.ticket.number}.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Entrega para pruebas', 'Release for testing'), ctx.dates.when(e.releaseDate)],
          ...calendarTimeRows(ctx, e.releaseDate),
        ],
      },
      // QA S51: the agent's note went to the timeline only (the classification's email quotes it).
      ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
      {
        kind: 'paragraph',
        text: ctx.t(
          'Adjuntamos el evento (.ics) para su calendario. Si la fecha cambia, le avisaremos.',
          'The event (.ics) for your calendar is attached. If the date changes, we will let you know.',
        ),
      },
    ],
    calendar: releaseCalendar(e.releaseDate, e.durationMinutes, e.ticket, ctx),
  }),

  RELEASED_FOR_TESTING: (e, ctx) => {
    // QA S60 #4: a release after failures were reported said «Listo para sus pruebas» again, as
    // the first did (it read as a duplicate): it says it is the new one, and which.
    const release = e.release ?? 1;
    const again = release > 1;
    return {
      subject: ticketSubjectLine(
        e.ticket,
        again
          ? ctx.t(
              `Nueva entrega tras las fallas reportadas (entrega ${release})`,
              `New delivery after the reported failures (release ${release})`,
            )
          : ctx.t('Listo para sus pruebas', 'Ready for your testing'),
      ),
      // QA S18: the ticket's subject, the agent's note as the page shows it, and the two answers
      // the ticket offers (it read «pida ajustes», an action the ticket does not have).
      heading: again
        ? ctx.t(
            `Nueva entrega del ticket ${e.ticket.number} tras las fallas reportadas: la entrega ${release} está lista para sus pruebas: ${e.ticket.subject}`,
            `New delivery of ticket ${e.ticket.number} after the reported failures: release ${release} is ready for your testing: ${e.ticket.subject}`,
          )
        : ctx.t(
            `El ticket ${e.ticket.number} está listo para sus pruebas: ${e.ticket.subject}`,
            `Ticket ${e.ticket.number} is ready for your testing: ${e.ticket.subject}`,
          ),
      blocks: [
        ...(again
          ? [
              {
                kind: 'facts' as const,
                rows: [
                  [
                    ctx.t('Entrega', 'Release'),
                    ctx.t(
                      `${release}, con las correcciones de las fallas reportadas en la entrega ${release - 1}`,
                      `${release}, with the fixes for the failures reported on release ${release - 1}`,
                    ),
                  ] as [string, string],
                ],
              },
            ]
          : []),
        ...(e.note
          ? [
              {
                kind: 'quote' as const,
                label: ctx.t('Lo que entregamos', 'What we delivered'),
                text: e.note,
              },
            ]
          : []),
        {
          kind: 'paragraph',
          text: ctx.t(
            'Pruebe la entrega y, en el ticket, acéptela o reporte las fallas que encuentre.',
            'Test the release and, on the ticket, accept it or report the failures you find.',
          ),
        },
      ],
    };
  },

  RESOLVED: (e, ctx) => ({
    subject: ticketSubjectLine(e.ticket, ctx.t('Ticket resuelto', 'Ticket resolved')),
    heading: ctx.t(
      `Resolvimos el ticket ${e.ticket.number}: ${e.ticket.subject}`,
      `We resolved ticket ${e.ticket.number}: ${e.ticket.subject}`,
    ),
    blocks: [
      ...(e.resolution
        ? [{ kind: 'quote' as const, label: ctx.t('Solución', 'Resolution'), text: e.resolution }]
        : []),
      {
        kind: 'paragraph',
        text: ctx.t(
          'Confirme en el ticket que el problema quedó resuelto, o díganos qué falta.',
          'Please confirm on the ticket that the problem is solved, or tell us what is missing.',
        ),
      },
      ...(e.autoCloseAt
        ? [
            {
              kind: 'paragraph' as const,
              text: ctx.t(
                `Si no lo confirma ni lo reabre, el ticket se cerrará automáticamente el ${instantInSentence(ctx, e.autoCloseAt)}.`,
                `If you neither confirm nor reopen it, the ticket closes automatically on ${instantInSentence(ctx, e.autoCloseAt)}.`,
              ),
            },
          ]
        : []),
    ],
  }),

  CLOSED: (e, ctx) => {
    const outcome = {
      CONFIRMED: ctx.t('resuelto y confirmado', 'resolved and confirmed'),
      ACCEPTED: ctx.t('entrega aceptada', 'release accepted'),
      OUT_OF_SCOPE: ctx.t('fuera del alcance del servicio', 'out of the scope of the service'),
      NOT_FEASIBLE: ctx.t('no viable', 'not feasible'),
      ADMIN_ACTION_DONE: ctx.t(
        'acción administrativa realizada por nuestro equipo',
        'administrative action done by our team',
      ),
      AUTO_CLOSED: ctx.t(
        'cerrado automáticamente: la solución no se confirmó ni se reabrió a tiempo',
        'closed automatically: the resolution was neither confirmed nor reopened in time',
      ),
    }[e.outcome];
    return {
      subject: ticketSubjectLine(e.ticket, ctx.t('Ticket cerrado', 'Ticket closed')),
      heading: ctx.t(
        `Cerramos el ticket ${e.ticket.number}: ${e.ticket.subject}`,
        `We closed ticket ${e.ticket.number}: ${e.ticket.subject}`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Resultado', 'Outcome'), outcome],
            // L3-12/L3-13: what the ticket cost the package, as the ledger holds it.
            ...(e.chargedHours === undefined
              ? []
              : [
                  [
                    ctx.t('Horas cargadas a su paquete', 'Hours charged to your package'),
                    ctx.dates.hours(e.chargedHours),
                  ] as [string, string],
                ]),
            // L3-18: work the client was not charged for (a no-charge ticket).
            ...(e.loggedHours === undefined
              ? []
              : [
                  [ctx.t('Horas trabajadas', 'Hours worked'), ctx.dates.hours(e.loggedHours)] as [
                    string,
                    string,
                  ],
                ]),
          ],
        },
        // The client's own words when it confirmed or accepted (QA S51: labelled «Motivo»); the
        // provider's reason for the other outcomes.
        ...(e.reason
          ? [
              {
                kind: 'quote' as const,
                label:
                  e.outcome === 'ACCEPTED' || e.outcome === 'CONFIRMED'
                    ? ctx.t('Nota del cliente', "Client's note")
                    : ctx.t('Motivo', 'Reason'),
                text: e.reason,
              },
            ]
          : []),
        ...(e.returnedHours !== undefined && e.returnedHours > 0
          ? [{ kind: 'paragraph' as const, text: returnedHours(e.returnedHours, ctx) }]
          : []),
        ...ratingInvitation(e.outcome, ctx),
      ],
      link: endedTicketLink(e.ticket.number, ctx),
    };
  },

  CANCELLED: (e, ctx) => ({
    subject: ticketSubjectLine(e.ticket, ctx.t('Ticket cancelado', 'Ticket cancelled')),
    heading: ctx.t(
      `El ticket ${e.ticket.number} fue cancelado.`,
      `Ticket ${e.ticket.number} was cancelled.`,
    ),
    blocks: [
      ...cancelledBy(e.cancelledById, ctx),
      { kind: 'quote', label: ctx.t('Motivo', 'Reason'), text: e.reason },
      // L3-12/L3-13 (QA S54): what the work done cost the package, before what goes back.
      ...(e.chargedHours === undefined
        ? []
        : [
            {
              kind: 'facts' as const,
              rows: [
                [
                  ctx.t('Horas cargadas a su paquete', 'Hours charged to your package'),
                  ctx.dates.hours(e.chargedHours),
                ] as [string, string],
                ...(e.loggedHours === undefined
                  ? []
                  : [
                      [
                        ctx.t('Horas trabajadas', 'Hours worked'),
                        ctx.dates.hours(e.loggedHours),
                      ] as [string, string],
                    ]),
              ],
            },
          ]),
      ...(e.releasedHours !== undefined && e.releasedHours > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: returnedHours(e.releasedHours, ctx),
            },
          ]
        : e.releasesReservedHours
          ? [
              {
                kind: 'paragraph' as const,
                text: ctx.t(
                  'Las horas reservadas que no se usaron vuelven a su saldo.',
                  'The reserved hours that were not used go back to your balance.',
                ),
              },
            ]
          : []),
      ...(e.releaseDate
        ? [
            {
              kind: 'paragraph' as const,
              text: holdsRelease(e, ctx)
                ? ctx.t(
                    'La entrega para pruebas que estaba publicada queda cancelada; el archivo adjunto la quita de su calendario.',
                    'The published release for testing is cancelled; the attached file removes it from your calendar.',
                  )
                : ctx.t(
                    'La entrega para pruebas que estaba publicada queda cancelada.',
                    'The published release for testing is cancelled.',
                  ),
            },
          ]
        : []),
      // L3-06 (QA S60b #6): a remote session still ahead leaves the calendar with the ticket.
      ...(e.remoteSession ? [sessionCancelledParagraph(e.remoteSession, ctx)] : []),
    ],
    // The published release date and a session still ahead leave the recipient's calendar (the
    // same entries, cancelled).
    calendar: [
      // Only in the calendars that hold it (QA S62 review): not a participant's added since.
      ...(e.releaseDate && holdsRelease(e, ctx)
        ? [{ ...releaseCalendar(e.releaseDate, undefined, e.ticket, ctx), cancelled: true }]
        : []),
      // Only in the calendars that hold it (QA S62): not an approver's who never had it.
      ...(e.remoteSession ? sessionCancellation(e.remoteSession, e.ticket, ctx) : []),
    ],
    link: endedTicketLink(e.ticket.number, ctx),
  }),

  DATE_ADJUSTED: (e, ctx) => {
    const what =
      e.subjectDate === 'RELEASE_DATE'
        ? ctx.t('fecha de entrega para pruebas', 'release date for testing')
        : ctx.t('fecha de la sesión remota', 'remote session date');
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Fecha ajustada', 'Date adjusted')}: ${ctx.dates.shortWhen(e.newDate)}`,
      ),
      heading: ctx.t(
        `Ajustamos la ${what} del ticket ${e.ticket.number}.`,
        `We adjusted the ${what} of ticket ${e.ticket.number}.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Antes', 'Before'), ctx.dates.when(e.oldDate)],
            [ctx.t('Ahora', 'Now'), ctx.dates.when(e.newDate)],
            ...calendarTimeRows(ctx, e.newDate),
          ],
        },
        { kind: 'quote', label: ctx.t('Motivo', 'Reason'), text: e.reason },
      ],
      calendar:
        e.subjectDate === 'RELEASE_DATE'
          ? releaseCalendar(e.newDate, undefined, e.ticket, ctx)
          : undefined,
    };
  },
};

/**
 * L3-07/L3-11: a ticket that ends CLOSED (not out of scope, not feasible) invites the client to
 * rate the support, with a link to the rating on the ticket page; changeable for 14 days.
 */
function ratingInvitation(outcome: ClosedEvent['outcome'], ctx: TemplateContext): Block[] {
  if (outcome === 'OUT_OF_SCOPE' || outcome === 'NOT_FEASIBLE') return [];
  return [
    {
      kind: 'paragraph',
      text: ctx.t(
        `¿Cómo calificaría la atención? Su opinión nos ayuda a mejorar: califique el ticket del 1 al 5 en la plataforma. Podrá cambiar su calificación durante ${RATING_CHANGE_WINDOW_DAYS} días.`,
        `How would you rate the support? Your opinion helps us improve: rate the ticket from 1 to 5 on the platform. You can change your rating for ${RATING_CHANGE_WINDOW_DAYS} days.`,
      ),
    },
    {
      kind: 'action',
      label: ctx.t('Calificar la atención', 'Rate the support'),
      href: ratingUrl(ctx.ticketUrl),
    },
  ];
}

/**
 * L3-11: a closed or cancelled ticket takes no more comments, so its email does not say «comente
 * en el ticket»: it says what the client can do instead (a new ticket naming this one).
 */
function endedTicketLink(
  ticketNumber: string,
  ctx: TemplateContext,
): NonNullable<EmailContent['link']> {
  return {
    label: ctx.t('Ver el ticket', 'Open the ticket'),
    href: ctx.ticketUrl,
    guidance: ctx.t(
      `Este ticket ya no admite comentarios. Si necesita algo más sobre este tema, registre un ticket nuevo en la plataforma de soporte y mencione el número ${ticketNumber}.`,
      `This ticket takes no more comments. If you need anything else on this matter, register a new ticket on the support platform and mention number ${ticketNumber}.`,
    ),
  };
}

/** «Cancelado por: …» (QA): who cancelled the ticket, when the event names someone. */
function cancelledBy(userId: string | undefined, ctx: TemplateContext): Block[] {
  const name = userId ? ctx.names.get(userId) : undefined;
  return name ? [{ kind: 'facts', rows: [[ctx.t('Cancelado por', 'Cancelled by'), name]] }] : [];
}

/** The calendar entry of a ticket's release date (`<number>-release.ics`). */
export const RELEASE_ENTRY = 'release';

/**
 * QA S62 review (L3-09): whether this recipient's cancellation email carries the release date's
 * METHOD:CANCEL: their calendar holds it (`releaseHeldBy`), or the email predates it (all did).
 */
function holdsRelease(e: Pick<CancelledEvent, 'releaseHeldBy'>, ctx: TemplateContext): boolean {
  return (
    !e.releaseHeldBy || (ctx.recipientId !== undefined && e.releaseHeldBy.includes(ctx.recipientId))
  );
}

function releaseCalendar(
  value: string,
  durationMinutes: number | undefined,
  ticket: { number: string; subject: string },
  ctx: TemplateContext,
): CalendarEntry {
  return {
    name: RELEASE_ENTRY,
    start: isDateOnly(value)
      ? { date: value }
      : { at: new Date(value), durationMinutes: durationMinutes ?? 60 },
    summary: ctx.t(
      `Entrega para pruebas — ${ticket.number}: ${ticket.subject}`,
      `Release for testing — ${ticket.number}: ${ticket.subject}`,
    ),
    description: ctx.ticketUrl,
  };
}

/**
 * L3-12: «Se devuelven 6.5 h no usadas a su paquete.» (the unused reservation a cancellation or a
 * closure gives back, > 0).
 */
function returnedHours(hours: number, ctx: TemplateContext): string {
  const n = ctx.dates.number(hours);
  return hours === 1
    ? ctx.t('Se devuelve 1 h no usada a su paquete.', '1 unused hour goes back to your package.')
    : ctx.t(
        `Se devuelven ${n} h no usadas a su paquete.`,
        `${n} unused hours go back to your package.`,
      );
}

/**
 * L3-07: «Próximo avance a más tardar: …», when the client hears from us again at the latest (the
 * progress clock an update or a reply counting as one restarted); nothing without the date.
 */
export function nextUpdateFacts(nextUpdateBy: string | undefined, ctx: TemplateContext): Block[] {
  return nextUpdateBy
    ? [
        {
          kind: 'facts',
          rows: [
            [
              ctx.t('Próximo avance a más tardar', 'Next update by'),
              ctx.dates.instant(nextUpdateBy),
            ],
            ...calendarTimeRows(ctx, nextUpdateBy),
          ],
        },
      ]
    : [];
}
