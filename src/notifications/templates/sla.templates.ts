import { Locale } from '../../identity/locale.enum';
import {
  type BusinessDaysLeft,
  businessDaysLeftEn,
  businessDaysLeftEs,
  clockTimeEn,
  clockTimeEsMX,
  isOneUnit,
} from '../../shared/business-time-text';
import type { SlaAtRiskEvent, SlaBreachedEvent } from '../notification-event';
import { type TemplateContext, ticketSubjectLine } from './email-content';
import { calendarTimeRows } from './calendar-time';
import { businessDuration } from './format';
import type { TemplateFamily } from './template-types';

// SLA warnings for the provider only (never clients): the assigned agent, who must act (every
// agent while none is assigned), and the managers. Written for staff: which clock, whose ticket,
// who has it, when it falls due; a staff footer (no "reply on the ticket" guidance for clients).
// The subject names the ticket, the clock and the ticket's subject, so a manager triages the
// mailbox without opening each warning (QA S20).

export const slaTemplates: TemplateFamily<'SLA_AT_RISK' | 'SLA_BREACHED'> = {
  SLA_AT_RISK: (e, ctx) => {
    const clock = clockName(e.clock, ctx);
    return {
      subject: ticketSubjectLine(e.ticket, `${ctx.t('SLA en riesgo', 'SLA at risk')}: ${clock}`),
      heading: ctx.t(
        `El plazo «${clock}» del ticket ${e.ticket.number} está cerca de vencer.`,
        `The “${clock}” clock of ticket ${e.ticket.number} is close to its deadline.`,
      ),
      blocks: [
        ...(e.businessMinutesLeft === undefined
          ? []
          : [
              {
                kind: 'paragraph' as const,
                text: e.businessDaysLeft
                  ? daysLeftText(e.businessDaysLeft, ctx)
                  : timeLeftText(e.businessMinutesLeft, e.businessDayMinutes, ctx),
              },
            ]),
        { kind: 'facts', rows: facts(e, ctx, [ctx.t('Vence', 'Due'), e.deadline]) },
        {
          kind: 'paragraph',
          text: ctx.t(
            'Atiéndalo antes del vencimiento: registre lo que corresponde en el ticket.',
            'Act before the deadline: record what is due on the ticket.',
          ),
        },
      ],
    };
  },
  SLA_BREACHED: (e, ctx) => {
    const clock = clockName(e.clock, ctx);
    const late = breachText(e.businessMinutesLate, e.businessDayMinutes, ctx);
    return {
      subject: ticketSubjectLine(e.ticket, `${ctx.t('SLA incumplido', 'SLA breached')}: ${clock}`),
      heading: ctx.t(
        `El plazo «${clock}» del ticket ${e.ticket.number} venció.`,
        `The “${clock}” clock of ticket ${e.ticket.number} is breached.`,
      ),
      blocks: [
        ...(late === undefined ? [] : [{ kind: 'paragraph' as const, text: late }]),
        { kind: 'facts', rows: facts(e, ctx, [ctx.t('Venció', 'Was due'), e.deadline]) },
      ],
    };
  },
};

/**
 * A breach told at least this many business minutes after its deadline (the worker or the mail
 * was down) says how late it is; one told on time just says when it fell due.
 */
export const LATE_BREACH_NOTICE_MINUTES = 5;

/**
 * «Quedan 1 h 20 min hábiles.»: business time, never wall-clock subtraction; a clock counted in
 * days says days by its calendar's working day (`dayMinutes`; absent in payloads queued before it
 * was, which read in hours as they did), «Quedan 3 días hábiles.». The deadline itself is the
 * facts' «Vence» row, said once.
 */
export function timeLeftText(
  minutes: number,
  dayMinutes: number | undefined,
  ctx: TemplateContext,
): string {
  const left = businessDuration(minutes, ctx.locale, dayMinutes ?? null);
  // One unit alone takes the singular verb: «Queda 1 día hábil», «Quedan 1 día hábil y 4 h».
  const verb = isOneUnit(minutes, dayMinutes ?? null) ? 'Queda' : 'Quedan';
  return ctx.t(`${verb} ${left}.`, `${left} left.`);
}

/**
 * A clock counted in days (L3-08, L3-09), in business dates as the web app says it (QA S62 #13):
 * «Resta hoy y 1 día hábil.», «Vence mañana.», «Vence hoy.» (the facts' «Vence» row says when) /
 * «Left: rest of today and 1 business day.», «Due tomorrow.».
 */
export function daysLeftText(left: BusinessDaysLeft, ctx: TemplateContext): string {
  const en = businessDaysLeftEn(left);
  return ctx.t(
    `${businessDaysLeftEs(left)}.`,
    left.dueOn ? `${en}.` : `Left: ${en.charAt(0).toLowerCase()}${en.slice(1)}.`,
  );
}

/**
 * «Vencido hace 2 h 5 min hábiles.» when told late (as the web app says a breach, in days for a
 * clock counted in days); undefined when told on time: the heading says it fell due and the
 * facts' «Venció» row says when.
 */
export function breachText(
  minutesLate: number | undefined,
  dayMinutes: number | undefined,
  ctx: TemplateContext,
): string | undefined {
  if (minutesLate === undefined || Math.round(minutesLate) < LATE_BREACH_NOTICE_MINUTES) {
    return undefined;
  }
  const late = (ctx.locale === Locale.EN ? clockTimeEn : clockTimeEsMX).overdue(
    minutesLate,
    dayMinutes ?? null,
  );
  return `${late}.`;
}

/** Subject, client organization, who has the ticket and the deadline. */
function facts(
  e: SlaAtRiskEvent | SlaBreachedEvent,
  ctx: TemplateContext,
  [deadlineLabel, deadline]: [string, string],
): [string, string][] {
  const client = ctx.names.get(e.ticket.clientOrgId);
  const assignee = e.assigneeId ? ctx.names.get(e.assigneeId) : undefined;
  return [
    [ctx.t('Asunto', 'Subject'), e.ticket.subject],
    ...(client ? [[ctx.t('Cliente', 'Client'), client] as [string, string]] : []),
    [ctx.t('Asignado a', 'Assigned to'), assignee ?? ctx.t('Sin asignar', 'Unassigned')],
    [deadlineLabel, ctx.dates.instant(deadline)],
    // The client's time (QA S60: a Tokyo client's 9 a.m. is not the agent's 6 p.m.): the zone the
    // event carries, else the email's calendar zone (QA S60b #3).
    ...calendarTimeRows(ctx, deadline, { zone: e.calendarTimeZone }),
  ];
}

/** The clock's name as the web app shows it to staff (web/src/i18n `clockKinds`). */
export function clockName(clock: SlaAtRiskEvent['clock'], ctx: TemplateContext): string {
  return {
    triage: ctx.t('Atención inicial', 'Triage'),
    diagnosis: ctx.t('Diagnóstico', 'Diagnosis'),
    scheduling: ctx.t('Programación', 'Scheduling'),
    progress: ctx.t('Avance periódico', 'Progress cadence'),
  }[clock];
}

/** The clock with its clause, as the checkpoint agenda names it to provider managers. */
export function clockLabel(clock: SlaAtRiskEvent['clock'], ctx: TemplateContext): string {
  return {
    triage: ctx.t('atención inicial', 'triage'),
    diagnosis: ctx.t('diagnóstico', 'diagnosis'),
    scheduling: ctx.t('programación', 'scheduling'),
    progress: ctx.t('avance', 'progress'),
  }[clock];
}
