import type {
  ClientActivity,
  ProviderAssignedEvent,
  ProviderClientActivityEvent,
} from '../notification-event';
import { calendarTimeRows, instantInSentence, rangeInSentence } from './calendar-time';
import { filesBlock, attachedFilesBlocks } from './attachment.templates';
import {
  type Block,
  type CalendarEntry,
  type TemplateContext,
  ticketSubjectLine,
} from './email-content';
import { type BusinessDays, requirementClockDays } from './format';
import {
  holdsSession,
  newTriageParagraph,
  remoteSessionCalendar,
  sessionCancellation,
  sessionCancelledParagraph,
} from './remote-session.templates';
import type { TemplateFamily } from './template-types';

// L3-11, provider side: every helpdesk tells its own people. A new ticket reaches the provider's
// agents and managers; what a client does on a ticket reaches the agent working it (every agent
// while none is assigned). Written for provider staff: who did what, their words, the ticket link.

const CATEGORIES: Record<string, readonly [string, string]> = {
  QUESTION: ['Consulta', 'Question'],
  INCIDENT: ['Incidente', 'Incident'],
  CONFIGURATION: ['Configuración', 'Configuration'],
  DEVELOPMENT: ['Desarrollo', 'Development'],
  TRAINING: ['Capacitación', 'Training'],
  ADMIN_ACTION: ['Administración de odoo.sh', 'odoo.sh administration'],
};

/** Subject text, heading verb (after the client user's name) and the label of the client's words. */
const ACTIVITIES: Record<
  ClientActivity,
  {
    readonly subject: readonly [string, string];
    readonly did: readonly [string, string];
    readonly words: readonly [string, string];
  }
> = {
  COMMENT: {
    subject: ['Comentario del cliente', 'Client comment'],
    did: ['comentó en', 'commented on'],
    words: ['Comentario', 'Comment'],
  },
  INFO_PROVIDED: {
    subject: ['El cliente envió la información', 'Client sent the information'],
    did: ['respondió la solicitud de información de', 'replied to the information request of'],
    words: ['Respuesta', 'Reply'],
  },
  CLIENT_REPLIED: {
    subject: ['El cliente respondió', 'Client replied'],
    did: ['respondió en', 'replied on'],
    words: ['Respuesta', 'Reply'],
  },
  ANSWER_RECORDED: {
    subject: ['Respuesta del cliente registrada', "Client's reply recorded"],
    did: [
      'registró la respuesta que el cliente dio fuera del portal en',
      'recorded the reply the client gave off the portal on',
    ],
    words: ['Respuesta del cliente', "Client's reply"],
  },
  ESTIMATE_AUTHORIZED: {
    subject: ['Estimación autorizada', 'Estimate authorized'],
    did: ['autorizó la estimación de', 'authorized the estimate of'],
    words: ['Autorización escrita', 'Written authorization'],
  },
  ESTIMATE_REJECTED: {
    subject: ['Estimación rechazada', 'Estimate rejected'],
    did: ['rechazó la estimación de', 'rejected the estimate of'],
    words: ['Motivo', 'Reason'],
  },
  CHANGE_ORDER_AUTHORIZED: {
    subject: ['Orden de cambio autorizada', 'Change order authorized'],
    did: ['autorizó la orden de cambio de', 'authorized the change order of'],
    words: ['Autorización escrita', 'Written authorization'],
  },
  CHANGE_ORDER_REJECTED: {
    subject: ['Orden de cambio rechazada', 'Change order rejected'],
    did: ['rechazó la orden de cambio de', 'rejected the change order of'],
    words: ['Motivo', 'Reason'],
  },
  REESTIMATE_REQUESTED: {
    subject: ['Nueva estimación solicitada', 'New estimate requested'],
    did: ['pidió una nueva estimación para', 'asked for a new estimate for'],
    words: ['Motivo', 'Reason'],
  },
  FAILURES_REPORTED: {
    subject: ['Fallas reportadas en pruebas', 'Failures reported in testing'],
    did: ['reportó fallas en las pruebas de', 'reported failures in testing'],
    words: ['Fallas', 'Failures'],
  },
  DELIVERY_ACCEPTED: {
    subject: ['Entrega aceptada', 'Delivery accepted'],
    did: ['aceptó la entrega de', 'accepted the delivery of'],
    words: ['Nota', 'Note'],
  },
  RESOLUTION_CONFIRMED: {
    subject: ['El cliente confirmó la solución', 'Client confirmed the resolution'],
    did: ['confirmó la solución y cerró', 'confirmed the resolution and closed'],
    words: ['Nota', 'Note'],
  },
  REOPENED: {
    subject: ['El cliente reabrió el ticket', 'Client reopened the ticket'],
    did: ['indicó que el problema no está resuelto en', 'said the problem is not solved on'],
    words: ['Motivo', 'Reason'],
  },
  CANCELLED: {
    subject: ['El cliente canceló el ticket', 'Client cancelled the ticket'],
    did: ['canceló', 'cancelled'],
    words: ['Motivo', 'Reason'],
  },
  REMOTE_SESSION_ACCEPTED: {
    subject: ['El cliente confirmó la sesión remota', 'Client confirmed the remote session'],
    did: ['confirmó la sesión remota propuesta en', 'confirmed the remote session proposed on'],
    words: ['Nota', 'Note'],
  },
  REMOTE_SESSION_DECLINED: {
    subject: [
      'El cliente no puede en el horario de la sesión remota',
      'Client cannot attend the remote session',
    ],
    did: [
      'no puede en el horario de la sesión remota propuesta en',
      'cannot attend the remote session proposed on',
    ],
    words: ['Motivo', 'Reason'],
  },
  ATTACHMENT_ADDED: {
    subject: ['El cliente adjuntó un archivo', 'Client attached a file'],
    did: ['adjuntó un archivo en', 'attached a file to'],
    words: ['Archivo', 'File'],
  },
  ATTACHMENTS_ADDED: {
    subject: ['El cliente adjuntó archivos', 'Client attached files'],
    did: ['adjuntó archivos en', 'attached files to'],
    words: ['Archivos', 'Files'],
  },
};

