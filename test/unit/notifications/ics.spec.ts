import { Locale } from '../../../src/identity/locale.enum';
import { providerEventKey, timelineSeqOf } from '../../../src/notifications/notification-event';
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

  // QA S60b #6 (L3-06, RFC 5546): a declined session stayed in the calendars its invitation
  // reached; the decline's email now cancels that entry.
  it("QA S60b #6: a declined remote session is cancelled in the client's calendar (METHOD:CANCEL, the invitation's UID, a higher SEQUENCE)", () => {
    const proposed = parseIcs(icsOf(EVENTS.REMOTE_SESSION_PROPOSED));
    const declined = EVENTS.REMOTE_SESSION_CANCELLED;
    const email = renderEmail(declined, RECIPIENT, OPTIONS)!;
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments[0]).toMatchObject({
      filename: 'L3-2026-000123-remote-session.ics',
      contentType: 'text/calendar; charset=utf-8; method=CANCEL',
    });
    const lines = parseIcs(icsOf(declined));
    expect(prop(lines, 'METHOD')?.value).toBe('CANCEL');
    expect(prop(lines, 'STATUS')?.value).toBe('CANCELLED');
    expect(prop(lines, 'UID')?.value).toBe(prop(proposed, 'UID')?.value);
    expect(Number(prop(lines, 'SEQUENCE')?.value)).toBeGreaterThan(
      Number(prop(proposed, 'SEQUENCE')?.value),
    );
    expect(prop(lines, 'DTSTART')?.value).toBe(prop(proposed, 'DTSTART')?.value);
    expect(prop(lines, 'ATTENDEE')?.value).toBe('mailto:user@aurora.example');
    // In the recipient's language: the English reader reads English.
    expect(email.subject).toContain('Remote session cancelled');
    expect(email.text).toContain('removes it from your calendar');
    const es = renderEmail(declined, sampleRecipient(Locale.ES_MX), OPTIONS)!;
    expect(es.subject).toContain('Sesión remota cancelada');
    expect(es.text).toContain('la quita de su calendario');
  });

  it('QA S60b #6: a cancelled ticket takes its session still ahead out of the calendar, beside its release date', () => {
    const session = { at: '2026-02-04T17:00:00.000Z', durationMinutes: 45 };
    const onlySession = { ...EVENTS.CANCELLED, remoteSession: session };
    const [attachment] = renderEmail(onlySession, RECIPIENT, OPTIONS)!.attachments;
    expect(attachment.filename).toBe('L3-2026-000123-remote-session.ics');
    const lines = parseIcs(icsOf(onlySession));
    expect(prop(lines, 'METHOD')?.value).toBe('CANCEL');
    expect(prop(lines, 'UID')?.value).toBe(
      prop(parseIcs(icsOf(EVENTS.REMOTE_SESSION_PROPOSED)), 'UID')?.value,
    );
    // Both entries leave the calendar: one file each, each its own UID.
    const both = renderEmail(
      { ...onlySession, releaseDate: '2026-02-10' },
      RECIPIENT,
      OPTIONS,
    )!.attachments;
    expect(both.map((a) => a.filename)).toEqual([
      'L3-2026-000123-release.ics',
      'L3-2026-000123-remote-session.ics',
    ]);
    expect(both.every((a) => a.contentType.endsWith('method=CANCEL'))).toBe(true);
  });

  it("QA S60b #6: the client's confirmation gives the agent holding the session its invitation; a decline after it, the cancellation", () => {
    const session = {
      at: '2026-02-04T17:00:00.000Z',
      durationMinutes: 45,
      link: 'https://meet.example.com/x',
    };
    const accepted = {
      ...EVENTS.PROVIDER_CLIENT_ACTIVITY,
      activity: 'REMOTE_SESSION_ACCEPTED' as const,
      sessionAt: session.at,
      sessionCalendar: { session, agentId: 'u-agent' },
    };
    const agent = sampleRecipient(Locale.ES_MX, {
      id: 'u-agent',
      email: 'agente@becken.example',
      side: 'STAFF',
    });
    const invitation = renderEmail(accepted, agent, OPTIONS)!;
    expect(invitation.attachments.map((a) => a.contentType)).toEqual([
      'text/calendar; charset=utf-8; method=REQUEST',
    ]);
    const request = parseIcs(icsOf(accepted, agent));
    expect(prop(request, 'METHOD')?.value).toBe('REQUEST');
    expect(prop(request, 'LOCATION')?.value).toBe('https://meet.example.com/x');
    expect(prop(request, 'ATTENDEE')?.value).toBe('mailto:agente@becken.example');
    expect(prop(request, 'UID')?.value).toBe(
      prop(parseIcs(icsOf(EVENTS.REMOTE_SESSION_PROPOSED)), 'UID')?.value,
    );
    expect(invitation.text).toContain('Adjuntamos la invitación (.ics)');
    // Another agent told of it (nobody assigned) gets no calendar entry.
    const other = { ...agent, id: 'u-other', email: 'otro@becken.example' };
    expect(renderEmail(accepted, other, OPTIONS)!.attachments).toEqual([]);

    const declined = {
      ...accepted,
      activity: 'REMOTE_SESSION_DECLINED' as const,
      // The same second as the confirmation (the integration spec's pace): the next timeline
      // event still counts up.
      eventKey: providerEventKey(TICKET.number, timelineSeqOf(accepted.eventKey) + 1),
      sessionCalendar: { session, agentId: 'u-agent', cancelled: true as const },
    };
    const cancel = parseIcs(icsOf(declined, agent));
    expect(prop(cancel, 'METHOD')?.value).toBe('CANCEL');
    expect(prop(cancel, 'UID')?.value).toBe(prop(request, 'UID')?.value);
    expect(Number(prop(cancel, 'SEQUENCE')?.value)).toBeGreaterThan(
      Number(prop(request, 'SEQUENCE')?.value),
    );
    expect(renderEmail(declined, { ...agent, locale: Locale.EN }, OPTIONS)!.text).toContain(
      'removes it from your calendar',
    );
  });

  it('the timeline seq of an event key counts in the SEQUENCE; keys outside the timeline add none', () => {
    expect(timelineSeqOf('ticket-L3-2026-000123:7')).toBe(7);
    expect(timelineSeqOf('ticket-L3-2026-000123:7:provider')).toBe(7);
    expect(timelineSeqOf('ticket-L3-2026-000123:delivery-at-risk:2026-02-10T00:00:00.000Z:x')).toBe(
      0,
    );
    expect(timelineSeqOf('attachment-abc')).toBe(0);
  });

  it('the same event renders byte-identical invitations (a resend is the same file)', () => {
    expect(icsOf(EVENTS.REMOTE_SESSION_PROPOSED)).toBe(icsOf(EVENTS.REMOTE_SESSION_PROPOSED));
  });
});
