import { Locale } from '../../../src/identity/locale.enum';
import type { RemoteSessionProposedEvent } from '../../../src/notifications/notification-event';
import { renderEmail } from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, SAMPLE_TICKET, sampleRecipient } from '../fixtures/sample-email';

// L3-06: the remote-session proposal email says the time range in the recipient's zone and the
// meeting link, and carries an .ics (METHOD:REQUEST) whose UID is one per ticket's session and
// whose SEQUENCE grows when the session is re-proposed.

const TICKET = { ...SAMPLE_TICKET, number: 'L3-2026-000321', subject: 'Error al timbrar facturas' };
const OPTIONS = RENDER_OPTIONS;
const ES = sampleRecipient(Locale.ES_MX, { email: 'ana@aurora.example', displayName: 'Ana' });
const EN = { ...ES, locale: Locale.EN };
const LINK = 'https://meet.example.com/abc-defg-hij';
/** Intl puts narrow and thin no-break spaces in times and ranges; compare plain spaces. */
const plain = (s: string): string => s.replace(/[\u202f\u2009\u00a0]/g, ' ');

const proposal = (
  occurredAt: string,
  fields: Partial<RemoteSessionProposedEvent> = {},
): RemoteSessionProposedEvent => ({
  eventKey: `${TICKET.number}#${occurredAt}`,
  occurredAt,
  ticket: TICKET,
  type: 'REMOTE_SESSION_PROPOSED',
  // Thursday 3 December 2026, 10:00 in Mexico City.
  at: '2026-12-03T16:00:00.000Z',
  durationMinutes: 60,
  link: LINK,
  ...fields,
});

function ics(event: RemoteSessionProposedEvent, r = ES): Record<string, string> {
  const [file] = renderEmail(event, r, OPTIONS)!.attachments;
  const text = Buffer.from(file.content, 'base64')
    .toString('utf8')
    .replace(/\r\n[ \t]/g, '');
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter(Boolean)
      .map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).split(';')[0], l.slice(i + 1)];
      }),
  );
}

describe('L3-06 remote session proposal email', () => {
  it('says the range in the recipient zone and the link, Spanish first', () => {
    const es = renderEmail(proposal('2026-11-30T15:00:00.000Z'), ES, OPTIONS)!;
    expect(plain(es.text)).toContain(
      'Sesión remota propuesta: jueves, 3 de diciembre de 2026, 10:00–11:00 a.m. (hora de la Ciudad de México)\n',
    );
    // The link once, as the action (QA S55: the text gave it twice).
    expect(plain(es.text)).toContain(`Unirse a la sesión: ${LINK}`);
    expect(es.text.split(LINK)).toHaveLength(2);
    expect(es.html).toContain('Unirse a la sesión');
    expect(es.html).toContain(`href="${LINK}"`);
    const en = renderEmail(proposal('2026-11-30T15:00:00.000Z'), EN, OPTIONS)!;
    expect(plain(en.text)).toContain(
      'Remote session proposed: Thursday, December 3, 2026, 10:00 – 11:00 AM (Mexico City time)\n',
    );
    expect(plain(en.text)).toContain(`Join the session: ${LINK}`);
    expect(en.text.split(LINK)).toHaveLength(2);
    expect(en.html).toContain('Join the session');
  });

  it('a proposal without a link says the range only', () => {
    const es = renderEmail(
      proposal('2026-11-30T15:00:00.000Z', { link: undefined, durationMinutes: 90 }),
      ES,
      OPTIONS,
    )!;
    expect(plain(es.text)).toContain(
      'Sesión remota propuesta: jueves, 3 de diciembre de 2026, 10:00–11:30 a.m. (hora de la Ciudad de México)',
    );
    expect(es.text).not.toContain('Unirse a la sesión');
    expect(es.html).not.toContain('Unirse a la sesión');
  });

  it('attaches a METHOD:REQUEST .ics: the duration, the link as LOCATION, one UID, SEQUENCE grows', () => {
    const first = ics(proposal('2026-11-30T15:00:00.000Z', { durationMinutes: 90 }));
    expect(first).toMatchObject({
      METHOD: 'REQUEST',
      DTSTART: '20261203T160000Z',
      DTEND: '20261203T173000Z',
      LOCATION: LINK,
    });
    expect(first.DESCRIPTION).toContain(LINK);
    const again = ics(
      proposal('2026-12-01T18:00:00.000Z', { at: '2026-12-04T17:00:00.000Z', link: undefined }),
    );
    expect(again.UID).toBe(first.UID);
    expect(Number(again.SEQUENCE)).toBeGreaterThan(Number(first.SEQUENCE));
    expect(again.DTSTART).toBe('20261204T170000Z');
    expect(again.LOCATION).toBeUndefined();
  });
});