/** The diagnosis or scheduling clock's target, and its deadline in the reader's words when known. */
type ClockWords = (kind: 'diagnosis' | 'scheduling') => BusinessDays;

/**
 * A rejected estimate and a request to re-estimate both send the requirement back (L3-09); by when
 * the new estimate is due, when the diagnosis clock's deadline is known (QA S60 #5).
 */
const backToDiagnosis = (days: ClockWords, due: string | undefined) =>
  due
    ? ([
        `El requerimiento volvió a diagnóstico: envíe una nueva estimación a más tardar el ${due}; el plazo de diagnóstico (${days('diagnosis').es}) corre de nuevo.`,
        `The requirement is back in diagnosis: send a new estimate no later than ${due}; the diagnosis clock (${days('diagnosis').en}) runs again.`,
      ] as const)
    : ([
        `El requerimiento volvió a diagnóstico: envíe una nueva estimación; el plazo de diagnóstico (${days('diagnosis').es}) corre de nuevo.`,
        `The requirement is back in diagnosis: send a new estimate; the diagnosis clock (${days('diagnosis').en}) runs again.`,
      ] as const);

/**
 * The agent's next step after a client's decision on a requirement, with the clock it runs on
 * (its target as the ticket's clock holds it, QA S18) and its deadline in the agent's zone and
 * language, as the client's email of the same decision gives it (QA S60 #5).
 */
const NEXT_STEPS: Partial<
  Record<ClientActivity, (days: ClockWords, due: string | undefined) => readonly [string, string]>
> = {
  ESTIMATE_AUTHORIZED: (days, due) =>
    due
      ? [
          `Publique la fecha de entrega para pruebas a más tardar el ${due}: el plazo de programación (${days('scheduling').es}) corre desde la autorización, en horario hábil.`,
          `Publish the release date for testing no later than ${due}: the scheduling clock (${days('scheduling').en}) runs from the authorization, in business hours.`,
        ]
      : [
          `Publique la fecha de entrega para pruebas: el plazo de programación (${days('scheduling').es}) corre desde la autorización, en horario hábil.`,
          `Publish the release date for testing: the scheduling clock (${days('scheduling').en}) runs from the authorization, in business hours.`,
        ],
  ESTIMATE_REJECTED: backToDiagnosis,
  REESTIMATE_REQUESTED: backToDiagnosis,
  FAILURES_REPORTED: () => [
    'El ticket volvió a desarrollo: corrija las fallas y libérelo de nuevo para pruebas.',
    'The ticket is back in development: fix the failures and release it for testing again.',
  ],
};

