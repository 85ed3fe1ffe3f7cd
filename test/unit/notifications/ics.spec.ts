import { Locale } from '../../../src/identity/locale.enum';
import { icsUid } from '../../../src/notifications/templates/ics';
import {
  renderEmail,
  type EmailRecipient,
} from '../../../src/notifications/templates/render-email';
import { RENDER_OPTIONS, sampleEventsOf, sampleRecipient } from '../fixtures/sample-email';

// L3-11 (with L3-06 remote sessions and L3-09 release dates): calendar invitations that parse.

const EVENTS = sampleEventsOf({ subject: 'Reporte, ventas; canal' });
const TICKET = EVENTS.TICKET_REGISTERED.ticket;
const OPTIONS = RENDER_OPTIONS;
const RECIPIENT = sampleRecipient(Locale.EN, {
  email: 'user@aurora.example',
  displayName: 'Una User',
  timeZone: 'Asia/Tokyo',
});

/** Minimal RFC 5545 reader: unfolds lines and splits name;params:value. */
function parseIcs(text: string): { name: string; params: string; value: string }[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (!m) throw new Error(`bad ics line: ${line}`);
      return { name: m[1], params: m[2], value: m[3] };
    });
}

function icsOf(event: Parameters<typeof renderEmail>[0], recipient = RECIPIENT): string {
  const [attachment] = renderEmail(event, recipient, OPTIONS)!.attachments;
  return Buffer.from(attachment.content, 'base64').toString('utf8');
}

const prop = (lines: ReturnType<typeof parseIcs>, name: string) =>
  lines.find((l) => l.name === name);

describe('L3-11 .ics invitations', () => {
  it('a remote session is a timed VEVENT request in UTC', () => {
    const raw = icsOf(EVENTS.REMOTE_SESSION_PROPOSED);
    const lines = parseIcs(raw);
    expect(lines.map((l) => `${l.name}:${l.value}`)).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'DTSTART:20260204T170000Z',
        'DTEND:20260204T174500Z',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(lines[0].name).toBe('BEGIN');
    expect(lines.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(prop(lines, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(prop(lines, 'SUMMARY')?.value).toBe(
      'Remote session — L3-2026-000123: Reporte\\, ventas\\; canal',
    );
    expect(prop(lines, 'ORGANIZER')).toMatchObject({
      params: ';CN="Soporte L3"',
      value: 'mailto:soporte@becken.example',
    });
    expect(prop(lines, 'ATTENDEE')?.value).toBe('mailto:user@aurora.example');
    expect(prop(lines, 'URL')?.value).toBe('https://soporte.example/tickets/L3-2026-000123');
    // Folded at 75 octets.
    for (const physical of raw.split('\r\n'))
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  });

  it('a release date without a time is an all-day event', () => {
    const lines = parseIcs(icsOf(EVENTS.RELEASE_DATE_SET));
    expect(prop(lines, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: ';VALUE=DATE',
      value: '20260210',
    });
    expect(prop(lines, 'DTEND')).toEqual({
      name: 'DTEND',
      params: ';VALUE=DATE',
      value: '20260211',
    });
  });

  it('a release instant is a timed event of one hour by default', () => {
    const lines = parseIcs(
      icsOf({ ...EVENTS.RELEASE_DATE_SET, releaseDate: '2026-02-10T15:00:00-06:00' }),
    );
    expect(prop(lines, 'DTSTART')?.value).toBe('20260210T210000Z');
    expect(prop(lines, 'DTEND')?.value).toBe('20260210T220000Z');
  });

  it('the UID is one per ticket and entry: every email about the release date moves the same entry, with a higher SEQUENCE', () => {
    const uid = (r: EmailRecipient) =>
      prop(parseIcs(icsOf(EVENTS.REMOTE_SESSION_PROPOSED, r)), 'UID')?.value;
    const first = uid(RECIPIENT);
    expect(first).toMatch(/^[0-9a-f]{32}@becken\.example$/);
    expect(uid(RECIPIENT)).toBe(first);
    expect(uid({ ...RECIPIENT, email: 'other@aurora.example', locale: Locale.ES_MX })).toBe(first);
    expect(first).toBe(icsUid(`${TICKET.number}#remote-session`, 'becken.example'));
    // Another ticket's session is another entry.
    const otherTicket = {
      ...EVENTS.REMOTE_SESSION_PROPOSED,
      ticket: { ...TICKET, number: 'L3-2026-000999' },
    };
    expect(prop(parseIcs(icsOf(otherTicket)), 'UID')?.value).not.toBe(first);

    // QA: a moved date added a second calendar entry; now it revises the first one.
    const set = parseIcs(icsOf(EVENTS.RELEASE_DATE_SET));
    const moved = parseIcs(
      icsOf({
        ...EVENTS.DATE_ADJUSTED,
        occurredAt: new Date(Date.parse(EVENTS.RELEASE_DATE_SET.occurredAt) + 60_000).toISOString(),
      }),
    );
    expect(prop(moved, 'UID')?.value).toBe(prop(set, 'UID')?.value);
    expect(Number(prop(moved, 'SEQUENCE')?.value)).toBeGreaterThan(
      Number(prop(set, 'SEQUENCE')?.value),
    );
    expect(prop(moved, 'DTSTART')?.value).toBe('20260212');
  });

  it('a cancelled ticket takes its published release date out of the calendar (METHOD:CANCEL, same UID)', () => {
    const set = parseIcs(icsOf(EVENTS.RELEASE_DATE_SET));
    const cancelled = {
      ...EVENTS.CANCELLED,
      releaseDate: '2026-02-10',
      occurredAt: new Date(Date.parse(EVENTS.RELEASE_DATE_SET.occurredAt) + 60_000).toISOString(),
    };
    const email = renderEmail(cancelled, RECIPIENT, OPTIONS)!;
    expect(email.attachments[0].contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const lines = parseIcs(icsOf(cancelled));
    expect(prop(lines, 'METHOD')?.value).toBe('CANCEL');
    expect(prop(lines, 'STATUS')?.value).toBe('CANCELLED');
    expect(prop(lines, 'UID')?.value).toBe(prop(set, 'UID')?.value);
    expect(Number(prop(lines, 'SEQUENCE')?.value)).toBeGreaterThan(
      Number(prop(set, 'SEQUENCE')?.value),
    );
    expect(email.text).toContain('the attached file removes it from your calendar');
    // A ticket cancelled before any date was published has nothing to take out.
    expect(renderEmail(EVENTS.CANCELLED, RECIPIENT, OPTIONS)!.attachments).toEqual([]);
  });

  it('the same event renders byte-identical invitations (a resend is the same file)', () => {
    expect(icsOf(EVENTS.REMOTE_SESSION_PROPOSED)).toBe(icsOf(EVENTS.REMOTE_SESSION_PROPOSED));
  });
});
