import { calendarTimeRows } from './calendar-time';
import { type TemplateContext, ticketSubjectLine } from './email-content';
import type { TemplateFamily } from './template-types';

// L3-19/L3-10, provider side: a re-plan left a published release date the capacity plan can no
// longer meet. Written for provider staff (assigned agent, managers): both dates, the slip in
// business days, what re-planned, and what to decide. The client is not told by this email. And
// a published date whose day a calendar change closed.

/** `+3 días hábiles` / `+1 business day`. */
export function slipText(ctx: Pick<TemplateContext, 't'>, days: number): string {
  return days === 1
    ? ctx.t('+1 día hábil', '+1 business day')
    : ctx.t(`+${days} días hábiles`, `+${days} business days`);
}

export const deliveryRiskTemplates: TemplateFamily<
  'PROVIDER_DELIVERY_AT_RISK' | 'PROVIDER_RELEASE_ON_CLOSED_DAY'
> = {
  PROVIDER_DELIVERY_AT_RISK: (e, ctx) => {
    const slip = slipText(ctx, e.slipBusinessDays);
    const client = ctx.names.get(e.ticket.clientOrgId);
    const hours = ctx.dates.number(e.hoursPerBusinessDay);
    const cause =
      e.cause === 'CAPACITY_CHANGED'
        ? ctx.t(
            `Cambió la capacidad del cliente: ahora ${hours} h por día hábil.`,
            `The client's capacity changed: now ${hours} h per business day.`,
          )
        : ctx.t('El cliente reordenó su cola.', 'The client reordered its queue.');
    const rows: [string, string][] = [[ctx.t('Asunto', 'Subject'), e.ticket.subject]];
    if (client) rows.push([ctx.t('Cliente', 'Client'), client]);
    rows.push(
      [ctx.t('Entrega publicada', 'Published delivery'), ctx.dates.instant(e.releaseDate)],
      ...calendarTimeRows(ctx, e.releaseDate),
      [ctx.t('Entrega planeada', 'Planned delivery'), ctx.dates.instant(e.plannedDate)],
      ...calendarTimeRows(ctx, e.plannedDate),
      [ctx.t('Retraso', 'Slip'), slip],
      [ctx.t('Lugar en la cola', 'Place in the queue'), String(e.position)],
      [ctx.t('Causa', 'Cause'), cause],
    );
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t('Entrega en riesgo', 'Delivery at risk')} (${slip})`,
      ),
      heading: ctx.t(
        `La fecha de entrega publicada del ticket ${e.ticket.number} ya no se cumple con el plan (${slip}).`,
        `The published delivery date of ticket ${e.ticket.number} no longer fits the plan (${slip}).`,
      ),
      blocks: [
        { kind: 'facts', rows },
        {
          kind: 'paragraph',
          text: ctx.t(
            'El cliente no recibió ningún aviso. Decida si ajusta la fecha publicada (Ajustar fecha, en el ticket: el cliente recibe la nueva fecha por correo) o si recupera capacidad para cumplirla.',
            'The client has not been told. Decide whether to adjust the published date (Adjust date, on the ticket: the client is emailed the new date) or to recover capacity to meet it.',
          ),
        },
      ],
    };
  },
  // L3-19 (QA S59): a calendar change closed the published date's day. It does not move by
  // itself: the agent adjusts it, which emails the client the new date.
  PROVIDER_RELEASE_ON_CLOSED_DAY: (e, ctx) => {
    const client = ctx.names.get(e.ticket.clientOrgId);
    const rows: [string, string][] = [[ctx.t('Asunto', 'Subject'), e.ticket.subject]];
    if (client) rows.push([ctx.t('Cliente', 'Client'), client]);
    rows.push(
      [ctx.t('Entrega publicada', 'Published delivery'), ctx.dates.instant(e.releaseDate)],
      ...calendarTimeRows(ctx, e.releaseDate),
      [ctx.t('Calendario', 'Calendar'), e.calendarName],
    );
    if (e.closedBy) rows.push([ctx.t('Día cerrado por', 'Day closed by'), e.closedBy]);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        ctx.t('Entrega en día inhábil', 'Delivery on a closed day'),
      ),
      heading: ctx.t(
        `La fecha de entrega publicada del ticket ${e.ticket.number} cae ahora en un día inhábil.`,
        `The published delivery date of ticket ${e.ticket.number} now falls on a closed day.`,
      ),
      blocks: [
        { kind: 'facts', rows },
        {
          kind: 'paragraph',
          text: ctx.t(
            'La fecha no se mueve sola: el cliente la conoce. Ajústela en el ticket (Ajustar fecha): el cliente recibe la nueva fecha por correo.',
            'The date does not move by itself: the client was told it. Adjust it on the ticket (Adjust date): the client is emailed the new date.',
          ),
        },
      ],
    };
  },
};