type SessionCalendar = NonNullable<ProviderClientActivityEvent['sessionCalendar']>;

/**
 * L3-06 (QA S60b #6): the remote session's calendar entry goes to the agent who holds the session
 * (the assigned agent, else its proposer), not to every agent told while nobody is assigned.
 */
function sessionCalendarFor(
  e: ProviderClientActivityEvent,
  ctx: TemplateContext,
): SessionCalendar | undefined {
  return e.sessionCalendar && ctx.recipientId === e.sessionCalendar.agentId
    ? e.sessionCalendar
    : undefined;
}

/** What the attached `.ics` does, for the agent whose email carries it. */
function inviteBlock(invite: SessionCalendar, ctx: TemplateContext): Block {
  return invite.cancelled
    ? sessionCancelledParagraph(invite.session, ctx)
    : {
        kind: 'paragraph',
        text: ctx.t(
          'Adjuntamos la invitación (.ics) para su calendario; si la sesión se cancela, le llegará la cancelación.',
          'The invitation (.ics) for your calendar is attached; if the session is cancelled, you will get the cancellation.',
        ),
      };
}

/** «… de» + «el ticket» is written «… del ticket», as Spanish contracts it (QA S16). */
function theTicket(did: string): string {
  return did.endsWith(' de') ? `${did.slice(0, -3)} del ticket` : `${did} el ticket`;
}

export const providerTemplates: TemplateFamily<
  'PROVIDER_NEW_TICKET' | 'PROVIDER_CLIENT_ACTIVITY' | 'PROVIDER_ASSIGNED'
