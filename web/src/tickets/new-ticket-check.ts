/** The fields «Nuevo ticket» requires, in the form's order (L3-06). */
export const NEW_TICKET_REQUIRED = ['category', 'subject', 'description'] as const;
export type NewTicketRequired = (typeof NEW_TICKET_REQUIRED)[number];

/**
 * Every required field of «Nuevo ticket» left empty, in the form's order, so the form says them
 * all at once (QA: it said one per submit). Spaces only count as empty, as the server would keep
 * nothing of them.
 */
export function missingNewTicketFields(
  values: Readonly<Record<NewTicketRequired, string>>,
): NewTicketRequired[] {
  return NEW_TICKET_REQUIRED.filter((field) => values[field].trim() === '');
}
