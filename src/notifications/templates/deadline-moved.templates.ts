import { calendarDisplayName } from '../../shared/calendar-names';
import { calendarChangeEn, calendarChangeEsMX } from '../../shared/calendar-change-words';
import { Locale } from '../../identity/locale.enum';
import type { MovedByChange, MovedDate } from '../notification-event';
import { calendarTimeRows } from './calendar-time';
import { type Block, ticketSubjectLine, type TemplateContext } from './email-content';
import type { TemplateFamily } from './template-types';

// BUSINESS-TIME.md, L3-19, L3-11: a calendar change (a holiday added, a date's hours set, the
// week changed) moved a date the client was told: the registrant hears the date before and after
// and the change that moved it, in the words of the ticket's history («se agregó el día festivo
// «…» (lun, 7 dic 2026) al calendario «…»»).

/** Each moved date as the subject names it (new) and as the heading does (what moved). */
const DATES: Readonly<
  Record<MovedDate, { readonly subject: [string, string]; readonly what: [string, string] }>
> = {
  TRIAGE: {
    subject: ['Nuevo plazo de atención inicial', 'New initial response deadline'],
    what: ['el plazo de atención inicial', 'the initial response deadline'],
  },
  PROGRESS: {
    subject: ['Nueva fecha del próximo avance', 'New date for the next progress update'],
    what: ['la fecha del próximo avance', 'the date of the next progress update'],
  },
  DIAGNOSIS: {
    subject: ['Nuevo plazo de diagnóstico', 'New diagnosis deadline'],
    what: ['el plazo de diagnóstico y estimación', 'the diagnosis and estimate deadline'],
  },
  SCHEDULING: {
    subject: ['Nuevo plazo para la fecha de entrega', 'New deadline for the release date'],
    what: [
      'el plazo para avisarle la fecha de entrega para pruebas',
      'the deadline to tell you the release date for testing',
    ],
  },
  AUTO_CLOSE: {
    subject: ['Nueva fecha de cierre automático', 'New automatic closure date'],
    what: ['la fecha de cierre automático', 'the automatic closure date'],
  },
};

export const deadlineMovedTemplates: TemplateFamily<'DEADLINE_MOVED'> = {
  DEADLINE_MOVED: (e, ctx) => {
    const date = DATES[e.moved];
    const what = ctx.t(...date.what);
    return {
      subject: ticketSubjectLine(
        e.ticket,
        `${ctx.t(...date.subject)}: ${ctx.dates.shortWhen(e.newDate)}`,
      ),
      heading: ctx.t(
        `Un cambio en el calendario de días hábiles movió ${what} del ticket ${e.ticket.number}.`,
        `A change to the business calendar moved ${what} of ticket ${e.ticket.number}.`,
      ),
      blocks: [
        {
          kind: 'facts',
          rows: [
            [ctx.t('Asunto', 'Subject'), e.ticket.subject],
            [ctx.t('Antes', 'Before'), ctx.dates.when(e.oldDate)],
            [ctx.t('Ahora', 'Now'), ctx.dates.when(e.newDate)],
            ...calendarTimeRows(ctx, e.newDate),
          ],
        },
        ...changeBlocks(e.calendarName, e.changes ?? [], ctx),
        {
          kind: 'paragraph',
          text:
            e.moved === 'AUTO_CLOSE'
              ? ctx.t(
                  'Si no confirma la solución ni reabre el ticket, se cerrará automáticamente en la nueva fecha.',
                  'If you neither confirm the resolution nor reopen the ticket, it closes automatically on the new date.',
                )
              : ctx.t(
                  'Los plazos del ticket cuentan solo el tiempo hábil de su calendario. En el ticket, «¿Por qué esta fecha?» muestra el cálculo completo.',
                  'The ticket’s deadlines count only the business time of its calendar. On the ticket, “Why this date?” shows the whole calculation.',
                ),
        },
      ],
    };
  },
};

/**
 * The changes that moved the date, one per line, as the ticket's history words them; the calendar
 * named once, in the label. None known (an event recorded without versions): the heading says it.
 */
function changeBlocks(
  calendarName: string | undefined,
  changes: readonly MovedByChange[],
  ctx: TemplateContext,
): Block[] {
  if (!changes.length) return [];
  const english = ctx.locale === Locale.EN;
  const line = (c: MovedByChange) => {
    const words = english ? calendarChangeEn(c, null) : calendarChangeEsMX(c, null);
    return words.charAt(0).toLocaleUpperCase() + words.slice(1);
  };
  const calendar = calendarName
    ? english
      ? ` (calendar “${calendarDisplayName(calendarName, 'en')}”)`
      : ` (calendario «${calendarName}»)`
    : '';
  return [
    {
      kind: 'quote',
      label: `${ctx.t(changes.length === 1 ? 'El cambio' : 'Los cambios', changes.length === 1 ? 'The change' : 'The changes')}${calendar}`,
      text: changes.map(line).join('\n'),
    },
  ];
}