> = {
  PROVIDER_NEW_TICKET: (e, ctx) => {
    const client = ctx.names.get(e.ticket.clientOrgId) ?? ctx.t('un cliente', 'a client');
    const registrant = ctx.names.get(e.ticket.registrantId) ?? ctx.t('el cliente', 'the client');
    const category = CATEGORIES[e.category];
    const rows: [string, string][] = [
      [ctx.t('Cliente', 'Client'), client],
      [ctx.t('Registró', 'Registered by'), registrant],
      [ctx.t('Categoría', 'Category'), category ? ctx.t(category[0], category[1]) : e.category],
      [ctx.t('Asunto', 'Subject'), e.ticket.subject],
    ];
    if (e.triageDeadline) {
      rows.push(
        [ctx.t('Atender a más tardar', 'Triage by'), ctx.dates.instant(e.triageDeadline)],
        ...calendarTimeRows(ctx, e.triageDeadline),
      );
    }
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Nuevo ticket de', 'New ticket from')} ${client}`,
      ),
      heading: ctx.t(
        `${client} registró el ticket ${e.ticket.number}.`,
        `${client} registered ticket ${e.ticket.number}.`,
      ),
      blocks: [
        { kind: 'facts', rows },
        // L3-11 (QA S20): the files sent with the registration, in this email rather than their own.
        ...attachedFilesBlocks(e.files, ctx),
        {
          kind: 'paragraph',
          text: ctx.t(
            // QA S43: not «ya corre»: registered at night, the clock counts from the next opening.
            'El plazo de atención inicial (8 horas hábiles) corre desde el registro, en horario hábil: confirme que la información está completa o pida más.',
            'The triage clock (8 business hours) runs from registration, during business hours: confirm the information is complete or ask for more.',
          ),
        },
      ],
    };
  },

  PROVIDER_CLIENT_ACTIVITY: (e, ctx) => {
    const a = ACTIVITIES[e.activity];
    const invite = sessionCalendarFor(e, ctx);
    const who = ctx.names.get(e.actorId) ?? ctx.t('El cliente', 'The client');
    const files = e.files?.length ?? 0;
    const what =
      e.activity === 'ATTACHMENTS_ADDED' && files > 1
        ? ctx.t(`El cliente adjuntó ${files} archivos`, `Client attached ${files} files`)
        : e.activity === 'REESTIMATE_REQUESTED' && e.estimateVersion !== undefined
          ? // QA S60 #9: which estimate is to be redone, in the words of the client's subject.
            ctx.t(
              `Reestimación solicitada para la v${e.estimateVersion}`,
              `Re-estimate requested for v${e.estimateVersion}`,
            )
          : ctx.t(...a.subject);
    return {
      subject: ticketSubjectLine(e.ticket, what),
      heading: ctx.t(
        `${who} ${theTicket(a.did[0])} ${e.ticket.number}.`,
        `${who} ${a.did[1]} ticket ${e.ticket.number}.`,
      ),
      blocks: [...activityBlocks(e, ctx, a.words), ...(invite ? [inviteBlock(invite, ctx)] : [])],
      ...(invite
        ? {
            calendar: invite.cancelled
              ? sessionCancellation(invite.session, e.ticket, ctx)
              : remoteSessionCalendar(invite.session, e.ticket, ctx),
          }
        : {}),
    };
  },

  // L3-07: the ticket was assigned on classification or changed hands; written so it reads right
  // for whoever receives it.
  PROVIDER_ASSIGNED: (e, ctx) => {
    const agent = ctx.names.get(e.assigneeId) ?? ctx.t('otro agente', 'another agent');
    const who =
      (e.actorId ? ctx.names.get(e.actorId) : undefined) ??
      ctx.t('Un miembro del equipo', 'A staff member');
    const rows: [string, string][] = [
      [ctx.t('Asunto', 'Subject'), e.ticket.subject],
      [ctx.t('Asignado a', 'Assigned to'), agent],
    ];
    const previous = e.previousAssigneeId ? ctx.names.get(e.previousAssigneeId) : undefined;
    if (previous) rows.push([ctx.t('Antes', 'Previously'), previous]);
    const blocks: Block[] = [{ kind: 'facts', rows }];
    if (e.note) blocks.push({ kind: 'quote', label: ctx.t('Nota', 'Note'), text: e.note });
    if (e.initial) {
      blocks.push({
        kind: 'paragraph',
        text:
          e.classification === 'REQUIREMENT'
            ? ctx.t(
                `El ticket se clasificó como requerimiento: haga el diagnóstico y, si es viable, la estimación en horas para la autorización del cliente; el plazo de diagnóstico (${requirementClockDays(e, 'diagnosis').es}) corre desde ahora, en horario hábil.`,
                `The ticket was classified as a requirement: make the diagnosis and, if feasible, the estimate in hours for the client to authorize; the diagnosis clock (${requirementClockDays(e, 'diagnosis').en}) runs from now, in business hours.`,
              )
            : ctx.t(
                'El ticket se clasificó como problema: analícelo, diagnostíquelo e informe al cliente su avance; el plazo de avance corre desde ahora, en horario hábil.',
                'The ticket was classified as a problem: analyse and diagnose it and keep the client informed; the progress clock runs from now, in business hours.',
              ),
      });
    }
    // QA S65 #1 (L3-06): a proposed session still ahead reaches the new agent before it is confirmed.
    if (e.proposedSession && ctx.recipientId === e.assigneeId) {
      const p = e.proposedSession;
      const when = rangeInSentence(ctx, p.at, p.durationMinutes);
      blocks.push({
        kind: 'paragraph',
        text: ctx.t(
          `Hay una sesión remota propuesta para el ${when}, pendiente de que el cliente la confirme; si la confirma, le llegará la invitación.`,
          `A remote session is proposed for ${when}, pending the client's confirmation; if they confirm it, you will get the invitation.`,
        ),
      });
    }
    const handover = sessionHandover(e, ctx, agent);
    // QA S63: who took the ticket themselves reads it as the session handed to them.
    const ownHandover = e.selfAssigned === true && ctx.recipientId === e.assigneeId;
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ownHandover
          ? ctx.t('Sesión remota a su cargo', 'Remote session now yours')
          : `${ctx.t('Ticket asignado a', 'Ticket assigned to')} ${agent}`,
      ),
      heading: assignedHeading(e, ctx, agent, who),
      blocks: [...blocks, ...(handover ? [handover.block] : [])],
      ...(handover ? { calendar: handover.calendar } : {}),
    };
  },
};

/**
 * L3-06 (QA S62): the confirmed remote session changes hands with the ticket. The agent who now
 * has it gets the invitation; whoever held it before (SESSION_HOLDERS) its cancellation: the
 * same UID, a higher SEQUENCE (this event's), in the assignment's one email each.
 */
