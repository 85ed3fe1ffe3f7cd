import type {
  CheckpointAgendaEvent,
  CheckpointDecisionsEvent,
  CheckpointMovedEvent,
} from '../notification-event';
import {
  type Block,
  type EmailContent,
  renderNamedEmail,
  type TemplateContext,
} from './email-content';
import { oneLine } from './format';
import type { EmailRecipient, RenderedEmail, RenderOptions } from './render-email';
import { recipientContext, TEMPLATE_VERSION } from './render-email';
import { clockLabel } from './sla.templates';
import { dateTimeFormat } from '../../shared/intl-formats';
import { calendarTimeRows } from './calendar-time';

/** A ticket state in the recipient's words (as the web app shows it), never the code (QA). */
const STATES: Readonly<Record<string, readonly [string, string]>> = {
  REGISTERED: ['Registrado', 'Registered'],
  INFO_REQUESTED: ['Información solicitada', 'Information requested'],
  REMOTE_SESSION_PROPOSED: ['Sesión remota propuesta', 'Remote session proposed'],
  IN_ANALYSIS: ['En análisis', 'In analysis'],
  WAITING_ON_CLIENT: ['Esperando al cliente', 'Waiting on the client'],
  RESOLVED: ['Resuelto', 'Resolved'],
  IN_DIAGNOSIS: ['En diagnóstico', 'In diagnosis'],
  ESTIMATE_SUBMITTED: ['Estimación enviada', 'Estimate submitted'],
  SCHEDULING: ['En programación', 'Scheduling'],
  RELEASE_DATE_SET: ['Fecha de entrega definida', 'Release date set'],
  IN_DEVELOPMENT: ['En desarrollo', 'In development'],
  RELEASED_FOR_TESTING: ['Liberado para pruebas', 'Released for testing'],
  CLOSED: ['Cerrado', 'Closed'],
  OUT_OF_SCOPE: ['Fuera de alcance', 'Out of scope'],
  NOT_FEASIBLE: ['No factible', 'Not feasible'],
  CANCELLED: ['Cancelado', 'Cancelled'],
};
/**
 * The states a client reads in other words than staff (web `clientStates`): about themself in the
 * second person, and the authorized work waiting for its date, not «En programación» (L3-08).
 */
const CLIENT_STATES: Readonly<Record<string, readonly [string, string]>> = {
  WAITING_ON_CLIENT: ['Esperando su respuesta', 'Waiting for your reply'],
  SCHEDULING: ['Autorizado, fecha de entrega por definir', 'Authorized, release date to be set'],
};
/** The clocks as a client reads them (web `clientClockKinds`), as its ticket emails word them. */
const CLIENT_CLOCKS: Readonly<Record<string, readonly [string, string]>> = {
  triage: ['atención inicial', 'initial response'],
  diagnosis: ['diagnóstico y estimación', 'diagnosis and estimate'],
  scheduling: ['fecha de entrega para pruebas', 'release date for testing'],
  progress: ['avance', 'progress'],
};
const CLOCKS = new Set(['triage', 'diagnosis', 'scheduling', 'progress']);

// L3-15: the biweekly checkpoint agenda, for the client's approvers and the provider managers.

/** Longest list the email shows per section; the agenda page has them all. */
const MAX_ROWS = 25;

