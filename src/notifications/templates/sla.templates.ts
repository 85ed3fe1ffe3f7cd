import type { SlaAtRiskEvent } from '../notification-event';
import { subjectLine, type TemplateContext } from './email-content';
import type { TemplateFamily } from './template-types';

// SLA warnings for provider managers only (never clients).

export const slaTemplates: TemplateFamily<'SLA_AT_RISK' | 'SLA_BREACHED'> = {
  SLA_AT_RISK: (e, ctx) => ({
    subject: subjectLine(
      e.ticket.number,
      `${ctx.t('SLA en riesgo', 'SLA at risk')}: ${clockLabel(e.clock, ctx)}`,
    ),
    heading: ctx.t(
      `El reloj de ${clockLabel(e.clock, ctx)} del ticket ${e.ticket.number} está cerca de su límite.`,
      `The ${clockLabel(e.clock, ctx)} clock of ticket ${e.ticket.number} is close to its deadline.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Vence', 'Deadline'), ctx.dates.instant(e.deadline)],
        ],
      },
    ],
  }),
  SLA_BREACHED: (e, ctx) => ({
    subject: subjectLine(
      e.ticket.number,
      `${ctx.t('SLA incumplido', 'SLA breached')}: ${clockLabel(e.clock, ctx)}`,
    ),
    heading: ctx.t(
      `El reloj de ${clockLabel(e.clock, ctx)} del ticket ${e.ticket.number} venció.`,
      `The ${clockLabel(e.clock, ctx)} clock of ticket ${e.ticket.number} is breached.`,
    ),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [ctx.t('Asunto', 'Subject'), e.ticket.subject],
          [ctx.t('Venció', 'Deadline was'), ctx.dates.instant(e.deadline)],
        ],
      },
    ],
  }),
};

export function clockLabel(clock: SlaAtRiskEvent['clock'], ctx: TemplateContext): string {
  return {
    triage: ctx.t('atención inicial (L3-06)', 'triage (L3-06)'),
    diagnosis: ctx.t('diagnóstico (L3-08)', 'diagnosis (L3-08)'),
    scheduling: ctx.t('programación (L3-09)', 'scheduling (L3-09)'),
    progress: ctx.t('avance (L3-07)', 'progress (L3-07)'),
  }[clock];
}
