/**
 * The attributes that tie a field to the message refusing it (QA S18), as the ticket action forms
 * do since 4001658: `aria-invalid` and `aria-describedby` naming the message first, then the
 * field's own hint, so a screen reader landing on the field says why. `messageId` undefined: the
 * field is not refused (its hint alone describes it).
 */
export function refusedBy(
  messageId: string | undefined,
  hintId?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  if (!messageId) return hintId ? { 'aria-describedby': hintId } : {};
  return {
    'aria-invalid': true,
    'aria-describedby': describedBy(messageId, hintId),
  };
}

/** An `aria-describedby` of the ids given (undefined ones left out); undefined when none is. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