export function checkpointAgendaTemplate(
  e: CheckpointAgendaEvent,
  ctx: TemplateContext,
): EmailContent {
  const { checkpoint: c, agenda: a } = e;
  const day = dateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeZone: ctx.dates.timeZone,
  }).format(new Date(c.scheduledFor ?? c.periodEnd));
  // «Ninguno.» / «Ninguna.»: the word agrees with the section's noun (estimaciones).
  const noneOf = (feminine: boolean) =>
    feminine ? ctx.t('Ninguna.', 'None.') : ctx.t('Ninguno.', 'None.');
  const openTotal = a.openByState.reduce((sum, s) => sum + s.count, 0);
  const section = (
    label: string,
    rows: readonly (readonly [string, string])[],
    total = rows.length,
    feminine = false,
  ): Block[] => [
    { kind: 'paragraph', text: `${label} (${total})` },
    rows.length
      ? { kind: 'facts', rows: rows.slice(0, MAX_ROWS) }
      : { kind: 'paragraph', text: noneOf(feminine) },
    ...(rows.length > MAX_ROWS
      ? [
          {
            kind: 'paragraph' as const,
            text: ctx.t(
              `… y ${rows.length - MAX_ROWS} más en la plataforma.`,
              `… and ${rows.length - MAX_ROWS} more on the platform.`,
            ),
          },
        ]
      : []),
  ];
  const num = (n: number) => ctx.dates.number(n);
  const hours = (n: number) => `${num(n)} h`;
  // «Generar agenda ahora» (no scheduled session): not the biweekly one, and named by its time,
  // since two on-request agendas of one day would otherwise share a subject.
  const when = ctx.dates.shortInstant(c.periodEnd);
  return {
    subject: oneLine(
      c.scheduledFor
        ? ctx.t(
            `Agenda del punto de control quincenal: ${c.organizationName} (${day})`,
            `Biweekly checkpoint agenda: ${c.organizationName} (${day})`,
          )
        : ctx.t(
            `Agenda del punto de control a solicitud: ${c.organizationName} (${when})`,
            `On-request checkpoint agenda: ${c.organizationName} (${when})`,
          ),
      200,
    ),
    heading: c.scheduledFor
      ? ctx.t(
          `Agenda de la sesión de seguimiento quincenal de ${c.organizationName}.`,
          `Agenda of the biweekly checkpoint session of ${c.organizationName}.`,
        )
      : ctx.t(
          `Agenda a solicitud de la sesión de seguimiento de ${c.organizationName}, fuera del calendario quincenal.`,
          `On-request agenda of the checkpoint session of ${c.organizationName}, outside the biweekly schedule.`,
        ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [
            ctx.t('Sesión', 'Session'),
            c.scheduledFor
              ? ctx.dates.instant(c.scheduledFor)
              : ctx.t('A solicitud (fuera de calendario)', 'On request (off schedule)'),
          ],
          ...calendarTimeRows(ctx, c.scheduledFor),
          [
            ctx.t('Periodo revisado', 'Period reviewed'),
            `${ctx.dates.shortInstant(c.periodStart)} – ${ctx.dates.shortInstant(c.periodEnd)}`,
          ],
        ],
      },
      ...section(
        ctx.t('Tickets abiertos por estado', 'Open tickets by state'),
        a.openByState.map((s) => [stateWords(s.state, ctx), String(s.count)] as const),
        openTotal,
      ),
      ...section(
        ctx.t('Tickets abiertos', 'Open tickets'),
        // L3-10: in the client's queue order, each with its position («1. 1042»).
        a.openTickets.map(
          (t) =>
            [
              t.queuePosition ? `${t.queuePosition}. ${t.number}` : t.number,
              `${t.subject} — ${stateWords(t.state, ctx)}`,
            ] as const,
        ),
      ),
      ...section(
        ctx.t(
          'Relojes SLA en riesgo o vencidos en el periodo',
          'SLA clocks at risk or breached in the period',
        ),
        a.slaAlerts.map(
          (s) =>
            [
              s.ticketNumber,
              `${clockWords(s.clock, ctx)}: ${s.status === 'BREACHED' ? ctx.t('vencido', 'breached') : ctx.t('en riesgo', 'at risk')}`,
            ] as const,
        ),
      ),
      ...section(
        ctx.t('Estimaciones por autorizar', 'Estimates awaiting authorization'),
        a.estimatesAwaitingAuthorization.map(
          (x) =>
            [
              x.ticketNumber,
              x.additionalHours === undefined
                ? `v${x.version}: ${num(x.hours)} h — ${x.subject}`
                : `v${x.version}: ${ctx.t('orden de cambio', 'change order')} +${num(x.additionalHours)} h — ${x.subject}`,
            ] as const,
        ),
        a.estimatesAwaitingAuthorization.length,
        true,
      ),
      ...section(
        ctx.t('Cambios de fecha en el periodo', 'Date changes in the period'),
        a.dateChanges.map(
          (d) =>
            [
              d.ticketNumber,
              `${d.oldDate ? ctx.dates.shortWhen(d.oldDate) : '—'} → ${ctx.dates.shortWhen(d.newDate)}: ${d.reason}`,
            ] as const,
        ),
      ),
      {
        kind: 'facts',
        rows: [
          [
            ctx.t('Horas consumidas en el periodo', 'Hours consumed in the period'),
            hours(a.hours.consumedInPeriod),
          ],
          [ctx.t('Saldo de horas prepagadas', 'Prepaid hours balance'), hours(a.hours.balance)],
          [ctx.t('Horas disponibles', 'Hours available'), hours(a.hours.available)],
        ],
      },
    ],
    link: {
      label: ctx.t('Ver la agenda', 'Open the agenda'),
      href: ctx.ticketUrl,
      guidance: ctx.t(
        'Las decisiones de la sesión (notas y nuevas prioridades) se registran en la plataforma, en esta agenda.',
        'The session’s decisions (notes and new priorities) are recorded on the platform, on this agenda.',
      ),
    },
  };
}

