import {
  calendarChangeEsMX,
  type CalendarChangeWords,
  shortLocalDate,
} from '../../../src/shared/calendar-change-words';

// The change's words are the server's (src/shared/calendar-change-words.ts): the email that tells a
// client a calendar change moved their date names the change as the history does.
export { type CalendarChangeWords, shortLocalDate };

/**
 * Spanish (Mexico): a deadline a calendar change moved (BUSINESS-TIME.md, L3-06), naming the
 * change: «Plazo de Atención inicial recalculado: se agregó el día festivo «Día de la Revolución» (lun, 16 nov
 * 2026) al calendario «México CDMX». Vencimiento: 17 nov 2026, 10:00 → 18 nov 2026, 10:00.»
 */
export const deadlineRecomputedEsMX = {
  /** «Plazo de Diagnóstico recalculado»; `clock` null when the event names no known clock. */
  title: (clock: string | null) => (clock ? `Plazo de ${clock} recalculado` : 'Plazo recalculado'),
  /** Several changes were recomputed at once: «por cambios en el calendario «México CDMX»». */
  several: (calendar: string) => `por cambios en el calendario «${calendar}»`,
  /** The changes not named: «y 2 cambios más». */
  more: (n: number) => `y ${n} ${n === 1 ? 'cambio más' : 'cambios más'}`,
  /** The deadline before and after; `from` null when the event did not record it. */
  due: (from: string | null, to: string) =>
    from === null
      ? `Vence: ${to}`
      : from === to
        ? `El vencimiento no cambia: ${to}`
        : `Vencimiento: ${from} → ${to}`,
  /** One change; `calendar` names the calendar when the line names it nowhere else. */
  change: calendarChangeEsMX,
  /**
   * SCHEDULE_RECOMPUTED, by the field of what moved (QA S53: «Recordatorio o cierre automático
   * recalculado» said neither which nor when).
   */
  scheduleTitles: {
    autoCloseAt: 'Cierre automático recalculado',
    approvalReminderAt: 'Recordatorio de autorización recalculado',
    changeOrderReminderAt: 'Recordatorio de la orden de cambio recalculado',
    testingReminderAt: 'Recordatorio de pruebas recalculado',
  } as Record<string, string>,
  /** Its instant before and after. */
  scheduleDue: (field: string, from: string, to: string) =>
    field === 'autoCloseAt'
      ? `Se cerrará: ${from} → ${to}`
      : `Próximo recordatorio: ${from} → ${to}`,
};

export type DeadlineRecomputedMessages = typeof deadlineRecomputedEsMX;
