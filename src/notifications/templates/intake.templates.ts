import type { ClassifiedEvent, InfoRequestedEvent } from '../notification-event';
import { calendarTimeRows } from './calendar-time';
import {
  byReader,
  type EmailContent,
  ticketSubjectLine,
  type TemplateContext,
} from './email-content';
import { attachedFilesBlocks } from './attachment.templates';
import { requirementClockDays } from './format';
import { remoteSessionCalendar, sessionBlocks } from './remote-session.templates';
import type { TemplateFamily } from './template-types';

// Registration and triage (L3-06, L3-07): registered, information requested, remote session,
// classification, assignment.

export const intakeTemplates: TemplateFamily<
  'TICKET_REGISTERED' | 'INFO_REQUESTED' | 'REMOTE_SESSION_PROPOSED' | 'CLASSIFIED' | 'ASSIGNED'
> = {
  TICKET_REGISTERED: (e, ctx) => {
    const registrant = ctx.names.get(e.ticket.registrantId);
    return {
      subject: ticketSubjectLine(e.ticket, ctx.t('Ticket registrado', 'Ticket registered')),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `Registramos su ticket ${e.ticket.number}.`,
          `We registered your ticket ${e.ticket.number}.`,
        ],
        registrant
          ? [
              `${registrant} registró el ticket ${e.ticket.number}.`,
              `${registrant} registered ticket ${e.ticket.number}.`,
            ]
          : [
              `Se registró el ticket ${e.ticket.number}.`,
              `Ticket ${e.ticket.number} was registered.`,
            ],
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Ticket', 'Ticket'), e.ticket.number],
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [
              ctx.t('Atención a más tardar', 'We will attend to it by'),
              ctx.dates.instant(e.triageDeadline),
            ],
            ...calendarTimeRows(ctx, e.triageDeadline),
          ],
        },
        // L3-11 (QA S56): the files sent with it, as the provider's new-ticket email names them.
        ...attachedFilesBlocks(e.files, ctx),
        {
          kind: 'paragraph',
          text: ctx.t(
            'Lo atenderemos dentro de 8 horas hábiles: confirmaremos que la información está completa o le pediremos más.',
            'We will attend to it within 8 business hours: we will confirm the information is complete or ask you for more.',
          ),
        },
      ],
    };
  },

  INFO_REQUESTED: (e, ctx) =>
    e.pausedClock
      ? waitingOnClient(e, e.pausedClock, ctx)
      : {
          subject: ticketSubjectLine(
            e.ticket,
            ctx.t('Necesitamos más información', 'We need more information'),
          ),
          heading: ctx.t(
            `Para avanzar con el ticket ${e.ticket.number} necesitamos más información.`,
            `To move ticket ${e.ticket.number} forward we need more information.`,
          ),
          blocks: [
            { kind: 'quote', label: ctx.t('Nuestra pregunta', 'Our question'), text: e.question },
            {
              kind: 'paragraph',
              text: ctx.t(
                'Mientras esperamos su respuesta no corre ningún plazo de atención. Responda en el ticket (un comentario basta): al recibirla, empieza un nuevo plazo de 8 horas hábiles para atenderlo.',
                'While we wait for your reply, no service deadline runs. Reply on the ticket (a comment is enough): once it arrives, a new 8-business-hour deadline starts.',
              ),
            },
          ],
        },

  // L3-06: the session's time range in the recipient's zone, its link (once: «Unirse a la
  // sesión», QA S55 read it twice in the text), and an .ics entry (one per ticket: a re-proposal
  // moves it, SEQUENCE growing with each email).
  REMOTE_SESSION_PROPOSED: (e, ctx) => {
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Sesión remota propuesta', 'Remote session proposed')}: ${ctx.dates.shortInstant(e.at)}`,
      ),
      heading: ctx.t(
        `Le proponemos una sesión remota para el ticket ${e.ticket.number}.`,
        `We propose a remote session for ticket ${e.ticket.number}.`,
      ),
      blocks: [
        ...sessionBlocks(ctx.t('Sesión remota propuesta', 'Remote session proposed'), e, ctx),
        ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
        {
          kind: 'paragraph',
          text: ctx.t(
            'Adjuntamos la invitación (.ics) para su calendario. Confirme la sesión en el ticket o, si el horario no le conviene, indique otro desde ahí.',
            'The invitation (.ics) for your calendar is attached. Confirm the session on the ticket or, if the time does not suit you, suggest another one there.',
          ),
        },
      ],
      // QA S62 #9: not confirmed yet (the client's confirmation settles it).
      calendar: remoteSessionCalendar(e, e.ticket, ctx, 'TENTATIVE'),
    };
  },

  CLASSIFIED: (e, ctx) => ({
    subject: ticketSubjectLine(
      e.ticket,
      `${ctx.t('Ticket clasificado', 'Ticket classified')}: ${classificationLabel(e, ctx)}`,
    ),
    heading: ctx.t(
      `Revisamos el ticket ${e.ticket.number} y lo clasificamos como ${classificationLabel(e, ctx)}.`,
      `We reviewed ticket ${e.ticket.number} and classified it as a ${classificationLabel(e, ctx)}.`,
    ),
    blocks: [
      ...(e.agentId || e.diagnosisDeadline || e.progressDeadline
        ? [
            {
              kind: 'facts' as const,
              rows: [
                ...(e.agentId
                  ? [
                      [
                        ctx.t('Le atenderá', 'Handled by'),
                        ctx.names.get(e.agentId) ?? ctx.t('un ingeniero L3', 'an L3 engineer'),
                      ] as [string, string],
                    ]
                  : []),
                // L3-08 (QA S18): by when the diagnosis comes, not only the clock's target.
                ...(e.diagnosisDeadline
                  ? [
                      [
                        ctx.t('Diagnóstico a más tardar', 'Diagnosis by'),
                        ctx.dates.instant(e.diagnosisDeadline),
                      ] as [string, string],
                      ...calendarTimeRows(ctx, e.diagnosisDeadline),
                    ]
                  : []),
                // L3-07: by when the first progress update comes.
                ...(e.progressDeadline
                  ? [
                      [
                        ctx.t('Primer avance a más tardar', 'First update by'),
                        ctx.dates.instant(e.progressDeadline),
                      ] as [string, string],
                      ...calendarTimeRows(ctx, e.progressDeadline),
                    ]
                  : []),
              ],
            },
          ]
        : []),
      ...(e.note ? [{ kind: 'quote' as const, label: ctx.t('Nota', 'Note'), text: e.note }] : []),
      {
        kind: 'paragraph',
        text:
          e.classification === 'PROBLEM'
            ? ctx.t(
                'Un ingeniero de tercer nivel lo analizará y le informará del avance periódicamente.',
                'A third-level engineer will analyse it and keep you informed of progress.',
              )
            : ctx.t(
                `En un máximo de ${requirementClockDays(e, 'diagnosis').es} le enviaremos un diagnóstico y, si es viable, una estimación en horas para su autorización.`,
                `Within ${requirementClockDays(e, 'diagnosis').en} we will send you a diagnosis and, if feasible, an estimate in hours for your authorization.`,
              ),
      },
    ],
  }),

  ASSIGNED: (e, ctx) => {
    const agent = ctx.names.get(e.agentId) ?? ctx.t('un ingeniero L3', 'an L3 engineer');
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Ticket asignado a', 'Ticket assigned to')} ${agent}`,
      ),
      heading: byReader(
        e.ticket,
        ctx,
        [
          `${agent} atenderá su ticket ${e.ticket.number}.`,
          `${agent} will handle your ticket ${e.ticket.number}.`,
        ],
        [
          `${agent} atenderá el ticket ${e.ticket.number}.`,
          `${agent} will handle ticket ${e.ticket.number}.`,
        ],
      ),
      blocks: [{ kind: 'facts', rows: [[ctx.t('Asunto', 'Subject'), e.ticket.subject]] }],
    };
  },
};