/** Renders the agenda email for one recipient: their language and time zone, the agenda link. */
export function renderCheckpointAgendaEmail(
  event: CheckpointAgendaEvent,
  recipient: EmailRecipient,
  options: RenderOptions,
): RenderedEmail {
  // The agenda page plays the part of the ticket page.
  return checkpointEmail(event, recipient, options, agendaPath(event), checkpointAgendaTemplate);
}

/**
 * L3-15: «Punto de control movido: del … al …», for the people who receive the agenda. Each side
 * gets its own footer: the client may object on the platform; staff just read it.
 */
export function checkpointMovedTemplate(
  e: CheckpointMovedEvent,
  ctx: TemplateContext,
): EmailContent {
  // Weekday first: a checkpoint is known by its day («mar 17 feb, 10:00»); the body has the year.
  const when = dateTimeFormat(ctx.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: ctx.dates.timeZone,
  });
  const from = when.format(new Date(e.from));
  const to = when.format(new Date(e.to));
  const mover = ctx.names.get(e.movedById) ?? ctx.t('El proveedor', 'The provider');
  return {
    subject: oneLine(
      ctx.t(
        `Punto de control movido: del ${from} al ${to} (${e.organizationName})`,
        `Checkpoint moved: from ${from} to ${to} (${e.organizationName})`,
      ),
      200,
    ),
    heading: ctx.t(
      `${mover} movió la sesión de seguimiento quincenal de ${e.organizationName}.`,
      `${mover} moved the biweekly checkpoint session of ${e.organizationName}.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Antes', 'Before'), ctx.dates.instant(e.from)],
          ...calendarTimeRows(ctx, e.from),
          [ctx.t('Ahora', 'Now'), ctx.dates.instant(e.to)],
          ...calendarTimeRows(ctx, e.to),
        ],
      },
      {
        kind: 'paragraph',
        text: ctx.t(
          'Las siguientes sesiones serán cada 14 días a partir de la nueva fecha, a la misma hora. La agenda le llegará como siempre.',
          'The following sessions are every 14 days from the new date, at the same time. The agenda reaches you as usual.',
        ),
      },
    ],
    link: {
      label: ctx.t('Ver los puntos de control', 'Open the checkpoints'),
      href: ctx.ticketUrl,
      guidance: ctx.staff
        ? undefined
        : ctx.t(
            'Si la nueva fecha no le conviene, indíquelo en la plataforma de soporte.',
            'If the new date does not suit you, say so on the support platform.',
          ),
    },
  };
}

/** Renders the «checkpoint moved» email for one recipient (their language, zone and side). */
export function renderCheckpointMovedEmail(
  event: CheckpointMovedEvent,
  recipient: EmailRecipient,
  options: RenderOptions,
): RenderedEmail {
  return checkpointEmail(event, recipient, options, '/checkpoints', checkpointMovedTemplate);
}

/** Who records a checkpoint's decisions, in the recipient's words (never the role code). */
const RECORDER_ROLES: Readonly<Record<string, readonly [string, string]>> = {
  AGENT: ['agente de soporte', 'support agent'],
  MANAGER: ['gerente de soporte', 'support manager'],
  ADMIN: ['administrador de soporte', 'support administrator'],
  CLIENT_APPROVER: ['aprobador del cliente', 'client approver'],
};

/**
 * L3-15: «Decisiones del punto de control del …»: what the meeting decided (the notes as written)
 * and the new priorities with each ticket's position in the client's queue (L3-10), who recorded
 * them, and the agenda's link. Each side gets its own footer.
 */
export function checkpointDecisionsTemplate(
  e: CheckpointDecisionsEvent,
  ctx: TemplateContext,
): EmailContent {
  const c = e.checkpoint;
  const day = dateTimeFormat(ctx.locale, {
    dateStyle: 'medium',
    timeZone: ctx.dates.timeZone,
  }).format(new Date(c.scheduledFor ?? c.periodEnd));
  const recorder = ctx.names.get(e.recordedById) ?? ctx.t('Alguien', 'Someone');
  const role = RECORDER_ROLES[e.recordedByRole];
  const ranked = e.priorities.slice(0, MAX_ROWS).map((p) => {
    const was =
      p.previousPosition === null
        ? ''
        : p.previousPosition === p.position
          ? ctx.t(' (sin cambio de posición)', ' (same position)')
          : ctx.t(` (antes: ${p.previousPosition})`, ` (was ${p.previousPosition})`);
    return [
      p.position === null ? p.number : `${p.position}. ${p.number}`,
      `${p.subject}${was}`,
    ] as const;
  });
  return {
    subject: oneLine(
      ctx.t(
        `Decisiones del punto de control del ${day} (${c.organizationName})`,
        `Checkpoint decisions of ${day} (${c.organizationName})`,
      ),
      200,
    ),
    heading: ctx.t(
      `${recorder} registró las decisiones de la sesión de seguimiento de ${c.organizationName}.`,
      `${recorder} recorded the decisions of the checkpoint session of ${c.organizationName}.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [
            ctx.t('Sesión', 'Session'),
            c.scheduledFor
              ? ctx.dates.instant(c.scheduledFor)
              : ctx.t(
                  `A solicitud, agenda del ${ctx.dates.shortInstant(c.periodEnd)}`,
                  `On request, agenda of ${ctx.dates.shortInstant(c.periodEnd)}`,
                ),
          ],
          ...calendarTimeRows(ctx, c.scheduledFor),
          [
            ctx.t('Registradas por', 'Recorded by'),
            role ? `${recorder} (${ctx.t(role[0], role[1])})` : recorder,
          ],
          [ctx.t('Registradas el', 'Recorded on'), ctx.dates.instant(e.occurredAt)],
        ],
      },
      { kind: 'quote', label: ctx.t('Decisiones', 'Decisions'), text: e.notes },
      ...(ranked.length
        ? [
            {
              kind: 'paragraph' as const,
              text: ctx.t(
                `Nuevo orden de la cola del cliente (${e.priorities.length})`,
                `New order of the client’s queue (${e.priorities.length})`,
              ),
            },
            { kind: 'facts' as const, rows: ranked },
            ...(e.priorities.length > MAX_ROWS
              ? [
                  {
                    kind: 'paragraph' as const,
                    text: ctx.t(
                      `… y ${e.priorities.length - MAX_ROWS} más en la plataforma.`,
                      `… and ${e.priorities.length - MAX_ROWS} more on the platform.`,
                    ),
                  },
                ]
              : []),
            {
              kind: 'paragraph' as const,
              text: ctx.t(
                'Si este nuevo orden mueve fechas de entrega ya publicadas, cada cambio se publica en su ticket.',
                'If this new order moves delivery dates already published, each change is published on its ticket.',
              ),
            },
          ]
        : [
            {
              kind: 'paragraph' as const,
              text: ctx.t(
                'No se cambió el orden de la cola del cliente.',
                'The client’s queue order did not change.',
              ),
            },
          ]),
    ],
    link: {
      label: ctx.t('Ver la agenda', 'Open the agenda'),
      href: ctx.ticketUrl,
      guidance: ctx.staff
        ? undefined
        : ctx.t(
            'Si algo no refleja lo acordado, indíquelo en la plataforma de soporte.',
            'If anything does not reflect what was agreed, say so on the support platform.',
          ),
    },
  };
}

