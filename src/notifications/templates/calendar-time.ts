import { isDateOnly, RecipientDates } from './format';
import type { TemplateContext } from './email-content';

/**
 * QA S60b #3 (BUSINESS-TIME.md): an instant an email gives (a deadline, a committed date, a
 * session) as it reads in the ticket's calendar's zone, when the reader's zone reads it otherwise:
 * a Mexico City agent's 6 p.m. is the Tokyo client's 9 a.m. of the next day. For staff it is the
 * client's time («Hora del cliente»); for a client user whose own zone (Mi cuenta) is not the
 * calendar's, their calendar's («Hora de su empresa»), as the ticket's page gives it. `zone`
 * defaults to the ticket's calendar zone of the email (`ctx.calendarTimeZone`); `minutes` reads a
 * time range (a remote session) rather than an instant. Null when there is nothing to add: no
 * zone, a calendar date (`YYYY-MM-DD`, the same day everywhere), no instant, or the same wall time.
 */
export function inCalendarZone(
  ctx: TemplateContext,
  value: string,
  options: { readonly zone?: string; readonly minutes?: number } = {},
): { readonly label: string; readonly text: string } | null {
  const zone = options.zone ?? ctx.calendarTimeZone;
  if (!zone || zone === ctx.dates.timeZone || isDateOnly(value)) return null;
  const there = new RecipientDates(ctx.locale, zone);
  const here = ctx.dates.dateTime(value);
  if (here === null || there.dateTime(value) === here) return null;
  const text =
    options.minutes === undefined ? there.instant(value) : there.range(value, options.minutes);
  return {
    label: ctx.staff
      ? ctx.t('Hora del cliente', 'Client’s time')
      : ctx.t('Hora de su empresa', 'Your company’s time'),
    text,
  };
}

/**
 * {@link inCalendarZone} as a facts row, to put right after the row of the same instant: none, or
 * `Hora del cliente: martes, 8 de diciembre de 2026, 9:00 a.m. (hora estándar de Japón)`.
 */
export function calendarTimeRows(
  ctx: TemplateContext,
  value: string | null | undefined,
  options: { readonly zone?: string; readonly minutes?: number } = {},
): [string, string][] {
  const there = value ? inCalendarZone(ctx, value, options) : null;
  return there ? [[there.label, there.text]] : [];
}

/**
 * {@link inCalendarZone} as a clause, to put right after the instant in a sentence: empty, or
 * `, que para el cliente es el martes, 8 de diciembre de 2026, 9:00 a.m. (hora estándar de
 * Japón)` / `, which is Tuesday, December 8, 2026, 9:00 AM (Japan Standard Time) for the client`
 * (`para su empresa` / `for your company` for a client).
 */
export function calendarTimeClause(
  ctx: TemplateContext,
  value: string | null | undefined,
  options: { readonly zone?: string; readonly minutes?: number } = {},
): string {
  const there = value ? inCalendarZone(ctx, value, options) : null;
  if (!there) return '';
  return ctx.staff
    ? ctx.t(`, que para el cliente es el ${there.text}`, `, which is ${there.text} for the client`)
    : ctx.t(
        `, que para su empresa es el ${there.text}`,
        `, which is ${there.text} for your company`,
      );
}

/**
 * An instant as a sentence gives it: in the reader's zone, then {@link calendarTimeClause} when the
 * ticket's calendar reads it otherwise (`…, que para el cliente es el …`). One way to say a
 * deadline or a date in running text, in every template.
 */
export function instantInSentence(ctx: TemplateContext, value: string): string {
  return `${ctx.dates.instant(value)}${calendarTimeClause(ctx, value)}`;
}

/**
 * {@link instantInSentence} for a time range (a remote session of `minutes`): in the reader's
 * zone, then the calendar's when it reads otherwise.
 */
export function rangeInSentence(ctx: TemplateContext, at: string, minutes: number): string {
  return `${ctx.dates.range(at, minutes)}${calendarTimeClause(ctx, at, { minutes })}`;
}