function sessionHandover(
  e: ProviderAssignedEvent,
  ctx: TemplateContext,
  agent: string,
): { block: Block; calendar: CalendarEntry[] } | null {
  const session = e.sessionCalendar?.session;
  if (!session) return null;
  const when = ctx.dates.range(session.at, session.durationMinutes);
  if (ctx.recipientId === e.assigneeId) {
    return {
      block: {
        kind: 'paragraph',
        text: ctx.t(
          `El cliente confirmó la sesión remota del ${when}: ahora está a su cargo. Adjuntamos la invitación (.ics) para su calendario; si la sesión se cancela, le llegará la cancelación.`,
          `The client confirmed the remote session of ${when}: it is now yours to hold. The invitation (.ics) for your calendar is attached; if the session is cancelled, you will get the cancellation.`,
        ),
      },
      calendar: [remoteSessionCalendar(session, e.ticket, ctx)],
    };
  }
  if (!holdsSession(session, ctx)) return null;
  return {
    block: {
      kind: 'paragraph',
      text: ctx.t(
        `La sesión remota del ${when} pasa a ${agent} con el ticket; el archivo adjunto (.ics) la quita de su calendario.`,
        `The remote session of ${when} goes to ${agent} with the ticket; the attached file (.ics) removes it from your calendar.`,
      ),
    },
    calendar: sessionCancellation(session, e.ticket, ctx),
  };
}

/** Who assigned the ticket, or that it was assigned automatically (the least-loaded agent). */
function assignedHeading(
  e: ProviderAssignedEvent,
  ctx: TemplateContext,
  agent: string,
  who: string,
): string {
  const n = e.ticket.number;
  if (e.selfAssigned && ctx.recipientId === e.assigneeId) {
    return e.initial === 'AUTOMATIC'
      ? ctx.t(
          `El ticket ${n} se le asignó automáticamente al clasificarlo (el agente con menos carga).`,
          `Ticket ${n} was assigned to you automatically when you classified it (the least-loaded agent).`,
        )
      : ctx.t(`Usted tomó el ticket ${n}.`, `You took ticket ${n}.`);
  }
  if (e.initial === 'AUTOMATIC') {
    return ctx.t(
      `El ticket ${n} se asignó automáticamente a ${agent} (el agente con menos carga).`,
      `Ticket ${n} was assigned to ${agent} automatically (the least-loaded agent).`,
    );
  }
  if (e.selfAssigned) {
    return ctx.t(`${agent} tomó el ticket ${n}.`, `${agent} took ticket ${n}.`);
  }
  return ctx.t(
    `${who} asignó el ticket ${n} a ${agent}.`,
    `${who} assigned ticket ${n} to ${agent}.`,
  );
}

function activityBlocks(
  e: ProviderClientActivityEvent,
  ctx: TemplateContext,
  words: readonly [string, string],
): Block[] {
  const rows: [string, string][] = [[ctx.t('Asunto', 'Subject'), e.ticket.subject]];
  if (e.estimateVersion !== undefined) {
    rows.push([ctx.t('Versión de la estimación', 'Estimate version'), String(e.estimateVersion)]);
  }
  // L3-06: the session the client answered, and the time it suggests instead.
  if (e.sessionAt) {
    rows.push([
      ctx.t('Sesión remota', 'Remote session'),
      e.durationMinutes
        ? ctx.dates.range(e.sessionAt, e.durationMinutes)
        : ctx.dates.instant(e.sessionAt),
    ]);
    rows.push(
      ...calendarTimeRows(ctx, e.sessionAt, {
        ...(e.durationMinutes ? { minutes: e.durationMinutes } : {}),
      }),
    );
  }
  if (e.suggestedAt) {
    rows.push(
      [ctx.t('Horario que sugiere', 'Suggested time'), ctx.dates.instant(e.suggestedAt)],
      ...calendarTimeRows(ctx, e.suggestedAt),
    );
  }
  const blocks: Block[] = [{ kind: 'facts', rows }];
  const filesOnly = e.activity === 'ATTACHMENT_ADDED' || e.activity === 'ATTACHMENTS_ADDED';
  if (filesOnly && e.files?.length) {
    blocks.push(filesBlock(e.files, ctx));
  } else {
    if (e.text) blocks.push({ kind: 'quote', label: ctx.t(...words), text: e.text });
    // L3-11: the files a comment (or an answer) carried.
    blocks.push(...attachedFilesBlocks(e.files, ctx));
  }
  if (e.note) blocks.push({ kind: 'quote', label: ctx.t('Nota', 'Note'), text: e.note });
  // L3-08/L3-09 (QA S18): what the client's decision asks of the agent next, and its clock.
  const next = NEXT_STEPS[e.activity]?.(
    (kind) => requirementClockDays(e, kind),
    e.clockDeadline && instantInSentence(ctx, e.clockDeadline),
  );
  if (next) blocks.push({ kind: 'paragraph', text: ctx.t(...next) });
  if (e.answerClock)
    blocks.push({ kind: 'paragraph', text: answerClockText(e, e.answerClock, ctx) });
  if (e.activity === 'REMOTE_SESSION_DECLINED') {
    // S64: when the new triage clock is due, as the withdrawal's email says it; older payloads
    // (queued without it) as before, undated.
    blocks.push(newTriageParagraph(e.triageDeadline, ctx, 'DECLINED'));
  }
  if (e.assigneeId === null) blocks.push(unassignedParagraph(e, ctx));
  else if (proposerNotAssignee(e, ctx)) {
    // S64 (L3-06): who proposed the session hears of the answer though the ticket is another's.
    blocks.push({
      kind: 'paragraph',
      text: ctx.t(
        'Le avisamos porque usted propuso esta sesión.',
        'You are told because you proposed this session.',
      ),
    });
  }
  return blocks;
}