/** Renders the decisions email for one recipient (their language, zone and side), with the agenda link. */
export function renderCheckpointDecisionsEmail(
  event: CheckpointDecisionsEvent,
  recipient: EmailRecipient,
  options: RenderOptions,
): RenderedEmail {
  return checkpointEmail(event, recipient, options, agendaPath(event), checkpointDecisionsTemplate);
}

/** The agenda's page, where the agenda and decisions emails link. */
function agendaPath(event: CheckpointAgendaEvent | CheckpointDecisionsEvent): string {
  return `/checkpoints/${encodeURIComponent(event.checkpoint.id)}`;
}

/** A checkpoint email for one recipient: `content` in the layout, in their language and zone. */
function checkpointEmail<E extends { readonly type: string }>(
  event: E,
  recipient: EmailRecipient,
  options: RenderOptions,
  path: string,
  content: (event: E, ctx: TemplateContext) => EmailContent,
): RenderedEmail {
  const ctx = recipientContext(recipient, options, path);
  const template = `${event.type}.v${TEMPLATE_VERSION}`;
  return { ...renderNamedEmail(template, content(event, ctx), ctx), attachments: [] };
}

/** The agenda goes to the client's approvers and to provider managers: each reads its words. */
function stateWords(state: string, ctx: TemplateContext): string {
  const words = (ctx.staff ? undefined : CLIENT_STATES[state]) ?? STATES[state];
  return words ? ctx.t(words[0], words[1]) : state;
}

function clockWords(clock: string, ctx: TemplateContext): string {
  const client = ctx.staff ? undefined : CLIENT_CLOCKS[clock];
  if (client) return ctx.t(client[0], client[1]);
  return CLOCKS.has(clock) ? clockLabel(clock as Parameters<typeof clockLabel>[0], ctx) : clock;
}
