import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-11: a sentence whose last words are a date and time ends with one period. es-MX writes
// «6:00 p.m.», so «… el ${when}.» read «… el 4 dic 2026, 6:00 p.m..» (QA S16: the resolved
// ticket's «Se necesita su respuesta» banner, L3-07). The texts the app feeds such a date, as
// web/src/i18n/format.ts formats it, end their sentence once, in Spanish and English.

const EVENING = new Date('2026-12-05T00:00:00Z'); // 18:00 in Mexico City
const dateText = (language: string) =>
  new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Mexico_City',
  }).format(EVENING);

describe('a sentence ending in a date and time ends with one period (L3-11; QA S16)', () => {
  const es = dateText('es-MX');
  const english = dateText('en');

  it('the Spanish time ends with «p.m.», so a careless «.» doubles it', () => {
    expect(es).toMatch(/p\.\s?m\.$/);
  });

  it('L3-07: the resolved ticket closes by itself «… el 4 dic 2026, 6:00 p.m.»', () => {
    expect(esMX.clientAnswer.banner.autoClose(es)).toBe(
      `Si no responde, se cerrará automáticamente el ${es}`,
    );
    expect(en.clientAnswer.banner.autoClose(english)).toBe(
      `If you do not answer, it closes automatically on ${english}.`,
    );
  });

  it('the remote session proposed and confirmed, the planned release date', () => {
    const sentences = [
      esMX.clientAnswer.banner.remoteSession(es),
      esMX.remoteSession.accepted(es),
      esMX.tickets.releasePlan(es, 6),
    ];
    for (const s of sentences) {
      expect(s).toMatch(/p\.\s?m\.$/);
      expect(s).not.toMatch(/m\.\.$/);
    }
    for (const s of [
      en.clientAnswer.banner.remoteSession(english),
      en.remoteSession.accepted(english),
      en.tickets.releasePlan(english, 6),
    ])
      expect(s).toMatch(/PM\.$/);
  });

  it('QA S63 #8: the withdrawn session, the next business hour, the scheduling clock again, a voided time entry', () => {
    const sentences = [
      esMX.remoteSession.withdrawn(es),
      esMX.serverErrors.outsideBusinessTime('Inicio', 'sábado', es),
      esMX.serverErrors.onHoliday('Inicio', '25 dic', 'Navidad', es),
      esMX.ticketPage.schedulingAgain(es),
      esMX.timeEntries.cancel.done(2, es),
    ];
    for (const s of sentences) {
      expect(s).toMatch(/p\.\s?m\.$/);
      expect(s).not.toMatch(/m\.\.$/);
    }
  });
});
