import type { TicketParticipantChange } from '../api/participants';
import type { ParticipantsMessages } from '../i18n/participants.es-mx';

/**
 * L3-11: a ticket's participant history as the page words it, newest first (the API lists it
 * oldest first): «Ana López agregó a Juan Pérez · 30 nov 2026, 10:15», `format` giving the time
 * in the viewer's zone and language.
 */
export function participantHistoryLines(
  history: readonly TicketParticipantChange[],
  words: Pick<ParticipantsMessages, 'changes' | 'deletedUser'>,
  format: (iso: string) => string,
): string[] {
  return [...history]
    .reverse()
    .map(
      (c) =>
        `${words.changes[c.change](c.byName ?? words.deletedUser, c.participant.name)} · ${format(c.at)}`,
    );
}