/**
 * L3-07 / L3-08: a problem in analysis or a requirement in diagnosis waits on the client. Unlike
 * triage's request (a new 8-hour clock on the answer), the paused clock resumes with what it had
 * left, so the client is told that, and which clock it is.
 */
function waitingOnClient(
  e: InfoRequestedEvent,
  clock: NonNullable<InfoRequestedEvent['pausedClock']>,
  ctx: TemplateContext,
): EmailContent {
  const whose = (what: 'requirement' | 'ticket'): string =>
    what === 'requirement'
      ? byReader(
          e.ticket,
          ctx,
          ['de su requerimiento', 'your requirement'],
          ['del requerimiento', 'the requirement'],
        )
      : byReader(e.ticket, ctx, ['de su ticket', 'your ticket'], ['del ticket', 'the ticket']);
  const paused =
    clock === 'diagnosis'
      ? ctx.t(
          `el plazo de ${requirementClockDays(e, 'diagnosis').es} para el diagnóstico ${whose('requirement')} queda en pausa`,
          `the diagnosis clock of ${whose('requirement')} (${requirementClockDays(e, 'diagnosis').en}) is paused`,
        )
      : ctx.t(
          `el plazo de avance periódico ${whose('ticket')} queda en pausa`,
          `the progress-update clock of ${whose('ticket')} is paused`,
        );
  return {
    subject: ticketSubjectLine(
      e.ticket,
      ctx.t('Esperamos su respuesta para continuar', 'We need your reply to continue'),
    ),
    heading: ctx.t(
      `Para continuar con el ticket ${e.ticket.number} necesitamos su respuesta.`,
      `To continue with ticket ${e.ticket.number} we need your reply.`,
    ),
    blocks: [
      { kind: 'quote', label: ctx.t('Lo que necesitamos', 'What we need'), text: e.question },
      {
        kind: 'paragraph',
        text: ctx.t(
          `Mientras esperamos su respuesta, ${paused}. Responda en el ticket (un comentario basta): al recibirla, el plazo se reanuda con el tiempo que le quedaba.`,
          `While we wait for your reply, ${paused}. Reply on the ticket (a comment is enough): once it arrives, the clock resumes with the time it had left.`,
        ),
      },
    ],
  };
}

const REQUIREMENT_KINDS: Record<string, readonly [string, string]> = {
  CHANGE: ['cambio', 'change'],
  CONFIGURATION: ['configuración', 'configuration'],
  DEVELOPMENT: ['desarrollo', 'development'],
  TRAINING: ['capacitación', 'training'],
  OTHER: ['otro', 'other'],
};

function classificationLabel(e: ClassifiedEvent, ctx: TemplateContext): string {
  if (e.classification === 'PROBLEM') return ctx.t('problema', 'problem');
  const kind = e.requirementKind ? REQUIREMENT_KINDS[e.requirementKind] : undefined;
  return kind
    ? ctx.t(`requerimiento (${kind[0]})`, `requirement (${kind[1]})`)
    : ctx.t('requerimiento', 'requirement');
}