/** S64: this recipient proposed the session the client answered and is not the assignee. */
function proposerNotAssignee(e: ProviderClientActivityEvent, ctx: TemplateContext): boolean {
  return (
    e.sessionProposedById !== undefined &&
    ctx.recipientId === e.sessionProposedById &&
    ctx.recipientId !== e.assigneeId
  );
}

/**
 * Why a client's activity on a ticket nobody is assigned reaches this agent: every agent is told.
 * QA S63 #12: the client's answer to a remote session is told to who proposed it as theirs
 * («Usted propuso esta sesión»), and the other agents read who proposed it.
 */
function unassignedParagraph(e: ProviderClientActivityEvent, ctx: TemplateContext): Block {
  const proposer = e.sessionProposedById;
  if (proposer !== undefined && ctx.recipientId === proposer) {
    return {
      kind: 'paragraph',
      text: ctx.t(
        'Usted propuso esta sesión. El ticket aún no tiene agente asignado: este aviso llega también a los demás agentes.',
        'You proposed this session. The ticket has no assigned agent yet: the other agents get this notice too.',
      ),
    };
  }
  const name = proposer !== undefined ? ctx.names.get(proposer) : undefined;
  return {
    kind: 'paragraph',
    text: name
      ? ctx.t(
          `El ticket no tiene agente asignado: este aviso llega a todos los agentes. ${name} propuso esta sesión.`,
          `The ticket has no assigned agent: this notice goes to every agent. ${name} proposed this session.`,
        )
      : ctx.t(
          'El ticket no tiene agente asignado: este aviso llega a todos los agentes.',
          'The ticket has no assigned agent: this notice goes to every agent.',
        ),
  };
}

/**
 * L3-06…L3-08 (QA S57): what the client's answer did to the SLA clock, and when it is due now. The
 * agent's email said nothing of it, though the paused clock runs again from the answer.
 */
function answerClockText(
  e: ProviderClientActivityEvent,
  clock: NonNullable<ProviderClientActivityEvent['answerClock']>,
  ctx: TemplateContext,
): string {
  const due = clock.deadline ? instantInSentence(ctx, clock.deadline) : null;
  if (clock.kind === 'triage') {
    return ctx.t(
      `El plazo de atención inicial (8 horas hábiles) empieza de nuevo con la respuesta, en horario hábil${due ? `: vence el ${due}` : ''}. Confirme que la información está completa, pida más o clasifique el ticket.`,
      `The triage clock (8 business hours) starts over with the reply, during business hours${due ? `: due ${due}` : ''}. Confirm the information is complete, ask for more or classify the ticket.`,
    );
  }
  const [es, en] =
    clock.kind === 'diagnosis'
      ? [
          `El plazo de diagnóstico (${requirementClockDays(e, 'diagnosis').es})`,
          `The diagnosis clock (${requirementClockDays(e, 'diagnosis').en})`,
        ]
      : ['El plazo de avance periódico', 'The progress-update clock'];
  return ctx.t(
    `${es} se reanudó con el tiempo que le quedaba${due ? `: vence el ${due}` : ''}.`,
    `${en} resumed with the time it had left${due ? `: due ${due}` : ''}.`,
  );
}
