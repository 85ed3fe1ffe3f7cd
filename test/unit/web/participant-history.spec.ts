import type { TicketParticipantChange } from '../../../web/src/api/participants';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';
import { participantHistoryLines } from '../../../web/src/tickets/participant-history';

// L3-11: the participant history on a staff member's ticket page, worded in their language and
// time zone, newest first.

const juan = { id: 'u-juan', name: 'Juan Pérez' };
// As the API lists it: oldest first.
const history: TicketParticipantChange[] = [
  { change: 'ADDED', participant: juan, byName: 'Ana López', at: '2026-11-30T16:15:00.000Z' },
  { change: 'REMOVED', participant: juan, byName: null, at: '2026-12-01T15:05:00.000Z' },
];

// As the page's useLocalTime formats (formatInstant), which the API's type check cannot import.
const inZone = (language: string, timeZone: string) => (iso: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );

describe('participantHistoryLines', () => {
  it('words each change in Spanish, newest first, in the viewer’s zone', () => {
    const format = inZone('es-MX', 'America/Mexico_City');
    expect(participantHistoryLines(history, esMX.participants, format)).toEqual([
      `Un usuario eliminado quitó a Juan Pérez · ${format(history[1].at)}`,
      `Ana López agregó a Juan Pérez · ${format(history[0].at)}`,
    ]);
    // 16:15 UTC is 10:15 in Mexico City.
    expect(format(history[0].at)).toMatch(/^30 nov 2026, 10:15\b/);
  });

  it('words it in English, in another zone', () => {
    const format = inZone('en', 'Asia/Tokyo');
    expect(participantHistoryLines(history, en.participants, format)).toEqual([
      `A deleted user removed Juan Pérez · ${format(history[1].at)}`,
      `Ana López added Juan Pérez · ${format(history[0].at)}`,
    ]);
    expect(format(history[0].at)).toMatch(/^Dec 1, 2026, 1:15\b/);
  });

  it('gives nothing for no history', () => {
    expect(participantHistoryLines([], esMX.participants, String)).toEqual([]);
  });
});
